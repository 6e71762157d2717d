import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../shared/project.js';
import { RecognitionWindow } from './awards.enums.js';
import { UnitClass } from '../shared/domain/unit-class.js';
import { baseYearsOf, parseRule, RuleError } from './rule.js';
import { ruleFromInput, type RuleInput } from './rule.input.js';
import { finalReviewCondition } from './rule.fixtures.js';

const fault = (value: unknown): RuleError => {
  try {
    parseRule(value);
  } catch (error) {
    return error as RuleError;
  }
  throw new Error('expected the rule to be refused');
};

describe('rule validation', () => {
  it('accepts every rule of the seed plans', () => {
    let rules = 0;
    for (const file of [
      '000-cam-xuyen.yaml',
      '001-chi-lang-commune.yaml',
      '002-bac-kan.yaml',
      '003-khanh-hoa.yaml',
      '004-quang-nam.yaml',
    ]) {
      for (const standard of parse(readFileSync(projectPath('seeds', 'plans', file), 'utf8')).awardStandards) {
        if (standard.rule === null) continue;
        expect(parseRule(standard.rule), standard.key).toEqual(standard.rule);
        rules++;
      }
    }
    expect(rules).toBe(30);
  });

  it('refuses unknown condition kinds and fields, naming the path', () => {
    expect(fault({ all: [{ judgement: { label: 'x' } }] })).toMatchObject({ path: 'rule.all[0].judgement' });
    expect(fault({ all: [{ newlyMetCriteria: { baseYear: 2021, min: 4, maximum: 9 } }] })).toMatchObject({
      path: 'rule.all[0].newlyMetCriteria.maximum',
    });
    expect(fault({ any: [] })).toMatchObject({ path: 'rule.any' });
    expect(fault({ all: [{ newlyMetCriteria: { baseYear: 2021, min: 4 } }], any: [] })).toMatchObject({ path: 'rule' });
  });

  it('refuses values out of range', () => {
    expect(fault({ newlyMetCriteria: { baseYear: 2021, min: 4, includeAny: [10, 20] } }).path).toBe('rule.newlyMetCriteria.includeAny[1]');
    expect(fault({ newlyMetCriteria: { baseYear: 2021, min: 4, includeAny: [10], includeAll: [11] } }).path).toBe('rule.newlyMetCriteria');
    expect(fault({ newlyMetCriteria: { baseYear: 2021, min: 4, byClass: { POOR: 3 } } }).path).toBe('rule.newlyMetCriteria.byClass.POOR');
    expect(fault({ contribution: { scope: 'OWN', minVnd: -1 } }).path).toBe('rule.contribution.minVnd');
    expect(fault({ contribution: { scope: 'OWN', minVnd: 1, ownMinVnd: 1 } }).path).toBe('rule.contribution.ownMinVnd');
    expect(fault({ recognisedTier: { tier: 'NTM_VILLAGE', inYear: 'OCCASION' } }).path).toBe('rule.recognisedTier.tier');
    expect(fault({ precondition: { key: 'no debt', label: 'x' } }).path).toBe('rule.precondition.key');
  });

  it('turns the typed input of the rule builder into the stored form', () => {
    const input = {
      all: [
        {
          newlyMetCriteria: {
            baseYear: 2021,
            min: 5,
            includeAll: [10, 11],
            byClass: [{ unitClass: UnitClass.ESPECIALLY_DISADVANTAGED, value: 4 }],
            ifAwardedAt: { occasion: 'MID_TERM_REVIEW', year: 2023, min: 2, countSince: 2023 },
          },
        },
        { recognisedTier: { tier: 'NTM', inYear: RecognitionWindow.YEAR, year: 2024 } },
        { precondition: { key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng' } },
      ],
    } as unknown as RuleInput;
    const rule = parseRule(ruleFromInput(input));
    expect(rule).toEqual({
      all: [
        finalReviewCondition,
        { recognisedTier: { tier: 'NTM', inYear: 2024 } },
        { precondition: { key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng' } },
      ],
    });
    expect(baseYearsOf(rule)).toEqual([2021, 2023]);
    expect(() => ruleFromInput({ all: [{}] } as unknown as RuleInput)).toThrow(RuleError);
    expect(() => ruleFromInput({ recognisedTier: { tier: 'NTM', inYear: RecognitionWindow.YEAR } } as unknown as RuleInput)).toThrow(
      /year/,
    );
  });
});
