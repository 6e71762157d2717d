/**
 * Evaluates an award rule for one subject against the facts read for it (pure: no I/O). Every leaf condition yields
 * one or two outcomes with the values used, so a council sees why ("new criteria since 2021: 4 (Thu nhập, …) ≥ 4 ✓").
 */
import { hasClass } from '../shared/domain/unit-class.js';
import type { ClassMap, ContributionCondition, NewlyMetCriteria, Precondition, RecognisedTier, Rule } from './rule.js';

export interface CriterionRef { number: number; name: string }

/** What is known of a subject for one occasion. */
export interface SubjectFacts {
  /** Classification codes in force ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN"); a household's are its commune's and village's. */
  classes: string[];
  /** Base year → criteria met in the occasion year's assessment and not in the base year's (null: one of them is missing). */
  newlyMet: Map<number, CriterionRef[] | null>;
  /** Recognition decisions of the subject's unit, tiers at its own level (a village's NTM_VILLAGE read as NTM). */
  recognitions: { tier: string; decidedOn: string; revokedOn: string | null }[];
  /** Own contributions in the occasion's window, VND. */
  ownVnd: number;
  /** Contributions of others the subject mobilised in the window, VND. */
  mobilisedVnd: number;
  /** Precondition key → whether it holds in the occasion year (absent: not recorded). */
  preconditions: Map<string, boolean>;
  /** Earlier awards of the subject. */
  awards: { occasion: string; year: number }[];
}

/** The occasion evaluated: its kind, year and the campaign's period. */
export interface OccasionContext {
  occasion: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  /** Names of the commune criteria by number, to name those a rule requires. */
  criterionNames: Map<number, string>;
}

export interface ConditionOutcome {
  /** Where the condition sits in the rule ("all[0].any[1]"). */
  path: string;
  description: string;
  passed: boolean;
  actual: string;
  required: string;
}

export interface RuleOutcome { passed: boolean; conditions: ConditionOutcome[] }

const OCCASION_TEXT: Record<string, string> = { ANNUAL: 'khen hàng năm — annual awards', MID_TERM_REVIEW: 'sơ kết — mid-term review', FINAL_REVIEW: 'tổng kết — final review' };

/** Formats VND the Vietnamese way: 50.000.000 đ. */
export const formatVnd = (value: number): string => `${Math.round(value).toLocaleString('vi-VN')} đ`;

/** The threshold for the subject: the lowest of the classes it has, else the general one; with the class used. */
export function thresholdFor(general: number, byClass: ClassMap | undefined, classes: readonly string[]): { value: number; unitClass: string | null } {
  let best: { value: number; unitClass: string | null } = { value: general, unitClass: null };
  for (const [unitClass, value] of Object.entries(byClass ?? {})) {
    if (value !== undefined && hasClass(classes, unitClass) && (best.unitClass === null || value < best.value)) best = { value, unitClass };
  }
  return best;
}

/** The dates contributions are summed over: the calendar year for annual awards, period start to the year's end for reviews. */
export function contributionWindow(ctx: Pick<OccasionContext, 'occasion' | 'year' | 'periodStart' | 'periodEnd'>): { from: string; to: string } {
  const yearEnd = `${ctx.year}-12-31`;
  if (ctx.occasion === 'ANNUAL') return { from: `${ctx.year}-01-01`, to: yearEnd };
  return { from: ctx.periodStart, to: yearEnd < ctx.periodEnd ? yearEnd : ctx.periodEnd };
}

const classText = (unitClass: string | null) => (unitClass ? ` [${unitClass === 'ESPECIALLY_DISADVANTAGED' ? 'đặc biệt khó khăn — especially disadvantaged' : unitClass}]` : '');
const names = (criteria: CriterionRef[]) => criteria.map((c) => c.name).join(', ');
const nameOf = (ctx: OccasionContext, n: number) => ctx.criterionNames.get(n) ?? `tiêu chí ${n}`;

