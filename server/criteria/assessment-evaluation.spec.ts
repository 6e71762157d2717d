import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { evaluateResults, type IndicatorDef } from './assessment-evaluation.js';
import { Comparator } from './criteria.enums.js';

const indicators = new Map<string, IndicatorDef>([
  ['10.1', { id: 1, code: '10.1', comparator: Comparator.GTE, criterionNumber: 10 }],
  ['11.1', { id: 2, code: '11.1', comparator: Comparator.LTE, criterionNumber: 11 }],
  ['11.2', { id: 3, code: '11.2', comparator: Comparator.BOOL, criterionNumber: 11 }],
]);
const thresholds: Record<number, { id: number; value: number }> = { 1: { id: 10, value: 60 }, 2: { id: 20, value: 4 } };
const evaluate = (results: Parameters<typeof evaluateResults>[0]) =>
  evaluateResults(results, new Set([1, 10, 11]), indicators, (d) => thresholds[d.id] ?? null);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const { extensions } = error as GraphQLError;
    return [extensions.code, extensions.field];
  }
  return null;
};

describe('assessment evaluation', () => {
  it('evaluates a criterion when every indicator has a comparable value, and shows why', () => {
    const [income, poverty] = evaluate([
      { criterionNumber: 10, indicators: [{ code: '10.1', value: 72, evidence: ' Báo cáo  thống kê ' }] },
      {
        criterionNumber: 11,
        indicators: [
          { code: '11.1', value: 4.5 },
          { code: '11.2', value: 1 },
        ],
      },
    ]);
    expect(income).toEqual({
      criterionNumber: 10,
      met: true,
      evaluatedMet: true,
      overrideReason: null,
      indicators: [
        {
          indicatorId: 1,
          code: '10.1',
          value: 72,
          evidence: 'Báo cáo thống kê',
          thresholdId: 10,
          threshold: 60,
          comparator: 'GTE',
          passed: true,
        },
      ],
    });
    expect(poverty.met).toBe(false);
    expect(poverty.indicators.map((i) => i.passed)).toEqual([false, true]);
  });

  it('leaves a criterion to the assessor when values or thresholds are missing', () => {
    const [partial] = evaluate([{ criterionNumber: 11, met: true, indicators: [{ code: '11.2', value: 1 }] }]);
    expect(partial).toMatchObject({ met: true, evaluatedMet: null, overrideReason: null });
    expect(code(() => evaluate([{ criterionNumber: 1 }]))).toEqual(['BAD_USER_INPUT', 'results[0].met']);
  });

  it('needs a reason to override the evaluation', () => {
    expect(code(() => evaluate([{ criterionNumber: 10, met: true, indicators: [{ code: '10.1', value: 50 }] }]))).toEqual([
      'BAD_USER_INPUT',
      'results[0].overrideReason',
    ]);
    const [overridden] = evaluate([
      { criterionNumber: 10, met: true, overrideReason: 'Số liệu quý IV', indicators: [{ code: '10.1', value: 50 }] },
    ]);
    expect(overridden).toMatchObject({ met: true, evaluatedMet: false, overrideReason: 'Số liệu quý IV' });
  });

  it('refuses criteria and indicators outside the set, repeats and bad values', () => {
    expect(code(() => evaluate([]))).toEqual(['BAD_USER_INPUT', 'results']);
    expect(code(() => evaluate([{ criterionNumber: 12, met: true }]))).toEqual(['BAD_USER_INPUT', 'results[0].criterionNumber']);
    expect(
      code(() =>
        evaluate([
          { criterionNumber: 1, met: true },
          { criterionNumber: 1, met: true },
        ]),
      ),
    ).toEqual(['BAD_USER_INPUT', 'results[1].criterionNumber']);
    expect(code(() => evaluate([{ criterionNumber: 1, met: true, indicators: [{ code: '10.1', value: 1 }] }]))).toEqual([
      'BAD_USER_INPUT',
      'results[0].indicators[0].code',
    ]);
    expect(code(() => evaluate([{ criterionNumber: 11, met: true, indicators: [{ code: '11.2', value: 2 }] }]))).toEqual([
      'BAD_USER_INPUT',
      'results[0].indicators[0].value',
    ]);
  });
});
