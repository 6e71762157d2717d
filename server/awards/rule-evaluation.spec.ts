import { describe, expect, it } from 'vitest';
import { parseRule } from './rule.js';
import { finalReviewCondition } from './rule.fixtures.js';
import {
  contributionWindow,
  evaluateRule,
  formatVnd,
  outcomeLine,
  thresholdFor,
  type ContributionFact,
  type OccasionContext,
  type SubjectFacts,
} from './rule-evaluation.js';

const NAMES = new Map([
  [3, 'Giao thông'],
  [4, 'Điện'],
  [7, 'Cơ sở hạ tầng thương mại nông thôn'],
  [10, 'Thu nhập'],
  [11, 'Nghèo đa chiều'],
]);
const c = (...numbers: number[]) => numbers.map((number) => ({ number, name: NAMES.get(number) ?? `TC ${number}` }));
const occasion = (kind: string, year: number): OccasionContext => ({
  occasion: kind,
  year,
  periodStart: '2021-01-01',
  periodEnd: '2025-12-31',
  criterionNames: NAMES,
});
const facts = (over: Partial<SubjectFacts>): SubjectFacts => ({
  classes: [],
  newlyMet: new Map(),
  recognitions: [],
  contributions: [],
  preconditions: new Map(),
  awards: [],
  ...over,
});
/** Contributions in 2024: the subject's own, and others' it mobilised. */
const gave = (vnd: number, kind: ContributionFact['kind'] = 'MONEY', on = '2024-06-01'): ContributionFact => ({
  kind,
  on,
  vnd,
  mobilised: false,
});
const mobilised = (vnd: number): ContributionFact => ({ kind: 'MONEY', on: '2024-06-01', vnd, mobilised: true });

