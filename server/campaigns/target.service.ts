import { LockMode } from '@mikro-orm/core';
import { Service } from '../shared/service.js';
import { badInput, checkVersion, conflict, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { entityRows, listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { batches } from '../shared/peers.js';
import { today } from '../shared/scalars.js';
import { Conditions, intArray, textArray } from '../shared/sql.js';
import type { UnitDirectory } from '../shared/unit-directory.js';
import { IncrementBasis, TargetOrderField } from './campaigns.enums.js';
import { effectiveYear } from '../shared/domain/index.js';
import { checkTarget, checkTargetUnit, type Period, type TargetShape } from './campaign.validation.js';
import { CampaignService, type IssuedCampaign } from './campaign.service.js';
import { MetricService } from './metric.service.js';
import { Target } from './target.entity.js';
import { type CreateTargetInput, MAX_UNIT_CODES, type TargetFilter, type UpdateTargetInput } from './target.input.js';

/** A target as the seed loader creates it: the API's input plus its seed key. */
export type TargetData = CreateTargetInput & { key?: string | null };

/** The period end's year of the target's campaign (`c`), which a target without a year is for. */
const END_YEAR = 'extract(year FROM c.period_end)::int';

const ORDER: Record<TargetOrderField, string> = {
  [TargetOrderField.CAMPAIGN]: 'c.name',
  [TargetOrderField.UNIT_CODE]: 'u.code',
  [TargetOrderField.METRIC]: 't.metric_code',
  // PostgreSQL puts NULL after every value ascending: a target without a year is for the period end.
  [TargetOrderField.YEAR]: 't.year',
  [TargetOrderField.VALUE]: 'coalesce(t.value, t.value_min)',
  [TargetOrderField.CREATED]: 't.id',
};

/** The plain fields of a target an input sets directly (unit and metric are resolved first). */
const PLAIN_FIELDS = [
  'yearFrom',
  'year',
  'comparator',
  'valueUnit',
  'value',
  'valueMin',
  'valueMax',
  'numerator',
  'denominator',
  'denominatorBasis',
  'basisNote',
  'datasetCount',
  'unitClass',
  'isIncrement',
  'incrementOver',
  'status',
  'quote',
  'note',
  'source',
] as const satisfies readonly (keyof Target & keyof UpdateTargetInput)[];

type PlainFields = Pick<Target, (typeof PLAIN_FIELDS)[number]>;

/** The stored fields overlaid with those the input gives (undefined keeps, null clears), with defaults filled in. */
function merge(current: Partial<PlainFields>, input: Partial<Record<(typeof PLAIN_FIELDS)[number], unknown>>): PlainFields {
  const merged = { ...current } as Record<string, unknown>;
  for (const field of PLAIN_FIELDS) if (input[field] !== undefined) merged[field] = input[field];
  merged.isIncrement = Boolean(merged.isIncrement);
  if (merged.isIncrement && !merged.incrementOver) merged.incrementOver = IncrementBasis.PREVIOUS_YEAR;
  // Turning an increment into a plain target drops its basis unless the input insists on one.
  if (!merged.isIncrement && input.incrementOver === undefined) merged.incrementOver = null;
  return merged as unknown as PlainFields;
}

/** Typed targets of campaigns. Every write is checked by the rules in campaign.validation.ts. */
export class TargetService extends Service {
  private readonly campaigns = new CampaignService(this.ctx);
  private readonly metrics = new MetricService(this.ctx);
  private readonly units = this.ctx.units;

  /** Targets of the given campaigns, in the order they were entered. */
  async byCampaigns(campaignIds: readonly number[]): Promise<Target[]> {
    if (!campaignIds.length) return [];
    const rows = await this.em.execute('SELECT t.* FROM campaigns.target t WHERE t.campaign_id = ANY(?::int[]) ORDER BY t.id', [
      intArray(campaignIds),
    ]);
    return rows.map((row) => this.em.map(Target, row));
  }

  async list(filter: TargetFilter, page: Page, sort: ListSort<TargetOrderField>): Promise<ListResult<Target>> {
    const where = new Conditions();
    let asOf = filter.asOf ?? today();
    if (filter.campaignId !== undefined && filter.campaignId !== null) {
      const [campaign] = await this.campaigns.byIds([parseId(filter.campaignId, 'campaignId')]);
      if (!campaign) return { nodes: [], totalCount: 0 };
      where.add('t.campaign_id = ?', campaign.id);
      asOf = filter.asOf ?? campaign.periodStart;
    }
    if (filter.unitCode !== undefined && filter.unitCode !== null)
      where.add('t.unit_id = ?', (await this.units.requireByCode(filter.unitCode, asOf)).id);
    if (filter.unitCodes !== undefined && filter.unitCodes !== null) {
      if (filter.unitCodes.length > MAX_UNIT_CODES) {
        throw badInput(`unitCodes chỉ nhận tối đa ${MAX_UNIT_CODES} mã`, `unitCodes takes at most ${MAX_UNIT_CODES} codes`, 'unitCodes');
      }
      const units = await Promise.all([...new Set(filter.unitCodes)].map((code) => this.units.requireByCode(code, asOf)));
      where.add('t.unit_id = ANY(?::int[])', intArray(units.map((u) => u.id)));
    }
    if (filter.withinCode !== undefined && filter.withinCode !== null) {
      const ancestor = await this.units.requireByCode(filter.withinCode, asOf);
      const below = await this.units.subtreeIds(ancestor.code, asOf);
      where.add('t.unit_id = ANY(?::int[])', intArray([...new Set([ancestor.id, ...below])]));
    }
    if (filter.metric) where.add('t.metric_code = ?', filter.metric);
    if (filter.year !== undefined && filter.year !== null) {
      where.add(`? BETWEEN coalesce(t.year_from, t.year, ${END_YEAR}) AND coalesce(t.year, ${END_YEAR})`, filter.year);
    }
    if (filter.search !== undefined && filter.search !== null) {
      where.search(`public.ntm_fold(concat_ws(' ', t.quote, t.note, t.source))`, filter.search);
    }
    const from = ['campaigns.target t JOIN campaigns.campaign c ON c.id = t.campaign_id'];
    const params: unknown[] = [];
    if (sort.orderBy === TargetOrderField.UNIT_CODE) {
      // Codes live in the units subgraph: read those of the units the matching targets name, then sort by them.
      const ids = (await this.em.execute(`SELECT DISTINCT t.unit_id FROM ${from[0]} ${where.where()}`, where.params)).map((r) =>
        Number(r.unit_id),
      );
      const codes = await this.unitCodes(ids);
      from.push('LEFT JOIN unnest(?::int[], ?::text[]) AS u(id, code) ON u.id = t.unit_id');
      params.push(intArray(ids), textArray(ids.map((id) => codes.get(id) ?? '')));
    }
    const order = orderClause(ORDER[sort.orderBy], 't.id', sort.direction);
    return listPage(this.em, page, { select: 't.*', from: from.join(' '), params, where, order }, entityRows(this.em, Target));
  }

  /** GSO codes of units by id, asked of the units subgraph a page at a time. */
  private async unitCodes(ids: readonly number[]): Promise<Map<number, string>> {
    const codes = new Map<number, string>();
    for (const batch of batches(ids)) {
      for (const unit of await this.units.byIds(batch)) if (unit) codes.set(unit.id, unit.code);
    }
    return codes;
  }

  async require(id: string): Promise<Target> {
    const [row] = await this.em.execute('SELECT t.* FROM campaigns.target t WHERE t.id = ?', [parseId(id)]);
    if (!row) throw notFound(`Không có chỉ tiêu ${id}`, `No target ${id}`);
    return this.em.map(Target, row);
  }

  /** The targets' revision (one indexed row, bumped by triggers in the writing transaction): "epoch:counter". */
  async revision(): Promise<string> {
    const [row] = await this.em.execute<{ revision: string }[]>(
      `SELECT epoch || ':' || revision AS revision FROM campaigns.targets_revision WHERE id = 1`,
    );
    return row.revision;
  }

  async create(input: TargetData): Promise<Target> {
    const issued = await this.campaigns.requireIssued(input.campaignId);
    const metric = await this.metrics.require(input.metric);
    const unitId = await this.resolveUnit(issued, input.unitCode, input.unitAsOf);
    const fields = merge({}, input);
    checkTarget(fields as TargetShape, metric.kind, issued.campaign);
    if (input.key) {
      const [taken] = await this.em.execute('SELECT 1 FROM campaigns.target WHERE campaign_id = ? AND key = ?', [
        issued.campaign.id,
        input.key,
      ]);
      if (taken)
        throw conflict(`Phong trào đã có chỉ tiêu khóa "${input.key}"`, `The campaign already has a target with key "${input.key}"`);
    }
    const target = this.em.create(Target, { ...fields, key: input.key ?? null, campaign: issued.campaign, unitId, metric } as never);
    await this.em.flush();
    return target;
  }

  async update(id: string, expectedVersion: number, input: UpdateTargetInput): Promise<Target> {
    const { target, issued } = await this.lock(id);
    checkVersion(target.version, expectedVersion);
    const metric = input.metric ? await this.metrics.require(input.metric) : (await this.metrics.byCodes([target.metric.code]))[0];
    const unitId = input.unitCode ? await this.resolveUnit(issued, input.unitCode, input.unitAsOf) : target.unitId;
    const fields = merge(Object.fromEntries(PLAIN_FIELDS.map((f) => [f, target[f]])), input);
    checkTarget(fields as TargetShape, metric.kind, issued.campaign);
    Object.assign(target, fields, { unitId, metric });
    await this.em.flush();
    return target;
  }

  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const { target } = await this.lock(id);
    checkVersion(target.version, expectedVersion);
    this.em.remove(target);
    await this.em.flush();
    return true;
  }

  private async lock(id: string): Promise<{ target: Target; issued: IssuedCampaign }> {
    const target = await this.em.findOne(Target, { id: parseId(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!target) throw notFound(`Không có chỉ tiêu ${id}`, `No target ${id}`);
    return { target, issued: await this.campaigns.requireIssued(target.campaign.id) };
  }

  /** The unit a code names (read at `asOf`, default the period start), which must lie in the issuer's subtree and period. */
  private async resolveUnit({ campaign, issuer }: IssuedCampaign, code: string, asOf?: string): Promise<number> {
    const unit = await this.units.requireByCode(code, asOf ?? campaign.periodStart);
    checkTargetUnit(unit, issuer, campaign);
    return unit.id;
  }
}

/** Narrows a campaign's targets to a unit code, a year (a null year is the period end) and a metric. */
export async function selectTargets(
  targets: Target[],
  period: Period,
  units: UnitDirectory,
  filter: { unitCode?: string | null; year?: number | null; metric?: string | null },
): Promise<Target[]> {
  const { unitCode, year, metric } = filter;
  const codes = unitCode
    ? new Map((await units.byIds([...new Set(targets.map((t) => t.unitId))])).filter((u) => u !== null).map((u) => [u!.id, u!.code]))
    : null;
  return targets.filter(
    (t) =>
      (!codes || codes.get(t.unitId) === unitCode) &&
      (!metric || t.metric.code === metric) &&
      (year === undefined || year === null || (year <= effectiveYear(t, period) && year >= (t.yearFrom ?? effectiveYear(t, period)))),
  );
}
