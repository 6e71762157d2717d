import { indicatorPasses } from '@domain/comparators';

/** The console's preview of the API's evaluation (docs/criteria.md): the API re-evaluates when recording. */
export interface IndicatorDef {
  code: string;
  comparator: string;
}
export interface Effective {
  value: number | null;
  comparator: string;
}

/** The server's own rule (server/shared/domain/comparators.ts); null when it cannot be told. */
export function passes(comparator: string, value: number, threshold: number | null): boolean | null {
  if (!['BOOL', 'GT', 'GTE', 'EQ', 'LTE', 'LT'].includes(comparator)) return null;
  return indicatorPasses(value, comparator as Parameters<typeof indicatorPasses>[1], threshold);
}

/** Met when every indicator has a comparable value and passes; null when the criterion cannot be evaluated. */
export function evaluateCriterion(
  indicators: IndicatorDef[],
  values: Record<string, number | null>,
  effective: Record<string, Effective | undefined>,
): boolean | null {
  if (!indicators.length) return null;
  let met = true;
  for (const indicator of indicators) {
    const value = values[indicator.code];
    if (value == null) return null;
    const passed = passes(indicator.comparator, value, effective[indicator.code]?.value ?? null);
    if (passed == null) return null;
    met &&= passed;
  }
  return met;
}