const midTerm = parseRule({
  all: [
    { newlyMetCriteria: { baseYear: 2021, min: 4, includeAny: [10, 11], byClass: { ESPECIALLY_DISADVANTAGED: 3 } } },
    { precondition: { key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng XDCB' } },
  ],
});
const final = parseRule({ all: [finalReviewCondition] });
const household = parseRule({
  any: [
    { contribution: { scope: 'OWN', minVnd: 50_000_000, byClass: { ESPECIALLY_DISADVANTAGED: 40_000_000 } } },
    {
      contribution: {
        scope: 'MOBILISED',
        minVnd: 100_000_000,
        ownMinVnd: 20_000_000,
        byClassOwnMinVnd: { ESPECIALLY_DISADVANTAGED: 15_000_000 },
      },
    },
  ],
});

describe('rule evaluation', () => {
  it('counts newly met criteria, names them and checks the included ones', () => {
    const result = evaluateRule(
      midTerm,
      facts({ newlyMet: new Map([[2021, c(10, 11, 3, 4)]]), preconditions: new Map([['NO_CAPITAL_CONSTRUCTION_DEBT', true]]) }),
      occasion('MID_TERM_REVIEW', 2023),
    );
    expect(result.passed).toBe(true);
    expect(result.conditions.map((o) => [o.passed, o.actual, o.required])).toEqual([
      [true, '4 (Thu nhập, Nghèo đa chiều, Giao thông, Điện)', '≥ 4'],
      [true, 'Thu nhập, Nghèo đa chiều', 'Thu nhập hoặc Nghèo đa chiều — Thu nhập or Nghèo đa chiều'],
      [true, 'có — yes', 'có — yes'],
    ]);
  });

  it('applies the especially-disadvantaged threshold and fails without the precondition', () => {
    const three = facts({ newlyMet: new Map([[2021, c(10, 3, 4)]]) });
    expect(evaluateRule(midTerm, three, occasion('MID_TERM_REVIEW', 2023)).conditions[0]).toMatchObject({ passed: false, required: '≥ 4' });
    const disadvantaged = evaluateRule(midTerm, { ...three, classes: ['ESPECIALLY_DISADVANTAGED'] }, occasion('MID_TERM_REVIEW', 2023));
    expect(disadvantaged.conditions[0]).toMatchObject({ passed: true, required: '≥ 3' });
    expect(disadvantaged.conditions[2]).toMatchObject({ passed: false, actual: 'chưa ghi nhận — not recorded' });
    expect(disadvantaged.passed).toBe(false);
  });

  it('asks fewer, later criteria of a subject already awarded at the mid-term review', () => {
    const newlyMet = new Map([
      [2021, c(10, 11, 3)],
      [2023, c(3, 7)],
    ]);
    expect(evaluateRule(final, facts({ newlyMet }), occasion('FINAL_REVIEW', 2025)).passed).toBe(false);
    const awarded = evaluateRule(
      final,
      facts({ newlyMet, awards: [{ occasion: 'MID_TERM_REVIEW', year: 2023 }] }),
      occasion('FINAL_REVIEW', 2025),
    );
    expect(awarded.passed).toBe(true);
    expect(awarded.conditions[0]).toMatchObject({ actual: '2 (Giao thông, Cơ sở hạ tầng thương mại nông thôn)', required: '≥ 2' });
    expect(awarded.conditions[1]).toMatchObject({ passed: true, required: 'Thu nhập và Nghèo đa chiều — Thu nhập and Nghèo đa chiều' });
  });

  it('reports a missing assessment as a failed condition', () => {
    const result = evaluateRule(midTerm, facts({ newlyMet: new Map([[2021, null]]) }), occasion('MID_TERM_REVIEW', 2023));
    expect(result.conditions[0]).toMatchObject({ passed: false });
    expect(result.conditions[0].actual).toMatch(/no assessment/);
  });

  it('evaluates household contributions, own or mobilised, with class thresholds', () => {
    const annual = occasion('ANNUAL', 2024);
    expect(evaluateRule(household, facts({ contributions: [gave(45_000_000)] }), annual).passed).toBe(false);
    expect(
      evaluateRule(
        household,
        facts({ contributions: [gave(30_000_000), gave(15_000_000, 'LAND')], classes: ['ESPECIALLY_DISADVANTAGED'] }),
        annual,
      ).passed,
    ).toBe(true);
    const result = evaluateRule(
      household,
      facts({ contributions: [gave(20_000_000), mobilised(50_000_000), mobilised(30_000_000)] }),
      annual,
    );
    expect(result.passed).toBe(true);
    expect(result.conditions.map((o) => o.passed)).toEqual([false, true, true]);
    expect(result.conditions[1].actual).toBe(
      `${formatVnd(100_000_000)} (vận động ${formatVnd(80_000_000)} + tự đóng góp ${formatVnd(20_000_000)}) — 100,000,000 VND (mobilised 80,000,000 VND + own 20,000,000 VND)`,
    );
    expect(evaluateRule(household, facts({ contributions: [gave(16_000_000), mobilised(90_000_000)] }), annual).passed).toBe(false);
    expect(
      evaluateRule(
        household,
        facts({ contributions: [gave(16_000_000), mobilised(90_000_000)], classes: ['ESPECIALLY_DISADVANTAGED'] }),
        annual,
      ).passed,
    ).toBe(true);
    // Outside the year does not count.
    expect(evaluateRule(household, facts({ contributions: [gave(60_000_000, 'MONEY', '2023-12-31')] }), annual).passed).toBe(false);
  });

  it('reads recognitions in the occasion year or the period, ignoring revoked ones', () => {
    const rule = parseRule({ recognisedTier: { tier: 'NTM', inYear: 'OCCASION' } });
    const recognitions = [{ tier: 'NTM', decidedOn: '2023-05-10', revokedOn: null }];
    expect(evaluateRule(rule, facts({ recognitions }), occasion('MID_TERM_REVIEW', 2023)).passed).toBe(true);
    expect(evaluateRule(rule, facts({ recognitions }), occasion('FINAL_REVIEW', 2025)).passed).toBe(false);
    expect(
      evaluateRule(parseRule({ recognisedTier: { tier: 'NTM', inYear: 'PERIOD' } }), facts({ recognitions }), occasion('ANY', 2025)).passed,
    ).toBe(true);
    expect(
      evaluateRule(rule, facts({ recognitions: [{ ...recognitions[0], revokedOn: '2023-11-01' }] }), occasion('ANNUAL', 2023)).passed,
    ).toBe(false);
  });

  it('sums contributions over the year for annual awards and over the period for reviews', () => {
    expect(contributionWindow(occasion('ANNUAL', 2024))).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(contributionWindow(occasion('MID_TERM_REVIEW', 2023))).toEqual({ from: '2021-01-01', to: '2023-12-31' });
    expect(thresholdFor(4, { ESPECIALLY_DISADVANTAGED: 3, MOUNTAIN: 2 }, ['TERRAIN:LOW_MOUNTAIN'])).toEqual({
      value: 2,
      unitClass: 'MOUNTAIN',
    });
  });

  it('reads the vocabulary the plans needed: towns completing the NTM tasks, unit classes, targets met, not awarded twice, kinds of contribution, an earlier window end', () => {
    const towns = parseRule({
      any: [
        { recognisedTier: { tier: 'NTM', inYear: 'OCCASION' } },
        { recognisedTier: { tier: 'NTM_TASKS_COMPLETED', inYear: 'OCCASION' } },
      ],
    });
    expect(
      evaluateRule(
        towns,
        facts({ recognitions: [{ tier: 'NTM_TASKS_COMPLETED', decidedOn: '2023-04-02', revokedOn: null }] }),
        occasion('MID_TERM_REVIEW', 2023),
      ).passed,
    ).toBe(true);

    // Khánh Hòa's villages: of especially-disadvantaged communes, in border, mountain, coastal or island areas.
    const villages = parseRule({
      all: [{ unitClass: { anyOf: ['ESPECIALLY_DISADVANTAGED'] } }, { unitClass: { anyOf: ['BORDER', 'MOUNTAIN', 'COASTAL', 'ISLAND'] } }],
    });
    const mountain = evaluateRule(
      villages,
      facts({ classes: ['ESPECIALLY_DISADVANTAGED', 'TERRAIN:LOW_MOUNTAIN'] }),
      occasion('ANY', 2024),
    );
    expect(mountain.passed).toBe(true);
    expect(mountain.conditions[1]).toMatchObject({ actual: 'Miền núi (cao và thấp) — mountain, high and low' });
    expect(evaluateRule(villages, facts({ classes: ['TERRAIN:LOW_MOUNTAIN'] }), occasion('ANY', 2024)).conditions[0]).toMatchObject({
      passed: false,
      actual: 'không — none',
    });

    const target = parseRule({ targetAttained: { metric: 'COMMUNES_NTM' } });
    const met = facts({
      targets: new Map([['COMMUNES_NTM', { target: 16, comparator: 'EQ' as const, actual: 16, onTrack: true, unit: 'COUNT' }]]),
    });
    expect(evaluateRule(target, met, occasion('FINAL_REVIEW', 2025)).conditions[0]).toMatchObject({
      passed: true,
      actual: '16',
      required: '= 16',
    });
    expect(evaluateRule(target, facts({}), occasion('FINAL_REVIEW', 2025)).conditions[0]).toMatchObject({
      passed: false,
      actual: expect.stringMatching(/không đặt chỉ tiêu/),
    });

    const once = parseRule({ notAwarded: { occasion: 'ANNUAL' } });
    expect(evaluateRule(once, facts({ awards: [{ occasion: 'ANNUAL', year: 2022 }] }), occasion('MID_TERM_REVIEW', 2023)).passed).toBe(
      true,
    );
    expect(evaluateRule(once, facts({ awards: [{ occasion: 'ANNUAL', year: 2023 }] }), occasion('MID_TERM_REVIEW', 2023)).passed).toBe(
      false,
    );

    // The own part of a mobilised contribution in land or assets only; labour does not count.
    const landOrAssets = parseRule({
      contribution: { scope: 'MOBILISED', minVnd: 100_000_000, ownMinVnd: 20_000_000, ownKinds: ['LAND', 'ASSETS'] },
    });
    const labour = evaluateRule(
      landOrAssets,
      facts({ contributions: [gave(20_000_000, 'LABOUR'), mobilised(80_000_000)] }),
      occasion('ANNUAL', 2024),
    );
    expect(labour.conditions.map((o) => [o.passed, o.actual])).toEqual([
      [true, expect.stringMatching(/^100\.000\.000 đ/)],
      [false, `${formatVnd(0)} — 0 VND`],
    ]);

    // A window ending on 30/9/2023 leaves out what came after.
    const until = parseRule({ contribution: { scope: 'OWN', minVnd: 50_000_000, until: '2023-09-30' } });
    const review = occasion('MID_TERM_REVIEW', 2023);
    expect(
      evaluateRule(
        until,
        facts({ contributions: [gave(40_000_000, 'MONEY', '2022-05-01'), gave(20_000_000, 'MONEY', '2023-10-15')] }),
        review,
      ).conditions[0],
    ).toMatchObject({ passed: false, actual: `${formatVnd(40_000_000)} — 40,000,000 VND` });
    const criteria = parseRule({ newlyMetCriteria: { baseYear: 2021, min: 3, until: '2022-11-30' } });
    const byYear = facts({ newlyMet: new Map([[2021, c(3, 4, 7, 10)]]), newlyMetByYear: new Map([[2022, new Map([[2021, c(3, 4)]])]]) });
    expect(evaluateRule(criteria, byYear, review).conditions[0]).toMatchObject({ passed: false, actual: '2 (Giao thông, Điện)' });
  });
});

describe('rule evaluation texts', () => {
  it('names tiers, classes, dates and amounts in both languages, each half whole, never a code', () => {
    const recognitions = [{ tier: 'NTM', decidedOn: '2021-12-14', revokedOn: null }];
    const result = evaluateRule(
      parseRule({
        all: [
          { recognisedTier: { tier: 'ADVANCED', inYear: 'OCCASION' } },
          { precondition: { key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng xây dựng cơ bản' } },
          { contribution: { scope: 'OWN', minVnd: 50_000_000, byClass: { ESPECIALLY_DISADVANTAGED: 40_000_000 } } },
        ],
      }),
      facts({ recognitions, contributions: [gave(1_500_000, 'MONEY', '2022-03-01')], classes: ['ESPECIALLY_DISADVANTAGED'] }),
      occasion('MID_TERM_REVIEW', 2023),
    );
    const [tier, precondition, own] = result.conditions;
    expect(tier).toMatchObject({
      description: 'Được công nhận nông thôn mới nâng cao năm 2023 — recognised advanced NTM in 2023',
      actual: 'quyết định khác: đạt chuẩn nông thôn mới (14/12/2021) — other decisions: NTM standard (14/12/2021)',
      required: 'nông thôn mới nâng cao, năm 2023 — advanced NTM, in 2023',
    });
    expect(precondition.description).toBe(
      'Không nợ đọng xây dựng cơ bản (năm 2023) — precondition "Không nợ đọng xây dựng cơ bản" in 2023',
    );
    expect(own).toMatchObject({
      description:
        'Tự đóng góp (tiền, ngày công, đất đai, tài sản quy tiền), từ 01/01/2021 đến 31/12/2023 [đặc biệt khó khăn] — own contributions (money, labour, land, assets valued in VND), from 01/01/2021 to 31/12/2023 [especially disadvantaged]',
      actual: '1.500.000 đ — 1,500,000 VND',
      required: '≥ 40.000.000 đ — ≥ 40,000,000 VND',
    });
    expect(outcomeLine(own)).toBe(
      'Tự đóng góp (tiền, ngày công, đất đai, tài sản quy tiền), từ 01/01/2021 đến 31/12/2023 [đặc biệt khó khăn]: 1.500.000 đ (≥ 40.000.000 đ) ✗' +
        ' — own contributions (money, labour, land, assets valued in VND), from 01/01/2021 to 31/12/2023 [especially disadvantaged]: 1,500,000 VND (≥ 40,000,000 VND) ✗',
    );
    for (const c of result.conditions) {
      for (const text of [c.description, c.actual, c.required]) {
        // One " — " at most (the language split), and nothing a person cannot read.
        expect(text.split(' — ').length).toBeLessThanOrEqual(2);
        expect(text).not.toMatch(/\b(NTM_|ADVANCED|MODEL|ESPECIALLY_DISADVANTAGED|NO_CAPITAL)\b|\d{4}-\d{2}-\d{2}/);
      }
    }
  });
});
