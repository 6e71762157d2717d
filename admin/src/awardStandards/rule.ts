/**
 * The rule builder's model: a tree of groups (all / any) and typed conditions, converted from the stored rule JSON
 * (`AwardStandard.rule`, vocabulary of docs/awards.md) and to the API's typed `RuleInput` — nobody types JSON.
 */
export type ClassThreshold = { unitClass: string; value: number | null };
export type Group = { kind: 'all' | 'any'; children: RuleNode[] };
export type NewlyMet = {
  kind: 'newlyMetCriteria'; baseYear: number | null; min: number | null; includeMode: 'none' | 'any' | 'all'; include: number[];
  byClass: ClassThreshold[]; ifAwarded: boolean; ifAwardedAt: { occasion: string; year: number | null; min: number | null; countSince: number | null };
};
export type Recognised = { kind: 'recognisedTier'; tier: string; inYear: 'OCCASION' | 'PERIOD' | 'YEAR'; year: number | null };
export type Contribution = { kind: 'contribution'; scope: 'OWN' | 'MOBILISED'; minVnd: number | null; byClass: ClassThreshold[]; ownMinVnd: number | null; byClassOwnMinVnd: ClassThreshold[] };
export type Precondition = { kind: 'precondition'; key: string; label: string };
export type RuleNode = Group | NewlyMet | Recognised | Contribution | Precondition;
export type ConditionKind = Exclude<RuleNode['kind'], 'all' | 'any'>;

export const CONDITION_KINDS: ConditionKind[] = ['newlyMetCriteria', 'recognisedTier', 'contribution', 'precondition'];

export function newNode(kind: RuleNode['kind']): RuleNode {
  switch (kind) {
    case 'all': case 'any': return { kind, children: [] };
    case 'newlyMetCriteria': return { kind, baseYear: 2021, min: 4, includeMode: 'none', include: [], byClass: [], ifAwarded: false, ifAwardedAt: { occasion: 'MID_TERM_REVIEW', year: 2023, min: 2, countSince: 2023 } };
    case 'recognisedTier': return { kind, tier: 'NTM', inYear: 'OCCASION', year: null };
    case 'contribution': return { kind, scope: 'OWN', minVnd: 50_000_000, byClass: [], ownMinVnd: null, byClassOwnMinVnd: [] };
    case 'precondition': return { kind, key: 'NO_CAPITAL_CONSTRUCTION_DEBT', label: 'Không nợ đọng xây dựng cơ bản' };
  }
}

type Json = Record<string, any>;
const classList = (map: Json | undefined): ClassThreshold[] => Object.entries(map ?? {}).map(([unitClass, value]) => ({ unitClass, value: Number(value) }));

/** The stored rule (JSON) as the builder's tree. */
export function fromStored(rule: Json): RuleNode {
  if (Array.isArray(rule.all)) return { kind: 'all', children: rule.all.map(fromStored) };
  if (Array.isArray(rule.any)) return { kind: 'any', children: rule.any.map(fromStored) };
  if (rule.newlyMetCriteria) {
    const c = rule.newlyMetCriteria;
    const base = newNode('newlyMetCriteria') as NewlyMet;
    return {
      ...base, baseYear: c.baseYear, min: c.min, includeMode: c.includeAll ? 'all' : c.includeAny ? 'any' : 'none', include: c.includeAll ?? c.includeAny ?? [],
      byClass: classList(c.byClass), ifAwarded: !!c.ifAwardedAt, ifAwardedAt: c.ifAwardedAt ?? base.ifAwardedAt,
    };
  }
  if (rule.recognisedTier) {
    const c = rule.recognisedTier;
    return typeof c.inYear === 'number' ? { kind: 'recognisedTier', tier: c.tier, inYear: 'YEAR', year: c.inYear } : { kind: 'recognisedTier', tier: c.tier, inYear: c.inYear, year: null };
  }
  if (rule.contribution) {
    const c = rule.contribution;
    return { kind: 'contribution', scope: c.scope, minVnd: c.minVnd, byClass: classList(c.byClass), ownMinVnd: c.ownMinVnd ?? null, byClassOwnMinVnd: classList(c.byClassOwnMinVnd) };
  }
  if (rule.precondition) return { kind: 'precondition', key: rule.precondition.key, label: rule.precondition.label };
  return { kind: 'all', children: [] };
}

