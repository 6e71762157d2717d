import { gql } from './client';
import { pick, type ResourceAdapter, type Row } from './adapter';

export const TARGET_FIELDS = `id key yearFrom year comparator valueUnit value valueMin valueMax numerator denominator denominatorBasis unitClass
  isIncrement incrementOver status quote note source version unit { id code name level } metric { code nameVi nameEn kind unitOfMeasure }`;
const INPUT = ['unitAsOf', 'yearFrom', 'year', 'value', 'valueMin', 'valueMax', 'numerator', 'denominator', 'denominatorBasis', 'unitClass', 'isIncrement', 'status', 'quote', 'note', 'source', 'unitCode', 'metric', 'comparator', 'valueUnit'];

/**
 * Targets (chỉ tiêu) of one campaign: the API lists them per campaign (`campaign.targets`), so the filter must
 * name `campaignId`; a campaign holds at most a few hundred, paged here.
 */
export const targets: ResourceAdapter = {
  async getList(params) {
    const { campaignId, metric, year, unitCode } = params.filter ?? {};
    if (!campaignId) return { data: [], total: 0 };
    const { campaign } = await gql<{ campaign: { targets: Row[] } }>(
      `query Targets($id: ID!, $metric: String, $year: Int, $unitCode: String) { campaign(id: $id) { targets(metric: $metric, year: $year, unitCode: $unitCode) { ${TARGET_FIELDS} } } }`,
      { id: String(campaignId), metric: metric || null, year: year || null, unitCode: unitCode || null },
    );
    const { page = 1, perPage = 1000 } = params.pagination ?? {};
    return { data: campaign.targets.slice((page - 1) * perPage, page * perPage), total: campaign.targets.length };
  },
  async create(data) {
    const { createTarget } = await gql<{ createTarget: Row }>(`mutation Create($input: CreateTargetInput!) { createTarget(input: $input) { ${TARGET_FIELDS} } }`, {
      input: { ...pick(data, INPUT), campaignId: String(data.campaignId) },
    });
    return createTarget;
  },
  async update(id, data, previous) {
    const { updateTarget } = await gql<{ updateTarget: Row }>(
      `mutation Update($id: ID!, $v: Int!, $input: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $input) { ${TARGET_FIELDS} } }`,
      { id: String(id), v: previous.version, input: pick(data, INPUT) },
    );
    return updateTarget;
  },
  async delete(id, previous) {
    await gql(`mutation Delete($id: ID!, $v: Int!) { deleteTarget(id: $id, expectedVersion: $v) }`, { id: String(id), v: previous.version });
  },
};

/** The metric catalogue (danh mục chỉ số), keyed by code. */
export const metrics: ResourceAdapter = {
  async getList(params) {
    const { metrics } = await gql<{ metrics: { nodes: Row[]; totalCount: number } }>(
      `query Metrics($filter: MetricFilter, $offset: Int, $limit: Int) { metrics(filter: $filter, offset: $offset, limit: $limit) { totalCount nodes { code nameVi nameEn unitOfMeasure kind aggregation computable appliesTo } } }`,
      { offset: ((params.pagination?.page ?? 1) - 1) * (params.pagination?.perPage ?? 100), limit: params.pagination?.perPage ?? 100, filter: { search: params.filter?.q || undefined, kind: params.filter?.kind || undefined } },
    );
    return { data: metrics.nodes.map((m) => ({ ...m, id: m.code })), total: metrics.totalCount };
  },
  async getOne(id) {
    const { metric } = await gql<{ metric: Row }>(`query Metric($code: String!) { metric(code: $code) { code nameVi nameEn unitOfMeasure kind aggregation computable appliesTo } }`, { code: String(id) });
    return { ...metric, id: metric.code };
  },
};
