import { describe, expect, it } from 'vitest';
import { effectiveYear, referenceDate, yearEnd } from './calendar.js';
import { tierRank, tierRankSql } from './recognition-tiers.js';
import { depthOn, isStrictlyBelow, isWithin, isWithinPath } from './subtree.js';
import { classificationCodes, hasClass, UnitClass } from './unit-class.js';

describe('unit classes', () => {
  it('reads terrain classes as values of the TERRAIN scheme, MOUNTAIN as either mountain value', () => {
    expect(hasClass(['TERRAIN:HIGH_MOUNTAIN'], UnitClass.MOUNTAIN)).toBe(true);
    expect(hasClass(['TERRAIN:LOW_MOUNTAIN'], UnitClass.HIGH_MOUNTAIN)).toBe(false);
    expect(hasClass(['TERRAIN:LOWLAND', 'ESPECIALLY_DISADVANTAGED'], UnitClass.ESPECIALLY_DISADVANTAGED)).toBe(true);
    expect(classificationCodes(UnitClass.MOUNTAIN)).toEqual(['TERRAIN:HIGH_MOUNTAIN', 'TERRAIN:LOW_MOUNTAIN']);
  });

  it('takes classification codes and schemes named alone (criteria thresholds) too', () => {
    expect(hasClass(['TERRAIN:LOWLAND'], 'TERRAIN')).toBe(true);
    expect(hasClass(['COMMUNE_GROUP:2'], 'COMMUNE_GROUP:2')).toBe(true);
    expect(hasClass(['COMMUNE_GROUP:2'], 'COMMUNE_GROUP:3')).toBe(false);
    expect(hasClass([], 'BORDER')).toBe(false);
  });
});

describe('tiers, dates and the hierarchy', () => {
  it('ranks tiers once, in code and in SQL', () => {
    expect(['NTM', 'ADVANCED', 'MODEL', 'NTM_TASKS_COMPLETED', 'MODEL_VILLAGE', 'CIVILISED_URBAN'].map(tierRank)).toEqual([
      1, 2, 3, 1, 2, 0,
    ]);
    expect(tierRankSql('d.tier', ['NTM', 'ADVANCED', 'MODEL'])).toBe(
      "CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END",
    );
  });

  it("reads a year on 30 June and a period-end target in the period's last year", () => {
    expect([referenceDate(2024), yearEnd(2024)]).toEqual(['2024-06-30', '2024-12-31']);
    expect(effectiveYear({ year: null }, { periodEnd: '2025-12-31' })).toBe(2025);
    expect(effectiveYear({ year: 2023 }, { periodEnd: '2025-12-31' })).toBe(2023);
  });

  it('contains a subtree by whole path labels', () => {
    expect(isWithinPath('1.11.123', '1.11')).toBe(true);
    expect(isWithinPath('1.111', '1.11')).toBe(false);
    expect([isWithin({ path: '1.11' }, { path: '1.11' }), isStrictlyBelow({ path: '1.11' }, { path: '1.11' })]).toEqual([true, false]);
    expect([depthOn('1.11.123', 11), depthOn('1.11.123', 12)]).toEqual([1, -1]);
  });
});
