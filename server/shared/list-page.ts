import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityClass, EntityDictionary } from '@mikro-orm/core';
import { type ListResult, type Page, SortDirection } from './paging.js';
import { Conditions, type SqlRow } from './sql.js';

/** What one list query reads, apart from the page: everything a caller states is what differs between lists. */
export interface ListQuery {
  /** The select list (default `*`; with a join, the listed table's columns, `c.*`). */
  select?: string;
  /** The FROM list: the table, with its alias and any joins, without the keyword. */
  from: string;
  /** Parameters of placeholders in `from`, which come before the conditions' own. */
  params?: readonly unknown[];
  where?: Conditions;
  /** The ORDER BY list, ending in a unique column (`orderClause`) so pages never overlap. */
  order: string;
}

/**
 * Runs one page of a list query and maps its rows to nodes. Returns the nodes and how many match in all (counted
 * separately only past the last page).
 */
export async function listPage<T>(
  em: EntityManager,
  page: Page,
  query: ListQuery,
  map: (rows: SqlRow[]) => T[] | Promise<T[]>,
): Promise<ListResult<T>> {
  const where = query.where ?? new Conditions();
  const from = `FROM ${query.from} ${where.where()}`;
  const params = [...(query.params ?? []), ...where.params];
  const rows = await em.execute(
    `SELECT ${query.select ?? '*'}, count(*) OVER () AS total_count ${from} ORDER BY ${query.order} LIMIT ? OFFSET ?`,
    [...params, page.limit, page.offset],
  );
  const totalCount = rows.length
    ? Number(rows[0].total_count)
    : page.offset > 0
      ? Number((await em.execute(`SELECT count(*) AS n ${from}`, params))[0].n)
      : 0;
  return { nodes: await map(rows.map(({ total_count: _, ...row }) => row)), totalCount };
}

/** SQL's keyword for a sort direction. */
export const sqlDirection = (direction: SortDirection): 'ASC' | 'DESC' => (direction === SortDirection.DESC ? 'DESC' : 'ASC');

/** An ORDER BY list: every sort key in `direction`, then `tiebreak` (a unique column) so pages never overlap. */
export const orderClause = (keys: string | readonly string[], tiebreak: string, direction: SortDirection): string =>
  [...(typeof keys === 'string' ? [keys] : keys), tiebreak].map((key) => `${key} ${sqlDirection(direction)}`).join(', ');

/** Maps raw rows onto an entity class, for `listPage` over a table an entity reads. */
export const entityRows =
  <T extends object>(em: EntityManager, entity: EntityClass<T>) =>
  (rows: SqlRow[]): T[] =>
    rows.map((row) => em.map(entity, row as EntityDictionary<T>));
