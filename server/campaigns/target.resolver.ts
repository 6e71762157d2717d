import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { EXPECTED_VERSION, unitAdminGuard } from './campaign.guard.js';
import { Target } from './target.entity.js';
import { CreateTargetInput, UpdateTargetInput } from './target.input.js';
import { TargetService } from './target.service.js';

@Resolver(() => Target)
export class TargetResolver {
  @Query(() => String, { description: 'Phiên bản của các chỉ tiêu: đổi mỗi khi chỉ tiêu (hoặc phong trào) được thêm, sửa, xóa — the targets\' revision: changes with every committed insert, update or delete of a target (or campaign); cache the targets under it.' })
  targetsRevision(@Ctx() ctx: SubgraphContext): Promise<string> {
    return new TargetService(ctx.em, ctx.units).revision();
  }

  @Mutation(() => Target, { description: 'Thêm chỉ tiêu (UNIT_ADMIN của đơn vị ban hành phong trào) — add a target (UNIT_ADMIN of the campaign\'s issuer).' })
  createTarget(@Arg('input', () => CreateTargetInput, { description: 'Chỉ tiêu mới — the target.' }) input: CreateTargetInput, @Ctx() ctx: SubgraphContext): Promise<Target> {
    const guard = unitAdminGuard(ctx);
    return ctx.em.transactional((em) => new TargetService(em, ctx.units).create(input, guard));
  }

  @Mutation(() => Target, { description: 'Sửa chỉ tiêu — update a target (UNIT_ADMIN of the campaign\'s issuer).' })
  updateTarget(
    @Arg('id', () => ID, { description: 'Mã chỉ tiêu — target id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('input', () => UpdateTargetInput, { description: 'Các trường cần sửa — the fields to change.' }) input: UpdateTargetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Target> {
    const guard = unitAdminGuard(ctx);
    return ctx.em.transactional((em) => new TargetService(em, ctx.units).update(id, expectedVersion, input, guard));
  }

  @Mutation(() => Boolean, { description: 'Xóa chỉ tiêu — delete a target (UNIT_ADMIN of the campaign\'s issuer).' })
  deleteTarget(
    @Arg('id', () => ID, { description: 'Mã chỉ tiêu — target id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const guard = unitAdminGuard(ctx);
    return ctx.em.transactional((em) => new TargetService(em, ctx.units).delete(id, expectedVersion, guard));
  }
}
