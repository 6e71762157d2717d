import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { AwardOccasion, AwardSubjectType, StandardBasis } from './awards.enums.js';
import { RuleInput } from './rule.input.js';

@InputType('AwardStandardFieldsInput')
class AwardStandardFieldsInput {
  @Field(() => String, { nullable: true, description: 'Đối tượng theo lời kế hoạch — the plan\'s words for the subject.' })
  subjectLabel?: string | null;

  @Field(() => Int, { nullable: true, description: 'Năm của đợt (bắt buộc với sơ kết, tổng kết; bỏ trống với hàng năm) — the occasion\'s year (reviews only).' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Mã hình thức (trong các hình thức của phong trào) — form code, among the campaign\'s forms.' })
  formCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Số lượng tối đa — quota.' })
  quota?: number | null;

  @Field(() => RuleInput, { nullable: true, description: 'Quy tắc đánh giá (null: không đánh giá tự động) — the evaluable rule (null: none).' })
  rule?: RuleInput | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hạn nộp hồ sơ (nếu khác mốc của phong trào) — submission deadline, when the campaign\'s milestone does not give it.' })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

@InputType('CreateAwardStandardInput', { description: 'Tiêu chuẩn khen thưởng mới (UNIT_ADMIN của đơn vị ban hành phong trào) — a new award standard.' })
export class CreateAwardStandardInput extends AwardStandardFieldsInput {
  @Field(() => ID, { description: 'Phong trào — the campaign.' })
  campaignId!: string;

  @Field(() => AwardSubjectType, { description: 'Loại đối tượng — subject type.' })
  subjectType!: AwardSubjectType;

  @Field(() => StandardBasis, { nullable: true, description: 'Căn cứ (mặc định PLAN_STANDARD) — basis (default PLAN_STANDARD).' })
  basis?: StandardBasis;

  @Field(() => AwardOccasion, { description: 'Đợt — occasion.' })
  occasion!: AwardOccasion;

  @Field({ description: 'Tiêu chuẩn theo văn bản — the plan\'s text.' })
  criteriaText!: string;
}

@InputType('UpdateAwardStandardInput', { description: 'Sửa tiêu chuẩn — fields to change; omitted fields stay, null clears.' })
export class UpdateAwardStandardInput extends AwardStandardFieldsInput {
  @Field(() => AwardSubjectType, { nullable: true, description: 'Loại đối tượng — subject type.' })
  subjectType?: AwardSubjectType;

  @Field(() => StandardBasis, { nullable: true, description: 'Căn cứ — basis.' })
  basis?: StandardBasis;

  @Field(() => AwardOccasion, { nullable: true, description: 'Đợt — occasion.' })
  occasion?: AwardOccasion;

  @Field(() => String, { nullable: true, description: 'Tiêu chuẩn theo văn bản — the plan\'s text.' })
  criteriaText?: string;
}

@InputType('CampaignAwardFormInput', { description: 'Một hình thức phong trào được khen — a form the campaign may confer.' })
export class CampaignAwardFormInput {
  @Field({ description: 'Mã hình thức trong danh mục — form code of the catalogue.' })
  formCode!: string;

  @Field(() => String, { nullable: true, description: 'Cách kế hoạch ghi — the plan\'s wording.' })
  asStated?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}
