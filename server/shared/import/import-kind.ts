import type { EntityManager } from '@mikro-orm/postgresql';
import type { Capability } from '../capabilities.js';
import type { SubgraphContext } from '../context.js';
import { badInput, bilingual, forbidden, type Named } from '../errors.js';
import type { Guard } from '../guard.js';
import { today } from '../scalars.js';
import { foldText } from '../sql.js';
import type { Cell } from '../table-file.js';
import type { UnitDirectory, UnitInfo } from '../unit-directory.js';
import { type ImportCell, ImportFileError } from './import-file.js';

/** A column of an import file: its key, the Vietnamese header the template writes and the import reads back, what it takes. */
export interface ColumnSpec {
  key: string;
  header: string;
  /** What the column takes, shown with every error on it ("Đạt, Không đạt hoặc để trống"). */
  expected: Named;
  required?: boolean;
}

/** What is wrong with one row: the spreadsheet's row number, the column's header, a code and a message (Vietnamese first). */
export interface ImportRowError {
  row: number;
  column: string;
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  message: string;
  /** What the column takes (Vietnamese — English). */
  expected: string | null;
}

/** A validated row waiting for the commit (kept in imports.import_row between the dry run and the commit). */
export interface StagedRow<Plan = unknown> {
  row: number;
  data: Plan;
}

/** What validating some rows gives: rows to write, how many equal what is stored (nothing to do), and errors. */
export interface ValidatedBatch {
  staged: StagedRow[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: ImportRowError[];
}

export const emptyBatch = (): ValidatedBatch => ({ staged: [], toCreate: 0, toUpdate: 0, unchanged: 0, errors: [] });

/** Checks a file's rows batch by batch (its state — duplicates seen, sets loaded — lives as long as the file). */
export interface ImportValidator {
  /** Validates rows (a few hundred at a time). A row outside the importer's subtree throws FORBIDDEN: the whole file is refused. */
  validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch>;
  /** After the last batch: whatever could only be checked with every row at hand. */
  finish?(): Promise<ValidatedBatch>;
}

/** What a commit wrote for some staged rows. */
export interface CommittedBatch {
  created: number;
  updated: number;
  /** ltree paths of the units written, for the audit event's unit (their deepest common ancestor). */
  unitPaths: string[];
}

/** A table a template or an export writes: its header row first. */
export interface TemplateTable {
  /** File name without extension. */
  name: string;
  rows: Cell[][];
  /** Columns stored as text in XLSX (codes keep their leading zeros). */
  textColumns: number[];
}

/**
 * One kind of record that can be imported from a spreadsheet, owned and written by one subgraph with the same rules
 * as its single-record mutations. The shared router (`import-router.ts`) does the rest: upload, jobs, progress, errors.
 */
export interface ImportKind<Plan = unknown> {
  /** URL segment and job kind: `/imports/<name>`. */
  name: string;
  /** The capability the kind's single-record mutation needs: the importer must hold it over every row's unit. */
  capability: Capability;
  title: Named;
  /** Name of the template's worksheet. */
  sheetName: string;
  /** The fixed columns, in template order. */
  columns: readonly ColumnSpec[];
  /** Columns whose header varies (one per criterion…): the spec a header text names, or null. */
  dynamicColumn?(header: string): ColumnSpec | null;
  validator(ctx: SubgraphContext): ImportValidator;
  /** Runs first in the commit's transaction (a lock, say). */
  beforeCommit?(em: EntityManager): Promise<void>;
  /** Writes staged rows in the commit's transaction, set-based; re-checks versions under lock (CONFLICT throws, nothing is written). */
  commit(em: EntityManager, ctx: SubgraphContext, rows: readonly StagedRow<Plan>[]): Promise<CommittedBatch>;
  /** The template; with filters (`query`) it holds the stored records, so a file exported from the hub re-imports unchanged. */
  template(ctx: SubgraphContext, query: Record<string, string | undefined>): Promise<TemplateTable>;
}

/** A template that is the export of a territory: the header row, then with `withinCode` the records stored there. */
export interface TerritoryExport<Territory> {
  /** File name without extension; `-<withinCode>` follows when the template lists a territory. */
  file: string;
  /** Columns stored as text in XLSX (codes keep their leading zeros). */
  textColumns: number[];
  /** The unit `withinCode` names on the template's date (`templateDate`), or null. */
  find(ctx: SubgraphContext, code: string, date: string): Promise<Territory | null>;
  /** The records stored in that territory on that date, as template rows. */
  rows(ctx: SubgraphContext, territory: Territory, date: string): Promise<Cell[][]>;
}

/**
 * Declares an import kind: what is its own (columns, validator, commit, template); its commit receives the plans its
 * validator staged, typed, and a template given as a `TerritoryExport` is built by `territoryTemplate`.
 */
export function defineImportKind<Plan, Territory = never>(
  kind: Omit<ImportKind<Plan>, 'template'> & { template: ImportKind['template'] | TerritoryExport<Territory> },
): ImportKind {
  const { template } = kind;
  if (typeof template === 'function') return { ...kind, template };
  return { ...kind, template: (ctx, query) => territoryTemplate(ctx, kind.columns, template, query) } as ImportKind;
}

/** A data row of a file, read through the header: cells by column key. */
export class ParsedRow {
  constructor(
    readonly row: number,
    private readonly cells: ReadonlyMap<string, ImportCell>,
    private readonly layout: Layout,
  ) {}

