import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound, staleVersion } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { intArray } from '../shared/sql.js';
import type { UnitDirectory } from '../shared/unit-directory.js';
import { IncrementBasis } from './campaign.enums.js';
import type { Guard } from './campaign.guard.js';
import { checkTarget, checkTargetUnit, effectiveYear, type Period, type TargetShape } from './campaign.rules.js';
import { CampaignService, type IssuedCampaign } from './campaign.service.js';
import { MetricService } from './metric.service.js';
import { Target } from './target.entity.js';
import type { CreateTargetInput, UpdateTargetInput } from './target.input.js';

/** A target as the seed loader creates it: the API's input plus its seed key. */
export type TargetData = CreateTargetInput & { key?: string | null };

/** The plain fields of a target an input sets directly (unit and metric are resolved first). */
const PLAIN_FIELDS = [
  'yearFrom', 'year', 'comparator', 'valueUnit', 'value', 'valueMin', 'valueMax', 'numerator', 'denominator', 'denominatorBasis',
  'basisNote', 'datasetCount', 'unitClass', 'isIncrement', 'incrementOver', 'status', 'quote', 'note', 'source',
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

/** Typed targets of campaigns. Every write is checked by the rules in campaign.rules.ts. */
export class TargetService {
  private readonly campaigns: CampaignService;
  private readonly metrics: MetricService;

  constructor(private readonly em: EntityManager, private readonly units: UnitDirectory) {
    this.campaigns = new CampaignService(em, units);
    this.metrics = new MetricService(em);
  }

  /** Targets of the given campaigns, in the order they were entered. */
  async byCampaigns(campaignIds: readonly number[]): Promise<Target[]> {
    if (!campaignIds.length) return [];
    const rows = await this.em.execute('SELECT t.* FROM campaigns.target t WHERE t.campaign_id = ANY(?::int[]) ORDER BY t.id', [intArray(campaignIds)]);
    return rows.map((row) => this.em.map(Target, row));
  }

  /** The targets' revision (one indexed row, bumped by triggers in the writing transaction): "epoch:counter". */
  async revision(): Promise<string> {
    const [row] = await this.em.execute<{ revision: string }[]>(`SELECT epoch || ':' || revision AS revision FROM campaigns.targets_revision WHERE id = 1`);
    return row.revision;
  }

  async create(input: TargetData, guard: Guard): Promise<Target> {
    const issued = await this.campaigns.requireIssued(input.campaignId, guard);
    const metric = await this.metrics.require(input.metric);
    const unitId = await this.resolveUnit(issued, input.unitCode, input.unitAsOf);
    const fields = merge({}, input);
    checkTarget(fields as TargetShape, metric.kind, issued.campaign);
    if (input.key) {
      const [taken] = await this.em.execute('SELECT 1 FROM campaigns.target WHERE campaign_id = ? AND key = ?', [issued.campaign.id, input.key]);
      if (taken) throw conflict(`Phong trào đã có chỉ tiêu khóa "${input.key}"`, `The campaign already has a target with key "${input.key}"`);
    }
    const target = this.em.create(Target, { ...fields, key: input.key ?? null, campaign: issued.campaign, unitId, metric } as never);
    await this.em.flush();
    return target;
  }

  async update(id: string, expectedVersion: number, input: UpdateTargetInput, guard: Guard): Promise<Target> {
    const { target, issued } = await this.lock(id, guard);
    if (target.version !== expectedVersion) throw staleVersion(target.version);
    const metric = input.metric ? await this.metrics.require(input.metric) : (await this.metrics.byCodes([target.metric.code]))[0];
    const unitId = input.unitCode ? await this.resolveUnit(issued, input.unitCode, input.unitAsOf) : target.unitId;
    const fields = merge(Object.fromEntries(PLAIN_FIELDS.map((f) => [f, target[f]])), input);
    checkTarget(fields as TargetShape, metric.kind, issued.campaign);
    Object.assign(target, fields, { unitId, metric });
    await this.em.flush();
    return target;
  }

  async delete(id: string, expectedVersion: number, guard: Guard): Promise<boolean> {
    const { target } = await this.lock(id, guard);
    if (target.version !== expectedVersion) throw staleVersion(target.version);
    this.em.remove(target);
    await this.em.flush();
    return true;
  }

  private async lock(id: string, guard: Guard): Promise<{ target: Target; issued: IssuedCampaign }> {
    const target = await this.em.findOne(Target, { id: parseId(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!target) throw notFound(`Không có chỉ tiêu ${id}`, `No target ${id}`);
    return { target, issued: await this.campaigns.requireIssued(target.campaign.id, guard) };
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
  targets: Target[], period: Period, units: UnitDirectory, filter: { unitCode?: string | null; year?: number | null; metric?: string | null },
): Promise<Target[]> {
  const { unitCode, year, metric } = filter;
  const codes = unitCode ? new Map((await units.byIds([...new Set(targets.map((t) => t.unitId))])).filter((u) => u !== null).map((u) => [u!.id, u!.code])) : null;
  return targets.filter((t) =>
    (!codes || codes.get(t.unitId) === unitCode)
    && (!metric || t.metric.code === metric)
    && (year === undefined || year === null || (year <= effectiveYear(t, period) && year >= (t.yearFrom ?? effectiveYear(t, period)))));
}
