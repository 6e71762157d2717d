import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
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
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly status = 400,
    readonly code = 'BAD_USER_INPUT',
  ) {
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

export const tooLarge = (limit: number) =>
  new ImportFileError(
    `Tệp vượt quá giới hạn ${megabytes(limit)}: chia thành nhiều tệp (ví dụ theo tỉnh hoặc theo năm)`,
    `The file exceeds the ${megabytes(limit)} limit: split it (by province or year, for instance)`,
    413,
    'PAYLOAD_TOO_LARGE',
  );

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
      throw new ImportFileError(
        'Tệp Excel 97–2003 (.xls) không được hỗ trợ: lưu lại thành .xlsx hoặc CSV UTF-8',
        'Excel 97–2003 files (.xls) are not supported: save as .xlsx or UTF-8 CSV',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    const format: FileFormat = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
    return { path, size, checksum: hash.digest('hex'), format };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** The entries of a zip file by path, read from its central directory (nothing is decompressed yet). */
async function openZip(path: string): Promise<{ zip: ZipFile; entries: Map<string, Entry> }> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { zip, entries };
}

/** Parses one zip entry's XML as a stream, handing saxes' events to `on`; after each chunk, `drain` may yield what was found. */
async function* xmlEvents<T>(zip: ZipFile, entry: Entry, on: (parser: SaxesParser) => void, drain: () => T[]): AsyncGenerator<T> {
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
  const parser = new SaxesParser();
  on(parser);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      yield* drain();
    }
    parser.write(decoder.decode()).close();
    yield* drain();
  } finally {
    stream.destroy();
  }
}

/** Column number (from 0) of a cell reference such as "AB12". */
const columnIndex = (ref: string): number => {
  let n = 0;
  for (const c of ref) {
    if (c < 'A' || c > 'Z') break;
    n = n * 26 + c.charCodeAt(0) - 64;
  }
  return n - 1;
};

const attr = (tag: { attributes: Record<string, unknown> }, name: string) => tag.attributes[name] as string | undefined;

/**
 * Rows of the first worksheet of an XLSX file, streamed: the zip's central directory is read, then the workbook and
 * its relations (to find the first sheet), the shared strings (which a spreadsheet keeps apart from its cells), and
 * the sheet's XML chunk by chunk. Numbers stay numbers (a date column receives Excel's day serial, which the date
 * reader converts); formulas give their cached result.
 */
