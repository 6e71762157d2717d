import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { AwardAuthority, AwardOccasion, AwardSubjectType, StandardBasis } from './awards.enums.js';
import { RuleInput } from './rule.input.js';

@InputType('AwardStandardFieldsInput')
class AwardStandardFieldsInput {
  @Field(() => String, { nullable: true, description: "Đối tượng theo lời kế hoạch — the plan's words for the subject." })
  subjectLabel?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Năm của đợt (bắt buộc với sơ kết, tổng kết; bỏ trống với hàng năm) — the occasion's year (reviews only).",
  })
  year?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Mã hình thức (trong các hình thức của phong trào) — form code, among the campaign's forms.",
  })
  formCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Số lượng tối đa — quota.' })
  quota?: number | null;

  @Field(() => RuleInput, {
    nullable: true,
    description: 'Quy tắc đánh giá (null: không đánh giá tự động) — the evaluable rule (null: none).',
  })
  rule?: RuleInput | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Hạn nộp hồ sơ (nếu khác mốc của phong trào) — submission deadline, when the campaign's milestone does not give it.",
  })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

@InputType('CreateAwardStandardInput', {
  description: 'Tiêu chuẩn khen thưởng mới (UNIT_ADMIN của đơn vị ban hành phong trào) — a new award standard.',
})
export class CreateAwardStandardInput extends AwardStandardFieldsInput {
  @Field(() => ID, { description: 'Phong trào — the campaign.' })
  campaignId!: string;

  @Field(() => AwardSubjectType, { description: 'Loại đối tượng — subject type.' })
  subjectType!: AwardSubjectType;

  @Field(() => StandardBasis, { nullable: true, description: 'Căn cứ (mặc định PLAN_STANDARD) — basis (default PLAN_STANDARD).' })
  basis?: StandardBasis;

  @Field(() => AwardOccasion, { description: 'Đợt — occasion.' })
  occasion!: AwardOccasion;

  @Field({ description: "Tiêu chuẩn theo văn bản — the plan's text." })
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

  @Field(() => String, { nullable: true, description: "Tiêu chuẩn theo văn bản — the plan's text." })
  criteriaText?: string;
}

@InputType('CampaignAwardFormInput', { description: 'Một hình thức phong trào được khen — a form the campaign may confer.' })
export class CampaignAwardFormInput {
  @Field({ description: 'Mã hình thức trong danh mục — form code of the catalogue.' })
  formCode!: string;

  @Field(() => String, { nullable: true, description: "Cách kế hoạch ghi — the plan's wording." })
  asStated?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

@InputType('AwardStandardFilter', {
  description: 'Bộ lọc tiêu chuẩn khen thưởng — filter for award standards; conditions combine with AND.',
})
export class AwardStandardFilter {
  @Field(() => ID, { nullable: true, description: "Phong trào — only this campaign's standards." })
  campaignId?: string | null;

  @Field(() => AwardOccasion, { nullable: true, description: 'Đợt — only this occasion.' })
  occasion?: AwardOccasion | null;

  @Field(() => AwardSubjectType, { nullable: true, description: 'Loại đối tượng — only this subject type.' })
  subjectType?: AwardSubjectType | null;

  @Field(() => String, { nullable: true, description: 'Mã hình thức — only standards naming this form.' })
  formCode?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Xét được trong năm này: tiêu chuẩn của đợt năm đó và tiêu chuẩn không gắn năm (hằng năm, bất kỳ) — standards that apply in this year: those of that year's occasion and those tied to no year (annual, any).",
  })
  year?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: chỉ tiêu chuẩn có quy tắc đánh giá; false: chỉ tiêu chuẩn không có — true: only standards with an evaluable rule; false: only those without.',
  })
  hasRule?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Tìm trong tiêu chuẩn theo văn bản, đối tượng theo lời kế hoạch và mã, không phân biệt dấu và hoa thường — search the plan's text, the subject label and the key, ignoring accents and case.",
  })
  search?: string | null;
}

@InputType('AwardFormFilter', { description: 'Bộ lọc hình thức khen thưởng — filter for award forms; conditions combine with AND.' })
export class AwardFormFilter {
  @Field(() => AwardAuthority, { nullable: true, description: 'Cấp khen thưởng — only forms of this authority.' })
  authority?: AwardAuthority | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Tìm theo mã, tên tiếng Việt và tiếng Anh, không phân biệt dấu và hoa thường — search code and names ignoring accents and case.',
  })
  search?: string | null;
}

@InputType('EligibilityFilter', {
  description: 'Bộ lọc kết quả xét điều kiện — filter for eligibility results; conditions combine with AND.',
})
export class EligibilityFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: chỉ đối tượng đủ điều kiện; false: chỉ đối tượng chưa đủ — true: only eligible subjects; false: only the others.',
  })
  eligible?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Tìm theo tên đối tượng (chỉ tên người gọi được xem), tên và mã đơn vị, không phân biệt dấu và hoa thường — search the subject's name (only names the caller may see), its unit's name and code, ignoring accents and case.",
  })
  search?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Chỉ đối tượng thuộc địa bàn đơn vị có mã GSO này (mã đọc ngày 30/6 của năm xét) — only subjects within the unit with this GSO code (read on 30 June of the year).',
  })
  withinCode?: string | null;
}
