/**
 * Evaluates an award rule for one subject against the facts read for it (pure: no I/O). Every leaf condition yields
 * one or two outcomes with the values used, so a council sees why ("new criteria since 2021: 4 (Thu nhập, …) ≥ 4 ✓").
 */
import { hasClass } from '../shared/domain/unit-class.js';
import { COMPARATOR_SYMBOL, type Comparator } from '../shared/domain/comparators.js';
import { UNIT_CLASS_LABELS, type UnitClass } from '../shared/domain/unit-class.js';
import type {
  ClassMap, ContributionCondition, ContributionKindCode, NewlyMetCriteria, NotAwarded, Precondition, RecognisedTier, Rule, TargetAttained, UnitClassCondition,
} from './rule.js';

export interface CriterionRef { number: number; name: string }

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
export interface ContributionFact { kind: ContributionKindCode; on: string; vnd: number; mobilised: boolean }

/** A unit's figure against this campaign's target (null target: the plan sets none for the unit that year). */
export interface TargetFact { target: number | null; comparator: Comparator | null; actual: number | null; onTrack: boolean | null; unit: string | null }

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
  // A window ending before the occasion ("đến ngày có văn bản chỉ đạo …") compares the assessment of its end's year.
  const assessed = rule.until ? Math.min(Number(rule.until.slice(0, 4)), ctx.year) : ctx.year;
  const table = assessed === ctx.year ? facts.newlyMet : facts.newlyMetByYear?.get(assessed) ?? new Map<number, CriterionRef[] | null>();
  const since = table.get(rule.baseYear) ?? null;
  const awarded = rule.ifAwardedAt && facts.awards.some((a) => a.occasion === rule.ifAwardedAt!.occasion && a.year === rule.ifAwardedAt!.year);
  const threshold = awarded ? { value: rule.ifAwardedAt!.min, unitClass: null } : thresholdFor(rule.min, rule.byClass, facts.classes);
  const countYear = awarded ? rule.ifAwardedAt!.countSince : rule.baseYear;
  const counted = awarded ? table.get(countYear) ?? null : since;
  const until = rule.until ? ` đến ${rule.until.split('-').reverse().join('/')}` : '';
  const description = awarded
    ? `Số tiêu chí đạt thêm từ năm ${countYear}${until} (đã được khen ${OCCASION_TEXT[rule.ifAwardedAt!.occasion]?.split(' — ')[0] ?? rule.ifAwardedAt!.occasion} ${rule.ifAwardedAt!.year}) — criteria newly met since ${countYear} (already awarded at the ${rule.ifAwardedAt!.year} ${OCCASION_TEXT[rule.ifAwardedAt!.occasion]?.split(' — ')[1] ?? rule.ifAwardedAt!.occasion})`
    : `Số tiêu chí đạt mới từ năm ${rule.baseYear}${until}${classText(threshold.unitClass)} — new criteria since ${rule.baseYear}${rule.until ? ` to ${rule.until}` : ''}`;
  const outcomes: ConditionOutcome[] = [counted === null
    ? { path, description, passed: false, actual: `thiếu đánh giá năm ${countYear} hoặc ${assessed} — no assessment for ${countYear} or ${assessed}`, required: `≥ ${threshold.value}` }
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

const KIND_TEXT: Record<ContributionKindCode, string> = { MONEY: 'tiền — money', LAND: 'đất đai — land', LABOUR: 'ngày công — labour', ASSETS: 'tài sản — assets' };
const kindsText = (kinds: ContributionKindCode[] | undefined) => (kinds
  ? ` (${kinds.map((k) => KIND_TEXT[k].split(' — ')[0]).join(', ')} — ${kinds.map((k) => KIND_TEXT[k].split(' — ')[1]).join(', ')})` : '');

function contribution(rule: ContributionCondition, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome[] {
  const window = contributionWindow(ctx);
  const end = rule.until && rule.until < window.to ? rule.until : window.to;
  const windowText = ctx.occasion === 'ANNUAL' && end === window.to ? `năm ${ctx.year} — in ${ctx.year}` : `${window.from} → ${end}`;
  const sum = (mobilised: boolean, kinds: ContributionKindCode[] | undefined) => facts.contributions
    .filter((c) => c.mobilised === mobilised && c.on >= window.from && c.on <= end && (!kinds || kinds.includes(c.kind)))
    .reduce((total, c) => total + c.vnd, 0);
  const min = thresholdFor(rule.minVnd, rule.byClass, facts.classes);
  const ownVnd = sum(false, rule.kinds);
  if (rule.scope === 'OWN') {
    return [{
      path,
      description: `Tự đóng góp${kindsText(rule.kinds) || ' (tiền, ngày công, đất đai, tài sản quy tiền)'}, ${windowText.split(' — ')[0]}${classText(min.unitClass)} — own contributions, ${windowText.split(' — ').at(-1)}`,
      passed: ownVnd >= min.value,
      actual: formatVnd(ownVnd),
      required: `≥ ${formatVnd(min.value)}`,
    }];
  }
  const own = thresholdFor(rule.ownMinVnd ?? 0, rule.byClassOwnMinVnd, facts.classes);
  const mobilisedVnd = sum(true, rule.kinds);
  const ownPart = sum(false, rule.ownKinds ?? rule.kinds);
  const works = mobilisedVnd + ownVnd;
  return [
    {
      path,
      description: `Giá trị đóng góp trực tiếp vận động (gồm phần tự đóng góp)${kindsText(rule.kinds)}, ${windowText.split(' — ')[0]}${classText(min.unitClass)} — value mobilised (own share included), ${windowText.split(' — ').at(-1)}`,
      passed: works >= min.value,
      actual: `${formatVnd(works)} (vận động — mobilised ${formatVnd(mobilisedVnd)} + tự đóng góp — own ${formatVnd(ownVnd)})`,
      required: `≥ ${formatVnd(min.value)}`,
    },
    {
      path,
      description: `Trong đó tự đóng góp${kindsText(rule.ownKinds ?? rule.kinds)}${classText(own.unitClass)} — of which own contributions`,
      passed: ownPart >= own.value,
      actual: formatVnd(ownPart),
      required: `≥ ${formatVnd(own.value)}`,
    },
  ];
}

const classNames = (classes: readonly UnitClass[]) =>
  `${classes.map((c) => UNIT_CLASS_LABELS[c].vi).join(', ')} — ${classes.map((c) => UNIT_CLASS_LABELS[c].en).join(', ')}`;

function unitClass(rule: UnitClassCondition, facts: SubjectFacts, path: string): ConditionOutcome {
  const found = rule.anyOf.filter((c) => hasClass(facts.classes, c));
  const [vi, en] = classNames(rule.anyOf).split(' — ');
  return {
    path,
    description: `Đơn vị thuộc loại: ${vi} — the unit has a class: ${en}`,
    passed: found.length > 0,
    actual: found.length ? classNames(found) : 'không — none',
    required: rule.anyOf.length > 1 ? `một trong: ${vi} — one of: ${en}` : classNames(rule.anyOf),
  };
}

function targetAttained(rule: TargetAttained, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const fact = facts.targets?.get(rule.metric);
  const description = `Đạt chỉ tiêu ${rule.metric} năm ${ctx.year} theo kế hoạch — met the plan's ${rule.metric} target for ${ctx.year}`;
  if (!fact || fact.target === null) {
    return { path, description, passed: false, actual: `kế hoạch không đặt chỉ tiêu cho đơn vị này năm ${ctx.year} — the plan sets no target for this unit in ${ctx.year}`, required: 'đạt chỉ tiêu — the target met' };
  }
  const unit = fact.unit === 'PERCENT' ? ' %' : '';
  return {
    path,
    description,
    passed: fact.onTrack === true,
    actual: fact.actual === null ? 'chưa có hoặc chưa đủ số liệu — no or partial data' : `${fact.actual}${unit}`,
    required: `${COMPARATOR_SYMBOL[fact.comparator ?? 'GTE']} ${fact.target}${unit}`,
  };
}

function notAwarded(rule: NotAwarded, facts: SubjectFacts, ctx: OccasionContext, path: string): ConditionOutcome {
  const [vi, en] = (OCCASION_TEXT[rule.occasion] ?? rule.occasion).split(' — ');
  const awarded = facts.awards.filter((a) => a.occasion === rule.occasion && a.year === ctx.year);
  return {
    path,
    description: `Chưa được khen ${vi} năm ${ctx.year} — not already awarded at the ${ctx.year} ${en ?? rule.occasion}`,
    passed: awarded.length === 0,
    actual: awarded.length ? `đã khen — awarded (${awarded.length})` : 'chưa — none',
    required: 'chưa được khen — none',
  };
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
          : 'unitClass' in rule ? [unitClass(rule.unitClass, facts, path)]
            : 'targetAttained' in rule ? [targetAttained(rule.targetAttained, facts, ctx, path)]
              : 'notAwarded' in rule ? [notAwarded(rule.notAwarded, facts, ctx, path)]
                : [precondition(rule.precondition, facts, ctx, path)];
  return { passed: conditions.every((c) => c.passed), conditions };
}

/** One line per outcome, for people: "description: actual ≥ required ✓". */
export const outcomeLine = (c: ConditionOutcome): string => `${c.description}: ${c.actual} (${c.required}) ${c.passed ? '✓' : '✗'}`;
