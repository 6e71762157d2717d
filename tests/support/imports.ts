import ExcelJS from 'exceljs';
import './provided-context.js';
import { hubUrl } from './hub.js';

/** An import job as the routes answer it. */
export interface Job {
  id: string;
  status: string;
  rowsRead: number;
  rowsValidated: number;
  rowsWritten: number;
  errorCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  message: string | null;
  checksum: string;
}

const url = (path: string) => `${hubUrl()}${path}`;
const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** GET a file (a template, an error list) as bytes; fails the test on a non-200 answer. */
export async function download(path: string, token?: string): Promise<Buffer> {
  const response = await fetch(url(path), { headers: auth(token) });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Uploads a file to `/imports/<kind>` and waits for its dry run (and commit with `commit=true`). */
export async function upload(
  kind: string,
  body: Buffer | string,
  token: string | undefined,
  query = '',
): Promise<{ status: number; body: any; job: Job }> {
  const response = await fetch(url(`/imports/${kind}?wait=true&fileName=test.xlsx${query}`), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...auth(token) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const json = (await response.json()) as any;
  return { status: response.status, body: json, job: json.job };
}

/** Commits a validated job and waits for it. */
export async function commit(kind: string, id: string, token: string): Promise<{ status: number; body: any; job: Job }> {
  const response = await fetch(url(`/imports/${kind}/jobs/${id}/commit?wait=true`), { method: 'POST', headers: auth(token) });
  const json = (await response.json()) as any;
  return { status: response.status, body: json, job: json.job };
}

/** A job's row errors as the CSV download lists them: [row, column, code, message, expected]. */
export async function errorRows(kind: string, id: string, token: string): Promise<string[][]> {
  const workbook = await readXlsx(await download(`/imports/${kind}/jobs/${id}/errors.xlsx`, token));
  return sheetValues(workbook).slice(1);
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first sheet's cells as text, row by row. */
export function sheetValues(workbook: ExcelJS.Workbook): string[][] {
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    // Array.from visits the holes exceljs leaves for empty cells (map would skip them).
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