  get(key: string): ImportCell {
    return this.cells.get(key) ?? null;
  }

  /** Keys of the dynamic columns present in the file (criteria, indicators…). */
  keys(): string[] {
    return [...this.layout.byKey.keys()];
  }

  /** The header of a column as the file wrote it (or the template's, for a column the file lacks). */
  column(key: string): string {
    return this.layout.byKey.get(key)?.header ?? key;
  }

  /** An error on a column of this row, with what the column expects. */
  error(key: string, vi: string, en: string, code: ImportRowError['code'] = 'BAD_USER_INPUT'): ImportRowError {
    const spec = this.layout.byKey.get(key)?.spec;
    return {
      row: this.row,
      column: this.column(key),
      code,
      message: bilingual(vi, en),
      expected: spec ? bilingual(spec.expected.vi, spec.expected.en) : null,
    };
  }
}

/** How a header row maps onto a kind's columns. */
export interface Layout {
  /** For each column index of the file, the spec it is (null: ignored, e.g. a unit's name). */
  columns: (ColumnSpec | null)[];
  byKey: Map<string, { spec: ColumnSpec; header: string }>;
}

/** Folds a header for matching: accents, case, spaces and a required-marker "(*)" or "*" aside. */
const foldHeader = (header: string) => foldText(header.replace(/\(\*\)|\*/g, ''));

/**
 * Reads a header row against a kind's columns: every cell must name one of them (or a dynamic column), each at most
 * once, and every required one must be there. Otherwise the whole file is refused, saying which columns are missing,
 * unknown or repeated — the mark of a wrong sheet or a file made for something else.
 */
export function readHeader(kind: ImportKind, header: readonly ImportCell[], sheet: string): Layout {
  const fixed = new Map(kind.columns.map((c) => [foldHeader(c.header), c]));
  const columns: (ColumnSpec | null)[] = [];
  const byKey = new Map<string, { spec: ColumnSpec; header: string }>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const cell of header) {
    const text = cell === null ? '' : String(cell).trim();
    const spec = text ? (fixed.get(foldHeader(text)) ?? kind.dynamicColumn?.(text) ?? null) : null;
    if (text && !spec) unknown.push(text);
    if (spec && byKey.has(spec.key)) repeated.push(text);
    if (spec) byKey.set(spec.key, { spec, header: text });
    columns.push(spec);
  }
  const missing = kind.columns.filter((c) => c.required && !byKey.has(c.key)).map((c) => c.header);
  if (missing.length || unknown.length || repeated.length) {
    const where = sheet ? ` (trang tính "${sheet}")` : '';
    const whereEn = sheet ? ` (sheet "${sheet}")` : '';
    const parts = [
      missing.length
        ? [`thiếu cột ${missing.map((m) => `"${m}"`).join(', ')}`, `missing ${missing.map((m) => `"${m}"`).join(', ')}`]
        : null,
      unknown.length
        ? [
            `cột không nhận ra ${unknown
              .slice(0, 10)
              .map((m) => `"${m}"`)
              .join(', ')}`,
            `unknown ${unknown
              .slice(0, 10)
              .map((m) => `"${m}"`)
              .join(', ')}`,
          ]
        : null,
      repeated.length
        ? [`cột lặp lại ${repeated.map((m) => `"${m}"`).join(', ')}`, `repeated ${repeated.map((m) => `"${m}"`).join(', ')}`]
        : null,
    ].filter((p): p is string[] => p !== null);
    throw new ImportFileError(
      `Dòng tiêu đề${where} không khớp mẫu "${kind.title.vi}": ${parts.map((p) => p[0]).join('; ')}. Tải mẫu, giữ nguyên dòng tiêu đề ở trang tính đầu tiên`,
      `The header row${whereEn} does not match the "${kind.title.en}" template: ${parts.map((p) => p[1]).join('; ')}. Download the template and keep its header row on the first sheet`,
    );
  }
  return { columns, byKey };
}

