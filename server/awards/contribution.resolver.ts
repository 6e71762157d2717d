import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { personalVisible } from './subjects.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { ContributionOrderField, isPersonal } from './awards.enums.js';
import { contributorById } from './awards.loaders.js';
import { Contribution, Contributor, SubjectPrecondition } from './contribution.entity.js';
import { ContributionFilter, PreconditionArgs, RecordContributionInput, RecordPreconditionInput } from './contribution.input.js';
import { ContributionService } from './contribution.service.js';
import { CampaignRef, campaignRef, UnitRef, unitRef } from './awards.reference.js';

export const ContributionList = ListType(Contribution, 'ContributionList', 'Một trang đóng góp — a page of contributions.');

const ContributionSort = SortArgs(ContributionOrderField, ContributionOrderField.DATE);

@Resolver(() => Contribution)
export class ContributionResolver {
  @Query(() => ContributionList, {
    description:
      'Sổ đóng góp theo bộ lọc, có phân trang (tên hộ gia đình, cá nhân ẩn với người chưa đăng nhập) — the contributions ledger, filtered and paged (names of households and individuals hidden from anonymous callers).',
  })
  contributions(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => ContributionFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: ContributionFilter,
    @Args(() => ContributionSort) sort?: SortRequest<ContributionOrderField>,
  ) {
    return new ContributionService(ctx).list(filter ?? {}, toPage(page), ContributionSort.resolve(sort));
  }

  @Authorized(Capability.RECORD_CONTRIBUTIONS)
  @Mutation(() => Contribution, {
    description:
      "Ghi nhận đóng góp (ASSESSOR hoặc UNIT_ADMIN của đơn vị người đóng góp) — record a contribution (ASSESSOR or UNIT_ADMIN over the contributor's unit).",
  })
  recordContribution(
    @Arg('input', () => RecordContributionInput, { description: 'Đóng góp — the contribution.' }) input: RecordContributionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Contribution> {
    return ctx.em.transactional((em) => new ContributionService(inTransaction(ctx, em)).record(input));
  }

  @Authorized(Capability.RECORD_PRECONDITIONS)
  @Mutation(() => SubjectPrecondition, {
    description:
      'Ghi nhận điều kiện có/không của đối tượng trong năm, ví dụ không nợ đọng XDCB (ASSESSOR, UNIT_ADMIN hoặc COUNCIL của đơn vị đối tượng) — record a yes/no precondition on a subject for a year.',
  })
  recordPrecondition(
    @Arg('input', () => RecordPreconditionInput, { description: 'Điều kiện — the precondition.' }) input: RecordPreconditionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SubjectPrecondition> {
    return ctx.em.transactional((em) => new ContributionService(inTransaction(ctx, em)).recordPrecondition(input));
  }

  @Query(() => [SubjectPrecondition], {
    description: 'Các điều kiện có/không đã ghi nhận cho đối tượng — the preconditions recorded on a subject.',
  })
  preconditions(@Args() args: PreconditionArgs, @Ctx() ctx: SubgraphContext): Promise<SubjectPrecondition[]> {
    return new ContributionService(ctx).preconditions(args.subject, args.year);
  }

  @FieldResolver(() => CampaignRef, { description: 'Phong trào — the campaign.' })
  campaign(@Root() contribution: Contribution): CampaignRef {
    return campaignRef(contribution.campaignId);
  }

  @FieldResolver(() => Contributor, { description: 'Người đóng góp — the contributor.' })
  async contributor(@Root() contribution: Contribution, @Ctx() ctx: SubgraphContext): Promise<Contributor> {
    return (await contributorById(ctx).load(contribution.contributorId))!;
  }

  @FieldResolver(() => Contributor, { nullable: true, description: 'Người trực tiếp vận động — who mobilised it.' })
  mobilisedBy(@Root() contribution: Contribution, @Ctx() ctx: SubgraphContext): Promise<Contributor | null> | null {
    return contribution.mobilisedById ? contributorById(ctx).load(contribution.mobilisedById) : null;
  }
}

@Resolver(() => Contributor)
export class ContributorFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Tên; với hộ gia đình, cá nhân là dữ liệu cá nhân: chỉ hiện với người có quyền tại đơn vị — name; for households and individuals personal data, shown only to callers with a role over their unit.',
  })
  async name(@Root() contributor: Contributor, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return isPersonal(contributor.kind) && !(await personalVisible(ctx, contributor.unitId)) ? null : contributor.name;
  }

  @FieldResolver(() => UnitRef, { description: 'Xã hoặc thôn — the commune or village.' })
  unit(@Root() contributor: Contributor): UnitRef {
    return unitRef(contributor.unitId);
  }
}

@Resolver(() => SubjectPrecondition)
export class PreconditionFieldsResolver {
  @FieldResolver(() => UnitRef, { description: "Đơn vị của đối tượng — the subject's unit." })
  unit(@Root() precondition: SubjectPrecondition): UnitRef {
    return unitRef(precondition.subjectUnitId);
  }
}
