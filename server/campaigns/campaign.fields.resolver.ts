import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { AdministrativeUnitRef, unitRef } from './campaigns.reference.js';
import { Campaign } from './campaign.entity.js';
import { campaignById, childrenOf, milestonesOf, responsibilitiesOf, subjectsOf, targetsOf } from './campaigns.loaders.js';
import { Milestone } from './milestone.entity.js';
import { PlanDocument } from './plan-document.types.js';
import { Responsibility } from './responsibility.entity.js';
import { CampaignSubject } from './subject.entity.js';
import { Target } from './target.entity.js';
import { selectTargets } from './target.service.js';

/** Fields of Campaign that need more than its own row; batched per request. */
@Resolver(() => Campaign)
export class CampaignFieldsResolver {
  @FieldResolver(() => AdministrativeUnitRef, {
    description:
      'Đơn vị ban hành (đơn vị cấp trên nhỏ nhất được biết khi issuerUnidentified) — the issuing unit (the smallest enclosing unit known when issuerUnidentified).',
  })
  issuer(@Root() campaign: Campaign): AdministrativeUnitRef {
    return unitRef(campaign.issuerUnitId);
  }

  @FieldResolver(() => Campaign, {
    nullable: true,
    description: 'Phong trào cấp trên (null: phong trào gốc) — the parent campaign (null for the root).',
  })
  parent(@Root() campaign: Campaign, @Ctx() ctx: SubgraphContext): Promise<Campaign | null> | null {
    return campaign.parent ? campaignById(ctx).load(campaign.parent.id) : null;
  }

  @FieldResolver(() => [Campaign], { description: 'Phong trào cấp dưới trực tiếp — the direct child campaigns.' })
  children(@Root() campaign: Campaign, @Ctx() ctx: SubgraphContext): Promise<Campaign[]> {
    return childrenOf(ctx).load(campaign.id);
  }

  @FieldResolver(() => PlanDocument, { description: 'Văn bản kế hoạch — the plan document.' })
  plan(@Root() campaign: Campaign): PlanDocument {
    return campaign.planDocument();
  }

  @FieldResolver(() => [Milestone], {
    description: 'Các mốc (khen thưởng hàng năm, sơ kết, tổng kết …) — the milestones, in document order.',
  })
  milestones(@Root() campaign: Campaign, @Ctx() ctx: SubgraphContext): Promise<Milestone[]> {
    return milestonesOf(ctx).load(campaign.id);
  }

  @FieldResolver(() => [CampaignSubject], {
    description: 'Đối tượng thi đua và nội dung thi đua — the subject types addressed, with their criteria text.',
  })
  subjects(@Root() campaign: Campaign, @Ctx() ctx: SubgraphContext): Promise<CampaignSubject[]> {
    return subjectsOf(ctx).load(campaign.id);
  }

  @FieldResolver(() => [Responsibility], {
    description:
      'Trách nhiệm tổ chức thực hiện theo kế hoạch (ai tiếp nhận, thẩm định, trình hồ sơ khen thưởng, báo cáo, kiểm tra), theo thứ tự văn bản — the duties the plan assigns (who receives, appraises and submits nomination dossiers, reports, inspects), in document order.',
  })
  responsibilities(@Root() campaign: Campaign, @Ctx() ctx: SubgraphContext): Promise<Responsibility[]> {
    return responsibilitiesOf(ctx).load(campaign.id);
  }

  @FieldResolver(() => [Target], { description: 'Chỉ tiêu, theo thứ tự nhập — the targets, in the order entered, optionally narrowed.' })
  async targets(
    @Root() campaign: Campaign,
    @Ctx() ctx: SubgraphContext,
    @Arg('unitCode', () => String, {
      nullable: true,
      description: 'Chỉ chỉ tiêu của đơn vị có mã GSO này — only targets of the unit with this code.',
    })
    unitCode?: string,
    @Arg('year', () => Int, {
      nullable: true,
      description:
        'Chỉ chỉ tiêu của năm này (chỉ tiêu không ghi năm là của năm cuối giai đoạn) — only targets for this year (a target without a year is for the period end).',
    })
    year?: number,
    @Arg('metric', () => String, { nullable: true, description: 'Chỉ chỉ tiêu của chỉ số này — only targets of this metric code.' })
    metric?: string,
  ): Promise<Target[]> {
    return selectTargets(await targetsOf(ctx).load(campaign.id), campaign, ctx.units, { unitCode, year, metric });
  }
}
