import type { TranslateFunction } from 'react-admin';
/**
 * The rule builder's model: a tree of groups (all / any) and typed conditions, converted from the stored rule JSON
 * (`AwardStandard.rule`, vocabulary of docs/awards.md) and to the API's typed `RuleInput` — nobody types JSON.
 */
export type ClassThreshold = { unitClass: string; value: number | null };
export type Group = { kind: 'all' | 'any'; children: RuleNode[] };
export type NewlyMet = {
  kind: 'newlyMetCriteria';
  baseYear: number | null;
  min: number | null;
  includeMode: 'none' | 'any' | 'all';
  include: number[];
  byClass: ClassThreshold[];
  ifAwarded: boolean;
  ifAwardedAt: { occasion: string; year: number | null; min: number | null; countSince: number | null };
  /** The window's end date, kept as stored. */
  until?: string;
};
export type Recognised = { kind: 'recognisedTier'; tier: string; inYear: 'OCCASION' | 'PERIOD' | 'YEAR'; year: number | null };
export type Contribution = {
  kind: 'contribution';
  scope: 'OWN' | 'MOBILISED';
  minVnd: number | null;
  byClass: ClassThreshold[];
  ownMinVnd: number | null;
  byClassOwnMinVnd: ClassThreshold[];
  /** The API's kinds, ownKinds and until, kept as stored (the builder does not edit them yet). */
  kept?: Json;
};
export type Precondition = { kind: 'precondition'; key: string; label: string };
/** A condition the builder shows and keeps but does not edit (unitClass, targetAttained, notAwarded): saved as it was stored. */
export type Kept = { kind: 'unitClass' | 'targetAttained' | 'notAwarded'; value: Json };
export type RuleNode = Group | NewlyMet | Recognised | Contribution | Precondition | Kept;
export type ConditionKind = Exclude<RuleNode['kind'], 'all' | 'any' | Kept['kind']>;

export const CONDITION_KINDS: ConditionKind[] = ['newlyMetCriteria', 'recognisedTier', 'contribution', 'precondition'];
const KEPT_KINDS: Kept['kind'][] = ['unitClass', 'targetAttained', 'notAwarded'];

