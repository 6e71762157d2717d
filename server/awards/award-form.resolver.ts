import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { parseId } from '../shared/ids.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { AwardForm, CampaignAwardForm, DossierRequirement } from './award-form.entity.js';
import { AwardFormOrderField } from './awards.enums.js';
import { dossierOfCampaign, formByCode } from './awards.loaders.js';
import { AwardFormFilter, CampaignAwardFormInput } from './standard.input.js';
import { StandardService } from './standard.service.js';

export const AwardFormList = ListType(AwardForm, 'AwardFormList', 'Một trang hình thức khen thưởng — a page of award forms.');

const AwardFormSort = SortArgs(AwardFormOrderField, AwardFormOrderField.RANK);

@Resolver(() => CampaignAwardForm)
export class AwardFormResolver {
  @Query(() => AwardFormList, {
    description:
      'Danh mục hình thức khen thưởng theo bộ lọc, có phân trang, sắp xếp — the award form catalogue, filtered, sorted and paged.',
  })
  awardFormList(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AwardFormFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AwardFormFilter,
    @Args(() => AwardFormSort) sort?: SortRequest<AwardFormOrderField>,
  ) {
    return new StandardService(ctx).formList(filter ?? {}, toPage(page), AwardFormSort.resolve(sort));
  }

  @Query(() => [AwardForm], {
    description: 'Danh mục hình thức khen thưởng, theo thứ bậc (cao nhất trước) — the award form catalogue, highest authority first.',
  })
  awardForms(@Ctx() ctx: SubgraphContext): Promise<AwardForm[]> {
    return new StandardService(ctx).forms();
  }

  @Query(() => [CampaignAwardForm], { description: 'Các hình thức khen thưởng của một phong trào — the forms a campaign may confer.' })
  campaignAwardForms(
    @Arg('campaignId', () => ID, { description: 'Phong trào — the campaign.' }) campaignId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CampaignAwardForm[]> {
    return new StandardService(ctx).campaignForms(campaignId);
  }

  @Query(() => [DossierRequirement], {
    description:
      "Thành phần hồ sơ đề nghị khen thưởng theo kế hoạch của một phong trào, theo từng đợt, kèm mẫu và điều khoản nguồn — the nomination dossier contents a campaign's plan lists, by occasion, with templates and source clauses.",
  })
  campaignDossier(
    @Arg('campaignId', () => ID, { description: 'Phong trào — the campaign.' }) campaignId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DossierRequirement[]> {
    return dossierOfCampaign(ctx).load(parseId(campaignId, 'campaignId'));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => [CampaignAwardForm], {
    description:
      'Đặt lại các hình thức khen thưởng của phong trào (UNIT_ADMIN của đơn vị ban hành) — replace the forms a campaign may confer (UNIT_ADMIN of its issuer).',
  })
  setCampaignAwardForms(
    @Arg('campaignId', () => ID, { description: 'Phong trào — the campaign.' }) campaignId: string,
    @Arg('forms', () => [CampaignAwardFormInput], { description: 'Các hình thức — the forms.' }) forms: CampaignAwardFormInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<CampaignAwardForm[]> {
    return ctx.em.transactional((em) => new StandardService(inTransaction(ctx, em)).setCampaignForms(campaignId, forms));
  }

  @FieldResolver(() => AwardForm, { description: 'Hình thức trong danh mục — the catalogue form.' })
  async form(@Root() form: CampaignAwardForm, @Ctx() ctx: SubgraphContext): Promise<AwardForm> {
    return (await formByCode(ctx).load(form.formCode))!;
  }
}
