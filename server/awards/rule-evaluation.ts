/**
 * Evaluates an award rule for one subject against the facts read for it (pure: no I/O). Every leaf condition yields
 * one or two outcomes with the values used, so a council sees why ("new criteria since 2021: 4 (Thu nhập, …) ≥ 4 ✓").
 */
import { COMPARATOR_SYMBOL, type Comparator } from '../shared/domain/comparators.js';
import { hasClass, isUnitClass, UNIT_CLASS_LABELS } from '../shared/domain/unit-class.js';
import { bilingual } from '../shared/errors.js';
import type {
  ClassMap,
  ContributionCondition,
  ContributionKindCode,
  NewlyMetCriteria,
  NotAwarded,
  Precondition,
  RecognisedTier,
  Rule,
  TargetAttained,
  UnitClassCondition,
} from './rule.js';

export interface CriterionRef {
  number: number;
  name: string;
}

/** What is known of a subject for one occasion. */
export interface SubjectFacts {
  /** Classification codes in force ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN"); a household's are its commune's and village's. */
  classes: string[];
  /** Base year → criteria met in the occasion year's assessment and not in the base year's (null: one of them is missing). */
  newlyMet: Map<number, CriterionRef[] | null>;
  /** The same for earlier years' assessments, read for windows that end before the occasion (`until`). */
  newlyMetByYear?: Map<number, Map<number, CriterionRef[] | null>>;
  /** Recognition decisions of the subject's unit, tiers at its own level (a village's NTM_VILLAGE read as NTM). */
  recognitions: { tier: string; decidedOn: string; revokedOn: string | null }[];
  /** The subject's own contributions and those of others it mobilised, in the occasion's window. */
  contributions: ContributionFact[];
  /** Precondition key → whether it holds in the occasion year (absent: not recorded). */
  preconditions: Map<string, boolean>;
  /** Earlier awards of the subject. */
  awards: { occasion: string; year: number }[];
  /** By metric: how the subject's unit fares against this campaign's target for the occasion's year (insights). */
  targets?: Map<string, TargetFact>;
}

/** One contribution: its kind, date and value, and whether the subject mobilised it (rather than gave it). */
export interface ContributionFact {
  kind: ContributionKindCode;
  on: string;
  vnd: number;
  mobilised: boolean;
}

