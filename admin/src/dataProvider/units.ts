import { gql } from './client';
import { cleanFilter, pageWindow, pagedList, pick, type ResourceAdapter, type Row } from './adapter';

export const UNIT_FIELDS = 'id code name shortName level kind path validFrom validTo synthetic version parent { id code name }';
const UNIT_DETAIL = `${UNIT_FIELDS}
  ancestors { id code name level }
  classifications { id scheme value code validFrom validTo source }
  predecessors { share unit { id code name validFrom validTo } reorganisation { id resolutionNumber effectiveOn } }
  successors { share unit { id code name validFrom validTo } reorganisation { id resolutionNumber effectiveOn } }
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

const VILLAGE_FIELDS = 'id code name shortName kind validFrom validTo synthetic version';

export interface CreateVillageInput { communeCode: string; asOf: string | null; name: string; kind: string; validFrom: string | null; validTo: string | null }

/** Adds a village (thôn, bản …) to a commune; the API gives it the commune's next code. */
export async function createVillage(input: CreateVillageInput): Promise<Row> {
  const { createVillage } = await gql<{ createVillage: Row }>(`mutation CreateVillage($input: CreateVillageInput!) { createVillage(input: $input) { ${VILLAGE_FIELDS} } }`, { input });
  return createVillage;
}

export async function renameVillage(input: { code: string; asOf: string | null; name: string; kind: string; expectedVersion: number }): Promise<Row> {
  const { renameVillage } = await gql<{ renameVillage: Row }>(`mutation RenameVillage($input: RenameVillageInput!) { renameVillage(input: $input) { ${VILLAGE_FIELDS} } }`, { input });
  return renameVillage;
}

export async function closeVillage(input: { code: string; asOf: string | null; validTo: string; expectedVersion: number }): Promise<Row> {
  const { closeVillage } = await gql<{ closeVillage: Row }>(`mutation CloseVillage($input: CloseVillageInput!) { closeVillage(input: $input) { ${VILLAGE_FIELDS} } }`, { input });
  return closeVillage;
}

const REORGANISATION_FIELDS = `id kind status level effectiveOn resolutionNumber resolutionDate issuer note movedCount recordedAt recordedBy
  withdrawnAt withdrawnBy withdrawalReason version inEffect
  sources { unitId code name share continues } results { unitId code name kind created }`;

/** Recorded reorganisations (sắp xếp đơn vị hành chính), latest effective date first; recorded and withdrawn by system administrators. */
export const reorganisations: ResourceAdapter = {
  async getList(params) {
    const filter = cleanFilter(params.filter, ['status', 'kind', 'unitCode', 'effectiveFrom', 'effectiveTo']);
    const { page } = await gql<{ page: { nodes: Row[]; totalCount: number } }>(
      `query Reorganisations($filter: ReorganisationFilter, $offset: Int, $limit: Int, $direction: SortDirection) {
        page: reorganisations(filter: $filter, offset: $offset, limit: $limit, direction: $direction) { totalCount nodes { ${REORGANISATION_FIELDS} } } }`,
      { ...pageWindow(params), direction: params.sort?.order === 'ASC' ? 'ASC' : 'DESC', filter },
    );
    return { data: page.nodes, total: page.totalCount };
  },
  async getOne(id) {
    const { reorganisation } = await gql<{ reorganisation: Row }>(`query Reorganisation($id: ID!) { reorganisation(id: $id) { ${REORGANISATION_FIELDS} } }`, { id: String(id) });
    return reorganisation;
  },
  async create(data) {
    const input = {
      ...pick(data, ['kind', 'effectiveOn', 'resolutionNumber', 'resolutionDate', 'issuer', 'note']),
      sources: (data.sources ?? []).map((s: Row) => pick(s, ['unitCode', 'share'])),
      results: (data.results ?? []).map((r: Row) => (r.existingCode ? { existingCode: r.existingCode } : pick(r, ['code', 'name', 'kind', 'parentCode']))),
      placements: (data.placements ?? []).map((p: Row) => ({ childCode: p.childCode, resultIndex: Number(p.resultIndex) })),
    };
    const { recordReorganisation } = await gql<{ recordReorganisation: Row }>(
      `mutation Record($input: RecordReorganisationInput!) { recordReorganisation(input: $input) { ${REORGANISATION_FIELDS} } }`, { input });
    return recordReorganisation;
  },
};

export async function withdrawReorganisation(input: { id: string; reason: string; expectedVersion: number }): Promise<Row> {
  const { withdrawReorganisation } = await gql<{ withdrawReorganisation: Row }>(
    `mutation Withdraw($input: WithdrawReorganisationInput!) { withdrawReorganisation(input: $input) { ${REORGANISATION_FIELDS} } }`, { input });
  return withdrawReorganisation;
}
