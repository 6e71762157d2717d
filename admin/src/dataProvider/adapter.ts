import type { GetListParams, RaRecord } from 'react-admin';

export type Row = RaRecord & Record<string, any>;
export interface Page { data: Row[]; total: number }

/** How one react-admin resource maps onto the hub's queries and mutations; what a resource lacks, it omits. */
export interface ResourceAdapter {
  getList?(params: GetListParams): Promise<Page>;
  getOne?(id: RaRecord['id'], meta?: any): Promise<Row>;
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
