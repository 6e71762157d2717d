import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { AwardOccasion, AwardSubjectType, StandardBasis } from './awards.enums.js';
import type { Rule } from './rule.js';
import { CampaignRecord } from './campaign-record.entity.js';
import { TextField } from '../shared/text-field.js';

/** Tiêu chuẩn khen thưởng — an award standard of a campaign, with its evaluable rule. */
@ObjectType('AwardStandard', {
  description:
    "Tiêu chuẩn khen thưởng — an award standard of a campaign: subject type, occasion, form, the plan's text and an evaluable rule.",
})
@Entity({ tableName: 'award_standard' })
export class AwardStandard extends CampaignRecord {
  @TextField('Khóa dữ liệu mẫu, ví dụ "bac-kan-final-commune-effort" — seed key.', { nullable: true })
  key?: string | null;

  @Field(() => AwardSubjectType, { description: 'Loại đối tượng — subject type.' })
  @Enum({ items: () => AwardSubjectType })
  subjectType!: AwardSubjectType;

  @TextField("Đối tượng theo lời kế hoạch — the plan's words for the subject.", { nullable: true })
  subjectLabel?: string | null;

  @Field(() => StandardBasis, { description: 'Căn cứ — how the plan states the standard.' })
  @Enum({ items: () => StandardBasis })
  basis!: StandardBasis;

  @Field(() => AwardOccasion, { description: 'Đợt khen thưởng — occasion.' })
  @Enum({ items: () => AwardOccasion })
  occasion!: AwardOccasion;

  @Field(() => Int, {
    nullable: true,
    description: "Năm của đợt (sơ kết 2023, tổng kết 2025); null với khen hàng năm — the occasion's year; null for annual awards.",
  })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mã hình thức khen thưởng (null: bất kỳ hình thức nào của phong trào) — form code (null: any form of the campaign).',
  })
  @Property({ type: 'string', length: 40, nullable: true })
  formCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Số lượng tối đa — quota (no plan sets one).' })
  @Property({ type: 'integer', nullable: true })
  quota?: number | null;

  @TextField("Tiêu chuẩn theo văn bản kế hoạch — the plan's text.")
  criteriaText!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Quy tắc đánh giá (đã kiểm tra; từ vựng trong docs/awards.md), null khi văn bản không đánh giá tự động được — the evaluable rule, validated ({ all | any: [conditions] }); null when nothing is machine-evaluable.',
  })
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  rule?: Rule | null;

  /** A deadline entered for this standard; else the campaign's milestone gives it. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  deadline?: string | null;

  @TextField('Ghi chú (phần quy tắc không diễn đạt được …) — note: what the rule leaves out, readings.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản) — source.', { nullable: true })
  source?: string | null;

  @Field(() => Int, { description: 'Phiên bản (khóa lạc quan) — version: send it back as expectedVersion.' })
  @Property({ type: 'integer', version: true })
  version!: number;
}

/** Hạn nộp hồ sơ — a submission deadline and where it comes from. */
@ObjectType('AwardDeadline', { description: 'Hạn nộp hồ sơ — the submission deadline of an occasion and where it comes from.' })
export class AwardDeadline {
  @Field(() => DateScalar, { description: 'Hạn chót (hết ngày này) — the last day for submissions.' })
  date!: string;

  @Field({ description: 'Nguồn: STANDARD (nhập cho tiêu chuẩn) hoặc MILESTONE (mốc của phong trào) — STANDARD or MILESTONE.' })
  source!: string;
}
