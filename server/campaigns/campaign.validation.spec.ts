import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { effectiveYear, satisfies } from '../shared/domain/index.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { Comparator, IncrementBasis, MetricKind, Recurrence, TargetValueUnit, UnitStatus } from './campaigns.enums.js';
import {
  checkChildIssuer,
  checkChildPeriod,
  checkMilestone,
  checkPeriod,
  checkTarget,
  checkTargetUnit,
  isWeaker,
  type TargetShape,
} from './campaign.validation.js';

const PERIOD = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };
const count = (fields: Partial<TargetShape> = {}): TargetShape => ({
  comparator: Comparator.GTE,
  valueUnit: TargetValueUnit.COUNT,
  value: 8,
  isIncrement: false,
  ...fields,
});
const unit = (id: number, path: string, fields: Partial<UnitInfo> = {}): UnitInfo => ({
  id,
  code: String(id),
  name: `Unit ${id}`,
  level: 'DISTRICT',
  kind: 'RURAL_DISTRICT',
  path,
  validFrom: null,
  validTo: '2025-06-30',
  classifications: [],
  placeholder: false,
  ...fields,
});

/** The field a rule blames, or null when it lets the input through. */
function blamed(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return String((error as GraphQLError).extensions.field);
  }
}

describe('target rules', () => {
  const target = (fields: Partial<TargetShape>, kind = MetricKind.COUNT) => blamed(() => checkTarget(count(fields), kind, PERIOD));

  it('accepts the shapes the plans use: counts, fractions, shares, ranges, increments, statuses, windows', () => {
    expect(target({ numerator: 16, denominator: 16, value: 16, comparator: Comparator.EQ })).toBeNull();
    expect(target({ valueUnit: TargetValueUnit.PERCENT, value: 63, numerator: 61, denominator: 96, comparator: Comparator.GT })).toBeNull();
    expect(target({ valueUnit: TargetValueUnit.PERCENT, value: 40, numerator: 64 })).toBeNull();
    expect(target({ value: null, valueMin: 2, valueMax: 3, isIncrement: true, incrementOver: IncrementBasis.PERIOD_START })).toBeNull();
    expect(target({ valueUnit: TargetValueUnit.METRIC, value: 15.5 }, MetricKind.AVERAGE)).toBeNull();
    expect(target({ valueUnit: TargetValueUnit.NONE, value: null, status: UnitStatus.ADVANCED, year: 2025 }, MetricKind.STATUS)).toBeNull();
    expect(target({ yearFrom: 2023, year: 2024 })).toBeNull();
    expect(target({ year: null })).toBeNull();
  });

  it('keeps years inside the period', () => {
    expect(target({ year: 2026 })).toBe('year');
    expect(target({ year: 2020 })).toBe('year');
    expect(target({ yearFrom: 2025, year: 2024 })).toBe('yearFrom');
    expect(target({ yearFrom: 2023 })).toBe('yearFrom');
  });

  it('wants non-negative fractions whose denominator is at least the numerator', () => {
    expect(target({ numerator: 17, denominator: 16 })).toBe('denominator');
    expect(target({ numerator: -1 })).toBe('numerator');
    expect(target({ denominator: 2.5 })).toBe('denominator');
    expect(target({ numerator: 0, denominator: 0 })).toBeNull();
  });

  it('wants exactly one of a value and a complete, ordered range', () => {
    expect(target({ value: null })).toBe('value');
    expect(target({ valueMin: 2, valueMax: 3 })).toBe('value');
    expect(target({ value: null, valueMin: 2 })).toBe('valueMax');
    expect(target({ value: null, valueMin: 3, valueMax: 2 })).toBe('valueMin');
  });

  it('matches the value unit to the metric kind and the value to the unit', () => {
    expect(target({ valueUnit: TargetValueUnit.METRIC })).toBe('valueUnit');
    expect(target({ valueUnit: TargetValueUnit.COUNT }, MetricKind.SHARE)).toBe('valueUnit');
    expect(target({ valueUnit: TargetValueUnit.PERCENT, value: 101 })).toBe('value');
    expect(target({ value: 2.5 })).toBe('value');
    expect(target({ value: -1 })).toBe('value');
    expect(target({ valueUnit: TargetValueUnit.NONE, value: null }, MetricKind.STATUS)).toBe('status');
    expect(target({ valueUnit: TargetValueUnit.NONE, value: 1, status: UnitStatus.NTM }, MetricKind.STATUS)).toBe('value');
    expect(target({ status: UnitStatus.NTM })).toBe('status');
  });

  it('ties incrementOver to isIncrement', () => {
    expect(target({ isIncrement: true })).toBe('incrementOver');
    expect(target({ incrementOver: IncrementBasis.PREVIOUS_YEAR })).toBe('incrementOver');
  });

  it('reads a missing year as the end of the period', () => {
    expect(effectiveYear({ year: null }, PERIOD)).toBe(2025);
    expect(effectiveYear({ year: 2023 }, PERIOD)).toBe(2023);
  });
});

