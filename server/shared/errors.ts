import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { codedDatabaseError, databaseUnavailable } from './database-errors.js';

/** The one error vocabulary of the API; every expected failure carries one of these in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** A message for people: Vietnamese first, English second. */
export const bilingual = (vi: string, en: string) => `${vi} — ${en}`;

/**
 * A seed record's note for people: `note` in Vietnamese and, when the file gives it, `noteEn` in English, kept as one
 * text "Tiếng Việt — English" as the API's messages are (a reader keeps their half). Returns the record without `noteEn`;
 * a half containing " — " would split in the wrong place, so it is refused with `where` named.
 */
export function seedNote<T extends { note?: string | null; noteEn?: string | null }>(record: T, where: string): Omit<T, 'noteEn'> {
  const { noteEn, ...rest } = record;
  if (noteEn == null) return rest;
  if (!record.note) throw new Error(`${where}: "noteEn" needs the Vietnamese "note" beside it`);
  if (record.note.includes(' — ') || noteEn.includes(' — '))
    throw new Error(`${where}: a note may not contain " — " (it separates the Vietnamese and English halves)`);
  return { ...rest, note: bilingual(record.note, noteEn) };
}

export function hubError(code: ErrorCode, vi: string, en: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(bilingual(vi, en), { extensions: { code, ...details } });
}

/**
 * A subgraph that cannot be reached or cannot answer just now (down, restarting, its database away): SERVICE_UNAVAILABLE
 * naming it, so the client knows to retry. `where` is its URL or a message holding it (`…/subgraphs/<name>/…`).
 */
export function subgraphUnavailable(where: string, serviceName?: string): GraphQLError {
  const service = serviceName ?? /\/subgraphs\/([\w-]+)\//.exec(where)?.[1] ?? 'subgraph';
  return hubError(
    'SERVICE_UNAVAILABLE',
    `Phân hệ "${service}" tạm thời không trả lời được`,
    `Subgraph "${service}" cannot answer just now`,
    { serviceName: service },
  );
}

export const badInput = (vi: string, en: string, field?: string) => hubError('BAD_USER_INPUT', vi, en, field ? { field } : undefined);
export const notFound = (vi: string, en: string) => hubError('NOT_FOUND', vi, en);
export const forbidden = (vi: string, en: string) => hubError('FORBIDDEN', vi, en);
export const conflict = (vi: string, en: string) => hubError('CONFLICT', vi, en);

/** How an error message names a record, in both languages ("Bộ tiêu chí X" / "Criteria set X"). */
export interface Named {
  vi: string;
  en: string;
}

/** The error for an update that names a version other than the record's current one (optimistic locking). */
export const staleVersion = (current: number, what: Named = { vi: 'Bản ghi', en: 'The record' }) =>
  conflict(
    `${what.vi} đã được người khác sửa (phiên bản hiện tại ${current}); tải lại rồi thử lại`,
    `${what.en} was changed meanwhile (now version ${current}): reload it and retry`,
  );

/**
 * Refuses a write made from a stale read: `expected` is the version the caller read. Leaving it out is refused as
 * well (the record exists and the caller has not said they saw it), unless `optional` — for writes that may go ahead
 * blind, such as a workflow step.
 */
export function checkVersion(current: number, expected: number | null | undefined, what?: Named, { optional = false } = {}): void {
  if (expected == null) {
    if (optional) return;
    const name = what ?? { vi: 'Bản ghi', en: 'The record' };
    throw conflict(
      `${name.vi} đã tồn tại (phiên bản ${current}); gửi expectedVersion để sửa`,
      `${name.en} already exists (version ${current}); send expectedVersion to change it`,
    );
  }
  if (expected !== current) throw staleVersion(current, what);
}

const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Keeps expected errors as they are and hides everything else (stack traces, SQL, driver messages)
 * behind a generic internal error, logging the original.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, log?: (error: unknown) => void): GraphQLFormattedError {
  const database =
    !formatted.extensions?.code || formatted.extensions.code === 'INTERNAL_SERVER_ERROR'
      ? codedDatabaseError((original as { originalError?: unknown } | undefined)?.originalError ?? original)
      : undefined;
  if (database) return { message: database.message, path: formatted.path, locations: formatted.locations, extensions: database.extensions };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && EXPECTED.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const unreachable = /^request to \S+ failed, reason: .*(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|socket hang up)/i.exec(
    formatted.message,
  );
  if (unreachable) {
    const unavailable = subgraphUnavailable(formatted.message, formatted.extensions?.serviceName as string | undefined);
    return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
  }
  // The driver's own messages when the database is unreachable, alone or after the statement (MikroORM: "<sql> - …").
  if (
    /(^|\s-\s)(connect ECONNREFUSED|Connection terminated|terminating connection|the database system is (starting up|shutting down)|read ECONNRESET|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error)/i.test(
      formatted.message,
    )
  ) {
    const unavailable = databaseUnavailable();
    return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
  }
  log?.(original);
  return {
    message: bilingual('Lỗi hệ thống, vui lòng thử lại sau', 'Internal error, please try again later'),
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
