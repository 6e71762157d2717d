import { describe, expect, it } from 'vitest';
import { Comparator } from './criteria.enums.js';
import type { Threshold } from './criteria-set.entity.js';
import { indicatorPasses as passes } from '../shared/domain/comparators.js';
import { rankThresholds, type OwnedThreshold } from './threshold-resolution.js';

let nextId = 1;
const owned = (ownerPath: string, value: number, conditions: Partial<Threshold> = {}): OwnedThreshold => ({
  ownerPath,
  threshold: { id: nextId++, value, unitClass: null, region: null, communeGroup: null, year: null, ...conditions } as Threshold,
});

const commune = { path: '1.1100056.1200568.1304321', classifications: ['TERRAIN:HIGH_MOUNTAIN', 'COMMUNE_GROUP:3'], region: null };

describe('threshold resolution', () => {
  it('prefers the deepest owner: the unit, then its ancestors, the nation last', () => {
    const candidates = [owned('1', 50), owned('1.1100056', 60), owned('1.1100056.1200568', 65), owned('1.1100042', 99)];
    expect(rankThresholds(candidates, commune, 2024).map((c) => [c.rank, c.threshold.value])).toEqual([
      [1, 65],
      [2, 60],
      [3, 50],
    ]);
  });

  it('within one owner, prefers the most specific matching conditions and ignores those that do not match', () => {
    const candidates = [
      owned('1', 50),
      owned('1', 51, { year: 2024 }),
      owned('1', 52, { year: 2023 }),
      owned('1', 53, { unitClass: 'TERRAIN' }),
      owned('1', 54, { communeGroup: 3 }),
      owned('1', 55, { communeGroup: 1 }),
      owned('1', 56, { unitClass: 'ESPECIALLY_DISADVANTAGED' }),
      owned('1', 57, { region: 'CENTRAL_HIGHLANDS' } as Partial<Threshold>),
    ];
    expect(rankThresholds(candidates, commune, 2024).map((c) => c.threshold.value)).toEqual([53, 54, 51, 50]);
    expect(rankThresholds(candidates, { ...commune, region: 'CENTRAL_HIGHLANDS' }, 2024).map((c) => c.threshold.value)).toEqual([
      53, 54, 57, 51, 50,
    ]);
  });

  it('compares values with each comparator; BOOL needs no threshold, the others do', () => {
    expect([
      passes(60, Comparator.GTE, 60),
      passes(59.9, Comparator.GTE, 60),
      passes(61, Comparator.GT, 60),
      passes(60, Comparator.GT, 60),
    ]).toEqual([true, false, true, false]);
    expect([passes(5, Comparator.LTE, 5), passes(5, Comparator.LT, 5), passes(0.1 + 0.2, Comparator.EQ, 0.3)]).toEqual([true, false, true]);
    expect([
      passes(1, Comparator.BOOL, null),
      passes(0, Comparator.BOOL, null),
      passes(null, Comparator.BOOL, null),
      passes(3, Comparator.GTE, null),
    ]).toEqual([true, false, null, null]);
  });
});
