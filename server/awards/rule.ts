/**
 * Award rules as validated structured data (the vocabulary of seeds/plans/README.md § "Rule vocabulary"): a rule is
 * `{ all: [...] }` or `{ any: [...] }` of conditions or nested groups. Rules are stored as this JSON; everything that
 * writes one (seed files, the API's typed RuleInput) goes through `parseRule`, which refuses unknown condition kinds,
 * unknown fields and values out of range, naming the path of the fault.
 */
import { UnitClass } from '../shared/domain/unit-class.js';

export type Tier = 'NTM' | 'ADVANCED' | 'MODEL' | 'NTM_TASKS_COMPLETED';
export type Occasion = 'ANNUAL' | 'MID_TERM_REVIEW' | 'FINAL_REVIEW';
export type ClassMap = Partial<Record<UnitClass, number>>;
export type ContributionKindCode = 'MONEY' | 'LAND' | 'LABOUR' | 'ASSETS';

export interface NewlyMetCriteria {
  baseYear: number;
  min: number;
  includeAny?: number[];
  includeAll?: number[];
  byClass?: ClassMap;
  ifAwardedAt?: { occasion: Occasion; year: number; min: number; countSince: number };
  /** The window's end ("đến ngày có văn bản chỉ đạo tổ chức sơ kết"): the assessment of that date's year is compared. */
  until?: string;
}
export interface RecognisedTier {
  tier: Tier;
  inYear: 'OCCASION' | 'PERIOD' | number;
}
export interface ContributionCondition {
  scope: 'OWN' | 'MOBILISED';
  minVnd: number;
  byClass?: ClassMap;
  ownMinVnd?: number;
  byClassOwnMinVnd?: ClassMap;
  /** Only these kinds count (all when absent); `ownKinds` for the own part of a MOBILISED condition. */
  kinds?: ContributionKindCode[];
  ownKinds?: ContributionKindCode[];
  /** The window's end date, when earlier than the occasion's. */
  until?: string;
}
export interface Precondition {
  key: string;
  label: string;
}
/** The subject's unit (or, for a household or individual, its commune or village) has one of these classes. */
export interface UnitClassCondition {
  anyOf: UnitClass[];
}
/** The subject's unit met this campaign's target for the metric in the occasion's year ("đạt và vượt … theo kế hoạch"). */
export interface TargetAttained {
  metric: string;
}
/** The subject holds no award of this occasion in the occasion's year ("trừ trường hợp đã khen trong năm"). */
export interface NotAwarded {
  occasion: Occasion;
}

export type Condition =
  | { newlyMetCriteria: NewlyMetCriteria }
  | { recognisedTier: RecognisedTier }
  | { contribution: ContributionCondition }
  | { precondition: Precondition }
  | { unitClass: UnitClassCondition }
  | { targetAttained: TargetAttained }
  | { notAwarded: NotAwarded };
export type Rule = { all: Rule[] } | { any: Rule[] } | Condition;

