import { Router, type Request, type Response } from 'express';
import { bilingual } from '../shared/errors.js';
import type { PeerQuery } from '../shared/peers.js';
import { COMPARE_QUERY, compareRows, PROGRESS_QUERY, progressRows, type Cell } from './export-rows.js';

export { COMPARE_HEADERS, PROGRESS_HEADERS, type Cell } from './export-rows.js';

const csvCell = (cell: Cell): string => {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese text right. */
const toCsv = (rows: Cell[][]) => `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

const list = (value: unknown): string[] | undefined =>
  typeof value === 'string' && value.length ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
const int = (value: unknown): number | undefined => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length ? value : undefined);

/**
 * One sheet (named like the file) with exceljs: a bold, frozen header row of Vietnamese headers, numbers as numeric
 * cells, empty cells for nulls, and columns wide enough for their longest text.
 */
export async function toXlsx(sheetName: string, rows: Cell[][]): Promise<Buffer> {
  // Loaded on the first download: exceljs is large and most hubs never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Hub';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)));
  sheet.getRow(1).font = { bold: true };
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] === null || r[c] === undefined ? 0 : String(r[c]).length)))) ?? [];
  widths.forEach((width, c) => { sheet.getColumn(c + 1).width = Math.min(60, Math.max(8, width + 2)); });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function send(res: Response, format: string, name: string, rows: Cell[][]): Promise<void> {
  if (format === 'xlsx') {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await toXlsx(name, rows));
  } else {
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(rows));
  }
}

async function run(peers: PeerQuery, res: Response, query: string, variables: Record<string, unknown>): Promise<any | undefined> {
  const result = await peers('insights', query, variables);
  if (result.errors?.length) {
    const code = result.errors[0].extensions?.code;
    const status = code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || !code ? 400 : 500;
    res.status(status).json({ error: { code: code ?? 'BAD_USER_INPUT', message: status === 500 ? bilingual('Lỗi hệ thống', 'Internal error') : result.errors[0].message } });
    return undefined;
  }
  return result.data;
}

/**
 * Downloads of the comparison and progress tables as CSV or XLSX, with Vietnamese headers and numbers as numbers:
 * `GET /exports/compare.csv?metrics=COMMUNES_NTM,AVG_CRITERIA_MET&year=2024&childrenOf=56&asOf=2024-01-01`
 * (or `unitCodes=56,49` or `level=PROVINCE`), `GET /exports/progress.xlsx?unitCode=06&metric=COMMUNES_NTM&fromYear=2021&toYear=2025`.
 * Runs the insights subgraph's public queries through `peers` (public data, anonymous). Mount: `app.use('/exports', insightsExports(peers))`.
 */
export function insightsExports(peers: PeerQuery): Router {
  const router = Router();
  router.get(/^\/compare\.(csv|xlsx)$/, async (req: Request, res: Response, next) => {
    try {
      const q = req.query;
      const input = { unitCodes: list(q.unitCodes), childrenOf: text(q.childrenOf), level: text(q.level), metrics: list(q.metrics) ?? [], year: int(q.year) ?? 0, asOf: text(q.asOf) };
      const data = await run(peers, res, COMPARE_QUERY, { i: input });
      if (!data) return;
      await send(res, req.params[0] ?? req.path.split('.').pop()!, `so-sanh-${input.year}`, compareRows(data));
    } catch (error) {
      next(error);
    }
  });
  router.get(/^\/progress\.(csv|xlsx)$/, async (req: Request, res: Response, next) => {
    try {
      const q = req.query;
      const variables = { u: text(q.unitCode) ?? '', m: text(q.metric) ?? '', f: int(q.fromYear) ?? 0, t: int(q.toYear) ?? 0, d: text(q.asOf) };
      const data = await run(peers, res, PROGRESS_QUERY, variables);
      if (!data) return;
      await send(res, req.path.split('.').pop()!, `tien-do-${variables.u}-${variables.m}`, progressRows(data));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
