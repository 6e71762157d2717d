import { depthOn, effectiveYear, type Comparator } from '../shared/domain/index.js';
import { allPages, peerData, type PeerPage, type PeerQuery } from '../shared/peers.js';
import type { DenominatorBasis, ValueUnit } from './metrics.js';

/** A campaign target as the campaigns subgraph's public API returns it. */
export interface PlanTarget {
  id: string;
  campaignId: string;
  issuerId: number;
  periodStart: string;
  periodEnd: string;
  unitId: number;
  metric: string;
  /** The year it is due: its own, or the period's last year for a period-end target. */
  year: number;
  comparator: Comparator;
  valueUnit: ValueUnit | 'NONE';
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  denominatorBasis: string | null;
  unitClass: string | null;
  isIncrement: boolean;
  incrementOver: 'PREVIOUS_YEAR' | 'PERIOD_START' | null;
  quote: string | null;
  source: string | null;
}

const CAMPAIGNS = `query($y: Int, $o: Int, $l: Int) { campaigns(filter: { year: $y }, offset: $o, limit: $l) { totalCount nodes {
  id periodStart periodEnd issuer { id }
  targets { id year comparator valueUnit value valueMin valueMax denominatorBasis unitClass isIncrement incrementOver quote source metric { code } unit { id } } } } }`;

/** A campaign as CAMPAIGNS selects it. */
interface CampaignNode {
  id: string;
  periodStart: string;
  periodEnd: string;
  issuer: { id: string };
  targets: (Omit<PlanTarget, 'campaignId' | 'issuerId' | 'periodStart' | 'periodEnd' | 'unitId' | 'metric'> & {
    metric: { code: string };
    unit: { id: string };
  })[];
}

/** The targets of campaigns whose period includes `year` (all campaigns when null), through the campaigns API. */
export async function readTargets(peers: PeerQuery, year: number | null): Promise<PlanTarget[]> {
  const targets: PlanTarget[] = [];
  const campaigns = await allPages<CampaignNode>(
    async (offset, limit) =>
      (await peerData<{ campaigns: PeerPage<CampaignNode> }>(peers, 'campaigns', CAMPAIGNS, { y: year, o: offset, l: limit })).campaigns,
  );
  for (const c of campaigns) {
    for (const t of c.targets) {
      targets.push({
        id: t.id,
        campaignId: c.id,
        issuerId: Number(c.issuer.id),
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        unitId: Number(t.unit.id),
        metric: t.metric.code,
        year: effectiveYear(t, c),
        comparator: t.comparator,
        valueUnit: t.valueUnit,
        value: t.value,
        valueMin: t.valueMin,
        valueMax: t.valueMax,
        denominatorBasis: t.denominatorBasis,
        unitClass: t.unitClass,
        isIncrement: t.isIncrement,
        incrementOver: t.incrementOver,
        quote: t.quote,
        source: t.source,
      });
    }
  }
  return targets;
}

/** Every campaign target, indexed by unit and metric (`applicableTarget` only looks at one unit's and metric's). */
export class TargetIndex {
  private readonly byUnitMetric = new Map<string, PlanTarget[]>();

  constructor(
    readonly revision: string,
    readonly all: readonly PlanTarget[],
  ) {
    for (const t of all) {
      const key = `${t.unitId}:${t.metric}`;
      const list = this.byUnitMetric.get(key);
      if (list) list.push(t);
      else this.byUnitMetric.set(key, [t]);
    }
  }

  /** The targets set on this unit for this metric (any year, any campaign). */
  of(unitId: number, metric: string): readonly PlanTarget[] {
    return this.byUnitMetric.get(`${unitId}:${metric}`) ?? [];
  }
}

const REVISION = '{ targetsRevision }';

/** One cache per hub (its peer client), kept across requests: the targets under the revision they were read at. */
const caches = new WeakMap<PeerQuery, { revision: string; index: Promise<TargetIndex> }>();

/**
 * The campaigns' targets, never stale: asks the campaigns API for `targetsRevision` (one cheap statement, bumped in
 * the same transaction as every target or campaign write) and rereads all targets only when it differs from the
 * cached one. The revision is read BEFORE the targets, so a cached copy is never older than its revision: a write
 * committed between the two reads lands in the copy, and the next request, seeing a newer revision, rereads anyway.
 */
