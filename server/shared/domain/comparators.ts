/**
 * Phép so sánh — how a measured value relates to a target or threshold. One meaning for the whole hub (targets,
 * thresholds, insights, the console's preview): equality tolerates floating-point noise, a range is met inside it.
 */
export type Comparator = 'GT' | 'GTE' | 'EQ' | 'LTE' | 'LT';

/** Values closer than this are equal (averages such as 15,5 tiêu chí/xã are computed in floating point). */
export const EQUALITY_TOLERANCE = 1e-9;

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { GT: '>', GTE: '≥', EQ: '=', LTE: '≤', LT: '<' };

/** Whether `actual` satisfies `comparator value`. */
export function satisfies(actual: number, comparator: Comparator, value: number): boolean {
  const equal = Math.abs(actual - value) < EQUALITY_TOLERANCE;
  switch (comparator) {
    case 'GT':
      return actual > value && !equal;
    case 'GTE':
      return actual > value || equal;
    case 'EQ':
      return equal;
    case 'LTE':
      return actual < value || equal;
    case 'LT':
      return actual < value && !equal;
  }
}

/**
 * Whether `actual` meets a target: a range (`max` given) is met from its lower end up to its upper end; otherwise the
 * comparator decides.
 */
export function meetsTarget(actual: number, comparator: Comparator, value: number, max: number | null = null): boolean {
  if (max !== null) return satisfies(actual, 'GTE', value) && satisfies(actual, 'LTE', max);
  return satisfies(actual, comparator, value);
}

/** A yes/no indicator is met only by 1 (the API accepts 0 and 1 and nothing else). */
export const BOOLEAN_MET = 1;

/**
 * Whether an indicator value passes: `null` when it cannot be told (no value, or no threshold for a comparing
 * indicator). BOOL indicators need no threshold.
 */
export function indicatorPasses(
  value: number | null | undefined,
  comparator: Comparator | 'BOOL',
  threshold: number | null | undefined,
): boolean | null {
  if (value == null) return null;
  if (comparator === 'BOOL') return value === BOOLEAN_MET;
  if (threshold == null) return null;
  return satisfies(value, comparator, threshold);
}
