import { describe, expect, it } from 'vitest';
import { indicatorPasses, meetsTarget, satisfies } from './comparators.js';

describe('comparators', () => {
  it('reads each comparator, with equality tolerant of floating-point noise', () => {
    expect([satisfies(63.54, 'GT', 63), satisfies(63, 'GT', 63), satisfies(63, 'GTE', 63), satisfies(62.9, 'GTE', 63)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    // 0.1 + 0.2 is 0.30000000000000004: equal to 0.3 within the tolerance, for every comparator.
    const noisy = 0.1 + 0.2;
    expect([satisfies(noisy, 'EQ', 0.3), satisfies(noisy, 'LTE', 0.3), satisfies(noisy, 'GT', 0.3), satisfies(noisy, 'LT', 0.3)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([satisfies(0, 'EQ', 0), satisfies(1, 'EQ', 0), satisfies(14, 'LT', 15), satisfies(15, 'LTE', 15)]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('meets a range target from its lower to its upper end', () => {
    expect([1, 2, 3, 4].map((v) => meetsTarget(v, 'GTE', 2, 3))).toEqual([false, true, true, false]);
    expect(meetsTarget(79.9, 'GTE', 80)).toBe(false);
  });

  it('passes a yes/no indicator on 1 only, and cannot tell without a value or a threshold', () => {
    expect([indicatorPasses(1, 'BOOL', null), indicatorPasses(0, 'BOOL', null), indicatorPasses(null, 'BOOL', null)]).toEqual([
      true,
      false,
      null,
    ]);
    expect([indicatorPasses(80, 'GTE', 80), indicatorPasses(80, 'GTE', null)]).toEqual([true, null]);
  });
});
