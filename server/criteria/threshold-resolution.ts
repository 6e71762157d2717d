import type { Comparator } from './criteria-enums.js';
import type { Threshold } from './criteria-set.entity.js';

/** What decides which thresholds apply to a unit: its place in the hierarchy and its classifications that year. */
export interface UnitFacts {
  /** ltree path of unit ids, nation first. */
  path: string;
  /** Classification codes in force ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN", "COMMUNE_GROUP:2"). */
  classifications: readonly string[];
  /** Region of the 318/QĐ-TTg annex, when known (no authoritative province → region mapping is held yet). */
  region: string | null;
}

/** A threshold with the path of the unit that owns it. */
export interface OwnedThreshold {
  threshold: Threshold;
  ownerPath: string;
}

export interface RankedThreshold extends OwnedThreshold {
  /** 1 for the one that applies, then in order of precedence. */
  rank: number;
}

const onPath = (ownerPath: string, unitPath: string) => unitPath === ownerPath || unitPath.startsWith(`${ownerPath}.`);

/** Whether a unit has a classification: an exact code, or any value of a scheme named alone ("TERRAIN"). */
export const hasClass = (classifications: readonly string[], unitClass: string): boolean =>
  classifications.some((c) => c === unitClass || (!unitClass.includes(':') && c.startsWith(`${unitClass}:`)));

/** Whether a threshold applies to this unit in this year: owned by the unit or an ancestor, every condition met. */
export function applies({ threshold: t, ownerPath }: OwnedThreshold, unit: UnitFacts, year: number): boolean {
  return onPath(ownerPath, unit.path)
    && (t.unitClass == null || hasClass(unit.classifications, t.unitClass))
    && (t.communeGroup == null || unit.classifications.includes(`COMMUNE_GROUP:${t.communeGroup}`))
    && (t.region == null || t.region === unit.region)
    && (t.year == null || t.year === year);
}

/** How specific a threshold's conditions are; class outranks commune group, then region, then year. */
export const specificity = (t: Threshold): number =>
  (t.unitClass != null ? 8 : 0) + (t.communeGroup != null ? 4 : 0) + (t.region != null ? 2 : 0) + (t.year != null ? 1 : 0);

/**
 * The thresholds that apply to a unit in a year, most specific first: the deepest owner (the unit itself, then its
 * ancestors, the nation last), then the most specific conditions, then the latest entered. The first one applies.
 */
export function rankThresholds(candidates: readonly OwnedThreshold[], unit: UnitFacts, year: number): RankedThreshold[] {
  const depth = (path: string) => path.split('.').length;
  return candidates
    .filter((c) => applies(c, unit, year))
    .sort((a, b) => depth(b.ownerPath) - depth(a.ownerPath)
      || specificity(b.threshold) - specificity(a.threshold)
      || b.threshold.id - a.threshold.id)
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

/**
 * Whether a measured value passes: `null` when it cannot be told (no value, or no threshold for a comparing
 * indicator). BOOL indicators take 1 (met) or 0 (not met) and need no threshold.
 */
export function passes(value: number | null | undefined, comparator: Comparator, threshold: number | null | undefined): boolean | null {
  if (value == null) return null;
  if (comparator === 'BOOL') return value !== 0;
  if (threshold == null) return null;
  const compare: Record<Exclude<Comparator, 'BOOL'>, (v: number, t: number) => boolean> = {
    GT: (v, t) => v > t,
    GTE: (v, t) => v >= t,
    EQ: (v, t) => Math.abs(v - t) < 1e-9,
    LTE: (v, t) => v <= t,
    LT: (v, t) => v < t,
  };
  return compare[comparator](value, threshold);
}
