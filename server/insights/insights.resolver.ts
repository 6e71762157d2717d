import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { mapLoader } from '../shared/loaders.js';
import { DateScalar, today } from '../shared/scalars.js';
import { InsightsService } from './insights.service.js';
import { Comparison, InsightMetric, ProgressPoint } from './insights.types.js';
import { UnitRef, unitRef } from './insights.reference.js';
import { CompareInput } from './insights.input.js';

@Resolver()
export class InsightsResolver {
  @Query(() => [InsightMetric], { description: 'Các chỉ số so sánh được — the metrics insights computes, with how each aggregates.' })
  insightMetrics(@Ctx() ctx: SubgraphContext): InsightMetric[] {
    return new InsightsService(ctx).metrics();
  }

  @Query(() => Comparison, {
    description:
      'So sánh các đơn vị theo chỉ số trong một năm: thực hiện, chỉ tiêu, chênh lệch, xếp hạng — compare units on metrics for a year.',
  })
  compare(
    @Arg('input', () => CompareInput, { description: 'Đơn vị, chỉ số, năm — units, metrics and year.' }) input: CompareInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Comparison> {
    return new InsightsService(ctx).compare(input);
  }

  @Query(() => [ProgressPoint], {
    description:
      "Tiến độ một chỉ số của một đơn vị qua các năm, bên cạnh chỉ tiêu từng năm — a unit's metric over years beside the yearly targets.",
  })
  progress(
    @Arg('unitCode', { description: 'Mã đơn vị — unit code.' }) unitCode: string,
    @Arg('metric', { description: 'Mã chỉ số — metric code.' }) metric: string,
    @Arg('fromYear', () => Int, { description: 'Từ năm — first year.' }) fromYear: number,
    @Arg('toYear', () => Int, { description: 'Đến năm — last year.' }) toYear: number,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Ngày đọc mã đơn vị (mặc định hôm nay) — the date the code is read at (default today).',
    })
    asOf?: string,
  ): Promise<ProgressPoint[]> {
    return new InsightsService(ctx).progress(unitCode, metric, fromYear, toYear, asOf);
  }
}

/** Sub-units of a unit from the insights read model, batched per request and level. */
const subunitsOf = (ctx: SubgraphContext, asOf: string) =>
  mapLoader<number, number[]>(
    ctx,
    `subunits:${asOf}`,
    (ids) => new InsightsService(ctx).subunits(ids, asOf),
    () => [],
  );

@Resolver(() => UnitRef)
export class UnitInsightsResolver {
  @FieldResolver(() => [UnitRef], {
    description: 'Đơn vị trực thuộc hiệu lực ngày asOf (mặc định hôm nay) — direct sub-units valid on asOf (default today).',
  })
  async subunits(
    @Root() unit: UnitRef,
    @Ctx() ctx: SubgraphContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày — the date.' }) asOf?: string,
  ): Promise<UnitRef[]> {
    return (await subunitsOf(ctx, asOf ?? today()).load(Number(unit.id))).map(unitRef);
  }
}