export function newNode(kind: Exclude<RuleNode['kind'], Kept['kind']>): RuleNode {
  switch (kind) {
    case 'all':
    case 'any':
      return { kind, children: [] };
    case 'newlyMetCriteria':
      return {
        kind,
        baseYear: 2021,
        min: 4,
        includeMode: 'none',
        include: [],
        byClass: [],
        ifAwarded: false,
        ifAwardedAt: { occasion: 'MID_TERM_REVIEW', year: 2023, min: 2, countSince: 2023 },
      };
    case 'recognisedTier':
      return { kind, tier: 'NTM', inYear: 'OCCASION', year: null };
    case 'contribution':
      return { kind, scope: 'OWN', minVnd: 50_000_000, byClass: [], ownMinVnd: null, byClassOwnMinVnd: [] };
    case 'precondition':
      return { kind, key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng xây dựng cơ bản' };
  }
}

/** A rule as the API stores it: JSON the server checked (parseRule), read here field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored shape is the server's; each field is converted where it is read
export type Json = Record<string, any>;
const classList = (map: Json | undefined): ClassThreshold[] =>
  Object.entries(map ?? {}).map(([unitClass, value]) => ({ unitClass, value: Number(value) }));

/** The stored rule (JSON) as the builder's tree. */
export function fromStored(rule: Json): RuleNode {
  if (Array.isArray(rule.all)) return { kind: 'all', children: rule.all.map(fromStored) };
  if (Array.isArray(rule.any)) return { kind: 'any', children: rule.any.map(fromStored) };
  if (rule.newlyMetCriteria) {
    const c = rule.newlyMetCriteria;
    const base = newNode('newlyMetCriteria') as NewlyMet;
    return {
      ...base,
      baseYear: c.baseYear,
      min: c.min,
      includeMode: c.includeAll ? 'all' : c.includeAny ? 'any' : 'none',
      include: c.includeAll ?? c.includeAny ?? [],
      byClass: classList(c.byClass),
      ifAwarded: !!c.ifAwardedAt,
      ifAwardedAt: c.ifAwardedAt ?? base.ifAwardedAt,
      ...(c.until ? { until: c.until } : {}),
    };
  }
  if (rule.recognisedTier) {
    const c = rule.recognisedTier;
    return typeof c.inYear === 'number'
      ? { kind: 'recognisedTier', tier: c.tier, inYear: 'YEAR', year: c.inYear }
      : { kind: 'recognisedTier', tier: c.tier, inYear: c.inYear, year: null };
  }
  if (rule.contribution) {
    const c = rule.contribution;
    const kept = Object.fromEntries(['kinds', 'ownKinds', 'until'].filter((k) => c[k] != null).map((k) => [k, c[k]]));
    return {
      kind: 'contribution',
      scope: c.scope,
      minVnd: c.minVnd,
      byClass: classList(c.byClass),
      ownMinVnd: c.ownMinVnd ?? null,
      byClassOwnMinVnd: classList(c.byClassOwnMinVnd),
      kept,
    };
  }
  if (rule.precondition) return { kind: 'precondition', key: rule.precondition.key, label: rule.precondition.label };
  const kept = KEPT_KINDS.find((k) => rule[k]);
  if (kept) return { kind: kept, value: rule[kept] };
  return { kind: 'all', children: [] };
}

const classes = (list: ClassThreshold[]) => (list.length ? list.map((c) => ({ unitClass: c.unitClass, value: c.value })) : undefined);

/** The builder's tree as the API's typed `RuleInput` (exactly one field set per node); the API validates it. */
export function toInput(node: RuleNode): Json {
  switch (node.kind) {
    case 'all':
    case 'any':
      return { [node.kind]: node.children.map(toInput) };
    case 'newlyMetCriteria':
      return {
        newlyMetCriteria: {
          baseYear: node.baseYear,
          min: node.min,
          ...(node.includeMode === 'any' && node.include.length ? { includeAny: node.include } : {}),
          ...(node.includeMode === 'all' && node.include.length ? { includeAll: node.include } : {}),
          byClass: classes(node.byClass),
          ifAwardedAt: node.ifAwarded ? node.ifAwardedAt : undefined,
          until: node.until,
        },
      };
    case 'recognisedTier':
      return { recognisedTier: { tier: node.tier, inYear: node.inYear, year: node.inYear === 'YEAR' ? node.year : undefined } };
    case 'contribution':
      return {
        contribution: {
          scope: node.scope,
          minVnd: node.minVnd,
          byClass: classes(node.byClass),
          ...(node.scope === 'MOBILISED'
            ? { ownMinVnd: node.ownMinVnd ?? undefined, byClassOwnMinVnd: classes(node.byClassOwnMinVnd) }
            : {}),
          ...(node.kept?.kinds ? { kinds: node.kept.kinds } : {}),
          ...(node.scope === 'MOBILISED' && node.kept?.ownKinds ? { ownKinds: node.kept.ownKinds } : {}),
          ...(node.kept?.until ? { until: node.kept.until } : {}),
        },
      };
    case 'precondition':
      return { precondition: { key: node.key, label: node.label } };
    default:
      return { [node.kind]: node.value };
  }
}

export interface DescribeContext {
  translate: TranslateFunction;
  vnd: (value: number | null | undefined) => string;
  criterion: (number: number) => string;
}

/** One line in words for a condition (groups are drawn by the caller). */
export function describeCondition(node: Exclude<RuleNode, Group>, { translate: t, vnd, criterion }: DescribeContext): string[] {
  const cls = (list: ClassThreshold[], money: boolean) =>
    list.map((c) =>
      t('awards.rule.text.byClass', { class: t(`enums.AwardUnitClass.${c.unitClass}`), value: money ? vnd(c.value) : c.value }),
    );
  switch (node.kind) {
    case 'newlyMetCriteria':
      return [
        t('awards.rule.text.newlyMet', { baseYear: node.baseYear, min: node.min }),
        ...(node.includeMode !== 'none' && node.include.length
          ? [
              t(`awards.rule.text.${node.includeMode === 'any' ? 'includeAny' : 'includeAll'}`, {
                list: node.include.map(criterion).join(node.includeMode === 'any' ? ' / ' : ', '),
              }),
            ]
          : []),
        ...cls(node.byClass, false),
        ...(node.ifAwarded
          ? [
              t('awards.rule.text.ifAwarded', {
                occasion: t(`enums.AwardOccasion.${node.ifAwardedAt.occasion}`),
                year: node.ifAwardedAt.year,
                min: node.ifAwardedAt.min,
                since: node.ifAwardedAt.countSince,
              }),
            ]
          : []),
      ];
    case 'recognisedTier':
      return [
        t('awards.rule.text.recognised', {
          tier: t(`enums.AwardRuleTier.${node.tier}`),
          when: t(`awards.rule.text.inYear.${node.inYear}`, { year: node.year }),
        }),
      ];
    case 'contribution':
      return node.scope === 'OWN'
        ? [t('awards.rule.text.own', { min: vnd(node.minVnd) }), ...cls(node.byClass, true)]
        : [
            t('awards.rule.text.mobilised', { min: vnd(node.minVnd) }),
            ...cls(node.byClass, true),
            ...(node.ownMinVnd != null ? [t('awards.rule.text.ownShare', { min: vnd(node.ownMinVnd) })] : []),
            ...cls(node.byClassOwnMinVnd, true),
          ];
    case 'precondition':
      return [t('awards.rule.text.precondition', { label: node.label, key: node.key })];
    case 'unitClass':
      return [
        t('awards.rule.text.unitClass', { list: (node.value.anyOf as string[]).map((c) => t(`enums.AwardUnitClass.${c}`)).join(', ') }),
      ];
    case 'targetAttained':
      return [t('awards.rule.text.targetAttained', { metric: node.value.metric })];
    case 'notAwarded':
      return [t('awards.rule.text.notAwarded', { occasion: t(`enums.AwardOccasion.${node.value.occasion}`) })];
  }
}
