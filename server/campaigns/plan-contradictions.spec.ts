import { describe, expect, it } from 'vitest';
import { planContradictions, type PlanTargetFacts } from './plan-contradictions.js';

const target = (key: string, fields: Partial<PlanTargetFacts<string>>): PlanTargetFacts<string> => ({
  target: key,
  unitId: 6,
  unitName: 'Tỉnh Bắc Kạn',
  metric: 'COMMUNES_NTM',
  year: 2025,
  comparator: 'GTE',
  valueUnit: 'COUNT',
  value: null,
  numerator: null,
  denominator: null,
  denominatorBasis: null,
  unitClass: null,
  isIncrement: false,
  incrementOver: null,
  source: `002.txt §${key}`,
  ...fields,
});

describe('contradictions inside a plan', () => {
  it('finds a share target its own fraction fails, and a count target that fails the share beside it', () => {
    const found = planContradictions([
      target('share', {
        comparator: 'GTE',
        valueUnit: 'PERCENT',
        value: 80,
        numerator: 155,
        denominator: 194,
        denominatorBasis: 'ALL_COMMUNES',
      }),
      target('fine', {
        comparator: 'GT',
        valueUnit: 'PERCENT',
        value: 63,
        numerator: 61,
        denominator: 96,
        denominatorBasis: 'ALL_COMMUNES',
        metric: 'OTHER',
      }),
      target('count', { value: 9, denominator: 13, denominatorBasis: 'ALL_COMMUNES', metric: 'COMMUNES_ADVANCED' }),
      target('bare-share', { valueUnit: 'PERCENT', value: 70, denominatorBasis: 'ALL_COMMUNES', metric: 'COMMUNES_ADVANCED' }),
    ]);
    expect(found.map((c) => [c.kind, c.targets])).toEqual([
      ['STATED_FRACTION_MISSES_SHARE', ['share']],
      ['COUNT_MISSES_SHARE', ['count', 'bare-share']],
    ]);
    // 155/194 = 79.896…; 9/13 = 69.23…
    expect(found[0].message).toBe(
      'Tỉnh Bắc Kạn, COMMUNES_NTM năm 2025: chỉ tiêu ≥ 80 % nhưng chính phân số kế hoạch nêu 155/194 chỉ là 79,9 %: đạt đúng 155 vẫn không đạt tỷ lệ (002.txt §share)' +
        " — Tỉnh Bắc Kạn, COMMUNES_NTM in 2025: the target is ≥ 80 % but the plan's own 155/194 is 79.9 %: meeting 155 exactly still fails the share.",
    );
    expect(found[1].message).toMatch(
      /^Tỉnh Bắc Kạn, COMMUNES_ADVANCED năm 2025: đạt đúng chỉ tiêu 9\/13 chỉ là 69,2 %, không đạt chỉ tiêu ≥ 70 %/,
    );
  });

  it('finds an increase over the period that is not the sum of the yearly increases, naming the clauses once per file', () => {
    const yearly = [
      [2022, 9],
      [2023, 9],
      [2024, 10],
      [2025, 12],
    ].map(([year, value]) => target(`y${year}`, { year, value, isIncrement: true, incrementOver: 'PREVIOUS_YEAR' }));
    const found = planContradictions([
      target('end', { value: 61 }),
      target('period', { value: 46, isIncrement: true, incrementOver: 'PERIOD_START' }),
      ...yearly,
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'INCREMENTS_DISAGREE',
      targets: ['period', 'y2022', 'y2023', 'y2024', 'y2025'],
      sources: ['002.txt §period', '002.txt §y2022', '002.txt §y2023', '002.txt §y2024', '002.txt §y2025'],
    });
    expect(found[0].message).toBe(
      'Tỉnh Bắc Kạn, COMMUNES_NTM: mức tăng cả giai đoạn đến năm 2025 là 46 nhưng các mức tăng từng năm 2022–2025 cộng lại 9 + 9 + 10 + 12 = 40; 6 không thuộc năm nào kế hoạch nêu' +
        ' (002.txt §period; §y2022; §y2023; §y2024; §y2025) — Tỉnh Bắc Kạn, COMMUNES_NTM: the increase over the period to 2025 is 46 but the yearly increases 2022–2025 sum to 9 + 9 + 10 + 12 = 40; 6 fall in no year the plan states.',
    );
  });

  it('finds a yearly target off the series its end target and increases give, and accepts one on it', () => {
    const facts = (stated: number) => [
      target('end', { value: 6, metric: 'COMMUNES_MODEL' }),
      target('y2024', { year: 2024, value: stated, metric: 'COMMUNES_MODEL' }),
      target('y2025', { value: 5, isIncrement: true, incrementOver: 'PREVIOUS_YEAR', metric: 'COMMUNES_MODEL' }),
    ];
    expect(planContradictions(facts(1))).toEqual([]);
    const [off] = planContradictions(facts(2));
    expect(off).toMatchObject({ kind: 'YEARLY_TARGET_DISAGREES', targets: ['y2024', 'end'] });
    expect(off.message).toMatch(/^Tỉnh Bắc Kạn, COMMUNES_MODEL năm 2024: chỉ tiêu 2 khác 1 suy ra từ chỉ tiêu 6 năm 2025/);
  });
});
