import { badInput } from './errors.js';
import { parseId } from './ids.js';

/** Small helpers for the raw SQL that list and aggregate queries use (MikroORM's `?` placeholders). */

/** A PostgreSQL array literal for `= ANY(?::int[])`, since placeholders take scalars. */
export const intArray = (values: readonly number[]): string => `{${values.map((v) => Math.trunc(Number(v))).join(',')}}`;

export const textArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/**
 * A row of a raw query (`em.execute`): its columns are what the query text selects, so no type can be derived here;
 * callers convert each column where they read it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are named by the SQL text, typed at each read
export type SqlRow = Record<string, any>;

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Normalises user text the way names are stored (NFC, single spaces, trimmed). */
export const normaliseText = (value: string): string => value.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Folds text as `public.ntm_fold` does in SQL (tones and Đ/đ stripped, lower case), for matching in memory. */
export const foldText = (value: string): string =>
  normaliseText(value).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** A search filter's text, normalised; empty text is refused rather than matching everything. */
export function searchTerm(value: string, field = 'search'): string {
  const search = normaliseText(value);
  if (!search) throw badInput('Chuỗi tìm kiếm trống', 'Search text is empty', field);
  return search;
}

/**
 * The column each field of a filter equals: a column's name, or `{ id: column }` for a field holding an ID. Every field
 * of the filter has one, so a field added to the filter and not to its columns fails to compile.
 */
export type FilterColumns<Filter> = { readonly [Field in keyof Filter & string]-?: string | { id: string } };

/** Collects SQL conditions and their parameters in order. */
export class Conditions {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** `clause` with `value` when a list's filter gives one: a filter field left out (null or undefined) does not filter. */
  given(clause: string, value: unknown): this {
    return value == null ? this : this.add(clause, value);
  }

  /** `clause` with the id the filter's `field` gives (BAD_USER_INPUT naming the field when it is not one), when it gives one. */
  givenId<F extends object>(clause: string, filter: F, field: keyof F & string): this {
    const value = filter[field];
    return value == null ? this : this.add(clause, parseId(value as string | number, field));
  }

  /** A filter whose every field equals a column (`FilterColumns`): each field given adds `column = value` (`given`, `givenId`). */
  static matching<Filter extends object>(filter: Filter, columns: FilterColumns<Filter>): Conditions {
    const where = new Conditions();
    for (const [field, column] of Object.entries(columns) as [keyof Filter & string, string | { id: string }][]) {
      if (typeof column === 'string') where.given(`${column} = ?`, filter[field]);
      else where.givenId(`${column.id} = ?`, filter, field);
    }
    return where;
  }

  /**
   * An accent- and case-insensitive search for `value` within `folded`, an SQL expression already folded by
   * public.ntm_fold (a stored search_text column, or ntm_fold(…) of the columns searched).
   */
  search(folded: string, value: string, field = 'search'): this {
    return this.add(`${folded} LIKE '%' || public.ntm_fold(?) || '%'`, likeEscape(searchTerm(value, field)));
  }

  where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