export async function currentTargets(peers: PeerQuery): Promise<TargetIndex> {
  const { targetsRevision: revision } = await peerData<{ targetsRevision: string }>(peers, 'campaigns', REVISION);
  const cached = caches.get(peers);
  if (cached?.revision === revision) return cached.index;
  const entry = { revision, index: readTargets(peers, null).then((all) => new TargetIndex(revision, all)) };
  caches.set(peers, entry);
  // A failed read is not kept: the next request tries again.
  entry.index.catch(() => {
    if (caches.get(peers) === entry) caches.delete(peers);
  });
  return entry.index;
}

/**
 * Where an increment target's starting figure comes from: the plan states it (an absolute target for the year before
 * the increments), the plan implies it (its end target minus the increments leading to it), or the plan gives none.
 */
export type BaselineSource = 'PLAN_STATED' | 'PLAN_IMPLIED' | 'NONE';

/** The target that applies to a unit, metric and year, as an absolute figure when the plan allows one. */
export interface AppliedTarget {
  target: PlanTarget;
  /** The figure to reach, in `unit` (a range: its lower end); null for an increment whose plan states no baseline. */
  value: number | null;
  max: number | null;
  unit: ValueUnit;
  basis: DenominatorBasis | null;
  /** For an increment: the increase stated up to this year (a yearly chain summed), the baseline and where it comes from. */
  increment: number | null;
  baselineYear: number | null;
  baseline: number | null;
  baselineSource: BaselineSource | null;
  /** How the figure was obtained, Vietnamese then English; null for a target stated as it is. */
  note: string | null;
}

/** Which of several targets of one campaign, unit, metric and year speaks for the unit: exact figures first. */
const preference = (t: PlanTarget) => (t.isIncrement ? (t.incrementOver === 'PREVIOUS_YEAR' ? 2 : 3) : t.valueUnit === 'PERCENT' ? 1 : 0);

const SHARE_BASES = new Set(['ALL_COMMUNES', 'NTM_COMMUNES', 'ADVANCED_COMMUNES', 'ALL_VILLAGES']);

const figureOf = (t: PlanTarget) => t.value ?? t.valueMin;

/** The unit classes that targets on this unit, metric and year are restricted to (Quảng Nam: averages by terrain). */
export function targetClasses(targets: readonly PlanTarget[], unitId: number, metric: string, year: number): string[] {
  return [
    ...new Set(
      targets.filter((t) => t.unitId === unitId && t.metric === metric && t.year === year && t.unitClass).map((t) => t.unitClass!),
    ),
  ].sort();
}

/**
 * The applicable target: among targets set on this very unit for the given class of its units (none: the unit as a
 * whole), those of the campaign the unit issued itself, else those of the campaign issued nearest above it (deepest
 * issuer on the unit's path); within it an exact figure before a share, both before increments.
 *
 * An increment becomes an absolute figure only from the plan's own baseline (never from the actual figures): a chain
 * of yearly increments (PREVIOUS_YEAR) starts from the absolute target the plan sets at the chain's end, less the
 * increments leading to it (Bắc Kạn: 61 communes by 2025 less 9 + 9 + 10 + 12 puts 2021 at 21, so 30, 39, 49, 61), or
 * else from an absolute target for the year before the chain. Without either — and for an increment over the period
 * start, whose starting figure no plan states — the figure is null and the note says why.
 */
