import { badInput } from './errors.js';

/** The largest id a row can have: every id column is a PostgreSQL `integer`. */
export const MAX_ID = 2_147_483_647;

/** The number a GraphQL ID names, when it names a database row (a positive integer within `integer`). */
function idNumber(id: unknown): number | undefined {
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : undefined;
}

/** Whether a value can name a database row; every ID input of the API does. */
export const isDatabaseId = (id: unknown): boolean => idNumber(id) !== undefined;

/** Parses a GraphQL ID that names a database row (a positive integer), or refuses it with BAD_USER_INPUT. */
export function parseId(id: string | number, field = 'id'): number {
  const n = idNumber(id);
  if (n === undefined) throw badInput(`Mã định danh không hợp lệ: ${JSON.stringify(id)}`, `Invalid id ${JSON.stringify(id)}`, field);
  return n;
}
