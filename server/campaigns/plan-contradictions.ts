/**
 * Contradictions between one plan's own targets (pure: no database), for the consistency report: a share target its
 * own fraction fails, a count target that fails the share target beside it, an increase over the period that is not
 * the sum of the yearly increases, a yearly target off the series its end target and increases give. Each comes with
 * the figures and the clauses, Vietnamese first, so a planner can correct the plan.
 */
import { COMPARATOR_SYMBOL, satisfies, type Comparator } from '../shared/domain/index.js';

/** A target as the checks read it: where it applies, what it asks, and its clause. */
export interface PlanTargetFacts<T> {
  target: T;
  unitId: number;
  unitName: string;
  metric: string;
  /** The year it is due (a period-end target: the period's last year). */
  year: number;
  comparator: Comparator;
  valueUnit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  denominatorBasis: string | null;
  unitClass: string | null;
  isIncrement: boolean;
  incrementOver: string | null;
  source: string | null;
}

export type ContradictionKind = 'STATED_FRACTION_MISSES_SHARE' | 'COUNT_MISSES_SHARE' | 'INCREMENTS_DISAGREE' | 'YEARLY_TARGET_DISAGREES';

export interface Contradiction<T> {
  kind: ContradictionKind;
  targets: T[];
  sources: string[];
  message: string;
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The clauses of some targets, the file named once ("002_….txt §I.1 ¶2; §I.1 ¶2 +1"). */
function clauses(sources: string[]): string {
  const byFile = new Map<string, string[]>();
  for (const source of sources) {
    const [file, ...clause] = source.split(' §');
    byFile.set(file, [
      ...(byFile.get(file) ?? []),
      ...clause
        .join(' §')
        .split('; ')
        .map((c) => (c.startsWith('§') ? c : `§${c}`)),
    ]);
  }
  return [...byFile].map(([file, list]) => `${file} ${[...new Set(list)].join('; ')}`).join('; ');
}

function contradiction<T>(kind: ContradictionKind, facts: PlanTargetFacts<T>[], viText: string, enText: string): Contradiction<T> {
  const sources = [...new Set(facts.map((f) => f.source).filter((s): s is string => !!s))];
  const where = sources.length ? ` (${clauses(sources)})` : '';
  return { kind, targets: facts.map((f) => f.target), sources, message: `${viText}${where} — ${enText}.` };
}

/** Targets that speak of the same thing: unit, metric, class of units and value unit. */
const scopeKey = (f: PlanTargetFacts<unknown>) => `${f.unitId}|${f.metric}|${f.unitClass ?? ''}|${f.valueUnit}`;

const heading = (f: PlanTargetFacts<unknown>) => `${f.unitName}, ${f.metric}${f.unitClass ? ` [${f.unitClass}]` : ''}`;

function fractionChecks<T>(facts: PlanTargetFacts<T>[]): Contradiction<T>[] {
  const found: Contradiction<T>[] = [];
  const shares = facts.filter((f) => f.valueUnit === 'PERCENT' && !f.isIncrement && f.value !== null);
  for (const share of shares) {
    const sign = COMPARATOR_SYMBOL[share.comparator];
    if (share.numerator !== null && share.denominator) {
      const stated = (100 * share.numerator) / share.denominator;
      if (!satisfies(stated, share.comparator, share.value!)) {
        found.push(
          contradiction(
            'STATED_FRACTION_MISSES_SHARE',
            [share],
            `${heading(share)} năm ${share.year}: chỉ tiêu ${sign} ${vi.format(share.value!)} % nhưng chính phân số kế hoạch nêu ${share.numerator}/${share.denominator} chỉ là ${vi.format(stated)} %: đạt đúng ${share.numerator} vẫn không đạt tỷ lệ`,
            `${heading(share)} in ${share.year}: the target is ${sign} ${en.format(share.value!)} % but the plan's own ${share.numerator}/${share.denominator} is ${en.format(stated)} %: meeting ${share.numerator} exactly still fails the share`,
          ),
        );
      }
      continue;
    }
    // A share stated without its fraction: a count target of the same year with a denominator gives it one.
    for (const count of facts.filter(
      (f) =>
        f.valueUnit === 'COUNT' &&
        !f.isIncrement &&
        f.value !== null &&
        f.denominator &&
        f.unitId === share.unitId &&
        f.metric === share.metric &&
        f.year === share.year &&
        (f.unitClass ?? null) === (share.unitClass ?? null) &&
        (f.denominatorBasis ?? null) === (share.denominatorBasis ?? null),
    )) {
      const implied = (100 * count.value!) / count.denominator!;
      if (!satisfies(implied, share.comparator, share.value!)) {
        found.push(
          contradiction(
            'COUNT_MISSES_SHARE',
            [count, share],
            `${heading(share)} năm ${share.year}: đạt đúng chỉ tiêu ${count.value}/${count.denominator} chỉ là ${vi.format(implied)} %, không đạt chỉ tiêu ${sign} ${vi.format(share.value!)} %`,
            `${heading(share)} in ${share.year}: meeting the count target ${count.value}/${count.denominator} exactly gives ${en.format(implied)} %, short of the share target ${sign} ${en.format(share.value!)} %`,
          ),
        );
      }
    }
  }
  return found;
}

function incrementChecks<T>(facts: PlanTargetFacts<T>[]): Contradiction<T>[] {
  const found: Contradiction<T>[] = [];
  const scopes = new Map<string, PlanTargetFacts<T>[]>();
  for (const f of facts.filter((x) => x.value !== null)) scopes.set(scopeKey(f), [...(scopes.get(scopeKey(f)) ?? []), f]);
  for (const group of scopes.values()) {
    const yearly = group.filter((f) => f.isIncrement && f.incrementOver === 'PREVIOUS_YEAR').sort((a, b) => a.year - b.year);
    if (!yearly.length) continue;
    const step = new Map(yearly.map((f) => [f.year, f.value!]));
    for (const period of group.filter((f) => f.isIncrement && f.incrementOver === 'PERIOD_START')) {
      const steps = yearly.filter((f) => f.year <= period.year);
      const sum = steps.reduce((total, f) => total + f.value!, 0);
      if (!steps.length || sum === period.value) continue;
      const [first, last] = [steps[0].year, steps.at(-1)!.year];
      const gap = Math.abs(period.value! - sum);
      const more = period.value! > sum;
      found.push(
        contradiction(
          'INCREMENTS_DISAGREE',
          [period, ...steps],
          `${heading(period)}: mức tăng cả giai đoạn đến năm ${period.year} là ${period.value} nhưng các mức tăng từng năm ${first}–${last} cộng lại ${steps.map((f) => f.value).join(' + ')} = ${sum}; ${gap} ${more ? 'không thuộc năm nào kế hoạch nêu' : 'vượt mức tăng cả giai đoạn'}`,
          `${heading(period)}: the increase over the period to ${period.year} is ${period.value} but the yearly increases ${first}–${last} sum to ${steps.map((f) => f.value).join(' + ')} = ${sum}; ${gap} ${more ? 'fall in no year the plan states' : 'exceed the increase over the period'}`,
        ),
      );
    }
    // Each run of consecutive yearly increases, anchored at the latest absolute target it reaches.
    const absolute = new Map(group.filter((f) => !f.isIncrement).map((f) => [f.year, f]));
    for (const start of yearly.filter((f) => !step.has(f.year - 1))) {
      let last = start.year;
      while (step.has(last + 1)) last++;
      const end = [...absolute.values()].filter((f) => f.year >= start.year && f.year <= last).sort((a, b) => b.year - a.year)[0];
      if (!end) continue;
      let implied = end.value!;
      for (let year = end.year - 1; year >= start.year - 1; year--) {
        implied -= step.get(year + 1)!;
        const stated = absolute.get(year);
        if (stated && stated.value !== implied) {
          found.push(
            contradiction(
              'YEARLY_TARGET_DISAGREES',
              [stated, end],
              `${heading(stated)} năm ${year}: chỉ tiêu ${stated.value} khác ${implied} suy ra từ chỉ tiêu ${end.value} năm ${end.year} trừ các mức tăng từng năm`,
              `${heading(stated)} in ${year}: the target ${stated.value} differs from the ${implied} implied by the ${end.year} target ${end.value} less the yearly increases`,
            ),
          );
        }
      }
    }
  }
  return found;
}

/** Every contradiction between the targets of one plan. */
export function planContradictions<T>(facts: PlanTargetFacts<T>[]): Contradiction<T>[] {
  return [...fractionChecks(facts), ...incrementChecks(facts)];
}
