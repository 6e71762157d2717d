import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { bilingual } from '../errors.js';

/** A cell as an import reads it: text, a number, a yes/no, or empty. Dates come as "YYYY-MM-DD". */
export type ImportCell = string | number | boolean | null;

/** One row of a sheet: its number as the spreadsheet shows it (1 = the first line) and its cells in column order. */
export interface SheetRow {
  row: number;
  cells: ImportCell[];
}

export type FileFormat = 'xlsx' | 'csv';

/** A file that is not what an import expects (format, encoding, size, sheet, columns): the whole file is refused. */
export class ImportFileError extends Error {
  constructor(readonly vi: string, readonly en: string, readonly status = 400, readonly code = 'BAD_USER_INPUT') {
    super(bilingual(vi, en));
  }
}

/** An uploaded file kept on disk while it is validated: its size, checksum and format. */
export interface SpooledFile {
  path: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  checksum: string;
  format: FileFormat;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const tooLarge = (limit: number) => new ImportFileError(
  `Tệp vượt quá giới hạn ${megabytes(limit)}: chia thành nhiều tệp (ví dụ theo tỉnh hoặc theo năm)`,
  `The file exceeds the ${megabytes(limit)} limit: split it (by province or year, for instance)`, 413, 'PAYLOAD_TOO_LARGE');

/**
 * Writes an upload to a temporary file, counting its bytes (refused beyond `limit`, without reading the rest) and
 * hashing them; then tells its format from its first bytes: a ZIP container is XLSX, an OLE2 one the old .xls (refused),
 * anything else is read as CSV.
 */
export async function spoolUpload(body: Readable, limit: number): Promise<SpooledFile> {
  const path = join(tmpdir(), `ntm-import-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(tooLarge(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path));
    if (size === 0) throw new ImportFileError('Tệp trống', 'The file is empty');
    const head = Buffer.alloc(8);
    const handle = await open(path);
    try {
      await handle.read(head, 0, 8, 0);
    } finally {
      await handle.close();
    }
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new ImportFileError('Tệp Excel 97–2003 (.xls) không được hỗ trợ: lưu lại thành .xlsx hoặc CSV UTF-8',
        'Excel 97–2003 files (.xls) are not supported: save as .xlsx or UTF-8 CSV', 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const format: FileFormat = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
    return { path, size, checksum: hash.digest('hex'), format };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An exceljs cell value as an import cell: rich text and hyperlinks as their text, formulas as their result, dates as days. */
function xlsxCell(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

/** Rows of the first worksheet of an XLSX file, read as a stream (the workbook is never held whole). */
async function* xlsxRows(path: string): AsyncGenerator<SheetRow & { sheet: string }> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore',
  } as never);
  try {
    for await (const worksheet of reader as AsyncIterable<any>) {
      for await (const row of worksheet as AsyncIterable<any>) {
        const values = (row.values as unknown[]).slice(1).map(xlsxCell);
        yield { row: row.number as number, cells: values, sheet: String(worksheet.name ?? '') };
      }
      // Only the first worksheet is read: the template puts everything there.
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel)', `The XLSX file could not be read (damaged, or not an Excel workbook): ${(error as Error).message}`);
  }
}

/** Rows of a CSV file: UTF-8 (with or without a byte-order mark), separated by commas, semicolons or tabs as its first line shows. */
async function* csvRows(path: string): AsyncGenerator<SheetRow & { sheet: string }> {
  const head = Buffer.alloc(4096);
  const handle = await open(path);
  let read: number;
  try {
    ({ bytesRead: read } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFileError('Tệp CSV ở bảng mã UTF-16 ("Unicode Text"): lưu lại thành "CSV UTF-8"', 'The CSV file is UTF-16 ("Unicode Text"): save it as "CSV UTF-8"', 415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  const firstLine = head.subarray(0, read).toString('latin1').split(/\r?\n/)[0];
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = new Transform({
    // A byte sequence that is not UTF-8 (a file saved as Windows-1258 or TCVN3) stops the import with a clear message.
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new ImportFileError('Tệp CSV không ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3): trong Excel chọn Lưu thành "CSV UTF-8"',
          'The CSV file is not UTF-8 (Windows-1258 or TCVN3, perhaps): in Excel, save it as "CSV UTF-8"', 415, 'UNSUPPORTED_MEDIA_TYPE'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new ImportFileError('Tệp CSV không ở bảng mã UTF-8', 'The CSV file is not UTF-8', 415, 'UNSUPPORTED_MEDIA_TYPE'));
      }
    },
  });
  const parser = parse({ bom: true, delimiter: counts[0][0], relax_column_count: true, skip_empty_lines: true, info: true });
  const source = createReadStream(path).pipe(decode);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: info.lines, cells: record.map((c) => (c === '' ? null : c)), sheet: '' };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`Không đọc được tệp CSV: ${(error as Error).message}`, `The CSV file could not be read: ${(error as Error).message}`);
  }
}

/** The rows of a spooled file, its first non-empty row being the header; trailing empty cells dropped. */
export async function* sheetRows(file: SpooledFile): AsyncGenerator<SheetRow & { sheet: string }> {
  for await (const row of file.format === 'xlsx' ? xlsxRows(file.path) : csvRows(file.path)) {
    const cells = row.cells.map((c) => (typeof c === 'string' ? (c.trim() === '' ? null : c) : c));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (cells.length) yield { ...row, cells };
  }
}
