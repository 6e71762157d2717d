import { Service } from '../shared/service.js';
import { bilingual } from '../shared/errors.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import type { Campaign } from './campaign.entity.js';
import { TargetValueUnit, ConsistencyWarningKind } from './campaigns.enums.js';
import { COMPARATOR_SYMBOL, effectiveYear, isStrictlyBelow, satisfies } from '../shared/domain/index.js';
import { isWeaker, type Period } from './campaign.validation.js';
import { CampaignService } from './campaign.service.js';
import { CampaignConsistency, ConsistencyWarning, TargetRollup, WeakerTarget } from './consistency.types.js';
import { planContradictions } from './plan-contradictions.js';
import type { Target } from './target.entity.js';
import { TargetService } from './target.service.js';

const format = (n: number) => String(Math.round(n * 10) / 10);
const sumOrNull = (values: (number | null | undefined)[]) =>
  values.every((v) => v !== null && v !== undefined) ? (values as number[]).reduce((a, b) => a + b, 0) : null;
const targetValue = (t: Target) => t.value ?? t.valueMin ?? null;

/** A target with what the report needs to compare it: its campaign's period and its unit. */
interface Placed {
  target: Target;
  period: Period;
  unit: UnitInfo;
}

/** Whether two targets speak of the same thing: metric, year, increment and class of units. */
const sameMeasure = (a: Placed, b: Placed) =>
  a.target.metric.code === b.target.metric.code &&
  effectiveYear(a.target, a.period) === effectiveYear(b.target, b.period) &&
  a.target.isIncrement === b.target.isIncrement &&
  (a.target.unitClass ?? null) === (b.target.unitClass ?? null);

/**
 * The consistency report of a campaign: each target against the sum of the targets for the units below it (the
 * campaign's own per-sub-unit targets first, its child campaigns' for units it sets none for), and each child
 * campaign target that is weaker than the parent's for the same unit, metric and year.
 */
export class ConsistencyService extends Service {
  private readonly units = this.ctx.units;

  async report(campaignId: string): Promise<CampaignConsistency> {
    const campaigns = new CampaignService(this.ctx);
    const targets = new TargetService(this.ctx);
    const campaign = await campaigns.require(campaignId);
    const children = await campaigns.childrenOf([campaign.id]);
    const own = await this.place(await targets.byCampaigns([campaign.id]), new Map([[campaign.id, campaign]]));
    const fromChildren = await this.place(await targets.byCampaigns(children.map((c) => c.id)), new Map(children.map((c) => [c.id, c])));
    return Object.assign(new CampaignConsistency(), {
      campaign,
      rollups: own.map((t) => this.rollup(t, own, fromChildren)).filter((r): r is TargetRollup => r !== null),
      weakerTargets: fromChildren.flatMap((child) =>
        own
          .filter((parent) => parent.unit.id === child.unit.id && sameMeasure(parent, child) && isWeaker(parent.target, child.target))
          .map((parent) =>
            Object.assign(new WeakerTarget(), {
              parentTarget: parent.target,
              childTarget: child.target,
              message: bilingual(
                `${child.unit.name}, ${child.target.metric.code} năm ${effectiveYear(child.target, child.period)}: chỉ tiêu cấp dưới ${this.describe(child.target)} thấp hơn cấp trên ${this.describe(parent.target)}`,
                `${child.unit.name}, ${child.target.metric.code} in ${effectiveYear(child.target, child.period)}: the child target ${this.describe(child.target)} asks less than the parent's ${this.describe(parent.target)}`,
              ),
            }),
          ),
      ),
      warnings: planContradictions(
        own.map((p) => ({
          target: p.target,
          unitId: p.unit.id,
          unitName: p.unit.name,
          metric: p.target.metric.code,
          year: effectiveYear(p.target, p.period),
          comparator: p.target.comparator,
          valueUnit: p.target.valueUnit,
          value: targetValue(p.target),
          numerator: p.target.numerator ?? null,
          denominator: p.target.denominator ?? null,
          denominatorBasis: p.target.denominatorBasis ?? null,
          unitClass: p.target.unitClass ?? null,
          isIncrement: p.target.isIncrement,
          incrementOver: p.target.incrementOver ?? null,
          source: p.target.source ?? null,
        })),
      ).map((c) => Object.assign(new ConsistencyWarning(), { ...c, kind: ConsistencyWarningKind[c.kind] })),
    });
  }

  private async place(targets: Target[], campaigns: Map<number, Campaign>): Promise<Placed[]> {
    const units = await this.units.byIds([...new Set(targets.map((t) => t.unitId))]);
    const byId = new Map(units.filter((u): u is UnitInfo => u !== null).map((u) => [u.id, u]));
    return targets
      .filter((t) => byId.has(t.unitId))
      .map((target) => ({ target, period: campaigns.get(target.campaign.id)!, unit: byId.get(target.unitId)! }));
  }

