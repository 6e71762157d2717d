import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { DateScalar } from '../shared/scalars.js';
import { CriteriaSet, Criterion, Indicator, Threshold } from './criteria-set.entity.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { criteriaOfSet, indicatorsOf, setById, thresholdsOfSet } from './criteria.loaders.js';
import { EffectiveThreshold } from './effective-threshold.types.js';
import { dateInYear, requireUnit } from './unit-lookup.js';
import { UnitRef, unitRef } from './criteria.reference.js';

/** Fields of a criteria set that need more than its row; batched per request. */
@Resolver(() => CriteriaSet)
export class CriteriaSetFieldsResolver {
  @FieldResolver(() => CriteriaSet, {
    nullable: true,
    description: 'Bộ tiêu chí gốc — the set this one derives from (null for a national or root set).',
  })
  parent(@Root() set: CriteriaSet, @Ctx() ctx: SubgraphContext): Promise<CriteriaSet | null> | null {
    return set.parentId ? setById(ctx).load(set.parentId) : null;
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị sở hữu (quốc gia, tỉnh …) — the unit that issued or localised the set.' })
  owner(@Root() set: CriteriaSet): UnitRef {
    return unitRef(set.ownerUnitId);
  }

  @FieldResolver(() => [Criterion], {
    description:
      "Các tiêu chí, theo số thứ tự (bộ dẫn xuất kế thừa của bộ gốc) — the criteria in order (a derived set inherits its root's).",
  })
  criteria(@Root() set: CriteriaSet, @Ctx() ctx: SubgraphContext): Promise<Criterion[]> {
    return criteriaOfSet(ctx).load(set.id);
  }
}

@Resolver(() => Criterion)
export class CriterionFieldsResolver {
  @FieldResolver(() => [Indicator], {
    description: "Các chỉ tiêu, như bộ tiêu chí đang xem thấy — the indicators, as the set viewed shows them (its own and its ancestors').",
  })
  indicators(@Root() criterion: Criterion, @Ctx() ctx: SubgraphContext): Promise<Indicator[]> {
    return indicatorsOf(ctx).load(`${criterion.viewSetId}:${criterion.id}`);
  }
}

@Resolver(() => Indicator)
export class IndicatorFieldsResolver {
  @FieldResolver(() => [Threshold], {
    description: 'Mọi ngưỡng đã đặt, trong bộ đang xem và các bộ gốc — every threshold set for it in the set viewed and its ancestors.',
  })
  async thresholds(@Root() indicator: Indicator, @Ctx() ctx: SubgraphContext): Promise<Threshold[]> {
    return ((await thresholdsOfSet(ctx).load(indicator.viewSetId)).get(indicator.id) ?? []).map((o) => o.threshold);
  }

  @FieldResolver(() => EffectiveThreshold, {
    description:
      'Ngưỡng hiệu lực cho một đơn vị trong một năm, với chuỗi ứng viên — the threshold for a unit in a year, with the chain of candidates. The code is read at `asOf` (default 30 June); not valid then: BAD_USER_INPUT.',
  })
  async effectiveThreshold(
    @Root() indicator: Indicator,
    @Ctx() ctx: SubgraphContext,
    @Arg('unitCode', { description: "Mã GSO của đơn vị — the unit's code." }) unitCode: string,
    @Arg('year', () => Int, { description: 'Năm — the year.' }) year: number,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Ngày tra cứu mã, trong năm (mặc định 30/6) — date the code is read at, within the year (default 30 June).',
    })
    asOf?: string,
  ): Promise<EffectiveThreshold> {
    const unit = await requireUnit(ctx, unitCode, dateInYear(year, asOf));
    const owned = (await thresholdsOfSet(ctx).load(indicator.viewSetId)).get(indicator.id) ?? [];
    return EffectiveThreshold.from(new CriteriaSetService(ctx).effective(indicator, owned, unit, year));
  }
}

@Resolver(() => Threshold)
export class ThresholdFieldsResolver {
  @FieldResolver(() => UnitRef, { description: "Đơn vị sở hữu — the unit it applies to (with its subtree), usually the set's owner." })
  owner(@Root() threshold: Threshold): UnitRef {
    return unitRef(threshold.ownerUnitId);
  }

  @FieldResolver(() => CriteriaSet, { description: 'Bộ tiêu chí đặt ngưỡng này — the set in which it was set.' })
  async criteriaSet(@Root() threshold: Threshold, @Ctx() ctx: SubgraphContext): Promise<CriteriaSet> {
    return (await setById(ctx).load(threshold.setId))!;
  }
}
