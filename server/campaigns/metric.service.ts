import { Service } from '../shared/service.js';
import { badInput, conflict } from '../shared/errors.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, normaliseText, textArray } from '../shared/sql.js';
import { MetricOrderField } from './campaigns.enums.js';
import type { CreateMetricInput, MetricFilter } from './metric.input.js';
import { Metric } from './metric.entity.js';
import { listPage, orderClause } from '../shared/list-page.js';

const LEVELS = ['NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'];
const CODE = /^[A-Z][A-Z0-9_]{0,59}$/;

const ORDER: Record<MetricOrderField, string> = {
  [MetricOrderField.CODE]: 'm.code',
  [MetricOrderField.NAME_VI]: 'm.name_vi COLLATE "vi-x-icu"',
  [MetricOrderField.KIND]: 'm.kind',
};

/** The metric catalogue: read by everyone, extended by administrators of the nation. */
export class MetricService extends Service {
  private map(rows: Record<string, unknown>[]): Metric[] {
    return rows.map((row) => this.em.map(Metric, row));
  }

  async list(filter: MetricFilter, page: Page, sort: ListSort<MetricOrderField>): Promise<ListResult<Metric>> {
    const where = new Conditions();
    where.given('m.kind = ?', filter.kind);
    where.given('m.computable = ?', filter.computable);
    if (filter.search !== undefined && filter.search !== null) {
      where.search(`public.ntm_fold(m.code || ' ' || m.name_vi || ' ' || m.name_en)`, filter.search);
    }
    const order = orderClause(ORDER[sort.orderBy], 'm.code', sort.direction);
    return listPage(this.em, page, { from: 'campaigns.metric m', where, order }, (rows) => this.map(rows));
  }

  async byCodes(codes: readonly string[]): Promise<Metric[]> {
    if (!codes.length) return [];
    return this.map(await this.em.execute('SELECT m.* FROM campaigns.metric m WHERE m.code = ANY(?::text[])', [textArray(codes)]));
  }

  /** The metric with this code; an unknown code is bad input of the target that names it. */
  async require(code: string): Promise<Metric> {
    const [metric] = await this.byCodes([code]);
    if (!metric)
      throw badInput(`Không có chỉ số "${code}" trong danh mục`, `Unknown metric "${code}": add it to the catalogue first`, 'metric');
    return metric;
  }

  async create(input: CreateMetricInput): Promise<Metric> {
    if (!CODE.test(input.code))
      throw badInput(
        'Mã chỉ số viết hoa, dạng UPPER_SNAKE, tối đa 60 ký tự',
        'A metric code is UPPER_SNAKE of at most 60 characters, e.g. HOUSEHOLDS_SOLAR',
        'code',
      );
    for (const field of ['nameVi', 'nameEn', 'appliesTo'] as const) {
      if (!normaliseText(input[field])) throw badInput(`${field} không được để trống`, `${field} must not be empty`, field);
    }
    const reportedAt = input.reportedAt ?? [];
    const unknown = reportedAt.filter((level) => !LEVELS.includes(level));
    if (unknown.length) throw badInput(`Cấp không hợp lệ: ${unknown.join(', ')}`, `reportedAt takes ${LEVELS.join(', ')}`, 'reportedAt');
    if ((await this.byCodes([input.code])).length) throw conflict(`Đã có chỉ số "${input.code}"`, `Metric "${input.code}" already exists`);
    const metric = this.em.create(Metric, {
      code: input.code,
      nameVi: normaliseText(input.nameVi),
      nameEn: normaliseText(input.nameEn),
      unitOfMeasure: input.unitOfMeasure ?? null,
      kind: input.kind,
      aggregation: input.aggregation,
      weightedBy: input.weightedBy ?? null,
      computable: input.computable ?? false,
      appliesTo: normaliseText(input.appliesTo),
      reportedAt,
      note: input.note ?? null,
    });
    await this.em.flush();
    return metric;
  }
}
