import { badInput } from '../shared/errors.js';
import type { Comparator } from './criteria.enums.js';
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
 * What is wrong with a recording, where: `field` is the input's path (`results[2].met`), and for the importer the
 * criterion and indicator it concerns and which part (`met`, `overrideReason`, an indicator's `value`).
 */
export interface ResultProblem {
  field: string;
  vi: string;
  en: string;
  criterionNumber?: number;
  indicatorCode?: string;
  part: 'results' | 'criterionNumber' | 'met' | 'overrideReason' | 'indicatorCode' | 'indicatorValue';
}

/**
 * Checks a recording against the set and evaluates it. A criterion is evaluated when the set gives it indicators
 * and every one has a value that can be compared (a threshold applies, or it is a yes/no indicator): met when all
 * pass. An assessor's `met` that differs from the evaluation is an override and needs a reason; when nothing can
 * be evaluated, `met` is required. Every problem is returned (the criteria without one are evaluated), so a file's
 * row can list them all; `evaluateResults` refuses on the first.
 */
export function checkResults(
  results: readonly CriterionResultInput[],
  criterionNumbers: ReadonlySet<number>,
  indicators: ReadonlyMap<string, IndicatorDef>,
  thresholdOf: (indicator: IndicatorDef) => ThresholdPick,
): { evaluated: EvaluatedCriterion[]; problems: ResultProblem[] } {
  const problems: ResultProblem[] = [];
  if (!results.length)
    problems.push({ field: 'results', part: 'results', vi: 'Chưa có kết quả tiêu chí nào', en: 'Send at least one criterion result' });
  const seen = new Set<number>();
  const evaluated: EvaluatedCriterion[] = [];
  for (const [i, result] of results.entries()) {
    const field = `results[${i}]`;
    const number = result.criterionNumber;
    const problem = (p: Omit<ResultProblem, 'criterionNumber'>) => problems.push({ ...p, criterionNumber: number });
    if (!criterionNumbers.has(number)) {
      problem({
        field: `${field}.criterionNumber`,
        part: 'criterionNumber',
        vi: `Bộ tiêu chí không có tiêu chí số ${number}`,
        en: `The set has no criterion ${number}`,
      });
      continue;
    }
    if (seen.has(number)) {
      problem({
        field: `${field}.criterionNumber`,
        part: 'criterionNumber',
        vi: `Tiêu chí số ${number} được gửi hai lần`,
        en: `Criterion ${number} is sent twice`,
      });
      continue;
    }
    seen.add(number);

    const before = problems.length;
    const given = new Map<string, { value: number | null; evidence: string | null }>();
    for (const [j, value] of (result.indicators ?? []).entries()) {
      const code = value.code.trim();
      const def = indicators.get(code);
      const at = { field: `${field}.indicators[${j}].code`, indicatorCode: code };
      if (!def || def.criterionNumber !== number) {
        problem({
          ...at,
          part: 'indicatorCode',
          vi: `Chỉ tiêu "${code}" không thuộc tiêu chí số ${number} của bộ này`,
          en: `Indicator "${code}" is not part of criterion ${number} of this set`,
        });
        continue;
      }
      if (given.has(code)) {
        problem({ ...at, part: 'indicatorCode', vi: `Chỉ tiêu "${code}" được gửi hai lần`, en: `Indicator "${code}" is sent twice` });
        continue;
      }
      if (value.value != null && (!Number.isFinite(value.value) || (def.comparator === 'BOOL' && value.value !== 0 && value.value !== 1))) {
        problem({
          field: `${field}.indicators[${j}].value`,
          indicatorCode: code,
          part: 'indicatorValue',
          vi: `Giá trị chỉ tiêu "${code}" không hợp lệ`,
          en: def.comparator === 'BOOL' ? `Indicator "${code}" takes 1 (met) or 0 (not met)` : `Indicator "${code}" needs a finite number`,
        });
        continue;
      }
      given.set(code, { value: value.value ?? null, evidence: text(value.evidence) });
    }
    if (problems.length > before) continue;

    const own = [...indicators.values()].filter((d) => d.criterionNumber === number);
    const values: EvaluatedIndicator[] = own
      .filter((d) => given.has(d.code))
      .map((def) => {
        const { value, evidence } = given.get(def.code)!;
        const pick = def.comparator === 'BOOL' ? null : thresholdOf(def);
        return {
          indicatorId: def.id,
          code: def.code,
          value,
          evidence,
          thresholdId: pick?.id ?? null,
          threshold: pick?.value ?? null,
          comparator: def.comparator,
          passed: indicatorPasses(value, def.comparator, pick?.value),
        };
      });
    const decidable = own.length > 0 && values.length === own.length && values.every((e) => e.passed !== null);
    const evaluatedMet = decidable ? values.every((e) => e.passed) : null;
    const met = result.met ?? evaluatedMet;
    if (met === null) {
      problem({
        field: `${field}.met`,
        part: 'met',
        vi: `Tiêu chí số ${number}: cần nêu đạt hay không (chưa đủ giá trị chỉ tiêu và ngưỡng để tự đánh giá)`,
        en: `Criterion ${number}: say whether it is met (the indicator values and thresholds are not enough to evaluate it)`,
      });
      continue;
    }
    const overridden = evaluatedMet !== null && met !== evaluatedMet;
    const reason = text(result.overrideReason);
    if (overridden && !reason) {
      problem({
        field: `${field}.overrideReason`,
        part: 'overrideReason',
        vi: `Tiêu chí số ${number}: kết quả khác với đánh giá từ chỉ tiêu (${evaluatedMet ? 'đạt' : 'không đạt'}), cần nêu lý do điều chỉnh`,
        en: `Criterion ${number}: met differs from what the indicators give (${evaluatedMet}); an overrideReason is required`,
      });
      continue;
    }
    evaluated.push({ criterionNumber: number, met, evaluatedMet, overrideReason: overridden ? reason : null, indicators: values });
  }
  return { evaluated, problems };
}

/** Like checkResults, for one recording through the API: the first problem is BAD_USER_INPUT naming the offending field. */
export function evaluateResults(
  results: readonly CriterionResultInput[],
  criterionNumbers: ReadonlySet<number>,
  indicators: ReadonlyMap<string, IndicatorDef>,
  thresholdOf: (indicator: IndicatorDef) => ThresholdPick,
): EvaluatedCriterion[] {
  const { evaluated, problems } = checkResults(results, criterionNumbers, indicators, thresholdOf);
  if (problems.length) throw badInput(problems[0].vi, problems[0].en, problems[0].field);
  return evaluated;
}
