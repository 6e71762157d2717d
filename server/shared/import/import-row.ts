import type { Capability } from '../capabilities.js';
import { bilingual, forbidden, type Named } from '../errors.js';
import type { Guard } from '../guard.js';
import { isDatabaseId } from '../ids.js';
import { foldText } from '../sql.js';
import type { ColumnSpec } from './import-columns.js';
import { type ImportCell, ImportFileError } from './import-file.js';
import type { ImportKind } from './import-kind.js';

/** What is wrong with one row: the spreadsheet's row number, the column's header, a code and a message (Vietnamese first). */
export interface ImportRowError {
  row: number;
  column: string;
  code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  message: string;
  /** What the column takes (Vietnamese — English). */
  expected: string | null;
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
  /** Reads a cell with a reader; a CellError becomes this row's error on that column (and null). */
  read<T>(key: string, reader: (cell: ImportCell) => T | null, errors: ImportRowError[], required = false): T | null {
    try {
      const value = reader(this.get(key));
      if (value === null && required) errors.push(this.error(key, 'Ô này bắt buộc', 'This cell is required'));
      return value;
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push(this.error(key, error.vi, error.en));
      return null;
    }
  }

  /** A GraphQL field error (of a rule shared with the single-record mutation) as this row's error on a column. */
  fieldError(key: string, message: string, code: ImportRowError['code'] = 'BAD_USER_INPUT'): ImportRowError {
    return { ...this.error(key, '', '', code), message };
  }

  /** The error of a unit code that names no unit on the day it is read. */
  unitNotFound(code: string, date: string, key = 'unitCode'): ImportRowError {
    return this.error(
      key,
      `Không có đơn vị mã "${code}" hiệu lực ngày ${date}`,
      `No unit with code "${code}" is valid on ${date}`,
      'NOT_FOUND',
    );
  }

  /**
   * Refuses the whole file (FORBIDDEN, naming this row) when the importer does not hold the kind's capability over the
   * row's unit — as the single-record mutation refuses its whole batch. `act` precedes the unit's name ("phân loại",
   * "classify").
   */
  authorize(guard: Guard, unit: { path: string; name: string; code: string }, act: Named): void {
    if (guard.allows(this.layout.capability, unit)) return;
    throw forbidden(
      `Dòng ${this.row}: bạn không có quyền ${act.vi} ${unit.name} (mã ${unit.code}); cả tệp bị từ chối`,
      `Row ${this.row}: you may not ${act.en} ${unit.name} (code ${unit.code}); the whole file is refused`,
    );
  }
}

/** How a header row maps onto a kind's columns. */
export interface Layout {
  /** The kind's capability, which the importer must hold over every row's unit. */
  capability: Capability;
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
export function readHeader(
  kind: Pick<ImportKind, 'capability' | 'columns' | 'dynamicColumn' | 'title'>,
  header: readonly ImportCell[],
  sheet: string,
): Layout {
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
  return { capability: kind.capability, columns, byKey };
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

/**
 * Reads every row with `read`, which notes what is wrong with a cell in the row's `errors` (`row.read` does); each
 * record comes back with its row and those errors, for the validator's checks across rows.
 */
export function readRows<T extends object>(
  rows: readonly ParsedRow[],
  read: (row: ParsedRow, errors: ImportRowError[]) => T,
): (T & { row: ParsedRow; errors: ImportRowError[] })[] {
  return rows.map((row) => {
    const errors: ImportRowError[] = [];
    return { ...read(row, errors), row, errors };
  });
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
  /** The id of a stored record (a campaign's, in the campaign column): a whole number that can name a database row. */
  id(cell: ImportCell): number | null {
    const n = cells.integer(cell);
    if (n !== null && !isDatabaseId(n)) throw new CellError(`${shown(cell)} không phải mã hợp lệ`, `${shown(cell)} is not a valid id`);
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
