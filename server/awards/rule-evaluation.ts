/**
 * Evaluates an award rule for one subject against the facts read for it (pure: no I/O). Every leaf condition yields
 * one or two outcomes with the values used, so a council sees why ("new criteria since 2021: 4 (Thu nhập, …) ≥ 4 ✓").
 */
import { bilingual } from '../shared/errors.js';
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
  /** The three texts with both languages apart, for the one-line summary. */
  text: { description: Text; actual: Text; required: Text };
}

export interface RuleOutcome { passed: boolean; conditions: ConditionOutcome[] }

/**
 * Texts for people in both languages, written "Tiếng Việt — English" by `bilingual` (the console and exports keep the
 * reader's half); a text that reads the same in both (a number, "≥ 4", criterion names) is written once. No half may
 * itself contain " — ", or the reader would get a piece of a sentence.
 */
interface Text { vi: string; en: string }
const both = (vi: string, en: string): Text => ({ vi, en });
const same = (text: string): Text => ({ vi: text, en: text });
const written = (text: Text): string => (text.vi === text.en ? text.vi : bilingual(text.vi, text.en));

const OCCASION: Record<string, Text> = {
  ANNUAL: both('khen hằng năm', 'annual awards'), MID_TERM_REVIEW: both('sơ kết', 'mid-term review'), FINAL_REVIEW: both('tổng kết', 'final review'),
};
/** Recognition tiers, those a rule asks for and those a unit's decisions carry. */
const TIER: Record<string, Text> = {
  NTM: both('đạt chuẩn nông thôn mới', 'NTM standard'), ADVANCED: both('nông thôn mới nâng cao', 'advanced NTM'), MODEL: both('nông thôn mới kiểu mẫu', 'model NTM'),
  NTM_TASKS_COMPLETED: both('hoàn thành nhiệm vụ xây dựng nông thôn mới', 'NTM tasks completed'), NTM_VILLAGE: both('thôn đạt chuẩn nông thôn mới', 'NTM village'),
  MODEL_VILLAGE: both('thôn kiểu mẫu', 'model village'),
};
const UNIT_CLASS: Record<string, Text> = {
  ESPECIALLY_DISADVANTAGED: both('đặc biệt khó khăn', 'especially disadvantaged'), HIGH_MOUNTAIN: both('vùng núi cao', 'high mountain'),
  LOW_MOUNTAIN: both('vùng núi thấp', 'low mountain'), MOUNTAIN: both('miền núi', 'mountain'), LOWLAND: both('đồng bằng', 'lowland'),
  BORDER: both('biên giới', 'border'), COASTAL: both('ven biển', 'coastal'), ISLAND: both('hải đảo', 'island'),
};
const word = (table: Record<string, Text>, code: string): Text => table[code] ?? same(code);

/** Formats VND the Vietnamese way: 50.000.000 đ. */
export const formatVnd = (value: number): string => `${Math.round(value).toLocaleString('vi-VN')} đ`;
const vnd = (value: number): Text => both(formatVnd(value), `${Math.round(value).toLocaleString('en-GB')} VND`);
/** dd/mm/yyyy, as both languages write dates in the console. */
const day = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Whether a subject with these classification codes has the class a threshold names. */
export function hasClass(classes: readonly string[], unitClass: string): boolean {
  if (unitClass === 'MOUNTAIN') return classes.includes('TERRAIN:HIGH_MOUNTAIN') || classes.includes('TERRAIN:LOW_MOUNTAIN');
  if (['HIGH_MOUNTAIN', 'LOW_MOUNTAIN', 'LOWLAND'].includes(unitClass)) return classes.includes(`TERRAIN:${unitClass}`);
  return classes.includes(unitClass);
}

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

const classNote = (unitClass: string | null): Text => {
  if (!unitClass) return same('');
  const name = word(UNIT_CLASS, unitClass);
  return both(` [${name.vi}]`, ` [${name.en}]`);
};
const names = (criteria: CriterionRef[]) => criteria.map((c) => c.name).join(', ');
const nameOf = (ctx: OccasionContext, n: number) => ctx.criterionNames.get(n) ?? `${n}`;
const outcome = (path: string, description: Text, passed: boolean, actual: Text, required: Text): ConditionOutcome =>
  ({ path, description: written(description), passed, actual: written(actual), required: written(required), text: { description, actual, required } });

