import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { Campaign } from './campaign.entity.js';
import { CampaignOrderField } from './campaigns.enums.js';
import { EXPECTED_VERSION, CampaignFilter, CreateCampaignInput, DeriveCampaignInput, UpdateCampaignInput } from './campaign.input.js';
import { CampaignService } from './campaign.service.js';
import { ConsistencyService } from './consistency.service.js';
import { CampaignConsistency } from './consistency.types.js';

export const CampaignList = ListType(Campaign, 'CampaignList', 'Một trang phong trào thi đua — a page of campaigns.');

const CampaignSort = SortArgs(CampaignOrderField, CampaignOrderField.CREATED);

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => CampaignList, { description: 'Danh sách phong trào theo bộ lọc, có phân trang — campaigns matching a filter, paged.' })
  campaigns(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => CampaignFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: CampaignFilter,
    @Args(() => CampaignSort) sort?: SortRequest<CampaignOrderField>,
  ) {
    return new CampaignService(ctx).list(filter ?? {}, toPage(page), CampaignSort.resolve(sort));
  }

  @Query(() => Campaign, {
    nullable: true,
    description: 'Phong trào theo mã định danh; không có: NOT_FOUND — a campaign by id; unknown id: NOT_FOUND.',
  })
  campaign(@Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Campaign> {
    return new CampaignService(ctx).require(id);
  }

  @Query(() => CampaignConsistency, {
    description:
      "Đối chiếu chỉ tiêu của phong trào với chỉ tiêu của đơn vị cấp dưới và phong trào con — checks a campaign's targets against its per-sub-unit targets and its child campaigns' targets.",
  })
  campaignConsistency(
    @Arg('id', () => ID, { description: 'Mã phong trào — campaign id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CampaignConsistency> {
    return new ConsistencyService(ctx).report(id);
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Campaign, {
    description: 'Tạo phong trào (UNIT_ADMIN của đơn vị ban hành) — create a campaign (UNIT_ADMIN of the issuer).',
  })
  createCampaign(
    @Arg('input', () => CreateCampaignInput, { description: 'Phong trào mới — the campaign.' }) input: CreateCampaignInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Campaign> {
    return ctx.em.transactional((em) => new CampaignService(inTransaction(ctx, em)).create(input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Campaign, {
    description:
      "Lập phong trào của đơn vị cấp dưới từ phong trào cấp trên (chép giai đoạn, khẩu hiệu, mốc, đối tượng; không chép chỉ tiêu) — derive a child unit's campaign from its parent (UNIT_ADMIN of the child issuer).",
  })
  deriveCampaign(
    @Arg('input', () => DeriveCampaignInput, { description: 'Phong trào cấp trên và đơn vị cấp dưới — parent and child issuer.' })
    input: DeriveCampaignInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Campaign> {
    return ctx.em.transactional((em) => new CampaignService(inTransaction(ctx, em)).derive(input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Campaign, {
    description: 'Sửa phong trào (UNIT_ADMIN của đơn vị ban hành) — update a campaign (UNIT_ADMIN of the issuer).',
  })
  updateCampaign(
    @Arg('id', () => ID, { description: 'Mã phong trào — campaign id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('input', () => UpdateCampaignInput, { description: 'Các trường cần sửa — the fields to change.' }) input: UpdateCampaignInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Campaign> {
    return ctx.em.transactional((em) => new CampaignService(inTransaction(ctx, em)).update(id, expectedVersion, input));
  }

  @Authorized(Capability.IDENTIFY_ISSUERS)
  @Mutation(() => Campaign, {
    description:
      'Xác định đơn vị ban hành mà văn bản không nêu tên: thay đơn vị giữ chỗ (issuerUnidentified) bằng đơn vị thật cùng cấp, cùng đơn vị cấp trên; phong trào và các chỉ tiêu đặt cho đơn vị giữ chỗ chuyển sang đơn vị đó (UNIT_ADMIN của cả hai) — identify the unit a placeholder issuer stood for: the campaign and its targets on the placeholder move to it (UNIT_ADMIN over both).',
  })
  identifyCampaignIssuer(
    @Arg('id', () => ID, { description: 'Mã phong trào — campaign id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Arg('unitCode', {
      description:
        "Mã GSO của đơn vị thật (đọc tại ngày cuối hiệu lực của đơn vị giữ chỗ) — the real unit's code, read on the placeholder's last valid day.",
    })
    unitCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Campaign> {
    return ctx.em.transactional((em) => new CampaignService(inTransaction(ctx, em)).identifyIssuer(id, expectedVersion, unitCode));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => Boolean, {
    description:
      'Xóa phong trào cùng chỉ tiêu, mốc, đối tượng; có phong trào con: CONFLICT — delete a campaign with its targets, milestones and subjects; refused with CONFLICT while it has children.',
  })
  deleteCampaign(
    @Arg('id', () => ID, { description: 'Mã phong trào — campaign id.' }) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return ctx.em.transactional((em) => new CampaignService(inTransaction(ctx, em)).delete(id, expectedVersion));
  }
}