describe('units and periods', () => {
  const nation = unit(1, '1', { level: 'NATION', validTo: null });
  const province = unit(1100056, '1.1100056', { level: 'PROVINCE' });
  const district = unit(1200574, '1.1100056.1200574');
  const elsewhere = unit(1200063, '1.1100006.1200063');

  it("keeps a target's unit in the issuer's subtree and valid in the period", () => {
    expect(blamed(() => checkTargetUnit(district, province, PERIOD))).toBeNull();
    expect(blamed(() => checkTargetUnit(province, province, PERIOD))).toBeNull();
    expect(blamed(() => checkTargetUnit(elsewhere, province, PERIOD))).toBe('unitCode');
    expect(
      blamed(() =>
        checkTargetUnit(unit(2100056, '1.2100056', { validFrom: '2025-07-01', validTo: null }), nation, {
          periodStart: '2021-01-01',
          periodEnd: '2024-12-31',
        }),
      ),
    ).toBe('unitCode');
  });

  it("puts a child campaign strictly below its parent's issuer and inside its period", () => {
    expect(blamed(() => checkChildIssuer(province, nation))).toBeNull();
    expect(blamed(() => checkChildIssuer(nation, nation))).toBe('issuerCode');
    expect(blamed(() => checkChildIssuer(elsewhere, province))).toBe('issuerCode');
    expect(blamed(() => checkChildPeriod({ periodStart: '2022-01-01', periodEnd: '2025-12-31' }, PERIOD))).toBeNull();
    expect(blamed(() => checkChildPeriod({ periodStart: '2021-01-01', periodEnd: '2026-12-31' }, PERIOD))).toBe('periodStart');
    expect(blamed(() => checkPeriod({ periodStart: '2025-01-01', periodEnd: '2024-12-31' }))).toBe('periodEnd');
  });
});

describe('milestone rules', () => {
  const milestone = (fields: object) =>
    blamed(() => checkMilestone({ recurrence: Recurrence.ONCE, description: 'Sơ kết', ...fields }, PERIOD));

  it('accepts one-off years and dates, and recurring day-month deadlines (Cẩm Xuyên: before 15/12)', () => {
    expect(milestone({ year: 2023 })).toBeNull();
    expect(milestone({ year: 2025, deadline: '2025-12-15' })).toBeNull();
    expect(milestone({ recurrence: Recurrence.ANNUAL, deadlineDay: 15, deadlineMonth: 12 })).toBeNull();
    expect(milestone({ recurrence: Recurrence.ANNUAL, deadlineDay: 29, deadlineMonth: 2 })).toBeNull();
  });

  it('refuses years outside the period, impossible days and day-months on one-off milestones', () => {
    expect(milestone({ year: 2026 })).toBe('year');
    expect(milestone({ deadline: '2020-12-01' })).toBe('deadline');
    expect(milestone({ year: 2023, deadline: '2024-01-01' })).toBe('deadline');
    expect(milestone({ recurrence: Recurrence.ANNUAL, deadlineDay: 31, deadlineMonth: 4 })).toBe('deadlineDay');
    expect(milestone({ recurrence: Recurrence.ANNUAL, deadlineDay: 15 })).toBe('deadlineDay');
    expect(milestone({ deadlineDay: 15, deadlineMonth: 12 })).toBe('deadlineDay');
    expect(milestone({ description: ' ' })).toBe('description');
  });
});

describe('comparing targets', () => {
  it('evaluates comparators', () => {
    expect(satisfies(81.5, Comparator.GTE, 80)).toBe(true);
    expect(satisfies(80, Comparator.GT, 80)).toBe(false);
    expect(satisfies(0, Comparator.EQ, 0)).toBe(true);
    expect(satisfies(3, Comparator.LT, 3)).toBe(false);
  });

  it("flags child targets that ask less than the parent's", () => {
    expect(isWeaker(count({ value: 8 }), count({ value: 6 }))).toBe(true);
    expect(isWeaker(count({ value: 8 }), count({ value: 9 }))).toBe(false);
    expect(isWeaker(count({ value: 8, comparator: Comparator.GT }), count({ value: 8 }))).toBe(true);
    expect(isWeaker(count({ value: 16, comparator: Comparator.EQ }), count({ value: 15, comparator: Comparator.EQ }))).toBe(true);
    expect(isWeaker(count({ value: 8 }), count({ value: 8, comparator: Comparator.LTE }))).toBe(true);
    expect(isWeaker(count({ value: 0, comparator: Comparator.LTE }), count({ value: 2, comparator: Comparator.LTE }))).toBe(true);
    expect(isWeaker(count({ value: null, valueMin: 8, valueMax: 9 }), count({ value: 8 }))).toBe(false);
    // Different terms are not compared: a share against a count, another class of units.
    expect(isWeaker(count({ value: 80, valueUnit: TargetValueUnit.PERCENT }), count({ value: 6 }))).toBe(false);
    const status = (s: UnitStatus) => count({ valueUnit: TargetValueUnit.NONE, value: null, status: s, comparator: Comparator.EQ });
    expect(isWeaker(status(UnitStatus.ADVANCED), status(UnitStatus.NTM))).toBe(true);
    expect(isWeaker(status(UnitStatus.NTM), status(UnitStatus.MODEL))).toBe(false);
  });
});
