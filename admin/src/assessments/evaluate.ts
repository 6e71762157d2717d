/** The console's preview of the API's evaluation (docs/criteria.md): the API re-evaluates when recording. */
export interface IndicatorDef { code: string; comparator: string }
export interface Effective { value: number | null; comparator: string }

export function passes(comparator: string, value: number, threshold: number | null): boolean | null {
  if (comparator === 'BOOL') return value === 1;
  if (threshold == null) return null;
  switch (comparator) {
    case 'GT': return value > threshold;
    case 'GTE': return value >= threshold;
    case 'EQ': return value === threshold;
    case 'LTE': return value <= threshold;
    case 'LT': return value < threshold;
    default: return null;
  }
}

/** Met when every indicator has a comparable value and passes; null when the criterion cannot be evaluated. */
export function evaluateCriterion(indicators: IndicatorDef[], values: Record<string, number | null>, effective: Record<string, Effective | undefined>): boolean | null {
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