/** Turns a file row into a ParsedRow through the layout. */
export function parseRow(layout: Layout, row: number, cells: readonly ImportCell[]): ParsedRow {
  const values = new Map<string, ImportCell>();
  cells.forEach((cell, i) => {
    const spec = layout.columns[i];
    if (spec && cell !== null) values.set(spec.key, cell);
  });
  return new ParsedRow(row, values, layout);
}

/** The error of a row whose unit code names no unit on the day it is read. */
export function unitNotFound(row: ParsedRow, code: string, date: string, key = 'unitCode'): ImportRowError {
  return row.error(
    key,
    `Không có đơn vị mã "${code}" hiệu lực ngày ${date}`,
    `No unit with code "${code}" is valid on ${date}`,
    'NOT_FOUND',
  );
}

/**
 * Refuses the whole file (FORBIDDEN, naming the row) when the importer may not `act` on the row's unit — as the
 * single-record mutation refuses its whole batch. `act` is worded to precede the unit's name ("phân loại", "classify").
 */
export function authorizeRow(
  guard: Guard,
  capability: Capability,
  row: ParsedRow,
  unit: { path: string; name: string; code: string },
  act: Named,
): void {
  if (guard.allows(capability, unit)) return;
  throw forbidden(
    `Dòng ${row.row}: bạn không có quyền ${act.vi} ${unit.name} (mã ${unit.code}); cả tệp bị từ chối`,
    `Row ${row.row}: you may not ${act.en} ${unit.name} (code ${unit.code}); the whole file is refused`,
  );
}

/** A cell that does not hold what its column takes: the message names the value found. */
export class CellError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const shown = (cell: ImportCell) => JSON.stringify(String(cell));

