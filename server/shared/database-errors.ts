import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { conflict, hubError } from './errors.js';

/**
 * What PostgreSQL refuses, by SQLSTATE, as the API's coded errors: the database enforces what services check
 * (unique indexes against concurrent inserts, serializable transactions), and the caller who lost the race gets a
 * CONFLICT to retry, not an internal error. One mapping for every subgraph, in-process or over HTTP.
 */
/** The database cannot be reached or is restarting: the caller may retry. */
export const databaseUnavailable = () =>
  hubError(
    'SERVICE_UNAVAILABLE',
    'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại',
    'The database is unavailable for now: try again',
  );

const BY_STATE: Record<string, () => GraphQLError> = {
  // unique_violation: someone recorded the same thing meanwhile.
  '23505': () =>
    hubError(
      'CONFLICT',
      'Bản ghi này đã có (vừa được ghi đồng thời); tải lại rồi thử lại',
      'This record already exists (it was just recorded concurrently): reload and retry',
    ),
  // serialization_failure, deadlock_detected: concurrent transactions collided.
  '40001': () => hubError('CONFLICT', 'Có thay đổi đồng thời; thử lại', 'A concurrent change collided with this one: retry'),
  '40P01': () => hubError('CONFLICT', 'Có thay đổi đồng thời; thử lại', 'A concurrent change collided with this one: retry'),
  // query_canceled (statement_timeout), lock_not_available (lock_timeout).
  '57014': () =>
    hubError(
      'SERVICE_UNAVAILABLE',
      'Truy vấn chạy quá lâu và đã bị dừng; thử lại sau',
      'The database query ran too long and was stopped: retry later',
    ),
  '55P03': () => hubError('SERVICE_UNAVAILABLE', 'Dữ liệu đang bị khóa; thử lại sau', 'The data is locked: retry later'),
  // Values PostgreSQL cannot hold (input bounds should have caught them first).
  '22003': () => hubError('BAD_USER_INPUT', 'Giá trị số vượt quá phạm vi cho phép', 'A numeric value is out of range'),
  '22021': () => hubError('BAD_USER_INPUT', 'Văn bản chứa ký tự không hợp lệ', 'Text contains an invalid character'),
  '22P05': () => hubError('BAD_USER_INPUT', 'Văn bản chứa ký tự không hợp lệ', 'Text contains an invalid character'),
  // The server is shutting down or starting up (admin_shutdown, crash_shutdown, cannot_connect_now), or the connection
  // broke (class 08): a restart of PostgreSQL, which the hub rides out.
  '57P01': databaseUnavailable,
  '57P02': databaseUnavailable,
  '57P03': databaseUnavailable,
  '08000': databaseUnavailable,
  '08001': databaseUnavailable,
  '08003': databaseUnavailable,
  '08006': databaseUnavailable,
  '25P03': () =>
    hubError(
      'SERVICE_UNAVAILABLE',
      'Giao dịch bị dừng vì chờ quá lâu; thử lại',
      'The transaction was idle too long and was stopped: retry',
    ),
};

/** The socket errors by which the driver says the connection to the database broke or could not be made. */
const CONNECTION_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The SQLSTATE of a driver error, looked for along its causes. A socket error of the driver (MikroORM's
 * `DriverException` around it) is the connection failing: class 08, `connection_failure`.
 */
function sqlState(error: unknown): string | undefined {
  type Cause = { code?: unknown; sqlState?: unknown; originalError?: unknown; cause?: unknown } | null | undefined;
  let driver = false;
  for (let e = error as Cause, hops = 0; e && hops < 5; e = (e.originalError ?? e.cause) as Cause, hops++) {
    driver ||= (e as object) instanceof DriverException;
    const code = e.code ?? e.sqlState;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    if (driver && typeof code === 'string' && CONNECTION_LOST.has(code)) return '08006';
  }
  return undefined;
}

/** The coded error a database failure stands for, or undefined when it is not one the API names. */
export function codedDatabaseError(error: unknown): GraphQLError | undefined {
  const state = sqlState(error);
  return state && state in BY_STATE ? BY_STATE[state]() : undefined;
}

/** Replaces database failures among execution errors by their coded errors, keeping where they happened. */
export function codeDatabaseErrors(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const coded = error.extensions?.code ? undefined : codedDatabaseError(error.originalError);
    return coded
      ? new GraphQLError(coded.message, {
          nodes: error.nodes,
          path: error.path,
          originalError: error.originalError,
          extensions: coded.extensions,
        })
      : error;
  });
}

/** Runs a write and turns a unique-key violation into CONFLICT with a message naming what already exists. */
export async function uniquely<T>(write: () => Promise<T>, vi: string, en: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(vi, en);
    throw error;
  }
}
