import { gql } from './client';
import { pagedList, type ResourceAdapter, type Row } from './adapter';

export const UNIT_FIELDS = 'id code name shortName level kind path validFrom validTo parent { id code name }';
const UNIT_DETAIL = `${UNIT_FIELDS}
  ancestors { id code name level }
  classifications { id scheme value code validFrom validTo source }
  predecessors { share unit { id code name validFrom validTo } }
  successors { share unit { id code name validFrom validTo } }
  campaigns { id name status periodStart periodEnd }`;
const ORDER: Record<string, string> = { code: 'CODE', name: 'NAME', level: 'LEVEL' };

/** Administrative units (đơn vị hành chính): paged, sorted and searched (accent-insensitive) by the units subgraph. */
export const units: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'units', filterType: 'UnitFilter', orderType: 'UnitOrderField', fields: UNIT_FIELDS,
    order: ORDER, fallback: 'CODE', filters: ['level', 'parentCode', 'withinCode', 'search', 'kind', 'classification', 'asOf'],
  }, params),
  async getOne(id) {
    const { unitsByIds } = await gql<{ unitsByIds: (Row | null)[] }>(`query Unit($ids: [ID!]!) { unitsByIds(ids: $ids) { ${UNIT_DETAIL} } }`, { ids: [String(id)] });
    if (!unitsByIds[0]) throw new Error('ra.notification.item_doesnt_exist');
    return unitsByIds[0];
  },
  async getMany(ids) {
    const { unitsByIds } = await gql<{ unitsByIds: (Row | null)[] }>(`query Units($ids: [ID!]!) { unitsByIds(ids: $ids) { ${UNIT_FIELDS} } }`, { ids: ids.map(String) });
    return unitsByIds.filter((u): u is Row => Boolean(u));
  },
};

/** The values a classification scheme takes (the API's SCHEME_VALUES); none for a plain yes/no mark. */
export const SCHEME_VALUES: Record<string, readonly string[]> = {
  ESPECIALLY_DISADVANTAGED: [], TERRAIN: ['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'LOWLAND'], BORDER: [], COASTAL: [], ISLAND: [], COMMUNE_GROUP: ['1', '2', '3'],
};

export interface SetUnitClassificationInput {
  unitCode: string; asOf: string | null; scheme: string; value: string | null; validFrom: string | null; validTo: string | null; source: string | null;
}

export async function setUnitClassification(input: SetUnitClassificationInput): Promise<Row> {
  const { setUnitClassification } = await gql<{ setUnitClassification: Row }>(
    `mutation Classify($input: SetUnitClassificationInput!) { setUnitClassification(input: $input) { id scheme value validFrom validTo source } }`, { input });
  return setUnitClassification;
}

export async function removeUnitClassification(id: string): Promise<void> {
  await gql(`mutation Remove($id: ID!) { removeUnitClassification(id: $id) }`, { id });
}

/** The last day a unit is valid (its codes are read on that day), or undefined for a current unit. */
export const unitAsOf = (unit: { validTo?: string | null } | undefined) => unit?.validTo ?? undefined;