  private describe(t: Target): string {
    if (t.status) return `${COMPARATOR_SYMBOL[t.comparator]} ${t.status}`;
    const value = t.value !== null && t.value !== undefined ? format(t.value) : `${format(t.valueMin!)}–${format(t.valueMax!)}`;
    const fraction = t.numerator !== null && t.numerator !== undefined && t.denominator ? ` (${t.numerator}/${t.denominator})` : '';
    return `${COMPARATOR_SYMBOL[t.comparator]} ${value}${t.valueUnit === TargetValueUnit.PERCENT ? ' %' : ''}${fraction}`;
  }

  /** One part per sub-unit (a count before a share), dropping sub-units nested in another part's. */
  private parts(whole: Placed, candidates: Placed[]): Placed[] {
    const perUnit = new Map<number, Placed>();
    for (const c of candidates) {
      const held = perUnit.get(c.unit.id);
      if (!held || (held.target.valueUnit !== TargetValueUnit.COUNT && c.target.valueUnit === TargetValueUnit.COUNT))
        perUnit.set(c.unit.id, c);
    }
    const chosen = [...perUnit.values()];
    return chosen.filter((p) => isStrictlyBelow(p.unit, whole.unit) && !chosen.some((q) => isStrictlyBelow(p.unit, q.unit)));
  }

  private rollup(whole: Placed, own: Placed[], fromChildren: Placed[]): TargetRollup | null {
    if (whole.target.status) return null;
    const below = (p: Placed) =>
      p !== whole && isStrictlyBelow(p.unit, whole.unit) && effectiveYear(p.target, p.period) === effectiveYear(whole.target, whole.period);
    const matches = (p: Placed) => below(p) && sameMeasure(whole, p);
    const ownParts = own.filter(matches);
    const covered = new Set(ownParts.map((p) => p.unit.id));
    const parts = this.parts(whole, [...ownParts, ...fromChildren.filter((p) => matches(p) && !covered.has(p.unit.id))]);
    if (!parts.length) return null;
    const counts = parts.every((p) => p.target.valueUnit === TargetValueUnit.COUNT);
    const partsValue = counts ? sumOrNull(parts.map((p) => targetValue(p.target))) : null;
    const partsNumerator = sumOrNull(parts.map((p) => p.target.numerator));
    // A share is of every sub-unit, including those with no target for this metric (Khánh Sơn sets no advanced
    // commune): their denominators come from any target of theirs for the same year on the same basis.
    const basis = parts[0].target.denominatorBasis ?? null;
    const denominators = new Map<number, Placed>();
    for (const p of [...own, ...fromChildren]) {
      if (
        below(p) &&
        p.target.denominator !== null &&
        p.target.denominator !== undefined &&
        (p.target.denominatorBasis ?? null) === basis &&
        !denominators.has(p.unit.id)
      )
        denominators.set(p.unit.id, p);
    }
    const bases = [...denominators.values()].filter((p, _, all) => !all.some((q) => isStrictlyBelow(p.unit, q.unit)));
    const partsDenominator = parts.every((p) => denominators.has(p.unit.id)) ? sumOrNull(bases.map((p) => p.target.denominator)) : null;
    const partsShare = partsNumerator !== null && partsDenominator ? (100 * partsNumerator) / partsDenominator : null;
    const bound = targetValue(whole.target);
    const sameBasis = parts.every((p) => (p.target.denominatorBasis ?? null) === (whole.target.denominatorBasis ?? null));
    let consistent: boolean | null = null;
    let actual = '';
    if (whole.target.valueUnit === TargetValueUnit.PERCENT && partsShare !== null && bound !== null && sameBasis) {
      consistent = satisfies(partsShare, whole.target.comparator, bound);
      actual = `${partsNumerator}/${partsDenominator} (${format(partsShare)} %)`;
    } else if (whole.target.valueUnit === TargetValueUnit.COUNT && partsValue !== null && bound !== null) {
      consistent = satisfies(partsValue, whole.target.comparator, bound);
      actual = format(partsValue);
    }
    const verdict =
      consistent === null
        ? ['không so sánh được (khác đơn vị, mẫu số hoặc thiếu số liệu)', 'cannot be compared (other terms or basis, or missing figures)']
        : consistent
          ? ['đạt', 'meets']
          : ['không đạt', 'falls short of'];
    return Object.assign(new TargetRollup(), {
      target: whole.target,
      parts: parts.map((p) => p.target),
      partsValue,
      partsNumerator,
      partsDenominator,
      partsShare,
      consistent,
      message: bilingual(
        `${whole.unit.name}, ${whole.target.metric.code} năm ${effectiveYear(whole.target, whole.period)}: ${parts.length} đơn vị cấp dưới cộng lại ${actual || '—'}, ${verdict[0]} chỉ tiêu ${this.describe(whole.target)}`,
        `${whole.unit.name}, ${whole.target.metric.code} in ${effectiveYear(whole.target, whole.period)}: ${parts.length} sub-units sum to ${actual || '—'}, which ${verdict[1]} the target ${this.describe(whole.target)}`,
      ),
    });
  }
}
