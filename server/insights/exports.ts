import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { bilingual } from '../shared/errors.js';
import { sendHttpError } from '../shared/http-errors.js';
import { type Cell, sendTable } from '../shared/table-file.js';
import { peerError, type PeerQuery } from '../shared/peers.js';
import { exportLanguage } from './export-labels.js';
import { COMPARE_QUERY, compareRows, PROGRESS_QUERY, progressRows, type CompareData, type ProgressData } from './export-rows.js';

const list = (value: unknown): string[] | undefined =>
  typeof value === 'string' && value.length
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const int = (value: unknown): number | undefined => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length ? value : undefined);

/**
 * Most rows one XLSX download holds, so it is written within the 2-second budget of a request: every district with
 * several metrics, or a province's communes, fit; the country's communes come as CSV, which streams at a fraction of
 * the cost, or narrowed (childrenOf, fewer metrics).
 */
export const XLSX_MAX_ROWS = 5_000;

/** Streams the table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right) or XLSX. */
async function send(res: Response, format: string, name: string, rows: Cell[][]): Promise<void> {
  if (format === 'xlsx' && rows.length - 1 > XLSX_MAX_ROWS) {
    res.status(400).json({
      errors: [
        {
          message: bilingual(
            `Bảng có ${rows.length - 1} dòng, XLSX tối đa ${XLSX_MAX_ROWS}: tải CSV hoặc thu hẹp (childrenOf, ít chỉ số hơn)`,
            `The table has ${rows.length - 1} rows, XLSX holds at most ${XLSX_MAX_ROWS}: download CSV or narrow it (childrenOf, fewer metrics)`,
          ),
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    return;
  }
  await sendTable(res, format === 'xlsx' ? 'xlsx' : 'csv', name, name, rows);
}

/** The HTTP status of each error of the insights API a download passes on to its caller. */
const HTTP_STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  SERVICE_UNAVAILABLE: 503,
};

/** `T` is what `query` selects. */
async function run<T>(peers: PeerQuery, res: Response, query: string, variables: Record<string, unknown>): Promise<T | undefined> {
  const result = await peers('insights', query, variables);
  const first = result.errors?.[0];
  if (!first) return result.data as T;
  // The variables come from the caller's query string: a value graphql-js cannot coerce (reported without a code) is theirs.
  const coded = first.extensions?.code ? first : { ...first, extensions: { ...first.extensions, code: 'BAD_USER_INPUT' } };
  const error = peerError('insights', coded, Object.keys(HTTP_STATUS));
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code);
    res.status(HTTP_STATUS[code]).json({ errors: [{ message: error.message, extensions: { code } }] });
  } else {
    sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Lỗi hệ thống', 'Internal error');
  }
  return undefined;
}

/**
 * Downloads of the comparison and progress tables as CSV or XLSX, with headers and labels in Vietnamese (`lang=en`:
 * English) rather than the API's codes, and numbers as numbers:
 * `GET /exports/compare.csv?metrics=COMMUNES_NTM,AVG_CRITERIA_MET&year=2024&childrenOf=56&asOf=2024-01-01`
 * (or `unitCodes=56,49` or `level=PROVINCE`), `GET /exports/progress.xlsx?unitCode=06&metric=COMMUNES_NTM&fromYear=2021&toYear=2025`.
 * Runs the insights subgraph's public queries through `peers` (public data, anonymous). Mount: `app.use('/exports', insightsExports(peers))`.
 */
export function insightsExports(peers: PeerQuery): Router {
  const router = Router();
  router.get(/^\/compare\.(csv|xlsx)$/, async (req: Request, res: Response, next) => {
    try {
      const q = req.query;
      const input = {
        unitCodes: list(q.unitCodes),
        childrenOf: text(q.childrenOf),
        level: text(q.level),
        metrics: list(q.metrics) ?? [],
        year: int(q.year) ?? 0,
        asOf: text(q.asOf),
      };
      const data = await run<CompareData>(peers, res, COMPARE_QUERY, { i: input });
      if (!data) return;
      await send(res, req.params[0] ?? req.path.split('.').pop()!, `so-sanh-${input.year}`, compareRows(data, exportLanguage(q.lang)));
    } catch (error) {
      next(error);
    }
  });
  router.get(/^\/progress\.(csv|xlsx)$/, async (req: Request, res: Response, next) => {
    try {
      const q = req.query;
      const variables = {
        u: text(q.unitCode) ?? '',
        m: text(q.metric) ?? '',
        f: int(q.fromYear) ?? 0,
        t: int(q.toYear) ?? 0,
        d: text(q.asOf),
      };
      const data = await run<ProgressData>(peers, res, PROGRESS_QUERY, variables);
      if (!data) return;
      await send(res, req.path.split('.').pop()!, `tien-do-${variables.u}-${variables.m}`, progressRows(data, exportLanguage(q.lang)));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