export function applicableTarget(
  targets: readonly PlanTarget[],
  unit: { id: number; path: string },
  metric: string,
  year: number,
  unitClass: string | null = null,
): AppliedTarget | null {
  const depth = (issuerId: number) => depthOn(unit.path, issuerId);
  const sameScope = (t: PlanTarget) => t.unitId === unit.id && t.metric === metric && (t.unitClass ?? null) === unitClass;
  const candidates = targets.filter(
    (t) => sameScope(t) && t.year === year && t.valueUnit !== 'NONE' && depth(t.issuerId) >= 0 && figureOf(t) !== null,
  );
  if (!candidates.length) return null;
  const chosen = [...candidates].sort(
    (a, b) => depth(b.issuerId) - depth(a.issuerId) || preference(a) - preference(b) || a.id.localeCompare(b.id),
  )[0];
  const unitOf = chosen.valueUnit as ValueUnit;
  const basis =
    unitOf === 'PERCENT' && chosen.denominatorBasis && SHARE_BASES.has(chosen.denominatorBasis)
      ? (chosen.denominatorBasis as DenominatorBasis)
      : null;
  const stated = {
    target: chosen,
    unit: unitOf,
    basis,
    increment: null,
    baselineYear: null,
    baseline: null,
    baselineSource: null,
    note: null,
  };
  if (!chosen.isIncrement) return { ...stated, value: figureOf(chosen), max: chosen.valueMax };

  const sameCampaign = (t: PlanTarget) => t.campaignId === chosen.campaignId && sameScope(t) && t.valueUnit === chosen.valueUnit;
  const absolute = new Map(targets.filter((t) => sameCampaign(t) && !t.isIncrement && figureOf(t) !== null).map((t) => [t.year, t]));
  const stepOf = new Map(
    targets
      .filter((t) => sameCampaign(t) && t.isIncrement && t.incrementOver === 'PREVIOUS_YEAR' && t.value !== null)
      .map((t) => [t.year, t.value!]),
  );
  const withoutBaseline = (baselineYear: number, increment: number | null, why: string): AppliedTarget => ({
    ...stated,
    value: null,
    max: null,
    increment,
    baselineYear,
    baseline: null,
    baselineSource: 'NONE',
    note: `${why.split(' — ')[0]}; không tự đặt mốc từ số liệu thực tế — ${why.split(' — ')[1]}; no baseline is taken from the actual figures.`,
  });
  if (chosen.incrementOver !== 'PREVIOUS_YEAR' || chosen.value === null) {
    const increase = figureOf(chosen);
    const start = Number(chosen.periodStart.slice(0, 4)) - 1;
    const range = chosen.valueMax !== null ? `${chosen.valueMin}–${chosen.valueMax}` : String(increase);
    return withoutBaseline(
      start,
      increase,
      `Kế hoạch nêu mức tăng thêm ${range} so với cuối năm ${start}, không nêu số liệu năm ${start} — the plan states an increase of ${range} over the end of ${start} but not the ${start} figure`,
    );
  }
  // The run of consecutive yearly increments around this year.
  let first = year;
  while (stepOf.has(first - 1)) first--;
  let last = year;
  while (stepOf.has(last + 1)) last++;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let y = from; y <= to; y++) total += stepOf.get(y)!;
    return total;
  };
  const increment = sum(first, year);
  const baselineYear = first - 1;
  const end = [...absolute.values()].filter((t) => t.year >= first && t.year <= last).sort((a, b) => b.year - a.year)[0];
  let baseline: number;
  let baselineSource: BaselineSource;
  let how: string;
  if (end) {
    baseline = figureOf(end)! - sum(first, end.year);
    baselineSource = 'PLAN_IMPLIED';
    how = `mốc ${baseline} năm ${baselineYear} suy ra từ chỉ tiêu ${figureOf(end)} năm ${end.year} trừ tổng mức tăng ${sum(first, end.year)} (${end.source ?? 'kế hoạch'}) — the ${baselineYear} baseline ${baseline} is implied by the ${end.year} target ${figureOf(end)} less the increases ${sum(first, end.year)}`;
  } else if (absolute.has(baselineYear)) {
    baseline = figureOf(absolute.get(baselineYear)!)!;
    baselineSource = 'PLAN_STATED';
    how = `mốc ${baseline} năm ${baselineYear} theo chỉ tiêu của kế hoạch — the ${baselineYear} baseline ${baseline} is the plan's target for that year`;
  } else {
    return withoutBaseline(
      baselineYear,
      increment,
      `Kế hoạch nêu mức tăng thêm ${increment} từ năm ${first}, không nêu số liệu năm ${baselineYear} — the plan states increases of ${increment} from ${first} but no ${baselineYear} figure`,
    );
  }
  const [vi, en] = how.split(' — ');
  return {
    ...stated,
    value: baseline + increment,
    max: null,
    increment,
    baselineYear,
    baseline,
    baselineSource,
    note: `Chỉ tiêu cộng dồn: ${baseline} + ${increment} tăng thêm từ năm ${first}; ${vi} — accumulated target: ${baseline} plus increases of ${increment} from ${first}; ${en}.`,
  };
}
