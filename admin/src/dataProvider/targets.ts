import { gql } from './client';
import { pagedList, pick, type ResourceAdapter, type Row } from './adapter';
import { CREATE_TARGET, DELETE_TARGET, METRIC, METRIC_LIST, TARGET, TARGET_LIST, UPDATE_TARGET } from './documents/targets';

const INPUT = [
  'unitAsOf',
  'yearFrom',
  'year',
  'value',
  'valueMin',
  'valueMax',
  'numerator',
  'denominator',
  'denominatorBasis',
  'basisNote',
  'unitClass',
  'isIncrement',
  'status',
  'quote',
  'note',
  'source',
  'comparator',
  'valueUnit',
];
const ORDER: Record<string, string> = {
  id: 'CREATED',
  campaign: 'CAMPAIGN',
  unit: 'UNIT_CODE',
  metric: 'METRIC',
  year: 'YEAR',
  value: 'VALUE',
};

/** A target as the forms edit it: the campaign, unit and metric also as the plain ids and codes the API takes. */
const toRow = (t: Row): Row => ({ ...t, campaignId: t.campaign.id, unitCode: t.unit.code, metricCode: t.metric.code });

/**
 * Targets (chỉ tiêu) of every campaign: paged, sorted and filtered by the campaigns subgraph (`targets`); the unit
 * filters take GSO codes read on `asOf` (default: the campaign's period start).
 */
export const targets: ResourceAdapter = {
  getList: pagedList(TARGET_LIST, {
    order: ORDER,
    fallback: 'CREATED',
    filters: ['campaignId', 'unitCode', 'unitCodes', 'withinCode', 'asOf', 'metric', 'year', 'search'],
    toRecord: toRow,
  }),
  async getOne(id) {
    return toRow((await gql<{ target: Row }>(TARGET, { id: String(id) })).target);
  },
  async create(data) {
    const input = { ...pick(data, INPUT), campaignId: String(data.campaignId), unitCode: data.unitCode, metric: data.metricCode };
    return toRow((await gql<{ createTarget: Row }>(CREATE_TARGET, { input })).createTarget);
  },
  async update(id, data, previous) {
    // The unit and metric are sent only when they change: a unit is re-read (and re-checked) at its code's date.
    const input = {
      ...pick(data, INPUT),
      ...(data.unitCode !== undefined && data.unitCode !== previous.unitCode ? { unitCode: data.unitCode } : {}),
      ...(data.metricCode !== undefined && data.metricCode !== previous.metricCode ? { metric: data.metricCode } : {}),
    };
    return toRow((await gql<{ updateTarget: Row }>(UPDATE_TARGET, { id: String(id), v: previous.version, input })).updateTarget);
  },
  async delete(id, previous) {
    await gql(DELETE_TARGET, { id: String(id), v: previous.version });
  },
};

const METRIC_ORDER: Record<string, string> = { code: 'CODE', id: 'CODE', nameVi: 'NAME_VI', kind: 'KIND' };

/** The metric catalogue (danh mục chỉ số), keyed by code. */
export const metrics: ResourceAdapter = {
  getList: pagedList(METRIC_LIST, {
    order: METRIC_ORDER,
    fallback: 'CODE',
    filters: ['search', 'kind', 'computable'],
    toRecord: (m) => ({ ...m, id: m.code }),
  }),
  async getOne(id) {
    const { metric } = await gql<{ metric: Row }>(METRIC, { code: String(id) });
    return { ...metric, id: metric.code };
  },
};
