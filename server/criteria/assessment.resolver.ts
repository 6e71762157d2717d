import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { DateScalar } from '../shared/scalars.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentFilter, RecordAssessmentInput } from './assessment.input.js';
import { AssessmentService } from './assessment.service.js';
import { AssessmentOrderField } from './criteria.enums.js';
import { AssessmentCoverage, assessmentCoverage } from './assessment-coverage.js';

export const AssessmentList = ListType(Assessment, 'AssessmentList', 'Một trang đánh giá — a page of assessments.');

const AssessmentSort = SortArgs(AssessmentOrderField, AssessmentOrderField.YEAR);

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => Assessment, {
    nullable: true,
    description:
      'Đánh giá của một đơn vị theo bộ tiêu chí và năm (null nếu chưa có) — the assessment of a unit for a set and year (null when none).',
  })
  assessment(
    @Ctx() ctx: SubgraphContext,
    @Arg('unitCode', { description: "Mã GSO của đơn vị — the unit's code." }) unitCode: string,
    @Arg('criteriaSetId', () => ID, { description: 'Bộ tiêu chí — the set.' }) criteriaSetId: string,
    @Arg('year', () => Int, { description: 'Năm — the year.' }) year: number,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Ngày tra cứu mã, trong năm (mặc định 30/6) — date the code is read at, within the year (default 30 June).',
    })
    asOf?: string,
  ): Promise<Assessment | null> {
    return new AssessmentService(ctx).findByCode(unitCode, criteriaSetId, year, asOf);
  }

  @Query(() => AssessmentList, {
    description: 'Danh sách đánh giá theo bộ lọc, có phân trang — assessments matching a filter, paged (by year, unit).',
  })
  assessments(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AssessmentFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AssessmentFilter,
    @Args(() => AssessmentSort) sort?: SortRequest<AssessmentOrderField>,
  ) {
    return new AssessmentService(ctx).list(filter ?? {}, toPage(page), AssessmentSort.resolve(sort));
  }

  @Query(() => AssessmentCoverage, {
    description:
      'Xã nào trong địa bàn đã, chưa có đánh giá của năm — which communes of a territory have, or still lack, an assessment for the year.',
  })
  assessmentCoverage(
    @Ctx() ctx: SubgraphContext,
    @Arg('withinCode', {
      description: 'Mã đơn vị của địa bàn (tỉnh, huyện, hoặc một xã) — code of the territory (province, district, or one commune).',
    })
    withinCode: string,
    @Arg('year', () => Int, { description: 'Năm — the year.' }) year: number,
    @Arg('asOf', () => DateScalar, {
      nullable: true,
      description: 'Ngày đọc mã, trong năm (mặc định 30/6) — date codes are read on, within the year (default 30 June).',
    })
    asOf?: string,
    @Arg('limit', () => Int, {
      nullable: true,
      description:
        'Số xã chưa đánh giá liệt kê tối đa (mặc định 20, tối đa 100) — how many communes without an assessment to list (default 20, at most 100).',
    })
    limit?: number,
  ): Promise<AssessmentCoverage> {
    return assessmentCoverage(ctx, withinCode, year, asOf, Math.min(Math.max(limit ?? 20, 0), 100));
  }

  @Query(() => Assessment, {
    nullable: true,
    description: 'Đánh giá theo mã định danh (không có: NOT_FOUND) — an assessment by id; unknown id: NOT_FOUND.',
  })
  assessmentById(@Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Assessment> {
    return new AssessmentService(ctx).require(id);
  }

  @Authorized(Capability.RECORD_ASSESSMENTS)
  @Mutation(() => Assessment, {
    description:
      'Ghi nhận (hoặc cập nhật) đánh giá; hệ thống tự đánh giá tiêu chí từ giá trị chỉ tiêu và ngưỡng hiệu lực — record or update an assessment; criteria are evaluated from indicator values and effective thresholds (ASSESSOR or UNIT_ADMIN of the unit).',
  })
  recordAssessment(
    @Arg('input', () => RecordAssessmentInput, { description: 'Kết quả đánh giá — the results.' }) input: RecordAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new AssessmentService(inTransaction(ctx, em)).record(input));
  }
}