/** A unit's figure against this campaign's target (null target: the plan sets none for the unit that year). */
export interface TargetFact {
  target: number | null;
  comparator: Comparator | null;
  actual: number | null;
  onTrack: boolean | null;
  unit: string | null;
  /** The metric's name in both languages, as insights gives it. */
  metricName?: { vi: string; en: string };
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

export interface RuleOutcome {
  passed: boolean;
  conditions: ConditionOutcome[];
}

/**
 * Texts for people in both languages, written "Tiếng Việt — English" by `bilingual` (the console and exports keep the
 * reader's half); a text that reads the same in both (a number, "≥ 4", criterion names) is written once. No half may
 * itself contain " — ", or the reader would get a piece of a sentence.
 */
interface Text {
  vi: string;
  en: string;
}
const both = (vi: string, en: string): Text => ({ vi, en });
const same = (text: string): Text => ({ vi: text, en: text });
const written = (text: Text): string => (text.vi === text.en ? text.vi : bilingual(text.vi, text.en));

const OCCASION: Record<string, Text> = {
  ANNUAL: both('khen hằng năm', 'annual awards'),
  MID_TERM_REVIEW: both('sơ kết', 'mid-term review'),
  FINAL_REVIEW: both('tổng kết', 'final review'),
};
/** Recognition tiers, those a rule asks for and those a unit's decisions carry. */
const TIER: Record<string, Text> = {
  NTM: both('đạt chuẩn nông thôn mới', 'NTM standard'),
  ADVANCED: both('nông thôn mới nâng cao', 'advanced NTM'),
  MODEL: both('nông thôn mới kiểu mẫu', 'model NTM'),
  NTM_TASKS_COMPLETED: both('hoàn thành nhiệm vụ xây dựng nông thôn mới', 'NTM tasks completed'),
  NTM_VILLAGE: both('thôn đạt chuẩn nông thôn mới', 'NTM village'),
  MODEL_VILLAGE: both('thôn kiểu mẫu', 'model village'),
};
const word = (table: Record<string, Text>, code: string): Text => table[code] ?? same(code);

/** Formats VND the Vietnamese way: 50.000.000 đ. */
export const formatVnd = (value: number): string => `${Math.round(value).toLocaleString('vi-VN')} đ`;
const vnd = (value: number): Text => both(formatVnd(value), `${Math.round(value).toLocaleString('en-GB')} VND`);
/** dd/mm/yyyy, as both languages write dates in the console. */
const day = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The threshold for the subject: the lowest of the classes it has, else the general one; with the class used. */
export function thresholdFor(
  general: number,
  byClass: ClassMap | undefined,
  classes: readonly string[],
): { value: number; unitClass: string | null } {
  let best: { value: number; unitClass: string | null } = { value: general, unitClass: null };
  for (const [unitClass, value] of Object.entries(byClass ?? {})) {
    if (value !== undefined && hasClass(classes, unitClass) && (best.unitClass === null || value < best.value)) best = { value, unitClass };
  }
  return best;
}

/** The dates contributions are summed over: the calendar year for annual awards, period start to the year's end for reviews. */
export function contributionWindow(ctx: Pick<OccasionContext, 'occasion' | 'year' | 'periodStart' | 'periodEnd'>): {
  from: string;
  to: string;
} {
  const yearEnd = `${ctx.year}-12-31`;
  if (ctx.occasion === 'ANNUAL') return { from: `${ctx.year}-01-01`, to: yearEnd };
  return { from: ctx.periodStart, to: yearEnd < ctx.periodEnd ? yearEnd : ctx.periodEnd };
}

/** A class a threshold or condition names, in words (a classification code outside the vocabulary as written). */
const className = (unitClass: string): Text =>
  isUnitClass(unitClass) ? both(UNIT_CLASS_LABELS[unitClass].vi, UNIT_CLASS_LABELS[unitClass].en) : same(unitClass);
const classNote = (unitClass: string | null): Text => {
  if (!unitClass) return same('');
  const name = className(unitClass);
  return both(` [${name.vi.toLocaleLowerCase('vi')}]`, ` [${name.en}]`);
};
const names = (criteria: CriterionRef[]) => criteria.map((c) => c.name).join(', ');
const nameOf = (ctx: OccasionContext, n: number) => ctx.criterionNames.get(n) ?? `${n}`;
const outcome = (path: string, description: Text, passed: boolean, actual: Text, required: Text): ConditionOutcome => ({
  path,
  description: written(description),
  passed,
  actual: written(actual),
  required: written(required),
  text: { description, actual, required },
});
/** Several texts joined into one list, each language apart. */
const listOf = (texts: Text[], separator = ', '): Text =>
  both(texts.map((t) => t.vi).join(separator), texts.map((t) => t.en).join(separator));
/** A figure as each language writes it (80,59 / 80.59). */
const figure = (value: number): Text =>
  both(value.toLocaleString('vi-VN', { maximumFractionDigits: 2 }), value.toLocaleString('en-GB', { maximumFractionDigits: 2 }));

function newlyMet(rule: NewlyMetCriteria, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  // A window ending before the occasion ("đến ngày có văn bản chỉ đạo …") compares the assessment of its end's year.
  const assessed = rule.until ? Math.min(Number(rule.until.slice(0, 4)), ctx.year) : ctx.year;
  const table = assessed === ctx.year ? facts.newlyMet : (facts.newlyMetByYear?.get(assessed) ?? new Map<number, CriterionRef[] | null>());
  const since = table.get(rule.baseYear) ?? null;
  const awarded =
    rule.ifAwardedAt && facts.awards.some((a) => a.occasion === rule.ifAwardedAt!.occasion && a.year === rule.ifAwardedAt!.year);
  const threshold = awarded ? { value: rule.ifAwardedAt!.min, unitClass: null } : thresholdFor(rule.min, rule.byClass, facts.classes);
  const countYear = awarded ? rule.ifAwardedAt!.countSince : rule.baseYear;
  const counted = awarded ? (table.get(countYear) ?? null) : since;
  const earlier = awarded ? word(OCCASION, rule.ifAwardedAt!.occasion) : null;
  const cls = classNote(threshold.unitClass);
  const until = rule.until ? both(` đến ${day(rule.until)}`, ` to ${day(rule.until)}`) : same('');
  const description = earlier
    ? both(
        `Số tiêu chí đạt thêm từ năm ${countYear}${until.vi} (đã được khen ${earlier.vi} ${rule.ifAwardedAt!.year})`,
        `criteria newly met since ${countYear}${until.en} (already awarded at the ${rule.ifAwardedAt!.year} ${earlier.en})`,
      )
    : both(`Số tiêu chí đạt mới từ năm ${rule.baseYear}${until.vi}${cls.vi}`, `new criteria since ${rule.baseYear}${until.en}${cls.en}`);
  const required = same(`≥ ${threshold.value}`);
  const outcomes: ConditionOutcome[] = [
    counted === null
      ? outcome(
          path,
          description,
          false,
          both(`thiếu đánh giá năm ${countYear} hoặc ${assessed}`, `no assessment for ${countYear} or ${assessed}`),
          required,
        )
      : outcome(
          path,
          description,
          counted.length >= threshold.value,
          same(counted.length ? `${counted.length} (${names(counted)})` : '0'),
          required,
        ),
  ];
  const include = rule.includeAny ?? rule.includeAll;
  if (include) {
    const all = !!rule.includeAll;
    const found = (since ?? []).filter((c) => include.includes(c.number));
    const wanted = include.map((n) => nameOf(ctx, n));
    const list = both(wanted.join(all ? ' và ' : ' hoặc '), wanted.join(all ? ' and ' : ' or '));
    outcomes.push(
      outcome(
        path,
        both(
          `Trong các tiêu chí đạt mới từ năm ${rule.baseYear} có ${list.vi}`,
          `newly met since ${rule.baseYear} include ${all ? 'all' : 'any'} of ${list.en}`,
        ),
        since !== null && (all ? found.length === include.length : found.length > 0),
        found.length ? same(names(found)) : both('không có', 'none'),
        list,
      ),
    );
  }
  return outcomes;
}

function recognised(rule: RecognisedTier, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const yearEnd = `${ctx.year}-12-31`;
  const inForce = (d: { revokedOn: string | null }, end: string) => d.revokedOn === null || d.revokedOn > end;
  const year = rule.inYear === 'OCCASION' ? ctx.year : rule.inYear === 'PERIOD' ? null : rule.inYear;
  const matching = facts.recognitions.filter(
    (d) =>
      d.tier === rule.tier &&
      (year !== null
        ? d.decidedOn.startsWith(`${year}-`) && inForce(d, `${year}-12-31`)
        : d.decidedOn >= ctx.periodStart && d.decidedOn <= ctx.periodEnd && d.decidedOn <= yearEnd && inForce(d, yearEnd)),
  );
  const when =
    year !== null
      ? both(`năm ${year}`, `in ${year}`)
      : both(
          `trong giai đoạn ${ctx.periodStart.slice(0, 4)}–${ctx.periodEnd.slice(0, 4)}`,
          `in the period ${ctx.periodStart.slice(0, 4)}–${ctx.periodEnd.slice(0, 4)}`,
        );
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
    matching.length
      ? decisions(matching)
      : facts.recognitions.length
        ? both(`quyết định khác: ${other.vi}`, `other decisions: ${other.en}`)
        : both('chưa có quyết định', 'no decision'),
    both(`${tier.vi}, ${when.vi}`, `${tier.en}, ${when.en}`),
  );
}

