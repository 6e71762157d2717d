import { gql } from './client';
import { cleanFilter, pageWindow, pagedList, pick, type ResourceAdapter, type Row } from './adapter';
import {
  CLOSE_VILLAGE,
  CREATE_VILLAGE,
  PICK_UNITS,
  RECORD_REORGANISATION,
  REMOVE_UNIT_CLASSIFICATION,
  RENAME_VILLAGE,
  REORGANISATION,
  REORGANISATION_LIST,
  SCOPE_UNIT,
  SET_UNIT_CLASSIFICATION,
  UNIT,
  UNIT_BY_CODE,
  UNIT_LIST,
  UNITS_BY_IDS,
  WITHDRAW_REORGANISATION,
} from './documents/units';

const ORDER: Record<string, string> = { code: 'CODE', name: 'NAME', level: 'LEVEL' };

/** Administrative units (đơn vị hành chính): paged, sorted and searched (accent-insensitive) by the units subgraph. */
export const units: ResourceAdapter = {
  getList: pagedList(UNIT_LIST, {
    order: ORDER,
    fallback: 'CODE',
    filters: ['level', 'parentCode', 'withinCode', 'search', 'kind', 'classification', 'asOf'],
  }),
  async getOne(id) {
    const { unitsByIds } = await gql<{ unitsByIds: (Row | null)[] }>(UNIT, { ids: [String(id)] });
    if (!unitsByIds[0]) throw new Error('ra.notification.item_doesnt_exist');
    return unitsByIds[0];
  },
  async getMany(ids) {
    const { unitsByIds } = await gql<{ unitsByIds: (Row | null)[] }>(UNITS_BY_IDS, { ids: ids.map(String) });
    return unitsByIds.filter((u): u is Row => Boolean(u));
  },
};

/** A unit as the pickers show it: where it sits and in which period it is valid. */
export interface PickedUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  ancestors: { name: string; level: string }[];
}

export interface SetUnitClassificationInput {
  unitCode: string;
  asOf: string | null;
  scheme: string;
  value: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}
export interface CreateVillageInput {
  communeCode: string;
  asOf: string | null;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The data provider's unit methods beyond react-admin's own (`useDataProvider().pickUnits(…)`, …). */
export const unitMethods = {
  /** Units matching what was typed (a name without accents, or the start of a code), 20 at a time. */
  async pickUnits(filter: Record<string, unknown>): Promise<PickedUnit[]> {
    return (await gql<{ units: { nodes: PickedUnit[] } }>(PICK_UNITS, { f: filter })).units.nodes;
  },
  /** The unit with this code on `asOf` (or, without a date, the current one). */
  async unitByCode(code: string, asOf?: string | null): Promise<PickedUnit | null> {
    const { units } = await gql<{ units: { nodes: PickedUnit[] } }>(UNIT_BY_CODE, { f: { search: code, asOf: asOf || undefined } });
    return units.nodes.find((u) => u.code === code) ?? null;
  },
  /** A grant's unit as the dashboard names its scope (null when the unit is gone). */
  async scopeUnit(id: string): Promise<{ code: string; name: string; path: string } | null> {
    return (await gql<{ unitsByIds: ({ code: string; name: string; path: string } | null)[] }>(SCOPE_UNIT, { ids: [id] })).unitsByIds[0];
  },
  async setUnitClassification(input: SetUnitClassificationInput): Promise<Row> {
    return (await gql<{ setUnitClassification: Row }>(SET_UNIT_CLASSIFICATION, { input })).setUnitClassification;
  },
  async removeUnitClassification(id: string): Promise<void> {
    await gql(REMOVE_UNIT_CLASSIFICATION, { id });
  },
  /** Adds a village (thôn, bản …) to a commune; the API gives it the commune's next code. */
  async createVillage(input: CreateVillageInput): Promise<Row> {
    return (await gql<{ createVillage: Row }>(CREATE_VILLAGE, { input })).createVillage;
  },
  async renameVillage(input: { code: string; asOf: string | null; name: string; kind: string; expectedVersion: number }): Promise<Row> {
    return (await gql<{ renameVillage: Row }>(RENAME_VILLAGE, { input })).renameVillage;
  },
  async closeVillage(input: { code: string; asOf: string | null; validTo: string; expectedVersion: number }): Promise<Row> {
    return (await gql<{ closeVillage: Row }>(CLOSE_VILLAGE, { input })).closeVillage;
  },
  async withdrawReorganisation(input: { id: string; reason: string; expectedVersion: number }): Promise<Row> {
    return (await gql<{ withdrawReorganisation: Row }>(WITHDRAW_REORGANISATION, { input })).withdrawReorganisation;
  },
};

/** Recorded reorganisations (sắp xếp đơn vị hành chính), latest effective date first; recorded and withdrawn by system administrators. */
export const reorganisations: ResourceAdapter = {
  async getList(params) {
    const filter = cleanFilter(params.filter, ['status', 'kind', 'unitCode', 'effectiveFrom', 'effectiveTo']);
    const { page } = await gql<{ page: { nodes: Row[]; totalCount: number } }>(REORGANISATION_LIST, {
      ...pageWindow(params),
      direction: params.sort?.order === 'ASC' ? 'ASC' : 'DESC',
      filter,
    });
    return { data: page.nodes, total: page.totalCount };
  },
  async getOne(id) {
    return (await gql<{ reorganisation: Row }>(REORGANISATION, { id: String(id) })).reorganisation;
  },
  async create(data) {
    const input = {
      ...pick(data, ['kind', 'effectiveOn', 'resolutionNumber', 'resolutionDate', 'issuer', 'note']),
      sources: (data.sources ?? []).map((s: Row) => pick(s, ['unitCode', 'share'])),
      results: (data.results ?? []).map((r: Row) =>
        r.existingCode ? { existingCode: r.existingCode } : pick(r, ['code', 'name', 'kind', 'parentCode']),
      ),
      placements: (data.placements ?? []).map((p: Row) => ({ childCode: p.childCode, resultIndex: Number(p.resultIndex) })),
    };
    return (await gql<{ recordReorganisation: Row }>(RECORD_REORGANISATION, { input })).recordReorganisation;
  },
};