/** Cell readers: each returns null for an empty cell and throws CellError for a value of the wrong shape. */
export const cells = {
  text(cell: ImportCell): string | null {
    if (cell === null) return null;
    const text = String(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
    return text || null;
  },
  /** A code: text as written; a number whose leading zeros a spreadsheet dropped cannot be trusted. */
  code(cell: ImportCell): string | null {
    if (cell === null) return null;
    if (typeof cell === 'number') {
      throw new CellError(
        `Mã ${cell} được lưu dạng số (mất số 0 ở đầu?): định dạng cột là Văn bản rồi nhập lại mã`,
        `Code ${cell} is stored as a number (leading zeros lost?): format the column as Text and enter the code again`,
      );
    }
    return cells.text(cell);
  },
  integer(cell: ImportCell): number | null {
    if (cell === null) return null;
    const n = typeof cell === 'number' ? cell : /^-?\d+$/.test(String(cell).trim()) ? Number(String(cell).trim()) : NaN;
    if (!Number.isSafeInteger(n)) throw new CellError(`${shown(cell)} không phải số nguyên`, `${shown(cell)} is not a whole number`);
    return n;
  },
  /** A number: numeric cells, or text with "." or "," as the decimal mark ("12,5" as Vietnamese write it). */
  number(cell: ImportCell): number | null {
    if (cell === null) return null;
    let n = NaN;
    if (typeof cell === 'number') n = cell;
    else if (typeof cell === 'string') {
      const text = cell.trim().replace(/\s/g, '');
      if (/^-?\d+([.,]\d+)?$/.test(text)) n = Number(text.replace(',', '.'));
    }
    if (!Number.isFinite(n) || Math.abs(n) > 1e15) throw new CellError(`${shown(cell)} không phải số`, `${shown(cell)} is not a number`);
    return n;
  },
  /** A day: an Excel date (a day serial in the file), "YYYY-MM-DD" or "DD/MM/YYYY". */
  date(cell: ImportCell): string | null {
    if (cell === null) return null;
    // Excel counts days from 30 December 1899; 1 to 73,415 covers 1900–2100.
    if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1 && cell <= 73_415)
      return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
    const text = String(cell).trim();
    let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!match && dmy) match = [text, dmy[3], dmy[2].padStart(2, '0'), dmy[1].padStart(2, '0')] as unknown as RegExpExecArray;
    const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
    const date = new Date(`${iso}T00:00:00Z`);
    if (
      !match ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== iso ||
      Number(match[1]) < 1900 ||
      Number(match[1]) > 2100
    ) {
      throw new CellError(`${shown(cell)} không phải ngày (dd/mm/yyyy)`, `${shown(cell)} is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
    }
    return iso;
  },
  /** Yes or no: Đạt / Không đạt, Có / Không, x, 1 / 0, TRUE / FALSE. */
  yesNo(cell: ImportCell): boolean | null {
    if (cell === null) return null;
    if (typeof cell === 'boolean') return cell;
    if (cell === 1 || cell === 0) return cell === 1;
    const folded = foldText(String(cell));
    if (['dat', 'co', 'x', '1', 'true', 'yes'].includes(folded)) return true;
    if (['khong dat', 'chua dat', 'khong', '0', 'false', 'no'].includes(folded)) return false;
    throw new CellError(`${shown(cell)} không phải Đạt/Không đạt`, `${shown(cell)} is not a yes/no value`);
  },
  /** One of an enum's values, written as its code or as a label the template uses (accents and case aside). */
  choice<T extends string>(cell: ImportCell, labels: Readonly<Record<T, string>>): T | null {
    if (cell === null) return null;
    const folded = foldText(String(cell));
    const found = (Object.entries(labels) as [T, string][]).find(
      ([code, label]) => foldText(code) === folded || foldText(label) === folded,
    );
    if (!found)
      throw new CellError(
        `${shown(cell)} không phải một trong: ${Object.values(labels).join(', ')}`,
        `${shown(cell)} is not one of ${Object.keys(labels).join(', ')}`,
      );
    return found[0];
  },
};

/** Reads a cell with a reader; a CellError becomes the row's error on that column (and null). */
export function readCell<T>(
  row: ParsedRow,
  key: string,
  read: (cell: ImportCell) => T | null,
  errors: ImportRowError[],
  required = false,
): T | null {
  try {
    const value = read(row.get(key));
    if (value === null && required) errors.push(row.error(key, 'Ô này bắt buộc', 'This cell is required'));
    return value;
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    errors.push(row.error(key, error.vi, error.en));
    return null;
  }
}

/** The deepest path every one of these ltree paths lies in (null for none). */
export function commonPath(paths: readonly string[]): string | null {
  if (!paths.length) return null;
  let common = paths[0].split('.');
  for (const path of paths) {
    const labels = path.split('.');
    let i = 0;
    while (i < common.length && i < labels.length && common[i] === labels[i]) i++;
    common = common.slice(0, i);
  }
  return common.length ? common.join('.') : null;
}

/** A GraphQL field error as a row error on a column, for rules shared with single-record mutations. */
export function fieldError(row: ParsedRow, key: string, message: string, code: ImportRowError['code'] = 'BAD_USER_INPUT'): ImportRowError {
  return { ...row.error(key, '', '', code), message };
}

/** The day a template reads codes on: `asOf`, else 30 June of `year`, else today. */
export function templateDate(query: Record<string, string | undefined>): string {
  const year = Number(query.year);
  return query.asOf ?? (Number.isInteger(year) && year > 1900 ? `${year}-06-30` : today());
}

/** Columns several kinds share, worded once. */
export const sharedColumns = {
  /** The campaign a row belongs to, by its id. */
  campaignId: {
    key: 'campaignId',
    header: 'Mã phong trào',
    required: true,
    expected: { vi: 'mã định danh của phong trào (số)', en: "the campaign's id (a number)" },
  } as ColumnSpec,
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

/**
 * The unit a template's `withinCode` names, found by `find` on the template's date (`templateDate`); null without
 * `withinCode`, BAD_USER_INPUT when no unit holds the code that day.
 */
export async function templateTerritory<T>(
  query: Record<string, string | undefined>,
  find: (code: string, date: string) => Promise<T | null>,
): Promise<{ territory: T; date: string } | null> {
  if (!query.withinCode) return null;
  const date = templateDate(query);
  const territory = await find(query.withinCode.trim(), date);
  if (!territory)
    throw badInput(
      `Không có đơn vị mã "${query.withinCode}" hiệu lực ngày ${date}`,
      `No unit with code "${query.withinCode}" is valid on ${date}`,
      'withinCode',
    );
  return { territory, date };
}

/**
 * A template that is the export of a territory: the header row, then with `withinCode` the rows of the unit found
 * (`templateTerritory`); the file named `<file>-<withinCode>`, or `<file>` alone.
 */
async function territoryTemplate<Territory>(
  ctx: SubgraphContext,
  columns: readonly ColumnSpec[],
  spec: TerritoryExport<Territory>,
  query: Record<string, string | undefined>,
): Promise<TemplateTable> {
  const rows: Cell[][] = [columns.map((c) => c.header)];
  const found = await templateTerritory(query, (code, date) => spec.find(ctx, code, date));
  if (found) rows.push(...(await spec.rows(ctx, found.territory, found.date)));
  return { name: `${spec.file}${query.withinCode ? `-${query.withinCode}` : ''}`, rows, textColumns: spec.textColumns };
}

/** Units by code, each read on its own day, asked of the units subgraph a day at a time; keyed "code@date". */
export async function unitsOnDates(
  units: UnitDirectory,
  wanted: readonly { code: string; date: string }[],
): Promise<Map<string, UnitInfo>> {
  const byDate = new Map<string, string[]>();
  for (const { code, date } of wanted) byDate.set(date, [...(byDate.get(date) ?? []), code]);
  const found = new Map<string, UnitInfo>();
  for (const [date, codes] of byDate)
    for (const [code, unit] of await units.findManyByCode(codes, date)) found.set(`${code}@${date}`, unit);
  return found;
}

/**
 * For kinds that only add: a checked row whose key is among the keys `storedKeys` finds for the plans is unchanged,
 * the others are staged to create.
 */
export async function stageAdditions<T>(
  batch: ValidatedBatch,
  planned: readonly { row: ParsedRow; plan: T }[],
  keyOf: (plan: T) => string,
  storedKeys: (plans: T[]) => Promise<ReadonlySet<string>>,
): Promise<ValidatedBatch> {
  const stored = await storedKeys(planned.map((p) => p.plan));
  for (const { row, plan } of planned) {
    if (stored.has(keyOf(plan))) {
      batch.unchanged++;
      continue;
    }
    batch.staged.push({ row: row.row, data: plan });
    batch.toCreate++;
  }
  return batch;
}
