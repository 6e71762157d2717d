import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { maySeeStaffNames } from '../shared/staff-names.js';
import { DateScalar } from '../shared/scalars.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { AwardForm } from './award-form.entity.js';
import { AwardStandard } from './award-standard.entity.js';
import { AwardOrderField, NominationLevelRole, NominationOrderField, NominationStatus } from './awards.enums.js';
import { awardOfNomination, formByCode, standardById, transitionsOf } from './awards.loaders.js';
import { Award, AwardSubject, Nomination, NominationLevel, NominationTransition } from './nomination.entity.js';
import { AwardFilter, CreateNominationInput, DecideNominationInput, DossierEntryInput, NominationFilter } from './nomination.input.js';
import { allowedSteps, NominationService } from './nomination.service.js';
import { CampaignRef, campaignRef, UnitRef, unitRef } from './awards.reference.js';
import { subjectView } from './subjects.js';

export const NominationList = ListType(Nomination, 'NominationList', 'Một trang hồ sơ đề nghị — a page of nominations.');
export const AwardList = ListType(Award, 'AwardList', 'Một trang khen thưởng đã quyết định — a page of awards.');

const service = (ctx: SubgraphContext) => new NominationService(ctx);

/**
 * Who made a step, by role: what callers without a role over the proposing unit see instead of a staff member's name.
 * A nomination climbs its levels, so the role follows the step and the unit that made it: the proposer creates and
 * submits it (from DRAFT or RETURNED), the deciding level decides and reviews at its level, a level between reviews.
 */
function actingRole(nomination: Nomination, t: NominationTransition): string {
  const fromProposer =
    t.to === NominationStatus.DRAFT ||
    (t.to === NominationStatus.SUBMITTED && (t.from === NominationStatus.DRAFT || t.from === NominationStatus.RETURNED));
  if (fromProposer) return 'Cán bộ đơn vị trình — staff of the proposing unit';
  return t.auditUnitIdValue === nomination.decidingUnitId
    ? 'Cán bộ cấp quyết định — staff of the deciding authority'
    : 'Cán bộ cấp xét duyệt — staff of a reviewing level';
}

const NominationSort = SortArgs(NominationOrderField, NominationOrderField.CREATED);
const AwardSort = SortArgs(AwardOrderField, AwardOrderField.DECIDED_ON);

@Resolver(() => Nomination)
export class NominationResolver {
  @Query(() => NominationList, { description: 'Hồ sơ đề nghị theo bộ lọc, có phân trang — nominations matching a filter, paged.' })
  nominations(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => NominationFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: NominationFilter,
    @Args(() => NominationSort) sort?: SortRequest<NominationOrderField>,
  ) {
    return service(ctx).list(filter ?? {}, toPage(page), NominationSort.resolve(sort));
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
    @Args(() => AwardSort) sort?: SortRequest<AwardOrderField>,
  ) {
    return service(ctx).awards(filter ?? {}, toPage(page), AwardSort.resolve(sort));
  }