const KIND: Record<ContributionKindCode, Text> = {
  MONEY: both('tiền', 'money'),
  LAND: both('đất đai', 'land'),
  LABOUR: both('ngày công', 'labour'),
  ASSETS: both('tài sản', 'assets'),
};
/** " (đất đai, tài sản)" when a condition counts only some kinds of contribution; `all` when it counts every kind. */
const kindsNote = (kinds: ContributionKindCode[] | undefined, all: Text = same('')): Text => {
  if (!kinds) return all;
  const list = listOf(kinds.map((k) => KIND[k]));
  return both(` (${list.vi})`, ` (${list.en})`);
};

function contribution(rule: ContributionCondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const window = contributionWindow(ctx);
  const end = rule.until && rule.until < window.to ? rule.until : window.to;
  const during =
    ctx.occasion === 'ANNUAL' && end === window.to
      ? both(`năm ${ctx.year}`, `in ${ctx.year}`)
      : both(`từ ${day(window.from)} đến ${day(end)}`, `from ${day(window.from)} to ${day(end)}`);
  const sum = (mobilised: boolean, kinds: ContributionKindCode[] | undefined) =>
    facts.contributions
      .filter((c) => c.mobilised === mobilised && c.on >= window.from && c.on <= end && (!kinds || kinds.includes(c.kind)))
      .reduce((total, c) => total + c.vnd, 0);
  const min = thresholdFor(rule.minVnd, rule.byClass, facts.classes);
  const cls = classNote(min.unitClass);
  const atLeast = (value: number): Text => {
    const v = vnd(value);
    return both(`≥ ${v.vi}`, `≥ ${v.en}`);
  };
  const ownVnd = sum(false, rule.kinds);
  if (rule.scope === 'OWN') {
    const kinds = kindsNote(
      rule.kinds,
      both(' (tiền, ngày công, đất đai, tài sản quy tiền)', ' (money, labour, land, assets valued in VND)'),
    );
    return [
      outcome(
        path,
        both(`Tự đóng góp${kinds.vi}, ${during.vi}${cls.vi}`, `own contributions${kinds.en}, ${during.en}${cls.en}`),
        ownVnd >= min.value,
        vnd(ownVnd),
        atLeast(min.value),
      ),
    ];
  }
  const own = thresholdFor(rule.ownMinVnd ?? 0, rule.byClassOwnMinVnd, facts.classes);
  const ownCls = classNote(own.unitClass);
  const mobilisedVnd = sum(true, rule.kinds);
  const ownPartVnd = sum(false, rule.ownKinds ?? rule.kinds);
  const works = mobilisedVnd + ownVnd;
  const [total, mobilised, ownGiven, ownPart] = [vnd(works), vnd(mobilisedVnd), vnd(ownVnd), vnd(ownPartVnd)];
  const kinds = kindsNote(rule.kinds);
  const ownKinds = kindsNote(rule.ownKinds ?? rule.kinds);
  return [
    outcome(
      path,
      both(
        `Giá trị đóng góp trực tiếp vận động (gồm phần tự đóng góp)${kinds.vi}, ${during.vi}${cls.vi}`,
        `value mobilised (own share included)${kinds.en}, ${during.en}${cls.en}`,
      ),
      works >= min.value,
      both(
        `${total.vi} (vận động ${mobilised.vi} + tự đóng góp ${ownGiven.vi})`,
        `${total.en} (mobilised ${mobilised.en} + own ${ownGiven.en})`,
      ),
      atLeast(min.value),
    ),
    outcome(
      path,
      both(`Trong đó tự đóng góp${ownKinds.vi}${ownCls.vi}`, `of which own contributions${ownKinds.en}${ownCls.en}`),
      ownPartVnd >= own.value,
      ownPart,
      atLeast(own.value),
    ),
  ];
}

