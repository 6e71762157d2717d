import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { maySeeStaffNames } from '../shared/staff-names.js';
import { ListType, PageArgs, toPage } from '../shared/paging.js';
import { Assessment, AssessmentChange, CriterionResult } from './assessment.entity.js';
import { AssessmentService } from './assessment.service.js';
import { CriteriaSet, Criterion } from './criteria-set.entity.js';
import { assessmentsOfUnit, criteriaOfSet, newlyMetSince, recognitionOf, resultsOf, setById } from './criteria.loaders.js';
import { RecognitionDecision } from './recognition.entity.js';
import { UnitRef, unitRef } from './criteria.reference.js';

export const AssessmentChangeList = ListType(
  AssessmentChange,
  'AssessmentChangeList',
  "Một trang lịch sử thay đổi đánh giá — a page of an assessment's change history.",
);

const criterionOf = async (ctx: SubgraphContext, setId: number, number: number) =>
  (await criteriaOfSet(ctx).load(setId)).find((c) => c.number === number) ?? null;

/** Fields of an assessment that need more than its row; batched per request. */
@Resolver(() => Assessment)
export class AssessmentFieldsResolver {
  @FieldResolver(() => UnitRef, { description: 'Đơn vị được đánh giá — the unit assessed.' })
  unit(@Root() assessment: Assessment): UnitRef {
    return unitRef(assessment.unitId);
  }

  @FieldResolver(() => CriteriaSet, { description: 'Bộ tiêu chí — the criteria set.' })
  async criteriaSet(@Root() assessment: Assessment, @Ctx() ctx: SubgraphContext): Promise<CriteriaSet> {
    return (await setById(ctx).load(assessment.setId))!;
  }

  @FieldResolver(() => [CriterionResult], {
    description: 'Kết quả theo tiêu chí, theo số thứ tự — results by criterion, in order (criteria not yet recorded are absent).',
  })
  results(@Root() assessment: Assessment, @Ctx() ctx: SubgraphContext): Promise<CriterionResult[]> {
    return resultsOf(ctx).load(assessment.id);
  }

  @FieldResolver(() => [Criterion], {
    nullable: true,
    description:
      "Các tiêu chí đạt năm nay nhưng chưa đạt trong đánh giá năm gốc (null nếu năm gốc chưa có đánh giá) — criteria met now but not in the base year's assessment of the same unit (null when there is none).",
  })
  async newlyMetSince(
    @Root() assessment: Assessment,
    @Ctx() ctx: SubgraphContext,
    @Arg('baseYear', () => Int, { description: 'Năm gốc, ví dụ 2021 — the base year, e.g. 2021.' }) baseYear: number,
  ): Promise<Criterion[] | null> {
    const numbers = await newlyMetSince(ctx, baseYear).load(assessment);
    if (numbers === null) return null;
    const criteria = await criteriaOfSet(ctx).load(assessment.setId);
    return criteria.filter((c) => numbers.includes(c.number));
  }

  @FieldResolver(() => AssessmentChangeList, {
    description:
      'Lịch sử ghi nhận, mới nhất trước; tên người ghi chỉ hiện với người có vai trò tại đơn vị — the change history, newest first; who recorded it only for callers with a role over the unit.',
  })
  async history(@Root() assessment: Assessment, @Ctx() ctx: SubgraphContext, @Args() page: PageArgs) {
    const [history, named] = await Promise.all([
      new AssessmentService(ctx).history(assessment.id, toPage(page)),
      maySeeStaffNames(ctx, assessment.unitId),
    ]);
    return named ? history : { ...history, nodes: history.nodes.map((change) => ({ ...change, username: null })) };
  }
}

@Resolver(() => CriterionResult)
export class CriterionResultFieldsResolver {
  @FieldResolver(() => Criterion, { nullable: true, description: 'Tiêu chí — the criterion.' })
  criterion(@Root() result: CriterionResult, @Ctx() ctx: SubgraphContext): Promise<Criterion | null> {
    return criterionOf(ctx, result.setId, result.criterionNumber);
  }
}

@Resolver(() => RecognitionDecision)
export class RecognitionFieldsResolver {
  @FieldResolver(() => UnitRef, { description: 'Đơn vị được công nhận — the unit recognised.' })
  unit(@Root() decision: RecognitionDecision): UnitRef {
    return unitRef(decision.unitId);
  }

  @FieldResolver(() => UnitRef, { description: 'Đơn vị ban hành quyết định — the issuing unit.' })
  issuingUnit(@Root() decision: RecognitionDecision): UnitRef {
    return unitRef(decision.issuingUnitId);
  }

  @FieldResolver(() => CriteriaSet, { nullable: true, description: 'Bộ tiêu chí căn cứ — the criteria set it rests on, if given.' })
  criteriaSet(@Root() decision: RecognitionDecision, @Ctx() ctx: SubgraphContext): Promise<CriteriaSet | null> | null {
    return decision.setId ? setById(ctx).load(decision.setId) : null;
  }
}

/** What this subgraph adds to administrative units: their assessments and recognition. */
@Resolver(() => UnitRef)
export class UnitFieldsResolver {
  @FieldResolver(() => [Assessment], {
    description: "Các đánh giá của đơn vị (mọi bộ tiêu chí), năm mới nhất trước — the unit's assessments, newest year first.",
  })
  assessments(
    @Root() unit: UnitRef,
    @Ctx() ctx: SubgraphContext,
    @Arg('year', () => Int, { nullable: true, description: 'Chỉ năm này — only this year.' }) year?: number,
  ): Promise<Assessment[]> {
    return assessmentsOfUnit(ctx, year).load(Number(unit.id));
  }

  @FieldResolver(() => RecognitionDecision, {
    nullable: true,
    description:
      'Mức công nhận cao nhất còn hiệu lực vào cuối năm, theo các quyết định — the highest tier recognised and not revoked by the end of the year (null: none).',
  })
  recognition(
    @Root() unit: UnitRef,
    @Ctx() ctx: SubgraphContext,
    @Arg('year', () => Int, { description: 'Năm — the year.' }) year: number,
  ): Promise<RecognitionDecision | null> {
    return recognitionOf(ctx, year).load(Number(unit.id));
  }
}
