import type { EntityManager } from '@mikro-orm/postgresql';
import { type Page, SortDirection } from './paging.js';
import type { SqlRow } from './sql.js';

/**
 * Runs one page of a list query: `from` is everything after SELECT's column list ("FROM … WHERE …"), `columns`
 * what to select. Returns the rows and how many match in all (counted separately only past the last page).
 */
export async function listPage(
  em: EntityManager,
  columns: string,
  from: string,
  params: unknown[],
  orderBy: string,
  page: Page,
): Promise<{ rows: SqlRow[]; totalCount: number }> {
  const rows = await em.execute(`SELECT ${columns}, count(*) OVER () AS total_count ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
    ...params,
    page.limit,
    page.offset,
  ]);
  const totalCount = rows.length
    ? Number(rows[0].total_count)
    : page.offset > 0
      ? Number((await em.execute(`SELECT count(*) AS n ${from}`, params))[0].n)
      : 0;
  return { rows: rows.map(({ total_count: _, ...row }) => row), totalCount };
}

/** SQL's keyword for a sort direction (ascending unless DESC). */
export const sqlDirection = (direction?: SortDirection | null): 'ASC' | 'DESC' => (direction === SortDirection.DESC ? 'DESC' : 'ASC');

/** An ORDER BY list: every sort key in `direction`, then `tiebreak` (a unique column) so pages never overlap. */
export const orderClause = (keys: string | readonly string[], tiebreak: string, direction?: SortDirection | null): string =>
  [...(typeof keys === 'string' ? [keys] : keys), tiebreak].map((key) => `${key} ${sqlDirection(direction)}`).join(', ');
