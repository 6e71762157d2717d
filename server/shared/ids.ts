import { badInput } from './errors.js';

/** Parses a GraphQL ID that names a database row (a positive integer), or refuses it with BAD_USER_INPUT. */
export function parseId(id: string | number, field = 'id'): number {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw badInput(`Mã định danh không hợp lệ: ${JSON.stringify(id)}`, `Invalid id ${JSON.stringify(id)}`, field);
  }
  return n;
}
