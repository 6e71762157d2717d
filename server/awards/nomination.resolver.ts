import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { maySeeStaffNames } from '../shared/staff-names.js';
import { ListType, PageArgs, SortDirection, toPage } from '../shared/paging.js';
import { AwardForm } from './award-form.entity.js';
import { AwardStandard } from './award-standard.entity.js';
import { AwardOrderField, NominationOrderField, NominationStatus } from './awards.enums.js';
import { awardOfNomination, formByCode, standardById, transitionsOf } from './awards.loaders.js';
import { Award, AwardSubject, Nomination, NominationTransition } from './nomination.entity.js';
import { AwardFilter, CreateNominationInput, DecideNominationInput, DossierEntryInput, NominationFilter } from './nomination.input.js';
import { NominationService } from './nomination.service.js';
import { CampaignRef, campaignRef, UnitRef, unitRef } from './refs.js';
import { subjectView } from './subjects.js';

export const NominationList = ListType(Nomination, 'NominationList', 'Một trang hồ sơ đề nghị — a page of nominations.');
export const AwardList = ListType(Award, 'AwardList', 'Một trang khen thưởng đã quyết định — a page of awards.');

const service = (ctx: SubgraphContext) => new NominationService(ctx.em, ctx);

/** Who makes a step, by role: what callers without a role over the unit see instead of a staff member's name. */
const actingRole = (to: NominationStatus) => (to === NominationStatus.DRAFT || to === NominationStatus.SUBMITTED
  ? 'Cán bộ đơn vị trình — staff of the proposing unit' : 'Cán bộ cấp quyết định — staff of the deciding authority');

@Resolver(() => Nomination)
export class NominationResolver {
  @Query(() => NominationList, { description: 'Hồ sơ đề nghị theo bộ lọc, có phân trang — nominations matching a filter, paged.' })
  nominations(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => NominationFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: NominationFilter,
    @Arg('orderBy', () => NominationOrderField, { nullable: true, description: 'Sắp xếp theo (mặc định CREATED) — sort field (default CREATED).' }) orderBy?: NominationOrderField,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Chiều sắp xếp (mặc định ASC) — sort direction (default ASC).' }) direction?: SortDirection,
  ) {
    return service(ctx).list(filter ?? {}, toPage(page), orderBy, direction);
  }

