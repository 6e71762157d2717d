import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { Comparator, DenominatorBasis, IncrementBasis, TargetValueUnit, UnitClass, UnitStatus } from './campaigns.enums.js';

/** How many unit codes one `unitCodes` filter may name: a grid page, not the country. */
export const MAX_UNIT_CODES = 100;

@InputType('TargetFilter', { description: 'Bộ lọc chỉ tiêu — filter for targets; conditions combine with AND.' })
export class TargetFilter {
  @Field(() => ID, { nullable: true, description: 'Chỉ chỉ tiêu của phong trào này — only targets of this campaign.' })
  campaignId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ chỉ tiêu của đơn vị có mã GSO này — only targets of the unit with this GSO code.',
  })
  unitCode?: string;

  @Field(() => [String], {
    nullable: true,
    description: `Chỉ chỉ tiêu của các đơn vị có mã này (tối đa ${MAX_UNIT_CODES} mã; ví dụ các dòng của một trang lưới) — only targets of the units with these codes (at most ${MAX_UNIT_CODES}; e.g. the rows of a grid page).`,
  })
  unitCodes?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Chỉ chỉ tiêu của đơn vị có mã này và mọi đơn vị cấp dưới của nó — only targets of the unit with this code and every unit below it.',
  })
  withinCode?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Ngày đọc mã của unitCode, unitCodes, withinCode (mặc định: ngày bắt đầu giai đoạn của phong trào campaignId, nếu không thì hôm nay) — date the unit codes are read at (default: the start of campaignId's period, else today).",
  })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ chỉ tiêu của chỉ số này — only targets of this metric code.' })
  metric?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Chỉ chỉ tiêu của năm này (chỉ tiêu không ghi năm là của năm cuối giai đoạn; khoảng năm chứa năm này cũng khớp) — only targets for this year (a target without a year is for the period end; a window of years containing it matches).',
  })
  year?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Tìm trong trích dẫn, ghi chú, nguồn, không phân biệt dấu và hoa thường — search quote, note and source ignoring accents and case.',
  })
  search?: string;
}

/** What createTarget and updateTarget share; on update, omitted fields stay and null clears. */
@InputType('TargetFieldsInput')
class TargetFieldsInput {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã đơn vị (mặc định: ngày bắt đầu giai đoạn) — date unitCode is read at (default: period start).',
  })
  unitAsOf?: string;

  @Field(() => Int, { nullable: true, description: 'Năm bắt đầu của khoảng năm — first year of a window of years.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Năm; null = cuối giai đoạn — the year; null for the period end.' })
  year?: number | null;

  @Field(() => Float, { nullable: true, description: 'Giá trị — value.' })
  value?: number | null;

  @Field(() => Float, { nullable: true, description: 'Cận dưới của khoảng — lower end of a range.' })
  valueMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Cận trên của khoảng — upper end of a range.' })
  valueMax?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tử số — numerator as stated.' })
  numerator?: number | null;

  @Field(() => Int, { nullable: true, description: 'Mẫu số — denominator as stated.' })
  denominator?: number | null;

  @Field(() => DenominatorBasis, { nullable: true, description: 'Cơ sở của mẫu số — what the share is taken of.' })
  denominatorBasis?: DenominatorBasis | null;

  @Field(() => String, { nullable: true, description: 'Mô tả mẫu số như văn bản — the denominator as the document describes it.' })
  basisNote?: string | null;

  @Field(() => Int, { nullable: true, description: "Mẫu số theo dữ liệu đơn vị của hub — the denominator per the hub's unit data." })
  datasetCount?: number | null;

  @Field(() => UnitClass, { nullable: true, description: 'Chỉ áp dụng cho loại đơn vị này — class of units the target is restricted to.' })
  unitClass?: UnitClass | null;

  @Field(() => Boolean, { nullable: true, description: 'Chỉ tiêu tăng thêm — whether the value is an increment (default false).' })
  isIncrement?: boolean;

  @Field(() => IncrementBasis, {
    nullable: true,
    description: 'Tăng thêm so với (mặc định PREVIOUS_YEAR khi isIncrement) — what the increment counts from.',
  })
  incrementOver?: IncrementBasis | null;

  @Field(() => UnitStatus, { nullable: true, description: 'Trạng thái phải đạt (chỉ số UNIT_STATUS) — status to reach.' })
  status?: UnitStatus | null;

  @Field(() => String, { nullable: true, description: "Trích nguyên văn — the document's words." })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — source.' })
  source?: string | null;
}

@InputType('CreateTargetInput', { description: "Chỉ tiêu mới — a new target (UNIT_ADMIN of the campaign's issuer)." })
export class CreateTargetInput extends TargetFieldsInput {
  @Field(() => ID, { description: 'Phong trào — the campaign.' })
  campaignId!: string;

  @Field({ description: 'Mã GSO của đơn vị (đơn vị ban hành hoặc cấp dưới) — GSO code of the unit (the issuer or below).' })
  unitCode!: string;

  @Field({ description: 'Mã chỉ số trong danh mục — metric code from the catalogue.' })
  metric!: string;

  @Field(() => Comparator, { description: 'Phép so sánh — comparator.' })
  comparator!: Comparator;

  @Field(() => TargetValueUnit, { description: 'Giá trị tính bằng gì — what the value is expressed in.' })
  valueUnit!: TargetValueUnit;
}

@InputType('UpdateTargetInput', { description: 'Sửa chỉ tiêu — fields to change; omitted fields stay, null clears.' })
export class UpdateTargetInput extends TargetFieldsInput {
  @Field(() => String, { nullable: true, description: 'Mã GSO của đơn vị — GSO code of the unit.' })
  unitCode?: string;

  @Field(() => String, { nullable: true, description: 'Mã chỉ số — metric code.' })
  metric?: string;

  @Field(() => Comparator, { nullable: true, description: 'Phép so sánh — comparator.' })
  comparator?: Comparator;

  @Field(() => TargetValueUnit, { nullable: true, description: 'Giá trị tính bằng gì — what the value is expressed in.' })
  valueUnit?: TargetValueUnit;
}
