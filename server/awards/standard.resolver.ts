import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { AwardForm, DossierRequirement } from './award-form.entity.js';
import { AwardDeadline, AwardStandard } from './award-standard.entity.js';
import { AwardStandardOrderField, EligibilityOrderField } from './awards.enums.js';
import { dossierOfCampaign, formByCode } from './awards.loaders.js';
import { EligibilityResult, EligibilityResultList, EligibilityService } from './eligibility.service.js';
import { CampaignRef, campaignRef } from './awards.reference.js';
import { AwardStandardFilter, CreateAwardStandardInput, EligibilityFilter, UpdateAwardStandardInput } from './standard.input.js';
import { dossierFor, StandardService } from './standard.service.js';

export const AwardStandardList = ListType(
  AwardStandard,
  'AwardStandardList',
  'Một trang tiêu chuẩn khen thưởng — a page of award standards.',
);

const AwardStandardSort = SortArgs(AwardStandardOrderField, AwardStandardOrderField.CREATED);
const EligibilitySort = SortArgs(EligibilityOrderField, EligibilityOrderField.ELIGIBLE, {
  why: { vi: 'đủ điều kiện trước, như awardEligibility', en: 'eligible first, as awardEligibility' },
});

@Resolver(() => AwardStandard)
export class StandardResolver {
  @Query(() => AwardStandardList, {
    description: 'Tiêu chuẩn khen thưởng theo bộ lọc, có phân trang, sắp xếp — award standards matching a filter, sorted and paged.',
  })
  awardStandardList(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AwardStandardFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AwardStandardFilter,
    @Args(() => AwardStandardSort) sort?: SortRequest<AwardStandardOrderField>,
  ) {
    return new StandardService(ctx).list(filter ?? {}, toPage(page), AwardStandardSort.resolve(sort));
  }

  @Query(() => [AwardStandard], {
    description:
      "Tiêu chuẩn khen thưởng của một phong trào, có thể lọc theo đợt — a campaign's award standards, optionally of one occasion.",
  })
  awardStandards(
    @Arg('campaignId', () => ID, { description: 'Phong trào — the campaign.' }) campaignId: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('occasion', () => String, { nullable: true, description: 'Đợt: ANNUAL, MID_TERM_REVIEW, FINAL_REVIEW, ANY — only this occasion.' })
    occasion?: string,
  ): Promise<AwardStandard[]> {
    return new StandardService(ctx).standards(campaignId, occasion);
  }

