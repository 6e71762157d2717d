import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { TargetOrderField } from './campaigns.enums.js';
import { EXPECTED_VERSION } from './campaign.input.js';
import { Target } from './target.entity.js';
import { CreateTargetInput, TargetFilter, UpdateTargetInput } from './target.input.js';
import { TargetService } from './target.service.js';

export const TargetList = ListType(Target, 'TargetList', 'Một trang chỉ tiêu — a page of targets.');

const TargetSort = SortArgs(TargetOrderField, TargetOrderField.CREATED);

@Resolver(() => Target)
export class TargetResolver {
  @Query(() => TargetList, {
    description: 'Chỉ tiêu của mọi phong trào theo bộ lọc, có phân trang — targets of all campaigns matching a filter, paged.',
  })
  targets(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => TargetFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: TargetFilter,
    @Args(() => TargetSort) sort?: SortRequest<TargetOrderField>,
  ) {
    return new TargetService(ctx).list(filter ?? {}, toPage(page), TargetSort.resolve(sort));
  }

  @Query(() => Target, {
    nullable: true,
    description: 'Chỉ tiêu theo mã định danh; không có: NOT_FOUND — a target by id; unknown id: NOT_FOUND.',
  })
  target(@Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Target> {
    return new TargetService(ctx).require(id);
  }

  @Query(() => String, {
    description:
      "Phiên bản của các chỉ tiêu: đổi mỗi khi chỉ tiêu (hoặc phong trào) được thêm, sửa, xóa — the targets' revision: changes with every committed insert, update or delete of a target (or campaign); cache the targets under it.",
  })
  targetsRevision(@Ctx() ctx: SubgraphContext): Promise<string> {
    return new TargetService(ctx).revision();
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Target, {
    description: "Thêm chỉ tiêu (UNIT_ADMIN của đơn vị ban hành phong trào) — add a target (UNIT_ADMIN of the campaign's issuer).",
  })
  createTarget(
    @Arg('input', () => CreateTargetInput, { description: 'Chỉ tiêu mới — the target.' }) input: CreateTargetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Target> {
    return ctx.em.transactional((em) => new TargetService(inTransaction(ctx, em)).create(input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Target, { description: "Sửa chỉ tiêu — update a target (UNIT_ADMIN of the campaign's issuer)." })
  updateTarget(
    @Arg('id', () => ID, { description: 'Mã chỉ tiêu — target id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('input', () => UpdateTargetInput, { description: 'Các trường cần sửa — the fields to change.' }) input: UpdateTargetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Target> {
    return ctx.em.transactional((em) => new TargetService(inTransaction(ctx, em)).update(id, expectedVersion, input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Boolean, { description: "Xóa chỉ tiêu — delete a target (UNIT_ADMIN of the campaign's issuer)." })
  deleteTarget(
    @Arg('id', () => ID, { description: 'Mã chỉ tiêu — target id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return ctx.em.transactional((em) => new TargetService(inTransaction(ctx, em)).delete(id, expectedVersion));
  }
}