function unitClass(rule: UnitClassCondition, facts: SubjectFacts, path: string): ConditionOutcome {
  const found = rule.anyOf.filter((c) => hasClass(facts.classes, c));
  const wanted = listOf(rule.anyOf.map(className));
  return outcome(
    path,
    both(`Đơn vị thuộc loại: ${wanted.vi}`, `the unit has a class: ${wanted.en}`),
    found.length > 0,
    found.length ? listOf(found.map(className)) : both('không', 'none'),
    rule.anyOf.length > 1 ? both(`một trong: ${wanted.vi}`, `one of: ${wanted.en}`) : wanted,
  );
}

function targetAttained(rule: TargetAttained, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const fact = facts.targets?.get(rule.metric);
  const metric = fact?.metricName ?? same(rule.metric);
  const description = both(
    `Đạt chỉ tiêu "${metric.vi}" năm ${ctx.year} theo kế hoạch`,
    `met the plan's "${metric.en}" target for ${ctx.year}`,
  );
  if (!fact || fact.target === null) {
    return outcome(
      path,
      description,
      false,
      both(`kế hoạch không đặt chỉ tiêu cho đơn vị này năm ${ctx.year}`, `the plan sets no target for this unit in ${ctx.year}`),
      both('đạt chỉ tiêu', 'the target met'),
    );
  }
  const unit = fact.unit === 'PERCENT' ? ' %' : '';
  const target = figure(fact.target);
  const actual = fact.actual === null ? null : figure(fact.actual);
  return outcome(
    path,
    description,
    fact.onTrack === true,
    actual === null ? both('chưa có hoặc chưa đủ số liệu', 'no or partial data') : both(`${actual.vi}${unit}`, `${actual.en}${unit}`),
    both(
      `${COMPARATOR_SYMBOL[fact.comparator ?? 'GTE']} ${target.vi}${unit}`,
      `${COMPARATOR_SYMBOL[fact.comparator ?? 'GTE']} ${target.en}${unit}`,
    ),
  );
}