  @Query(() => AwardStandard, { description: 'Tiêu chuẩn theo mã định danh (không có: NOT_FOUND) — a standard by id.' })
  awardStandard(
    @Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AwardStandard> {
    return new StandardService(ctx).require(id);
  }

  @Query(() => [EligibilityResult], {
    description:
      'Xét điều kiện: các ứng viên của tiêu chuẩn trong năm, đủ điều kiện trước, với từng điều kiện và giá trị đã dùng; tên hộ gia đình, cá nhân ẩn với người chưa đăng nhập — candidates for a standard on an occasion, eligible first, with every condition and the values used; names of households and individuals are hidden from anonymous callers.',
  })
  awardEligibility(
    @Arg('standardId', () => ID, { description: 'Tiêu chuẩn — the standard.' }) standardId: string,
    @Arg('year', () => Int, { description: "Năm của đợt xét — the occasion's year." }) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EligibilityResult[]> {
    return new EligibilityService(ctx).evaluate(standardId, year);
  }

  @Query(() => EligibilityResultList, {
    description:
      'Xét điều kiện như awardEligibility, lọc, sắp xếp và phân trang trên máy chủ; tìm kiếm và sắp xếp theo tên chỉ dùng tên người gọi được xem — eligibility as awardEligibility gives it, filtered, sorted and paged on the server; search and name order read only the names the caller may see.',
  })
  awardEligibilityList(
    @Arg('standardId', () => ID, { description: 'Tiêu chuẩn — the standard.' }) standardId: string,
    @Arg('year', () => Int, { description: "Năm của đợt xét — the occasion's year." }) year: number,
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => EligibilityFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: EligibilityFilter,
    @Args(() => EligibilitySort) sort?: SortRequest<EligibilityOrderField>,
  ): Promise<EligibilityResultList> {
    return new EligibilityService(ctx).list(standardId, year, filter ?? {}, toPage(page), EligibilitySort.resolve(sort));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => AwardStandard, {
    description:
      "Thêm tiêu chuẩn khen thưởng (UNIT_ADMIN của đơn vị ban hành phong trào) — add an award standard (UNIT_ADMIN of the campaign's issuer).",
  })
  createAwardStandard(
    @Arg('input', () => CreateAwardStandardInput, { description: 'Tiêu chuẩn mới — the standard.' }) input: CreateAwardStandardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AwardStandard> {
    return ctx.em.transactional((em) => new StandardService(inTransaction(ctx, em)).create(input));
  }

  @Authorized(Capability.PLAN_CAMPAIGNS)
  @Mutation(() => AwardStandard, {
    description: 'Sửa tiêu chuẩn khen thưởng (UNIT_ADMIN của đơn vị ban hành phong trào) — update an award standard.',
  })
  updateAwardStandard(
    @Arg('id', () => ID, { description: 'Mã tiêu chuẩn — standard id.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Phiên bản đã đọc; cũ → CONFLICT — the version read; stale → CONFLICT.' })
    expectedVersion: number,
    @Arg('input', () => UpdateAwardStandardInput, { description: 'Các trường cần sửa — the fields to change.' })
    input: UpdateAwardStandardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AwardStandard> {
    return ctx.em.transactional((em) => new StandardService(inTransaction(ctx, em)).update(id, expectedVersion, input));
  }

  @FieldResolver(() => CampaignRef, { description: 'Phong trào — the campaign.' })
  campaign(@Root() standard: AwardStandard): CampaignRef {
    return campaignRef(standard.campaignId);
  }

  @FieldResolver(() => AwardForm, {
    nullable: true,
    description: "Hình thức khen thưởng (null: bất kỳ hình thức nào của phong trào) — the award form (null: any of the campaign's).",
  })
  form(@Root() standard: AwardStandard, @Ctx() ctx: SubgraphContext): Promise<AwardForm | null> | null {
    return standard.formCode ? formByCode(ctx).load(standard.formCode) : null;
  }

  @FieldResolver(() => [DossierRequirement], {
    description:
      "Thành phần hồ sơ kế hoạch yêu cầu cho đợt của tiêu chuẩn (Bắc Kạn: tờ trình, báo cáo thành tích mẫu 07 NĐ 91/2017, biên bản Hội đồng), đọc được trước khi có hồ sơ đề nghị — the dossier contents the plan requires for the standard's occasion, readable before any nomination exists.",
  })
  async dossier(@Root() standard: AwardStandard, @Ctx() ctx: SubgraphContext): Promise<DossierRequirement[]> {
    return dossierFor(standard.occasion, await dossierOfCampaign(ctx).load(standard.campaignId));
  }

  @FieldResolver(() => AwardDeadline, {
    nullable: true,
    description:
      "Hạn nộp hồ sơ của đợt trong năm: nhập cho tiêu chuẩn, hoặc theo mốc của phong trào (null: không có) — the submission deadline for the year: the standard's own, else the campaign milestone's (null: none).",
  })
  deadline(
    @Root() standard: AwardStandard,
    @Ctx() ctx: SubgraphContext,
    @Arg('year', () => Int, { nullable: true, description: "Năm (mặc định: năm của tiêu chuẩn) — the year (default: the standard's)." })
    year?: number,
  ): Promise<AwardDeadline | null> {
    return new StandardService(ctx).deadline(standard, year);
  }
}