/** A fault in a rule, with the path to it ("rule.all[1].newlyMetCriteria.min"). */
export class RuleError extends Error {
  constructor(
    readonly path: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${path}: ${en}`);
    this.name = 'RuleError';
  }
}

const CRITERIA = { min: 1, max: 19 };
const YEARS = { min: 2000, max: 2100 };
const MAX_VND = 1e15;
const MAX_DEPTH = 6;
/** A plan's standard states a handful of conditions; 200 leaves room and bounds evaluation. */
export const MAX_CONDITIONS = 200;
const TIERS: Tier[] = ['NTM', 'ADVANCED', 'MODEL', 'NTM_TASKS_COMPLETED'];
const KINDS: ContributionKindCode[] = ['MONEY', 'LAND', 'LABOUR', 'ASSETS'];
const OCCASIONS: Occasion[] = ['ANNUAL', 'MID_TERM_REVIEW', 'FINAL_REVIEW'];
const CLASSES = Object.values(UnitClass) as string[];

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function fields(value: unknown, path: string, required: string[], optional: string[] = []): Record<string, unknown> {
  if (!isObject(value)) throw new RuleError(path, 'phải là một đối tượng', 'must be an object');
  const unknown = Object.keys(value).filter((k) => !required.includes(k) && !optional.includes(k));
  if (unknown.length) {
    throw new RuleError(
      `${path}.${unknown[0]}`,
      `trường không được hỗ trợ "${unknown[0]}" (cho phép: ${[...required, ...optional].join(', ')})`,
      `unknown field "${unknown[0]}" (allowed: ${[...required, ...optional].join(', ')})`,
    );
  }
  for (const key of required)
    if (value[key] === undefined || value[key] === null) throw new RuleError(`${path}.${key}`, 'bắt buộc', 'is required');
  return value;
}

function int(value: unknown, path: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new RuleError(path, `phải là số nguyên từ ${min} đến ${max}`, `must be an integer from ${min} to ${max}`);
  }
  return value as number;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new RuleError(path, `phải là một trong ${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function criteria(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || !value.length)
    throw new RuleError(path, 'phải là danh sách số tiêu chí không rỗng', 'must be a non-empty list of criterion numbers');
  const numbers = value.map((n, i) => int(n, `${path}[${i}]`, CRITERIA.min, CRITERIA.max));
  if (new Set(numbers).size !== numbers.length) throw new RuleError(path, 'có số tiêu chí lặp lại', 'repeats a criterion');
  return numbers;
}

function date(value: unknown, path: string): string {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new RuleError(path, 'phải là ngày YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  }
  int(Number(value.slice(0, 4)), path, YEARS.min, YEARS.max);
  return value;
}

function list<T extends string>(value: unknown, path: string, allowed: readonly T[]): T[] {
  if (!Array.isArray(value) || !value.length) throw new RuleError(path, 'phải là danh sách không rỗng', 'must be a non-empty list');
  const items = value.map((v, i) => oneOf(v, `${path}[${i}]`, allowed));
  if (new Set(items).size !== items.length) throw new RuleError(path, 'có giá trị lặp lại', 'repeats a value');
  return items;
}

function classMap(value: unknown, path: string, min: number, max: number): ClassMap {
  if (!isObject(value) || !Object.keys(value).length)
    throw new RuleError(path, 'phải là bảng loại đơn vị → ngưỡng, không rỗng', 'must be a non-empty map of unit class → threshold');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [oneOf(k, `${path}.${k}`, CLASSES), int(v, `${path}.${k}`, min, max)]));
}

function newlyMet(value: unknown, path: string): NewlyMetCriteria {
  const raw = fields(value, path, ['baseYear', 'min'], ['includeAny', 'includeAll', 'byClass', 'ifAwardedAt', 'until']);
  const rule: NewlyMetCriteria = {
    baseYear: int(raw.baseYear, `${path}.baseYear`, YEARS.min, YEARS.max),
    min: int(raw.min, `${path}.min`, 0, CRITERIA.max),
  };
  if (raw.includeAny != null && raw.includeAll != null)
    throw new RuleError(path, 'chỉ dùng một trong includeAny, includeAll', 'use includeAny or includeAll, not both');
  if (raw.includeAny != null) rule.includeAny = criteria(raw.includeAny, `${path}.includeAny`);
  if (raw.includeAll != null) rule.includeAll = criteria(raw.includeAll, `${path}.includeAll`);
  if (raw.byClass != null) rule.byClass = classMap(raw.byClass, `${path}.byClass`, 0, CRITERIA.max);
  if (raw.ifAwardedAt != null) {
    const at = fields(raw.ifAwardedAt, `${path}.ifAwardedAt`, ['occasion', 'year', 'min', 'countSince']);
    rule.ifAwardedAt = {
      occasion: oneOf(at.occasion, `${path}.ifAwardedAt.occasion`, OCCASIONS),
      year: int(at.year, `${path}.ifAwardedAt.year`, YEARS.min, YEARS.max),
      min: int(at.min, `${path}.ifAwardedAt.min`, 0, CRITERIA.max),
      countSince: int(at.countSince, `${path}.ifAwardedAt.countSince`, YEARS.min, YEARS.max),
    };
  }
  if (raw.until != null) rule.until = date(raw.until, `${path}.until`);
  return rule;
}

function recognised(value: unknown, path: string): RecognisedTier {
  const raw = fields(value, path, ['tier', 'inYear']);
  const inYear =
    typeof raw.inYear === 'number'
      ? int(raw.inYear, `${path}.inYear`, YEARS.min, YEARS.max)
      : oneOf(raw.inYear, `${path}.inYear`, ['OCCASION', 'PERIOD'] as const);
  return { tier: oneOf(raw.tier, `${path}.tier`, TIERS), inYear };
}

function contribution(value: unknown, path: string): ContributionCondition {
  const raw = fields(value, path, ['scope', 'minVnd'], ['byClass', 'ownMinVnd', 'byClassOwnMinVnd', 'kinds', 'ownKinds', 'until']);
  const rule: ContributionCondition = {
    scope: oneOf(raw.scope, `${path}.scope`, ['OWN', 'MOBILISED'] as const),
    minVnd: int(raw.minVnd, `${path}.minVnd`, 0, MAX_VND),
  };
  if (raw.byClass != null) rule.byClass = classMap(raw.byClass, `${path}.byClass`, 0, MAX_VND);
  if (rule.scope === 'OWN' && (raw.ownMinVnd != null || raw.byClassOwnMinVnd != null || raw.ownKinds != null)) {
    throw new RuleError(
      `${path}.${raw.ownKinds != null ? 'ownKinds' : 'ownMinVnd'}`,
      'chỉ dùng với phạm vi MOBILISED',
      'only for scope MOBILISED',
    );
  }
  if (raw.kinds != null) rule.kinds = list(raw.kinds, `${path}.kinds`, KINDS);
  if (raw.ownKinds != null) rule.ownKinds = list(raw.ownKinds, `${path}.ownKinds`, KINDS);
  if (raw.until != null) rule.until = date(raw.until, `${path}.until`);
  if (raw.ownMinVnd != null) rule.ownMinVnd = int(raw.ownMinVnd, `${path}.ownMinVnd`, 0, MAX_VND);
  if (raw.byClassOwnMinVnd != null) rule.byClassOwnMinVnd = classMap(raw.byClassOwnMinVnd, `${path}.byClassOwnMinVnd`, 0, MAX_VND);
  return rule;
}

function precondition(value: unknown, path: string): Precondition {
  const raw = fields(value, path, ['key', 'label']);
  if (typeof raw.key !== 'string' || !/^[A-Z][A-Z0-9_]{0,59}$/.test(raw.key)) {
    throw new RuleError(
      `${path}.key`,
      'phải là mã IN_HOA_GẠCH_DƯỚI, ví dụ NO_CAPITAL_CONSTRUCTION_DEBT',
      'must be an UPPER_SNAKE code, e.g. NO_CAPITAL_CONSTRUCTION_DEBT',
    );
  }
  if (typeof raw.label !== 'string' || !raw.label.trim()) throw new RuleError(`${path}.label`, 'không được để trống', 'must not be empty');
  return { key: raw.key, label: raw.label.trim() };
}

function unitClass(value: unknown, path: string): UnitClassCondition {
  const raw = fields(value, path, ['anyOf']);
  return { anyOf: list(raw.anyOf, `${path}.anyOf`, CLASSES) as UnitClass[] };
}

function targetAttained(value: unknown, path: string): TargetAttained {
  const raw = fields(value, path, ['metric']);
  if (typeof raw.metric !== 'string' || !/^[A-Z][A-Z0-9_]{0,59}$/.test(raw.metric)) {
    throw new RuleError(`${path}.metric`, 'phải là mã chỉ số, ví dụ COMMUNES_NTM', 'must be a metric code, e.g. COMMUNES_NTM');
  }
  return { metric: raw.metric };
}

function notAwarded(value: unknown, path: string): NotAwarded {
  const raw = fields(value, path, ['occasion']);
  return { occasion: oneOf(raw.occasion, `${path}.occasion`, OCCASIONS) };
}

const CONDITIONS: Record<string, (value: unknown, path: string) => unknown> = {
  newlyMetCriteria: newlyMet,
  recognisedTier: recognised,
  contribution,
  precondition,
  unitClass,
  targetAttained,
  notAwarded,
};

/** Checks a rule and returns it normalised (only known fields, in the vocabulary's shape). */
export function parseRule(value: unknown, path = 'rule', depth = 0): Rule {
  const rule = parseNode(value, path, depth);
  const count = depth === 0 ? conditionsOf(rule).length : 0;
  if (count > MAX_CONDITIONS)
    throw new RuleError(path, `có ${count} điều kiện, tối đa ${MAX_CONDITIONS}`, `has ${count} conditions, at most ${MAX_CONDITIONS}`);
  return rule;
}

function parseNode(value: unknown, path: string, depth: number): Rule {
  if (depth > MAX_DEPTH) throw new RuleError(path, `lồng quá ${MAX_DEPTH} cấp`, `nested deeper than ${MAX_DEPTH} levels`);
  if (!isObject(value)) throw new RuleError(path, 'phải là một đối tượng', 'must be an object');
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    throw new RuleError(
      path,
      `phải có đúng một trong all, any, ${Object.keys(CONDITIONS).join(', ')}`,
      `must have exactly one of all, any, ${Object.keys(CONDITIONS).join(', ')}`,
    );
  }
  const [key] = keys;
  if (key === 'all' || key === 'any') {
    const items = value[key];
    if (!Array.isArray(items) || !items.length)
      throw new RuleError(`${path}.${key}`, 'phải là danh sách không rỗng', 'must be a non-empty list');
    const parsed = items.map((item, i) => parseNode(item, `${path}.${key}[${i}]`, depth + 1));
    return key === 'all' ? { all: parsed } : { any: parsed };
  }
  const parse = CONDITIONS[key];
  if (!parse) {
    throw new RuleError(
      `${path}.${key}`,
      `loại điều kiện không được hỗ trợ "${key}" (cho phép: all, any, ${Object.keys(CONDITIONS).join(', ')})`,
      `unknown condition kind "${key}" (allowed: all, any, ${Object.keys(CONDITIONS).join(', ')})`,
    );
  }
  return { [key]: parse(value[key], `${path}.${key}`) } as Condition;
}

