import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Response } from 'express';

/** A table cell: numbers stay numbers (numeric XLSX cells, plain digits in CSV). */
export type Cell = string | number | boolean | null;

const csvCell = (cell: Cell): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV line (CRLF-terminated). */
export const csvLine = (row: Cell[]) => `${row.map(csvCell).join(',')}\r\n`;

/** Widths wide enough for each column's longest text, between 8 and 60 characters. */
const columnWidths = (rows: Cell[][]) =>
  rows[0]?.map((_, c) =>
    Math.min(60, Math.max(8, Math.max(...rows.map((r) => (r[c] === null || r[c] === undefined ? 0 : String(r[c]).length))) + 2)),
  ) ?? [];

/**
 * Writes one sheet (named like the file) with exceljs's streaming writer, row by row into `out`: a bold, frozen
 * header row of Vietnamese headers, numbers as numeric cells, empty cells for nulls and non-finite numbers, and
 * columns wide enough for their longest text. Nothing is held as a whole workbook in memory. Columns listed in
 * `textColumns` are stored as text (codes such as "02287" keep their leading zero when edited in a spreadsheet).
 */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  rows: Cell[][],
  { textColumns = [] as readonly number[] } = {},
): Promise<void> {
  // Loaded on the first download: exceljs is large and most hubs never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'NTM Hub';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnWidths(rows).map((width, c) => ({ width, ...(textColumns.includes(c) ? { style: { numFmt: '@' } } : {}) }));
  for (const [i, row] of rows.entries()) {
    const added = sheet.addRow(row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)));
    if (i === 0) added.font = { bold: true };
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Streams rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right). */
export async function writeCsv(res: Writable, rows: Cell[][]): Promise<void> {
  res.write('\ufeff');
  // In chunks of rows, waiting whenever the client reads slower than the rows are written.
  for (let i = 0; i < rows.length; i += 500) {
    if (
      !res.write(
        rows
          .slice(i, i + 500)
          .map(csvLine)
          .join(''),
      )
    )
      await once(res, 'drain');
  }
  res.end();
}

/** Sends a table as a download named `<name>.csv` or `<name>.xlsx`. */
export async function sendTable(
  res: Response,
  format: 'csv' | 'xlsx',
  name: string,
  sheetName: string,
  rows: Cell[][],
  options?: { textColumns?: readonly number[] },
): Promise<void> {
  if (format === 'xlsx') {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`);
    await writeXlsx(res, sheetName, rows, options);
    return;
  }
  res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
  await writeCsv(res, rows);
}