  @Authorized(Capability.PROPOSE_NOMINATIONS)
  @Mutation(() => Nomination, {
    description:
      "Lập hồ sơ đề nghị ở trạng thái DRAFT với danh mục hồ sơ theo kế hoạch (UNIT_ADMIN của đơn vị trình) — create a nomination in DRAFT with the plan's dossier checklist (UNIT_ADMIN of the proposing unit).",
  })
  createNomination(
    @Arg('input', () => CreateNominationInput, { description: 'Hồ sơ mới — the nomination.' }) input: CreateNominationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).create(input));
  }

  @Authorized(Capability.PROPOSE_NOMINATIONS)
  @Mutation(() => Nomination, {
    description:
      'Cập nhật danh mục hồ sơ ở DRAFT hoặc RETURNED (UNIT_ADMIN của đơn vị trình) — mark dossier items provided, in DRAFT or RETURNED (UNIT_ADMIN of the proposing unit).',
  })
  updateNominationDossier(
    @Arg('id', () => ID, { description: 'Hồ sơ — the nomination.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Phiên bản đã đọc; cũ → CONFLICT — the version read; stale → CONFLICT.' })
    expectedVersion: number,
    @Arg('items', () => [DossierEntryInput], { description: 'Các thành phần — the items.' }) items: DossierEntryInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).updateDossier(id, expectedVersion, items));
  }

  @Authorized(Capability.PROPOSE_NOMINATIONS, Capability.DECIDE_NOMINATIONS)
  @Mutation(() => Nomination, {
    description:
      'Chuyển trạng thái hồ sơ: SUBMITTED lần đầu hoặc sau khi trả lại (UNIT_ADMIN đơn vị trình; hồ sơ đủ, nộp trong hạn); APPRAISED, COUNCIL_REVIEWED, RETURNED và SUBMITTED lên cấp tiếp theo (COUNCIL hoặc UNIT_ADMIN của cấp đang giữ hồ sơ; trả lại phải nêu lý do); sai quy trình → BAD_USER_INPUT nêu các bước được phép — move a nomination through its levels: the proposer submits; the level holding it appraises, has its council review, returns it or submits it on to the next level; an illegal step is refused with BAD_USER_INPUT naming the allowed ones.',
  })
  transitionNomination(
    @Arg('id', () => ID, { description: 'Hồ sơ — the nomination.' }) id: string,
    @Arg('to', () => NominationStatus, { description: 'Trạng thái mới — the new state.' }) to: NominationStatus,
    @Ctx() ctx: SubgraphContext,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Lý do, ý kiến (bắt buộc khi trả lại) — reason or remarks (required when returning).',
    })
    reason?: string,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'Phiên bản đã đọc (nếu gửi: cũ → CONFLICT) — the version read; when sent, stale → CONFLICT.',
    })
    expectedVersion?: number,
    @Arg('receivedOn', () => DateScalar, {
      nullable: true,
      description:
        'Chỉ với SUBMITTED: ngày cấp trên nhận hồ sơ (mặc định hôm nay, không sau hôm nay); hạn nộp xét theo ngày này và ngày được ghi vào lần chuyển — SUBMITTED only: the day the next level received the dossier (default today, never in the future); the deadline is checked against it and it is recorded on the transition.',
    })
    receivedOn?: string,
  ): Promise<Nomination> {
    return ctx.em.transactional((em) => service({ ...ctx, em }).transition(id, to, reason, expectedVersion, receivedOn));
  }

  @Authorized(Capability.DECIDE_NOMINATIONS)
  @Mutation(() => Nomination, {
    description:
      'Ghi quyết định khen thưởng (số, ngày, người ký) cho hồ sơ COUNCIL_REVIEWED → DECIDED, tạo khen thưởng (COUNCIL hoặc UNIT_ADMIN của đơn vị quyết định) — record the award decision, moving a COUNCIL_REVIEWED nomination to DECIDED and creating the award.',
  })
  decideNomination(
    @Arg('input', () => DecideNominationInput, { description: 'Quyết định — the decision.' }) input: DecideNominationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Nomination> {
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

  @FieldResolver(() => AwardSubject, {
    description:
      'Đối tượng đề nghị (tên hộ gia đình, cá nhân chỉ hiện với người có quyền tại đơn vị) — the subject (names of households and individuals only for callers with a role over their unit).',
  })
  subject(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<AwardSubject> {
    return subjectView(ctx, nomination.subjectType, nomination.subjectUnitId, nomination.subjectContributorId, nomination.subjectName);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị trình — the proposing unit.' })
  proposingUnit(@Root() nomination: Nomination): UnitRef {
    return unitRef(nomination.proposingUnitId);
  }

  @FieldResolver(() => UnitRef, {
    description:
      "Đơn vị quyết định theo hình thức khen thưởng: cả nước (Huân chương, Bằng khen Thủ tướng, Bằng khen bộ), tỉnh, huyện hoặc xã của đối tượng — the deciding unit, by the award form: the nation for State, Prime Minister and ministerial awards, else the subject's province, district or commune.",
  })
  decidingUnit(@Root() nomination: Nomination): UnitRef {
    return unitRef(nomination.decidingUnitId);
  }

  @FieldResolver(() => UnitRef, {
    nullable: true,
    description:
      'Cấp đang giữ hồ sơ (null: hồ sơ ở đơn vị trình — DRAFT, RETURNED) — the level handling the nomination now; null while it is with the proposer.',
  })
  currentUnit(@Root() nomination: Nomination): UnitRef | null {
    return nomination.currentUnitId == null ? null : unitRef(nomination.currentUnitId);
  }

  @FieldResolver(() => [NominationStatus], {
    description:
      "Các bước tiếp theo được phép (DECIDED: ghi bằng decideNomination, chỉ ở cấp quyết định; SUBMITTED từ COUNCIL_REVIEWED: trình tiếp lên cấp trên) — the steps open now: SUBMITTED from DRAFT or RETURNED is the proposer's, every other the level holding it (DECIDED through decideNomination, at the deciding level only).",
  })
  nextSteps(@Root() nomination: Nomination): NominationStatus[] {
    return allowedSteps(nomination);
  }

  @FieldResolver(() => [NominationLevel], {
    description:
      'Đường đi của hồ sơ: đơn vị trình, từng cấp thẩm định, Hội đồng xét và trình tiếp, cấp quyết định sau cùng — the way the nomination goes: the proposer, each level that reviews and forwards it, the deciding level last.',
  })
  levels(@Root() nomination: Nomination): NominationLevel[] {
    const level = (id: number, role: NominationLevelRole) =>
      Object.assign(new NominationLevel(), { unit: unitRef(id), role, current: id === nomination.currentUnitId });
    const reviewing = nomination.levelUnitIds.map((id) =>
      level(id, id === nomination.decidingUnitId ? NominationLevelRole.DECIDES : NominationLevelRole.REVIEWS_AND_FORWARDS),
    );
    return nomination.levelUnitIds[0] === nomination.proposingUnitId
      ? reviewing
      : [level(nomination.proposingUnitId, NominationLevelRole.PROPOSES), ...reviewing];
  }

  @FieldResolver(() => [NominationTransition], {
    description:
      'Các lần chuyển trạng thái, cũ trước; tên cán bộ chỉ hiện với người có vai trò tại đơn vị trình, người khác thấy vai trò — every transition, oldest first; staff names only for callers with a role over the proposing unit, others see the role.',
  })
  async transitions(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<NominationTransition[]> {
    const [transitions, named] = await Promise.all([
      transitionsOf(ctx).load(nomination.id),
      maySeeStaffNames(ctx, nomination.proposingUnitId),
    ]);
    return named ? transitions : transitions.map((t) => ({ ...t, username: actingRole(nomination, t) }) as NominationTransition);
  }

  @FieldResolver(() => Award, { nullable: true, description: 'Khen thưởng đã quyết định (khi DECIDED) — the award, once decided.' })
  award(@Root() nomination: Nomination, @Ctx() ctx: SubgraphContext): Promise<Award | null> {
    return awardOfNomination(ctx).load(nomination.id);
  }
}

@Resolver(() => NominationTransition)
export class NominationTransitionResolver {
  @FieldResolver(() => UnitRef, {
    description:
      'Đơn vị thực hiện bước này: đơn vị trình khi nộp, cấp đang giữ hồ sơ khi thẩm định, xét, trả lại, trình tiếp hoặc quyết định — the unit that made the step.',
  })
  unit(@Root() transition: NominationTransition): UnitRef {
    return unitRef(transition.auditUnitIdValue);
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

  @FieldResolver(() => AwardSubject, {
    description:
      'Đối tượng được khen (tên hộ gia đình, cá nhân chỉ hiện với người có quyền tại đơn vị) — the subject (names of households and individuals only for callers with a role over their unit).',
  })
  subject(@Root() award: Award, @Ctx() ctx: SubgraphContext): Promise<AwardSubject> {
    return subjectView(ctx, award.subjectType, award.subjectUnitId, award.subjectContributorId, award.subjectName);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị quyết định — the deciding unit.' })
  decidingUnit(@Root() award: Award): UnitRef {
    return unitRef(award.decidingUnitId);
  }
}
