import { peerData, type PeerQuery } from '../shared/peers.js';
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
  comparator: 'GT' | 'GTE' | 'EQ' | 'LTE' | 'LT';
  valueUnit: ValueUnit | 'NONE';
  value: number | null;
  valueMin: number | null;
  valueMax: number | null;
  denominatorBasis: string | null;
  unitClass: string | null;
  isIncrement: boolean;
  incrementOver: 'PREVIOUS_YEAR' | 'PERIOD_START' | null;
  quote: string | null;
}

const CAMPAIGNS = `query($y: Int, $o: Int) { campaigns(filter: { year: $y }, offset: $o, limit: 500) { totalCount nodes {
  id periodStart periodEnd issuer { id }
  targets { id year comparator valueUnit value valueMin valueMax denominatorBasis unitClass isIncrement incrementOver quote metric { code } unit { id } } } } }`;

/** The targets of campaigns whose period includes `year` (all campaigns when null), through the campaigns API. */
export async function readTargets(peers: PeerQuery, year: number | null): Promise<PlanTarget[]> {
  const targets: PlanTarget[] = [];
  for (let offset = 0; ; offset += 500) {
    const data = await peerData(peers, 'campaigns', CAMPAIGNS, { y: year, o: offset });
    for (const c of data.campaigns.nodes) {
      const lastYear = Number(c.periodEnd.slice(0, 4));
      for (const t of c.targets) {
        targets.push({
          id: t.id, campaignId: c.id, issuerId: Number(c.issuer.id), periodStart: c.periodStart, periodEnd: c.periodEnd,
          unitId: Number(t.unit.id), metric: t.metric.code, year: t.year ?? lastYear, comparator: t.comparator, valueUnit: t.valueUnit,
          value: t.value, valueMin: t.valueMin, valueMax: t.valueMax, denominatorBasis: t.denominatorBasis, unitClass: t.unitClass,
          isIncrement: t.isIncrement, incrementOver: t.incrementOver, quote: t.quote,
        });
      }
    }
    if (offset + 500 >= data.campaigns.totalCount || !data.campaigns.nodes.length) return targets;
  }
}

/** Every campaign target, indexed by unit and metric (`applicableTarget` only looks at one unit's and metric's). */
export class TargetIndex {
  private readonly byUnitMetric = new Map<string, PlanTarget[]>();

  constructor(readonly revision: string, readonly all: readonly PlanTarget[]) {
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
  entry.index.catch(() => { if (caches.get(peers) === entry) caches.delete(peers); });
  return entry.index;
}

/** The target that applies to a unit, metric and year, resolved to an absolute figure. */
export interface AppliedTarget {
  target: PlanTarget;
  /** The figure to reach, in `unit`; for a range, its lower end (see `max`). */
  value: number;
  max: number | null;
  unit: ValueUnit;
  basis: DenominatorBasis | null;
  /** For an increment: the year whose actual count it is added to. */
  baselineYear: number | null;
  /** The increments added to the baseline (one per year for PREVIOUS_YEAR chains). */
  increment: number | null;
}

/** Which of several targets of one campaign, unit, metric and year speaks for the unit: exact figures first. */
const preference = (t: PlanTarget) =>
  t.isIncrement ? (t.incrementOver === 'PREVIOUS_YEAR' ? 2 : 3) : t.valueUnit === 'PERCENT' ? 1 : 0;

const SHARE_BASES = new Set(['ALL_COMMUNES', 'NTM_COMMUNES', 'ADVANCED_COMMUNES', 'ALL_VILLAGES']);

/** The units subgraph's classification codes a target's unit class covers (MOUNTAIN: high or low mountain). */
const CLASSIFICATION_CODES: Record<string, readonly string[]> = {
  HIGH_MOUNTAIN: ['TERRAIN:HIGH_MOUNTAIN'],
  LOW_MOUNTAIN: ['TERRAIN:LOW_MOUNTAIN'],
  MOUNTAIN: ['TERRAIN:HIGH_MOUNTAIN', 'TERRAIN:LOW_MOUNTAIN'],
  LOWLAND: ['TERRAIN:LOWLAND'],
};

export const classificationCodes = (unitClass: string): readonly string[] => CLASSIFICATION_CODES[unitClass] ?? [unitClass];

/** The unit classes that targets on this unit, metric and year are restricted to (Quảng Nam: averages by terrain). */
export function targetClasses(targets: readonly PlanTarget[], unitId: number, metric: string, year: number): string[] {
  return [...new Set(targets.filter((t) => t.unitId === unitId && t.metric === metric && t.year === year && t.unitClass).map((t) => t.unitClass!))].sort();
}

/**
 * The applicable target: among targets set on this very unit for the given class of its units (none: the unit as a
 * whole), those of the campaign the unit issued itself, else those of the campaign issued nearest above it (deepest
 * issuer on the unit's path). Increments resolve to absolute counts: a chain of yearly increments (PREVIOUS_YEAR)
 * adds up from the year before the chain's first year; a PERIOD_START increment adds to the period's first year.
 */
export function applicableTarget(targets: readonly PlanTarget[], unit: { id: number; path: string }, metric: string, year: number, unitClass: string | null = null): AppliedTarget | null {
  const ancestors = unit.path.split('.').map(Number);
  const depth = (issuerId: number) => ancestors.indexOf(issuerId);
  const sameScope = (t: PlanTarget) => t.unitId === unit.id && t.metric === metric && (t.unitClass ?? null) === unitClass;
  const candidates = targets.filter((t) => sameScope(t) && t.year === year
    && t.valueUnit !== 'NONE' && depth(t.issuerId) >= 0 && (t.value !== null || t.valueMin !== null));
  if (!candidates.length) return null;
  const chosen = [...candidates].sort((a, b) => depth(b.issuerId) - depth(a.issuerId) || preference(a) - preference(b) || a.id.localeCompare(b.id))[0];
  const unitOf = chosen.valueUnit as ValueUnit;
  const basis = unitOf === 'PERCENT' && chosen.denominatorBasis && SHARE_BASES.has(chosen.denominatorBasis) ? chosen.denominatorBasis as DenominatorBasis : null;
  const value = chosen.value ?? chosen.valueMin!;
  if (!chosen.isIncrement) return { target: chosen, value, max: chosen.valueMax, unit: unitOf, basis, baselineYear: null, increment: null };
  if (chosen.incrementOver === 'PERIOD_START') {
    return { target: chosen, value, max: null, unit: unitOf, basis, baselineYear: Number(chosen.periodStart.slice(0, 4)), increment: value };
  }
  // A chain of yearly increments of the same campaign: sum them back to the first consecutive year.
  const chain = targets.filter((t) => t.campaignId === chosen.campaignId && sameScope(t) && t.isIncrement
    && t.incrementOver === 'PREVIOUS_YEAR' && t.value !== null);
  let first = year;
  let increment = 0;
  while (true) {
    const step = chain.find((t) => t.year === first);
    if (!step) break;
    increment += step.value!;
    first--;
  }
  return { target: chosen, value: increment, max: null, unit: unitOf, basis, baselineYear: first, increment };
}