function newlyMet(rule: NewlyMetCriteria, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const since = facts.newlyMet.get(rule.baseYear) ?? null;
  const awarded = rule.ifAwardedAt && facts.awards.some((a) => a.occasion === rule.ifAwardedAt!.occasion && a.year === rule.ifAwardedAt!.year);
  const threshold = awarded ? { value: rule.ifAwardedAt!.min, unitClass: null } : thresholdFor(rule.min, rule.byClass, facts.classes);
  const countYear = awarded ? rule.ifAwardedAt!.countSince : rule.baseYear;
  const counted = awarded ? facts.newlyMet.get(countYear) ?? null : since;
  const description = awarded
    ? `Số tiêu chí đạt thêm từ năm ${countYear} (đã được khen ${OCCASION_TEXT[rule.ifAwardedAt!.occasion]?.split(' — ')[0] ?? rule.ifAwardedAt!.occasion} ${rule.ifAwardedAt!.year}) — criteria newly met since ${countYear} (already awarded at the ${rule.ifAwardedAt!.year} ${OCCASION_TEXT[rule.ifAwardedAt!.occasion]?.split(' — ')[1] ?? rule.ifAwardedAt!.occasion})`
    : `Số tiêu chí đạt mới từ năm ${rule.baseYear}${classText(threshold.unitClass)} — new criteria since ${rule.baseYear}`;
  const outcomes: ConditionOutcome[] = [counted === null
    ? { path, description, passed: false, actual: `thiếu đánh giá năm ${countYear} hoặc ${ctx.year} — no assessment for ${countYear} or ${ctx.year}`, required: `≥ ${threshold.value}` }
    : { path, description, passed: counted.length >= threshold.value, actual: counted.length ? `${counted.length} (${names(counted)})` : '0', required: `≥ ${threshold.value}` }];
  const include = rule.includeAny ?? rule.includeAll;
  if (include) {
    const all = !!rule.includeAll;
    const found = (since ?? []).filter((c) => include.includes(c.number));
    const wanted = include.map((n) => nameOf(ctx, n)).join(all ? ' và ' : ' hoặc ');
    outcomes.push({
      path,
      description: `Trong các tiêu chí đạt mới từ năm ${rule.baseYear} có ${wanted} — newly met since ${rule.baseYear} include ${all ? 'all' : 'any'} of criteria ${include.join(', ')}`,
      passed: since !== null && (all ? found.length === include.length : found.length > 0),
      actual: found.length ? names(found) : 'không có — none',
      required: wanted,
    });
  }
  return outcomes;
}

function recognised(rule: RecognisedTier, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const yearEnd = `${ctx.year}-12-31`;
  const inForce = (d: { revokedOn: string | null }, end: string) => d.revokedOn === null || d.revokedOn > end;
  const year = rule.inYear === 'OCCASION' ? ctx.year : rule.inYear === 'PERIOD' ? null : rule.inYear;
  const matching = facts.recognitions.filter((d) => d.tier === rule.tier && (year !== null
    ? d.decidedOn.startsWith(`${year}-`) && inForce(d, `${year}-12-31`)
    : d.decidedOn >= ctx.periodStart && d.decidedOn <= ctx.periodEnd && d.decidedOn <= yearEnd && inForce(d, yearEnd)));
  const when = year !== null ? `năm ${year} — in ${year}` : `trong giai đoạn ${ctx.periodStart.slice(0, 4)}–${ctx.periodEnd.slice(0, 4)} — in the period`;
  return {
    path,
    description: `Được công nhận mức ${rule.tier} ${when.split(' — ')[0]} — recognised ${rule.tier} ${when.split(' — ')[1]}`,
    passed: matching.length > 0,
    actual: matching.length ? matching.map((d) => `${d.tier} (${d.decidedOn})`).join(', ') : (facts.recognitions.length ? `khác — other: ${facts.recognitions.map((d) => `${d.tier} (${d.decidedOn})`).join(', ')}` : 'chưa có quyết định — no decision'),
    required: `${rule.tier}, ${when.split(' — ')[0]}`,
  };
}

