import type { GetListParams, RaRecord } from 'react-admin';
import { gql } from './client';
import type { Document } from './documents/document';

/** A record as the hub's queries return it (react-admin's record: an id and the fields the query selects). */
export type Row = RaRecord;
/** A page of a list; `meta` carries what a list adds beyond its rows (the eligible count). */
export interface Page {
  data: Row[];
  total: number;
  meta?: Record<string, unknown>;
}

/** How one react-admin resource maps onto the hub's queries and mutations; what a resource lacks, it omits. */
export interface ResourceAdapter {
  getList?(params: GetListParams): Promise<Page>;
  getOne?(id: RaRecord['id'], meta?: unknown): Promise<Row>;
  getMany?(ids: RaRecord['id'][]): Promise<Row[]>;
  create?(data: Row): Promise<Row>;
  update?(id: RaRecord['id'], data: Row, previous: Row): Promise<Row>;
  delete?(id: RaRecord['id'], previous: Row): Promise<void>;
}

/** The hub's `offset/limit` window for a react-admin page. */
export function pageWindow(params: GetListParams) {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  return { offset: (page - 1) * perPage, limit: Math.min(perPage, 500) };
}

export function direction(params: GetListParams) {
  return params.sort?.order === 'DESC' ? 'DESC' : 'ASC';
}

/** Drops empty filter values and renames react-admin's full-text `q` to the API's `search`. */
export function cleanFilter(filter: Record<string, unknown> = {}, allowed: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    const name = key === 'q' ? 'search' : key;
    if (!allowed.includes(name) || value === '' || value == null) continue;
    out[name] = value;
  }
  return out;
}

/** Keeps only the keys an input type accepts, dropping undefined values. */
export function pick(data: Row, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (data[key] !== undefined) out[key] = data[key] === '' ? null : data[key];
  return out;
}

/** How react-admin's sort and filters map onto one of the hub's paged lists. */
export interface ListQuery {
  /** The API's order field for each sortable column (react-admin's sort field); `fallback` for any other. */
  order: Record<string, string>;
  fallback: string;
  /**
   * Filter keys the API accepts (react-admin's `q` arrives as `search`), or how the API's filter is made from
   * react-admin's (a list keyed by unit).
   */
  filters: string[] | ((filter: Record<string, unknown> | undefined) => Record<string, unknown>);
  /** Turns a node into the record the console shows (e.g. an id for code-keyed records). */
  toRecord?: (node: Row) => Row;
}

/** A resource's `getList` over one of the hub's paged lists (its `listDocument`), sorted and filtered by the server as react-admin asks. */
export function pagedList(document: Document, list: ListQuery) {
  return async (params: GetListParams): Promise<Page> => {
    const { page } = await gql<{ page: { nodes: Row[]; totalCount: number } }>(document, {
      ...pageWindow(params),
      orderBy: list.order[params.sort?.field ?? ''] ?? list.fallback,
      direction: direction(params),
      filter: typeof list.filters === 'function' ? list.filters(params.filter) : cleanFilter(params.filter, list.filters),
    });
    return { data: list.toRecord ? page.nodes.map(list.toRecord) : page.nodes, total: page.totalCount };
  };
}
