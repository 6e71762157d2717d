import { gql } from './client';
import { pagedList, pick, type ResourceAdapter, type Row } from './adapter';

export const TARGET_FIELDS = `id key yearFrom year comparator valueUnit value valueMin valueMax numerator denominator denominatorBasis basisNote unitClass
  isIncrement incrementOver status quote note source version unit { id code name level } metric { code nameVi nameEn kind unitOfMeasure }
  campaign { id name periodStart periodEnd issuer { id path } }`;
const INPUT = ['unitAsOf', 'yearFrom', 'year', 'value', 'valueMin', 'valueMax', 'numerator', 'denominator', 'denominatorBasis', 'basisNote', 'unitClass', 'isIncrement', 'status', 'quote', 'note', 'source', 'comparator', 'valueUnit'];
const ORDER: Record<string, string> = { id: 'CREATED', campaign: 'CAMPAIGN', unit: 'UNIT_CODE', metric: 'METRIC', year: 'YEAR', value: 'VALUE' };

/** A target as the forms edit it: the campaign, unit and metric also as the plain ids and codes the API takes. */
const toRow = (t: Row): Row => ({ ...t, campaignId: t.campaign.id, unitCode: t.unit.code, metricCode: t.metric.code });

/**
 * Targets (chỉ tiêu) of every campaign: paged, sorted and filtered by the campaigns subgraph (`targets`); the unit
 * filters take GSO codes read on `asOf` (default: the campaign's period start).
 */
export const targets: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'targets', filterType: 'TargetFilter', orderType: 'TargetOrderField', fields: TARGET_FIELDS,
    order: ORDER, fallback: 'CREATED', filters: ['campaignId', 'unitCode', 'unitCodes', 'withinCode', 'asOf', 'metric', 'year', 'search'], toRecord: toRow,
  }, params),
  async getOne(id) {
    const { target } = await gql<{ target: Row }>(`query Target($id: ID!) { target(id: $id) { ${TARGET_FIELDS} } }`, { id: String(id) });
    return toRow(target);
  },
  async create(data) {
    const { createTarget } = await gql<{ createTarget: Row }>(`mutation Create($input: CreateTargetInput!) { createTarget(input: $input) { ${TARGET_FIELDS} } }`, {
      input: { ...pick(data, INPUT), campaignId: String(data.campaignId), unitCode: data.unitCode, metric: data.metricCode },
    });
    return toRow(createTarget);
  },
  async update(id, data, previous) {
    // The unit and metric are sent only when they change: a unit is re-read (and re-checked) at its code's date.
    const input = {
      ...pick(data, INPUT),
      ...(data.unitCode !== undefined && data.unitCode !== previous.unitCode ? { unitCode: data.unitCode } : {}),
      ...(data.metricCode !== undefined && data.metricCode !== previous.metricCode ? { metric: data.metricCode } : {}),
    };
    const { updateTarget } = await gql<{ updateTarget: Row }>(
      `mutation Update($id: ID!, $v: Int!, $input: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $input) { ${TARGET_FIELDS} } }`,
      { id: String(id), v: previous.version, input },
    );
    return toRow(updateTarget);
  },
  async delete(id, previous) {
    await gql(`mutation Delete($id: ID!, $v: Int!) { deleteTarget(id: $id, expectedVersion: $v) }`, { id: String(id), v: previous.version });
  },
};

const METRIC_ORDER: Record<string, string> = { code: 'CODE', id: 'CODE', nameVi: 'NAME_VI', kind: 'KIND' };

/** The metric catalogue (danh mục chỉ số), keyed by code. */
export const metrics: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'metrics', filterType: 'MetricFilter', orderType: 'MetricOrderField', fields: 'code nameVi nameEn unitOfMeasure kind aggregation computable appliesTo',
    order: METRIC_ORDER, fallback: 'CODE', filters: ['search', 'kind', 'computable'], toRecord: (m) => ({ ...m, id: m.code }),
  }, params),
  async getOne(id) {
    const { metric } = await gql<{ metric: Row }>(`query Metric($code: String!) { metric(code: $code) { code nameVi nameEn unitOfMeasure kind aggregation computable appliesTo } }`, { code: String(id) });
    return { ...metric, id: metric.code };
  },
};
