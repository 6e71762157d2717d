import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page } from '../shared/paging.js';

/**
 * Runs `SELECT … FROM … WHERE …` for one page, sorted, with the total count of matching rows in the same
 * statement (one more only when the page is past the end).
 */
export async function pagedRows(em: EntityManager, query: string, params: unknown[], orderBy: string, page: Page): Promise<{ rows: Record<string, unknown>[]; totalCount: number }> {
  const rows = await em.execute(`SELECT q.*, count(*) OVER () AS total_count FROM (${query}) q ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...params, page.limit, page.offset]);
  if (rows.length) return { rows: rows.map(({ total_count: _, ...row }) => row), totalCount: Number(rows[0].total_count) };
  const [count] = await em.execute(`SELECT count(*) AS n FROM (${query}) q`, params);
  return { rows: [], totalCount: Number(count.n) };
}
