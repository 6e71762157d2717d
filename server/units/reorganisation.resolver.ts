import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortDirection, toPage } from '../shared/paging.js';
import { Reorganisation } from './reorganisation.entity.js';
import { RecordReorganisationInput, ReorganisationFilter, WithdrawReorganisationInput } from './reorganisation.input.js';
import { guardMap } from './map-constraints.js';
import { ReorganisationService } from './reorganisation.service.js';

/** The order of reorganisations when the caller does not say: latest effective date first. */
const DEFAULT_DIRECTION = SortDirection.DESC;

export const ReorganisationList = ListType(
  Reorganisation,
  'ReorganisationList',
  'Một trang sắp xếp đơn vị hành chính — a page of reorganisations.',
);

/** Recorded reorganisations: readable by everyone (the map is public), recorded and withdrawn by system administrators. */
@Resolver(() => Reorganisation)
export class ReorganisationResolver {
  @Query(() => ReorganisationList, {
    description:
      'Các sắp xếp đơn vị hành chính đã ghi nhận, mới nhất trước — recorded reorganisations, latest effective date first by default, paged.',
  })
  reorganisations(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => ReorganisationFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: ReorganisationFilter,
    @Arg('direction', () => SortDirection, {
      nullable: true,
      description: `Theo ngày hiệu lực (mặc định ${DEFAULT_DIRECTION}) — by effective date (default ${DEFAULT_DIRECTION}).`,
    })
    direction?: SortDirection,
  ) {
    return new ReorganisationService(ctx).list(filter ?? {}, toPage(page), direction ?? DEFAULT_DIRECTION);
  }

  @Query(() => Reorganisation, {
    nullable: true,
    description: 'Một sắp xếp theo mã định danh (không có: NOT_FOUND) — one reorganisation by id; unknown id: NOT_FOUND.',
  })
  reorganisation(
    @Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Reorganisation> {
    return new ReorganisationService(ctx).require(id);
  }

  @Authorized(Capability.REORGANISE_UNITS)
  @Mutation(() => Reorganisation, {
    description:
      'Ghi nhận một sắp xếp đơn vị hành chính có hiệu lực từ một ngày (SYSTEM_ADMIN) — record a dated reorganisation (system administrators).',
  })
  recordReorganisation(
    @Arg('input', () => RecordReorganisationInput, { description: 'Sắp xếp — the reorganisation.' }) input: RecordReorganisationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return guardMap(() =>
      ctx.em.transactional((em) => new ReorganisationService(inTransaction(ctx, em)).record(input, ctx.identity.username!)),
    );
  }

  @Authorized(Capability.REORGANISE_UNITS)
  @Mutation(() => Reorganisation, {
    description:
      'Hủy một sắp xếp trước ngày hiệu lực, khôi phục bản đồ như trước (SYSTEM_ADMIN) — withdraw a reorganisation before it takes effect, restoring the map (system administrators).',
  })
  withdrawReorganisation(
    @Arg('input', () => WithdrawReorganisationInput, { description: 'Hủy — the withdrawal.' }) input: WithdrawReorganisationInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return guardMap(() =>
      ctx.em.transactional((em) => new ReorganisationService(inTransaction(ctx, em)).withdraw(input, ctx.identity.username!)),
    );
  }
}
