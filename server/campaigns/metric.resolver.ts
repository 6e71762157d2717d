import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { MetricOrderField } from './campaigns.enums.js';
import { Metric } from './metric.entity.js';
import { CreateMetricInput, MetricFilter } from './metric.input.js';
import { MetricService } from './metric.service.js';

export const MetricList = ListType(Metric, 'MetricList', 'Một trang chỉ số — a page of metrics.');

/** The code of the nation unit: the catalogue is the nation's, so only its administrators extend it. */
const NATION_CODE = 'VN';

const MetricSort = SortArgs(MetricOrderField, MetricOrderField.CODE);

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => MetricList, { description: 'Danh mục chỉ số, có phân trang — the metric catalogue, paged.' })
  metrics(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => MetricFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: MetricFilter,
    @Args(() => MetricSort) sort?: SortRequest<MetricOrderField>,
  ) {
    return new MetricService(ctx).list(filter ?? {}, toPage(page), MetricSort.resolve(sort));
  }

  @Query(() => Metric, { nullable: true, description: 'Chỉ số theo mã (null nếu không có) — a metric by code (null if none).' })
  async metric(
    @Arg('code', { description: 'Mã chỉ số — metric code.' }) code: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Metric | null> {
    return (await new MetricService(ctx).byCodes([code]))[0] ?? null;
  }

  @Authorized(Capability.EXTEND_METRICS)
  @Mutation(() => Metric, {
    description:
      'Thêm chỉ số vào danh mục (UNIT_ADMIN cấp quốc gia) — add a metric to the catalogue (UNIT_ADMIN of the nation, or SYSTEM_ADMIN).',
  })
  async createMetric(
    @Arg('input', () => CreateMetricInput, { description: 'Chỉ số mới — the metric.' }) input: CreateMetricInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Metric> {
    ctx.guard.require(Capability.EXTEND_METRICS, await ctx.units.requireByCode(NATION_CODE));
    return ctx.em.transactional((em) => new MetricService(inTransaction(ctx, em)).create(input));
  }
}