  @Query(() => Nomination, { description: 'Hồ sơ đề nghị theo mã định danh (không có: NOT_FOUND) — a nomination by id.' })
  nomination(@Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Nomination> {
    return service(ctx).require(id);
  }

  @Query(() => AwardList, { description: 'Khen thưởng đã quyết định, có phân trang — awards decided, paged.' })
  awards(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AwardFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AwardFilter,
    @Arg('orderBy', () => AwardOrderField, { nullable: true, description: 'Sắp xếp theo (mặc định DECIDED_ON) — sort field (default DECIDED_ON).' }) orderBy?: AwardOrderField,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Chiều sắp xếp (mặc định ASC) — sort direction (default ASC).' }) direction?: SortDirection,
  ) {
    return service(ctx).awards(filter ?? {}, toPage(page), orderBy, direction);
  }

  @Mutation(() => Nomination, { description: 'Lập hồ sơ đề nghị ở trạng thái DRAFT với danh mục hồ sơ theo kế hoạch (UNIT_ADMIN của đơn vị trình) — create a nomination in DRAFT with the plan\'s dossier checklist (UNIT_ADMIN of the proposing unit).' })
  createNomination(@Arg('input', () => CreateNominationInput, { description: 'Hồ sơ mới — the nomination.' }) input: CreateNominationInput, @Ctx() ctx: SubgraphContext): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).create(input));
  }

  @Mutation(() => Nomination, { description: 'Cập nhật danh mục hồ sơ ở DRAFT hoặc RETURNED (UNIT_ADMIN của đơn vị trình) — mark dossier items provided, in DRAFT or RETURNED (UNIT_ADMIN of the proposing unit).' })
  updateNominationDossier(
    @Arg('id', () => ID, { description: 'Hồ sơ — the nomination.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Phiên bản đã đọc; cũ → CONFLICT — the version read; stale → CONFLICT.' }) expectedVersion: number,
    @Arg('items', () => [DossierEntryInput], { description: 'Các thành phần — the items.' }) items: DossierEntryInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).updateDossier(id, expectedVersion, items));
  }

  @Mutation(() => Nomination, { description: 'Chuyển trạng thái hồ sơ: SUBMITTED (UNIT_ADMIN đơn vị trình; hồ sơ đủ, trong hạn), APPRAISED, COUNCIL_REVIEWED, RETURNED (COUNCIL hoặc UNIT_ADMIN đơn vị quyết định; trả lại phải nêu lý do); sai quy trình → BAD_USER_INPUT nêu các bước được phép — move a nomination through its workflow; an illegal step is refused with BAD_USER_INPUT naming the allowed ones.' })
  transitionNomination(
    @Arg('id', () => ID, { description: 'Hồ sơ — the nomination.' }) id: string,
    @Arg('to', () => NominationStatus, { description: 'Trạng thái mới — the new state.' }) to: NominationStatus,
    @Ctx() ctx: SubgraphContext,
    @Arg('reason', () => String, { nullable: true, description: 'Lý do, ý kiến (bắt buộc khi trả lại) — reason or remarks (required when returning).' }) reason?: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Phiên bản đã đọc (nếu gửi: cũ → CONFLICT) — the version read; when sent, stale → CONFLICT.' }) expectedVersion?: number,
  ): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).transition(id, to, reason, expectedVersion));
  }

  @Mutation(() => Nomination, { description: 'Ghi quyết định khen thưởng (số, ngày, người ký) cho hồ sơ COUNCIL_REVIEWED → DECIDED, tạo khen thưởng (COUNCIL hoặc UNIT_ADMIN của đơn vị quyết định) — record the award decision, moving a COUNCIL_REVIEWED nomination to DECIDED and creating the award.' })
  decideNomination(@Arg('input', () => DecideNominationInput, { description: 'Quyết định — the decision.' }) input: DecideNominationInput, @Ctx() ctx: SubgraphContext): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).decide(input));
  }

  @FieldResolver(() => CampaignRef, { description: 'Phong trào — the campaign.' })
  campaign(@Root() nomination: Nomination): CampaignRef {
    return campaignRef(nomination.campaignId);
  }

  @FieldResolver(() => AwardStandard, { description: 'Tiêu chuẩn — the standard.' })
  async standard(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<AwardStandard> {
    return (await standardById(ctx).load(nomination.standardId))!;
  }

  @FieldResolver(() => AwardSubject, { description: 'Đối tượng đề nghị (tên hộ gia đình, cá nhân chỉ hiện với người có quyền tại đơn vị) — the subject (names of households and individuals only for callers with a role over their unit).' })
  subject(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<AwardSubject> {
    return subjectView(ctx, nomination.subjectType, nomination.subjectUnitId, nomination.subjectContributorId, nomination.subjectName);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị trình — the proposing unit.' })
  proposingUnit(@Root() nomination: Nomination): UnitRef {
    return unitRef(nomination.proposingUnitId);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị quyết định (đơn vị ban hành phong trào) — the deciding unit (the campaign\'s issuer).' })
  decidingUnit(@Root() nomination: Nomination): UnitRef {
    return unitRef(nomination.decidingUnitId);
  }

  @FieldResolver(() => [NominationTransition], {
    description: 'Các lần chuyển trạng thái, cũ trước; tên cán bộ chỉ hiện với người có vai trò tại đơn vị trình, người khác thấy vai trò — every transition, oldest first; staff names only for callers with a role over the proposing unit, others see the role.',
  })
  async transitions(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<NominationTransition[]> {
    const [transitions, named] = await Promise.all([transitionsOf(ctx).load(nomination.id), maySeeStaffNames(ctx, nomination.proposingUnitId)]);
    return named ? transitions : transitions.map((t) => ({ ...t, username: actingRole(t.to) }) as NominationTransition);
  }

  @FieldResolver(() => Award, { nullable: true, description: 'Khen thưởng đã quyết định (khi DECIDED) — the award, once decided.' })
  award(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<Award | null> {
    return awardOfNomination(ctx).load(nomination.id);
  }
}

@Resolver(() => Award)
export class AwardFieldsResolver {
  @FieldResolver(() => CampaignRef, { description: 'Phong trào — the campaign.' })
  campaign(@Root() award: Award): CampaignRef {
    return campaignRef(award.campaignId);
  }

  @FieldResolver(() => AwardStandard, { description: 'Tiêu chuẩn — the standard.' })
  async standard(@Root() award: Award, @Ctx() ctx: SubgraphContext): Promise<AwardStandard> {
    return (await standardById(ctx).load(award.standardId))!;
  }

  @FieldResolver(() => AwardForm, { description: 'Hình thức trong danh mục — the catalogue form.' })
  async form(@Root() award: Award, @Ctx() ctx: SubgraphContext): Promise<AwardForm> {
    return (await formByCode(ctx).load(award.formCode))!;
  }

  @FieldResolver(() => AwardSubject, { description: 'Đối tượng được khen (tên hộ gia đình, cá nhân chỉ hiện với người có quyền tại đơn vị) — the subject (names of households and individuals only for callers with a role over their unit).' })
  subject(@Root() award: Award, @Ctx() ctx: SubgraphContext): Promise<AwardSubject> {
    return subjectView(ctx, award.subjectType, award.subjectUnitId, award.subjectContributorId, award.subjectName);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị quyết định — the deciding unit.' })
  decidingUnit(@Root() award: Award): UnitRef {
    return unitRef(award.decidingUnitId);
  }
}