function newlyMet(rule: NewlyMetCriteria, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const since = facts.newlyMet.get(rule.baseYear) ?? null;
  const awarded = rule.ifAwardedAt && facts.awards.some((a) => a.occasion === rule.ifAwardedAt!.occasion && a.year === rule.ifAwardedAt!.year);
  const threshold = awarded ? { value: rule.ifAwardedAt!.min, unitClass: null } : thresholdFor(rule.min, rule.byClass, facts.classes);
  const countYear = awarded ? rule.ifAwardedAt!.countSince : rule.baseYear;
  const counted = awarded ? facts.newlyMet.get(countYear) ?? null : since;
  const earlier = awarded ? word(OCCASION, rule.ifAwardedAt!.occasion) : null;
  const cls = classNote(threshold.unitClass);
  const description = earlier
    ? both(`Số tiêu chí đạt thêm từ năm ${countYear} (đã được khen ${earlier.vi} ${rule.ifAwardedAt!.year})`,
      `criteria newly met since ${countYear} (already awarded at the ${rule.ifAwardedAt!.year} ${earlier.en})`)
    : both(`Số tiêu chí đạt mới từ năm ${rule.baseYear}${cls.vi}`, `new criteria since ${rule.baseYear}${cls.en}`);
  const required = same(`≥ ${threshold.value}`);
  const outcomes: ConditionOutcome[] = [counted === null
    ? outcome(path, description, false, both(`thiếu đánh giá năm ${countYear} hoặc ${ctx.year}`, `no assessment for ${countYear} or ${ctx.year}`), required)
    : outcome(path, description, counted.length >= threshold.value, same(counted.length ? `${counted.length} (${names(counted)})` : '0'), required)];
  const include = rule.includeAny ?? rule.includeAll;
  if (include) {
    const all = !!rule.includeAll;
    const found = (since ?? []).filter((c) => include.includes(c.number));
    const wanted = include.map((n) => nameOf(ctx, n));
    const list = both(wanted.join(all ? ' và ' : ' hoặc '), wanted.join(all ? ' and ' : ' or '));
    outcomes.push(outcome(
      path,
      both(`Trong các tiêu chí đạt mới từ năm ${rule.baseYear} có ${list.vi}`, `newly met since ${rule.baseYear} include ${all ? 'all' : 'any'} of ${list.en}`),
      since !== null && (all ? found.length === include.length : found.length > 0),
      found.length ? same(names(found)) : both('không có', 'none'),
      list,
    ));
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
  const when = year !== null
    ? both(`năm ${year}`, `in ${year}`)
    : both(`trong giai đoạn ${ctx.periodStart.slice(0, 4)}–${ctx.periodEnd.slice(0, 4)}`, `in the period ${ctx.periodStart.slice(0, 4)}–${ctx.periodEnd.slice(0, 4)}`);
  const tier = word(TIER, rule.tier);
  const decisions = (list: SubjectFacts['recognitions']): Text => {
    const each = list.map((d) => ({ tier: word(TIER, d.tier), on: day(d.decidedOn) }));
    return both(each.map((d) => `${d.tier.vi} (${d.on})`).join(', '), each.map((d) => `${d.tier.en} (${d.on})`).join(', '));
  };
  const other = decisions(facts.recognitions);
  return outcome(
    path,
    both(`Được công nhận ${tier.vi} ${when.vi}`, `recognised ${tier.en} ${when.en}`),
    matching.length > 0,
    matching.length ? decisions(matching) : facts.recognitions.length ? both(`quyết định khác: ${other.vi}`, `other decisions: ${other.en}`) : both('chưa có quyết định', 'no decision'),
    both(`${tier.vi}, ${when.vi}`, `${tier.en}, ${when.en}`),
  );
}

function contribution(rule: ContributionCondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const window = contributionWindow(ctx);
  const during = ctx.occasion === 'ANNUAL' ? both(`năm ${ctx.year}`, `in ${ctx.year}`) : both(`từ ${day(window.from)} đến ${day(window.to)}`, `from ${day(window.from)} to ${day(window.to)}`);
  const min = thresholdFor(rule.minVnd, rule.byClass, facts.classes);
  const cls = classNote(min.unitClass);
  const atLeast = (value: number): Text => { const v = vnd(value); return both(`≥ ${v.vi}`, `≥ ${v.en}`); };
  if (rule.scope === 'OWN') {
    return [outcome(
      path,
      both(`Tự đóng góp (tiền, ngày công, đất đai, tài sản quy tiền), ${during.vi}${cls.vi}`, `own contributions (money, labour, land, assets valued in VND), ${during.en}${cls.en}`),
      facts.ownVnd >= min.value, vnd(facts.ownVnd), atLeast(min.value),
    )];
  }
  const own = thresholdFor(rule.ownMinVnd ?? 0, rule.byClassOwnMinVnd, facts.classes);
  const ownCls = classNote(own.unitClass);
  const works = facts.mobilisedVnd + facts.ownVnd;
  const [total, mobilised, ownPart] = [vnd(works), vnd(facts.mobilisedVnd), vnd(facts.ownVnd)];
  return [
    outcome(
      path,
      both(`Giá trị đóng góp trực tiếp vận động (gồm phần tự đóng góp), ${during.vi}${cls.vi}`, `value mobilised (own share included), ${during.en}${cls.en}`),
      works >= min.value,
      both(`${total.vi} (vận động ${mobilised.vi} + tự đóng góp ${ownPart.vi})`, `${total.en} (mobilised ${mobilised.en} + own ${ownPart.en})`),
      atLeast(min.value),
    ),
    outcome(path, both(`Trong đó tự đóng góp${ownCls.vi}`, `of which own contributions${ownCls.en}`), facts.ownVnd >= own.value, ownPart, atLeast(own.value)),
  ];
}

function precondition(rule: Precondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const holds = facts.preconditions.get(rule.key);
  // The plan's own words name the condition; its key is for machines.
  return outcome(
    path,
    both(`${rule.label} (năm ${ctx.year})`, `precondition "${rule.label}" in ${ctx.year}`),
    holds === true,
    holds === undefined ? both('chưa ghi nhận', 'not recorded') : holds ? both('có', 'yes') : both('không', 'no'),
    both('có', 'yes'),
  );
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

/** One line per outcome, for people, in both languages: "description: actual (required) ✓". */
export const outcomeLine = (c: ConditionOutcome): string => {
  const line = (lang: keyof Text) => `${c.text.description[lang]}: ${c.text.actual[lang]} (${c.text.required[lang]}) ${c.passed ? '✓' : '✗'}`;
  return written({ vi: line('vi'), en: line('en') });
};