function contribution(rule: ContributionCondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const window = contributionWindow(ctx);
  const windowText = ctx.occasion === 'ANNUAL' ? `năm ${ctx.year} — in ${ctx.year}` : `${window.from} → ${window.to}`;
  const min = thresholdFor(rule.minVnd, rule.byClass, facts.classes);
  if (rule.scope === 'OWN') {
    return [{
      path,
      description: `Tự đóng góp (tiền, ngày công, đất đai, tài sản quy tiền), ${windowText.split(' — ')[0]}${classText(min.unitClass)} — own contributions, ${windowText.split(' — ').at(-1)}`,
      passed: facts.ownVnd >= min.value,
      actual: formatVnd(facts.ownVnd),
      required: `≥ ${formatVnd(min.value)}`,
    }];
  }
  const own = thresholdFor(rule.ownMinVnd ?? 0, rule.byClassOwnMinVnd, facts.classes);
  const works = facts.mobilisedVnd + facts.ownVnd;
  return [
    {
      path,
      description: `Giá trị đóng góp trực tiếp vận động (gồm phần tự đóng góp), ${windowText.split(' — ')[0]}${classText(min.unitClass)} — value mobilised (own share included), ${windowText.split(' — ').at(-1)}`,
      passed: works >= min.value,
      actual: `${formatVnd(works)} (vận động — mobilised ${formatVnd(facts.mobilisedVnd)} + tự đóng góp — own ${formatVnd(facts.ownVnd)})`,
      required: `≥ ${formatVnd(min.value)}`,
    },
    {
      path,
      description: `Trong đó tự đóng góp${classText(own.unitClass)} — of which own contributions`,
      passed: facts.ownVnd >= own.value,
      actual: formatVnd(facts.ownVnd),
      required: `≥ ${formatVnd(own.value)}`,
    },
  ];
}

function precondition(rule: Precondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const holds = facts.preconditions.get(rule.key);
  return {
    path,
    description: `${rule.label} (${rule.key}, năm ${ctx.year}) — precondition ${rule.key} in ${ctx.year}`,
    passed: holds === true,
    actual: holds === undefined ? 'chưa ghi nhận — not recorded' : holds ? 'có — yes' : 'không — no',
    required: 'có — yes',
  };
}

/** Evaluates a rule (or a group within it) for a subject. */
export function evaluateRule(rule: Rule, facts: SubjectFacts, ctx: OccasionContext, path = 'rule'): RuleOutcome {
  if ('all' in rule || 'any' in rule) {
    const items = 'all' in rule ? rule.all : rule.any;
    const outcomes = items.map((item, i) => evaluateRule(item, facts, ctx, `${path}.${'all' in rule ? 'all' : 'any'}[${i}]`));
    const passed = 'all' in rule ? outcomes.every((o) => o.passed) : outcomes.some((o) => o.passed);
    return { passed, conditions: outcomes.flatMap((o) => o.conditions) };
  }
  const conditions =
    'newlyMetCriteria' in rule ? newlyMet(rule.newlyMetCriteria, facts, ctx, path)
      : 'recognisedTier' in rule ? [recognised(rule.recognisedTier, facts, ctx, path)]
        : 'contribution' in rule ? contribution(rule.contribution, facts, ctx, path)
          : [precondition(rule.precondition, facts, ctx, path)];
  return { passed: conditions.every((c) => c.passed), conditions };
}

/** One line per outcome, for people: "description: actual ≥ required ✓". */
export const outcomeLine = (c: ConditionOutcome): string => `${c.description}: ${c.actual} (${c.required}) ${c.passed ? '✓' : '✗'}`;
