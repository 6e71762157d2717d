import { hasClass, isWithinPath } from '../shared/domain/index.js';
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

/** Whether a threshold applies to this unit in this year: owned by the unit or an ancestor, every condition met. */
export function applies({ threshold: t, ownerPath }: OwnedThreshold, unit: UnitFacts, year: number): boolean {
  return (
    isWithinPath(unit.path, ownerPath) &&
    (t.unitClass == null || hasClass(unit.classifications, t.unitClass)) &&
    (t.communeGroup == null || unit.classifications.includes(`COMMUNE_GROUP:${t.communeGroup}`)) &&
    (t.region == null || t.region === unit.region) &&
    (t.year == null || t.year === year)
  );
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
    .sort(
      (a, b) =>
        depth(b.ownerPath) - depth(a.ownerPath) || specificity(b.threshold) - specificity(a.threshold) || b.threshold.id - a.threshold.id,
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
}