/** The conditions of a rule, depth first. */
export function conditionsOf(rule: Rule): Condition[] {
  if ('all' in rule) return rule.all.flatMap(conditionsOf);
  if ('any' in rule) return rule.any.flatMap(conditionsOf);
  return [rule];
}

/** The base years a rule counts newly met criteria from (baseYear and countSince). */
export function baseYearsOf(rule: Rule): number[] {
  const years = conditionsOf(rule).flatMap((c) =>
    'newlyMetCriteria' in c
      ? [c.newlyMetCriteria.baseYear, ...(c.newlyMetCriteria.ifAwardedAt ? [c.newlyMetCriteria.ifAwardedAt.countSince] : [])]
      : [],
  );
  return [...new Set(years)].sort();
}

/** The years other than the occasion's whose assessments a rule compares (a newlyMetCriteria window ending earlier). */
export function assessmentYearsOf(rule: Rule, occasionYear: number): number[] {
  const years = conditionsOf(rule).flatMap((c) =>
    'newlyMetCriteria' in c && c.newlyMetCriteria.until ? [Number(c.newlyMetCriteria.until.slice(0, 4))] : [],
  );
  return [...new Set(years.filter((y) => y < occasionYear))].sort();
}

/** Which kinds of facts a rule needs, so eligibility reads only those. */
export function needsOf(rule: Rule) {
  const conditions = conditionsOf(rule);
  return {
    criteria: conditions.some((c) => 'newlyMetCriteria' in c),
    recognition: conditions.some((c) => 'recognisedTier' in c),
    contributions: conditions.some((c) => 'contribution' in c),
    targets: [...new Set(conditions.flatMap((c) => ('targetAttained' in c ? [c.targetAttained.metric] : [])))],
  };
}
