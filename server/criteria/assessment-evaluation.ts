import { badInput } from '../shared/errors.js';
import type { Comparator } from './criteria-enums.js';
import type { CriterionResultInput } from './assessment.input.js';
import { text } from './text.js';
import { indicatorPasses } from '../shared/domain/comparators.js';

/** An indicator as the evaluation needs it. */
export interface IndicatorDef {
  id: number;
  code: string;
  comparator: Comparator;
  criterionNumber: number;
}

/** The threshold that applies to an indicator for the unit and year assessed, if any. */
export type ThresholdPick = { id: number; value: number } | null;

export interface EvaluatedIndicator {
  indicatorId: number;
  code: string;
  value: number | null;
  evidence: string | null;
  thresholdId: number | null;
  threshold: number | null;
  comparator: Comparator;
  passed: boolean | null;
}

export interface EvaluatedCriterion {
  criterionNumber: number;
  met: boolean;
  evaluatedMet: boolean | null;
  overrideReason: string | null;
  indicators: EvaluatedIndicator[];
}

/**
 * Checks a recording against the set and evaluates it. A criterion is evaluated when the set gives it indicators
 * and every one has a value that can be compared (a threshold applies, or it is a yes/no indicator): met when all
 * pass. An assessor's `met` that differs from the evaluation is an override and needs a reason; when nothing can
 * be evaluated, `met` is required. Any problem is BAD_USER_INPUT naming the offending field.
 */
export function evaluateResults(
  results: readonly CriterionResultInput[],
  criterionNumbers: ReadonlySet<number>,
  indicators: ReadonlyMap<string, IndicatorDef>,
  thresholdOf: (indicator: IndicatorDef) => ThresholdPick,
): EvaluatedCriterion[] {
  if (!results.length) throw badInput('Chưa có kết quả tiêu chí nào', 'Send at least one criterion result', 'results');
  const seen = new Set<number>();
  return results.map((result, i) => {
    const field = `results[${i}]`;
    const number = result.criterionNumber;
    if (!criterionNumbers.has(number)) throw badInput(`Bộ tiêu chí không có tiêu chí số ${number}`, `The set has no criterion ${number}`, `${field}.criterionNumber`);
    if (seen.has(number)) throw badInput(`Tiêu chí số ${number} được gửi hai lần`, `Criterion ${number} is sent twice`, `${field}.criterionNumber`);
    seen.add(number);

    const given = new Map<string, { value: number | null; evidence: string | null }>();
    for (const [j, value] of (result.indicators ?? []).entries()) {
      const code = value.code.trim();
      const def = indicators.get(code);
      if (!def || def.criterionNumber !== number) {
        throw badInput(`Chỉ tiêu "${code}" không thuộc tiêu chí số ${number} của bộ này`, `Indicator "${code}" is not part of criterion ${number} of this set`, `${field}.indicators[${j}].code`);
      }
      if (given.has(code)) throw badInput(`Chỉ tiêu "${code}" được gửi hai lần`, `Indicator "${code}" is sent twice`, `${field}.indicators[${j}].code`);
      if (value.value != null && (!Number.isFinite(value.value) || (def.comparator === 'BOOL' && value.value !== 0 && value.value !== 1))) {
        throw badInput(`Giá trị chỉ tiêu "${code}" không hợp lệ`, def.comparator === 'BOOL' ? `Indicator "${code}" takes 1 (met) or 0 (not met)` : `Indicator "${code}" needs a finite number`, `${field}.indicators[${j}].value`);
      }
      given.set(code, { value: value.value ?? null, evidence: text(value.evidence) });
    }

    const own = [...indicators.values()].filter((d) => d.criterionNumber === number);
    const evaluated: EvaluatedIndicator[] = own.filter((d) => given.has(d.code)).map((def) => {
      const { value, evidence } = given.get(def.code)!;
      const pick = def.comparator === 'BOOL' ? null : thresholdOf(def);
      return {
        indicatorId: def.id, code: def.code, value, evidence, thresholdId: pick?.id ?? null, threshold: pick?.value ?? null,
        comparator: def.comparator, passed: indicatorPasses(value, def.comparator, pick?.value),
      };
    });
    const decidable = own.length > 0 && evaluated.length === own.length && evaluated.every((e) => e.passed !== null);
    const evaluatedMet = decidable ? evaluated.every((e) => e.passed) : null;
    const met = result.met ?? evaluatedMet;
    if (met === null) {
      throw badInput(`Tiêu chí số ${number}: cần nêu đạt hay không (chưa đủ giá trị chỉ tiêu và ngưỡng để tự đánh giá)`,
        `Criterion ${number}: say whether it is met (the indicator values and thresholds are not enough to evaluate it)`, `${field}.met`);
    }
    const overridden = evaluatedMet !== null && met !== evaluatedMet;
    const reason = text(result.overrideReason);
    if (overridden && !reason) {
      throw badInput(`Tiêu chí số ${number}: kết quả khác với đánh giá từ chỉ tiêu (${evaluatedMet ? 'đạt' : 'không đạt'}), cần nêu lý do điều chỉnh`,
        `Criterion ${number}: met differs from what the indicators give (${evaluatedMet}); an overrideReason is required`, `${field}.overrideReason`);
    }
    return { criterionNumber: number, met, evaluatedMet, overrideReason: overridden ? reason : null, indicators: evaluated };
  });
}