async function* xlsxRows(path: string): AsyncGenerator<SheetRow & { sheet: string }> {
  let opened: Awaited<ReturnType<typeof openZip>>;
  try {
    opened = await openZip(path);
  } catch (error) {
    throw new ImportFileError(
      'Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel)',
      `The XLSX file could not be read (damaged, or not an Excel workbook): ${(error as Error).message}`,
    );
  }
  const { zip, entries } = opened;
  const part = (name: string) => entries.get(name);
  const readAll = async <T>(name: string, on: (parser: SaxesParser, out: T[]) => void): Promise<T[]> => {
    const entry = part(name);
    const out: T[] = [];
    if (!entry) return out;
    for await (const _ of xmlEvents(
      zip,
      entry,
      (parser) => on(parser, out),
      () => [],
    ))
      void _;
    return out;
  };
  try {
    const sheets = await readAll<{ name: string; id: string }>('xl/workbook.xml', (parser, out) =>
      parser.on('opentag', (tag) => {
        if (tag.name === 'sheet') out.push({ name: attr(tag, 'name') ?? '', id: attr(tag, 'r:id') ?? '' });
      }),
    );
    const targets = await readAll<{ id: string; target: string }>('xl/_rels/workbook.xml.rels', (parser, out) =>
      parser.on('opentag', (tag) => {
        if (tag.name === 'Relationship') out.push({ id: attr(tag, 'Id') ?? '', target: attr(tag, 'Target') ?? '' });
      }),
    );
    const first = sheets[0];
    const target = targets.find((t) => t.id === first?.id)?.target;
    const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
    const sheetEntry = part(sheetPath);
    if (!first || !sheetEntry) throw new ImportFileError('Tệp XLSX không có trang tính nào', 'The XLSX file has no worksheet');
    const shared = await readAll<string>('xl/sharedStrings.xml', (parser, out) => {
      let text: string[] | null = null;
      let inText = false;
      let phonetic = false;
      parser.on('opentag', (tag) => {
        if (tag.name === 'si') text = [];
        else if (tag.name === 'rPh') phonetic = true;
        else if (tag.name === 't' && !phonetic) inText = true;
      });
      parser.on('text', (t) => {
        if (inText && text) text.push(t);
      });
      parser.on('closetag', (tag) => {
        if (tag.name === 't') inText = false;
        else if (tag.name === 'rPh') phonetic = false;
        else if (tag.name === 'si' && text) {
          out.push(text.join(''));
          text = null;
        }
      });
    });
    const rows: (SheetRow & { sheet: string })[] = [];
    let row: SheetRow | null = null;
    let cell: { index: number; type: string; text: string[] } | null = null;
    let capture = false;
    let next = 0;
    const onSheet = (parser: SaxesParser) => {
      parser.on('opentag', (tag) => {
        if (tag.name === 'row') {
          row = { row: Number(attr(tag, 'r')) || (rows.length ? rows[rows.length - 1].row + 1 : 1), cells: [] };
          next = 0;
        } else if (tag.name === 'c' && row) {
          const ref = attr(tag, 'r');
          cell = { index: ref ? columnIndex(ref) : next, type: attr(tag, 't') ?? 'n', text: [] };
          next = cell.index + 1;
        } else if ((tag.name === 'v' || tag.name === 't') && cell) {
          capture = true;
        }
      });
      parser.on('text', (t) => {
        if (capture && cell) cell.text.push(t);
      });
      parser.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't') capture = false;
        else if (tag.name === 'c' && cell && row) {
          const raw = cell.text.join('');
          const value: ImportCell =
            raw === ''
              ? null
              : cell.type === 's'
                ? (shared[Number(raw)] ?? null)
                : cell.type === 'b'
                  ? raw === '1'
                  : cell.type === 'n'
                    ? Number(raw)
                    : raw;
          while (row.cells.length < cell.index) row.cells.push(null);
          row.cells[cell.index] = value;
          cell = null;
        } else if (tag.name === 'row' && row) {
          rows.push({ ...row, sheet: first.name });
          row = null;
        }
      });
    };
    yield* xmlEvents(zip, sheetEntry, onSheet, () => rows.splice(0));
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'Không đọc được tệp XLSX (tệp hỏng hoặc không phải bảng tính Excel)',
      `The XLSX file could not be read (damaged, or not an Excel workbook): ${(error as Error).message}`,
    );
  } finally {
    zip.close();
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
    throw new ImportFileError(
      'Tệp CSV ở bảng mã UTF-16 ("Unicode Text"): lưu lại thành "CSV UTF-8"',
      'The CSV file is UTF-16 ("Unicode Text"): save it as "CSV UTF-8"',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
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
        done(
          new ImportFileError(
            'Tệp CSV không ở bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3): trong Excel chọn Lưu thành "CSV UTF-8"',
            'The CSV file is not UTF-8 (Windows-1258 or TCVN3, perhaps): in Excel, save it as "CSV UTF-8"',
            415,
            'UNSUPPORTED_MEDIA_TYPE',
          ),
        );
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
  const input = createReadStream(path);
  const source = input.pipe(decode);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: info.lines, cells: record.map((c) => (c === '' ? null : c)), sheet: '' };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      `Không đọc được tệp CSV: ${(error as Error).message}`,
      `The CSV file could not be read: ${(error as Error).message}`,
    );
  } finally {
    input.destroy();
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
