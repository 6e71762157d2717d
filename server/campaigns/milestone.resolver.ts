import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { EXPECTED_VERSION } from './campaign.input.js';
import { Milestone } from './milestone.entity.js';
import { CreateMilestoneInput, UpdateMilestoneInput } from './milestone.input.js';
import { MilestoneService } from './milestone.service.js';

@Resolver(() => Milestone)
export class MilestoneResolver {
  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Milestone, {
    description: "Thêm mốc (UNIT_ADMIN của đơn vị ban hành phong trào) — add a milestone (UNIT_ADMIN of the campaign's issuer).",
  })
  createMilestone(
    @Arg('input', () => CreateMilestoneInput, { description: 'Mốc mới — the milestone.' }) input: CreateMilestoneInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Milestone> {
    return ctx.em.transactional((em) => new MilestoneService(inTransaction(ctx, em)).create(input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Milestone, { description: "Sửa mốc — update a milestone (UNIT_ADMIN of the campaign's issuer)." })
  updateMilestone(
    @Arg('id', () => ID, { description: 'Mã mốc — milestone id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('input', () => UpdateMilestoneInput, { description: 'Các trường cần sửa — the fields to change.' }) input: UpdateMilestoneInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Milestone> {
    return ctx.em.transactional((em) => new MilestoneService(inTransaction(ctx, em)).update(id, expectedVersion, input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Boolean, { description: "Xóa mốc — delete a milestone (UNIT_ADMIN of the campaign's issuer)." })
  deleteMilestone(
    @Arg('id', () => ID, { description: 'Mã mốc — milestone id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return ctx.em.transactional((em) => new MilestoneService(inTransaction(ctx, em)).delete(id, expectedVersion));
  }
}