const classes = (list: ClassThreshold[]) => (list.length ? list.map((c) => ({ unitClass: c.unitClass, value: c.value })) : undefined);

/** The builder's tree as the API's typed `RuleInput` (exactly one field set per node); the API validates it. */
export function toInput(node: RuleNode): Json {
  switch (node.kind) {
    case 'all': case 'any': return { [node.kind]: node.children.map(toInput) };
    case 'newlyMetCriteria': return {
      newlyMetCriteria: {
        baseYear: node.baseYear, min: node.min,
        ...(node.includeMode === 'any' && node.include.length ? { includeAny: node.include } : {}),
        ...(node.includeMode === 'all' && node.include.length ? { includeAll: node.include } : {}),
        byClass: classes(node.byClass),
        ifAwardedAt: node.ifAwarded ? node.ifAwardedAt : undefined,
      },
    };
    case 'recognisedTier': return { recognisedTier: { tier: node.tier, inYear: node.inYear, year: node.inYear === 'YEAR' ? node.year : undefined } };
    case 'contribution': return {
      contribution: {
        scope: node.scope, minVnd: node.minVnd, byClass: classes(node.byClass),
        ...(node.scope === 'MOBILISED' ? { ownMinVnd: node.ownMinVnd ?? undefined, byClassOwnMinVnd: classes(node.byClassOwnMinVnd) } : {}),
      },
    };
    case 'precondition': return { precondition: { key: node.key, label: node.label } };
  }
}

export interface DescribeContext {
  translate: (key: string, options?: any) => string;
  vnd: (value: number | null | undefined) => string;
  criterion: (number: number) => string;
}

/** One line in words for a condition (groups are drawn by the caller). */
export function describeCondition(node: Exclude<RuleNode, Group>, { translate: t, vnd, criterion }: DescribeContext): string[] {
  const cls = (list: ClassThreshold[], money: boolean) => list.map((c) => t('awards.rule.text.byClass', { class: t(`enums.AwardUnitClass.${c.unitClass}`), value: money ? vnd(c.value) : c.value }));
  switch (node.kind) {
    case 'newlyMetCriteria': return [
      t('awards.rule.text.newlyMet', { baseYear: node.baseYear, min: node.min }),
      ...(node.includeMode !== 'none' && node.include.length ? [t(`awards.rule.text.${node.includeMode === 'any' ? 'includeAny' : 'includeAll'}`, { list: node.include.map(criterion).join(node.includeMode === 'any' ? ' / ' : ', ') })] : []),
      ...cls(node.byClass, false),
      ...(node.ifAwarded ? [t('awards.rule.text.ifAwarded', { occasion: t(`enums.AwardOccasion.${node.ifAwardedAt.occasion}`), year: node.ifAwardedAt.year, min: node.ifAwardedAt.min, since: node.ifAwardedAt.countSince })] : []),
    ];
    case 'recognisedTier': return [t('awards.rule.text.recognised', { tier: t(`enums.AwardRuleTier.${node.tier}`), when: t(`awards.rule.text.inYear.${node.inYear}`, { year: node.year }) })];
    case 'contribution': return node.scope === 'OWN'
      ? [t('awards.rule.text.own', { min: vnd(node.minVnd) }), ...cls(node.byClass, true)]
      : [t('awards.rule.text.mobilised', { min: vnd(node.minVnd) }), ...cls(node.byClass, true), ...(node.ownMinVnd != null ? [t('awards.rule.text.ownShare', { min: vnd(node.ownMinVnd) })] : []), ...cls(node.byClassOwnMinVnd, true)];
    case 'precondition': return [t('awards.rule.text.precondition', { label: node.label, key: node.key })];
  }
}
