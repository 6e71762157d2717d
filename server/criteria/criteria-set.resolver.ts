import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { CriteriaSetOrderField } from './criteria.enums.js';
import { CriteriaSet, Criterion, Indicator, Threshold } from './criteria-set.entity.js';
import {
  AddCriterionInput,
  AddIndicatorInput,
  CriteriaSetFilter,
  DeriveCriteriaSetInput,
  OverrideThresholdInput,
  UpdateCriteriaSetInput,
} from './criteria-set.input.js';
import { CriteriaSetService } from './criteria-set.service.js';

export const CriteriaSetList = ListType(CriteriaSet, 'CriteriaSetList', 'Một trang bộ tiêu chí — a page of criteria sets.');

const CriteriaSetSort = SortArgs(CriteriaSetOrderField, CriteriaSetOrderField.PERIOD_START);

@Resolver(() => CriteriaSet)
export class CriteriaSetResolver {
  @Query(() => CriteriaSetList, {
    description:
      'Danh sách bộ tiêu chí theo bộ lọc, có phân trang — criteria sets matching a filter, paged (by period, level, derivation, code).',
  })
  criteriaSets(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => CriteriaSetFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: CriteriaSetFilter,
    @Args(() => CriteriaSetSort) sort?: SortRequest<CriteriaSetOrderField>,
  ) {
    return new CriteriaSetService(ctx).list(filter ?? {}, toPage(page), CriteriaSetSort.resolve(sort));
  }

  @Query(() => CriteriaSet, { nullable: true, description: 'Bộ tiêu chí theo mã định danh (không có: NOT_FOUND) — a criteria set by id.' })
  criteriaSet(@Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<CriteriaSet> {
    return new CriteriaSetService(ctx).require(id);
  }

  @Authorized(Capability.EDIT_CRITERIA_SETS)
  @Mutation(() => CriteriaSet, {
    description:
      'Địa phương dẫn xuất bộ tiêu chí riêng từ bộ cấp trên — a locality derives its own set from a parent set (UNIT_ADMIN of the new owner).',
  })
  deriveCriteriaSet(
    @Arg('input', () => DeriveCriteriaSetInput, { description: 'Bộ tiêu chí mới — the new set.' }) input: DeriveCriteriaSetInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new CriteriaSetService(inTransaction(ctx, em)).derive(input));
  }

  @Authorized(Capability.EDIT_CRITERIA_SETS)
  @Mutation(() => CriteriaSet, {
    description: "Sửa thông tin bộ tiêu chí — change a set's names, legal basis, source or note (UNIT_ADMIN of its owner).",
  })
  updateCriteriaSet(
    @Arg('input', () => UpdateCriteriaSetInput, { description: 'Thay đổi — the change.' }) input: UpdateCriteriaSetInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new CriteriaSetService(inTransaction(ctx, em)).update(input));
  }

  @Authorized(Capability.EDIT_CRITERIA_SETS)
  @Mutation(() => Criterion, {
    description: 'Thêm tiêu chí vào bộ gốc (ví dụ bộ tiêu chí thôn của tỉnh) — add a criterion to a root set (UNIT_ADMIN of its owner).',
  })
  addCriterion(
    @Arg('input', () => AddCriterionInput, { description: 'Tiêu chí mới — the criterion.' }) input: AddCriterionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new CriteriaSetService(inTransaction(ctx, em)).addCriterion(input));
  }

  @Authorized(Capability.EDIT_CRITERIA_SETS)
  @Mutation(() => Indicator, {
    description: 'Thêm chỉ tiêu vào một tiêu chí của bộ — add an indicator to a criterion of the set (UNIT_ADMIN of its owner).',
  })
  addIndicator(
    @Arg('input', () => AddIndicatorInput, { description: 'Chỉ tiêu mới — the indicator.' }) input: AddIndicatorInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new CriteriaSetService(inTransaction(ctx, em)).addIndicator(input));
  }

  @Authorized(Capability.EDIT_CRITERIA_SETS)
  @Mutation(() => Threshold, {
    description:
      "Đặt hoặc sửa ngưỡng chỉ tiêu trong bộ tiêu chí (ghi đè ngưỡng cấp trên cho địa bàn) — set or override an indicator's threshold in a set (UNIT_ADMIN of its owner).",
  })
  overrideThreshold(
    @Arg('input', () => OverrideThresholdInput, { description: 'Ngưỡng — the threshold.' }) input: OverrideThresholdInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new CriteriaSetService(inTransaction(ctx, em)).overrideThreshold(input));
  }
}
