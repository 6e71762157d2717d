import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';

/** Giá trị chỉ tiêu — a measured value. */
@InputType('IndicatorValueInput', { description: "Giá trị chỉ tiêu — an indicator's measured value and evidence." })
export class IndicatorValueInput {
  @Field({ description: 'Mã chỉ tiêu — indicator code, e.g. "10.1".' })
  code!: string;

  @Field(() => Float, { nullable: true, description: 'Giá trị đo được (BOOL: 1 đạt, 0 không đạt) — measured value (BOOL: 1 met, 0 not).' })
  value?: number;

  @Field(() => String, { nullable: true, description: 'Minh chứng — evidence note.' })
  evidence?: string;
}

/** Kết quả một tiêu chí (nhập). */
@InputType('CriterionResultInput', {
  description:
    "Kết quả tiêu chí — a criterion's result: indicator values (evaluated by the hub) and/or met; overriding the evaluation needs a reason.",
})
export class CriterionResultInput {
  @Field(() => Int, { description: 'Số tiêu chí — criterion number in the set.' })
  criterionNumber!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Đạt (bắt buộc khi không tự đánh giá được) — met; required when the indicators cannot decide it.',
  })
  met?: boolean;

  @Field(() => [IndicatorValueInput], { nullable: true, description: 'Giá trị các chỉ tiêu — indicator values.' })
  indicators?: IndicatorValueInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Lý do điều chỉnh (bắt buộc khi `met` khác kết quả tự đánh giá) — why `met` differs from the evaluation (required then).',
  })
  overrideReason?: string;
}

/** Ghi nhận đánh giá — results for a unit, a set and a year. */
@InputType('RecordAssessmentInput', {
  description:
    "Ghi nhận đánh giá — record (or update) a unit's results for a set and year (ASSESSOR or UNIT_ADMIN of the unit). Criteria not sent keep their earlier result.",
})
export class RecordAssessmentInput {
  @Field({ description: "Mã GSO của đơn vị — the unit's code." })
  unitCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày tra cứu mã (trong năm đánh giá; mặc định 30/6) — date the code is read at, within the year (default 30 June).',
  })
  asOf?: string;

  @Field(() => ID, { description: 'Bộ tiêu chí — the criteria set.' })
  criteriaSetId!: string;

  @Field(() => Int, { description: "Năm đánh giá — the year, inside the set's period." })
  year!: number;

  @Field(() => [CriterionResultInput], { description: 'Kết quả theo tiêu chí — results by criterion.' })
  results!: CriterionResultInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Phiên bản đã đọc (bắt buộc khi đã có đánh giá) — the version read; required when the assessment exists.',
  })
  expectedVersion?: number;
}

/** Bộ lọc đánh giá. */
@InputType('AssessmentFilter', { description: 'Bộ lọc đánh giá — filter for assessments; conditions combine with AND.' })
export class AssessmentFilter {
  @Field(() => ID, { nullable: true, description: 'Bộ tiêu chí — only of this set.' })
  criteriaSetId?: string;

  @Field(() => Int, { nullable: true, description: 'Năm — only of this year.' })
  year?: number;

  @Field(() => [ID], { nullable: true, description: `Chỉ các đơn vị này (mã định danh) — only these unit ids.` })
  unitIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Dữ liệu giả lập — only synthetic (true) or only recorded (false) assessments.' })
  synthetic?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Đạt tất cả tiêu chí — only those meeting all criteria (true) or not (false).' })
  allMet?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ đơn vị có mã này và các đơn vị cấp dưới — only the unit with this code and every unit below it.',
  })
  withinCode?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày xác định đơn vị của `withinCode` (mặc định 30/6 của `year`, không có `year` thì hôm nay) — date that resolves `withinCode` and the units below it (default 30 June of `year`, else today).',
  })
  asOf?: string;
}