function notAwarded(rule: NotAwarded, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const occasion = word(OCCASION, rule.occasion);
  const awarded = facts.awards.filter((a) => a.occasion === rule.occasion && a.year === ctx.year);
  return outcome(
    path,
    both(`Chưa được khen ${occasion.vi} năm ${ctx.year}`, `not already awarded at the ${ctx.year} ${occasion.en}`),
    awarded.length === 0,
    awarded.length ? both(`đã khen (${awarded.length})`, `awarded (${awarded.length})`) : both('chưa', 'none'),
    both('chưa được khen', 'none'),
  );
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
    'newlyMetCriteria' in rule
      ? newlyMet(rule.newlyMetCriteria, facts, ctx, path)
      : 'recognisedTier' in rule
        ? [recognised(rule.recognisedTier, facts, ctx, path)]
        : 'contribution' in rule
          ? contribution(rule.contribution, facts, ctx, path)
          : 'unitClass' in rule
            ? [unitClass(rule.unitClass, facts, path)]
            : 'targetAttained' in rule
              ? [targetAttained(rule.targetAttained, facts, ctx, path)]
              : 'notAwarded' in rule
                ? [notAwarded(rule.notAwarded, facts, ctx, path)]
                : [precondition(rule.precondition, facts, ctx, path)];
  return { passed: conditions.every((c) => c.passed), conditions };
}

/** One line per outcome, for people, in both languages: "description: actual (required) ✓". */
export const outcomeLine = (c: ConditionOutcome): string => {
  const line = (lang: keyof Text) =>
    `${c.text.description[lang]}: ${c.text.actual[lang]} (${c.text.required[lang]}) ${c.passed ? '✓' : '✗'}`;
  return written({ vi: line('vi'), en: line('en') });
};
