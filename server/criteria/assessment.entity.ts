import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Comparator } from './criteria.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** Đánh giá — which criteria of a set a unit meets in a year; one per unit, set and year. */
@ObjectType('Assessment', {
  description:
    'Đánh giá — which criteria of a set a unit meets in a year (one per unit, set and year); synthetic when generated demo data.',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'assessment' })
export class Assessment extends Identified {
  @Property()
  unitId!: number;

  /** GSO code of the unit when recorded, for sorting (the unit itself comes from the units subgraph). */
  @Property({ nullable: true })
  unitCode?: string | null;

  @Property()
  setId!: number;

  @Field(() => Int, { description: 'Năm đánh giá — the year assessed.' })
  @Property()
  year!: number;

  @Field({ description: 'Dữ liệu giả lập — true for generated demo data, never official figures.' })
  @Property()
  synthetic!: boolean;

  @Field(() => Int, { description: 'Phiên bản — send it back as expectedVersion when recording again.' })
  @Property()
  version!: number;

  @Field(() => GraphQLISODateTime, { description: 'Ghi nhận lần đầu lúc — when first recorded.' })
  @Property({ type: 'Date' })
  recordedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Cập nhật lúc — when last changed.' })
  @Property({ type: 'Date' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Số tiêu chí đạt — how many criteria are met.' })
  metCount!: number;

  @Field(() => Int, { description: 'Số tiêu chí của bộ — how many criteria the set has.' })
  criteriaCount!: number;

  /** Root of the set's derivation chain (not stored here; read with the assessment). */
  rootId!: number;

  @Field({ description: 'Đạt tất cả tiêu chí — whether every criterion of the set is met (false for a set without criteria).' })
  allMet(): boolean {
    return this.criteriaCount > 0 && this.metCount === this.criteriaCount;
  }
}

/** Kết quả một chỉ tiêu — the measured value and why it passed or not. */
@ObjectType('IndicatorResult', {
  description: "Kết quả chỉ tiêu — an indicator's measured value, the threshold applied when recorded, and whether it passed.",
})
export class IndicatorResult {
  @Field({ description: 'Mã chỉ tiêu — indicator code.' })
  code!: string;

  @Field(() => Float, { nullable: true, description: 'Giá trị đo được — measured value (BOOL: 1 met, 0 not met).' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Minh chứng — evidence note.' })
  evidence!: string | null;

  @Field(() => Float, { nullable: true, description: 'Ngưỡng áp dụng khi ghi nhận — the effective threshold when recorded.' })
  threshold!: number | null;

  @Field(() => Comparator, { description: 'Phép so sánh — comparator.' })
  comparator!: Comparator;

  @Field(() => Boolean, { nullable: true, description: 'Đạt — whether the value passed (null: no value or no threshold).' })
  passed!: boolean | null;
}

/** Kết quả một tiêu chí — met or not, how the hub evaluated it and any override. */
@ObjectType('CriterionResult', {
  description: "Kết quả tiêu chí — whether a criterion is met, what the hub evaluated from the indicators, and the assessor's override.",
})
export class CriterionResult {
  @Field(() => Int, { description: 'Số tiêu chí — criterion number.' })
  criterionNumber!: number;

  @Field({ description: 'Đạt — whether the criterion is met (after any override).' })
  met!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Kết quả tự đánh giá từ chỉ tiêu — what the indicator values and thresholds gave (null: not enough to tell).',
  })
  evaluatedMet!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Lý do điều chỉnh — why the assessor overrode the evaluation.' })
  overrideReason!: string | null;

  @Field(() => [IndicatorResult], { description: 'Các chỉ tiêu — indicator values recorded.' })
  indicators!: IndicatorResult[];

  /** The set the assessment is of (to resolve the criterion). */
  setId!: number;

  @Field({ description: 'Đã điều chỉnh — whether the assessor overrode the evaluated result.' })
  overridden(): boolean {
    return this.evaluatedMet !== null && this.evaluatedMet !== this.met;
  }
}

/** Lịch sử thay đổi — one recording of an assessment, before and after. */
@ObjectType('AssessmentChange', { description: 'Thay đổi đánh giá — one recording of an assessment: who, when, before and after.' })
@Entity({ tableName: 'assessment_change' })
export class AssessmentChange extends Identified {
  @Property()
  assessmentId!: number;

  @Field(() => GraphQLISODateTime, { description: 'Thời điểm — when.' })
  @Property({ type: 'Date' })
  changedAt!: Date;

  @TextField(
    'Người ghi nhận (ẩn với người không có vai trò tại đơn vị) — who (user name); null for callers without a role over the unit.',
    { nullable: true },
  )
  username?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Trước thay đổi — the assessment before (null when first recorded).' })
  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { description: 'Sau thay đổi — the assessment after.' })
  @Property({ type: 'json' })
  after!: Record<string, unknown>;
}
