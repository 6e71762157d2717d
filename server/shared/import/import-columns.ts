import type { Named } from '../errors.js';

/** A column of an import file: its key, the Vietnamese header the template writes and the import reads back, what it takes. */
export interface ColumnSpec {
  key: string;
  header: string;
  /** What the column takes, shown with every error on it ("Đạt, Không đạt hoặc để trống"). */
  expected: Named;
  required?: boolean;
  /** A column of codes (GSO codes, village codes): a template writes it as text, so a spreadsheet keeps leading zeros. */
  code?: true;
}

/** The positions of the code columns among these, the ones a template stores as text. */
export const textColumnsOf = (columns: readonly ColumnSpec[]): number[] => columns.flatMap((c, i) => (c.code ? [i] : []));

/**
 * What a column of enum values takes (`cells.choice` reads a label or a code): the labels in Vietnamese, the codes in
 * English, after `before` ("một trong:", "one of") and followed by `after`.
 */
export function choiceOf(
  labels: Readonly<Record<string, string>>,
  before: Named = { vi: 'một trong:', en: 'one of' },
  after: Named = { vi: '', en: '' },
): Named {
  return {
    vi: `${before.vi} ${Object.values(labels).join(', ')}${after.vi}`,
    en: `${before.en} ${Object.keys(labels).join(', ')}${after.en}`,
  };
}

/** Columns several kinds share, worded once. */
export const sharedColumns = {
  /** The row's unit by its GSO code (required); `expected` says which units the kind takes. */
  unitCode: (expected: Named): ColumnSpec => ({ key: 'unitCode', header: 'Mã đơn vị', required: true, code: true, expected }),
  /** The version of the stored record the row changes, as the template read it (optimistic locking). */
  version: (expected: Named): ColumnSpec => ({ key: 'version', header: 'Phiên bản', expected }),
  /** The campaign a row belongs to, by its id. */
  campaignId: {
    key: 'campaignId',
    header: 'Mã phong trào',
    required: true,
    expected: { vi: 'mã định danh của phong trào (số)', en: "the campaign's id (a number)" },
  } as ColumnSpec,
  /** The year a row is about; `expected` says which years the kind takes. */
  year: (expected: Named, required = false): ColumnSpec => ({ key: 'year', header: 'Năm', expected, ...(required && { required }) }),
  /** The unit's name beside its code, for people: never read. */
  unitName: {
    key: 'unitName',
    header: 'Tên đơn vị',
    expected: { vi: 'tên để đối chiếu (không được đọc)', en: 'a name for reference (not read)' },
  } as ColumnSpec,
  /** The day the row's unit code is read on, and what an empty cell means. */
  codeDate: (key: string, empty: Named): ColumnSpec => ({
    key,
    header: 'Ngày đọc mã',
    expected: { vi: `ngày đơn vị có mã này (để trống: ${empty.vi})`, en: `a day the unit holds this code (empty: ${empty.en})` },
  }),
};
