import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { Comparator, DenominatorBasis, IncrementBasis, TargetValueUnit, UnitClass, UnitStatus } from './campaign.enums.js';

/** What createTarget and updateTarget share; on update, omitted fields stay and null clears. */
@InputType('TargetFieldsInput')
class TargetFieldsInput {
  @Field(() => DateScalar, { nullable: true, description: 'Ngày đọc mã đơn vị (mặc định: ngày bắt đầu giai đoạn) — date unitCode is read at (default: period start).' })
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

  @Field(() => Int, { nullable: true, description: 'Mẫu số theo dữ liệu đơn vị của hub — the denominator per the hub\'s unit data.' })
  datasetCount?: number | null;

  @Field(() => UnitClass, { nullable: true, description: 'Chỉ áp dụng cho loại đơn vị này — class of units the target is restricted to.' })
  unitClass?: UnitClass | null;

  @Field(() => Boolean, { nullable: true, description: 'Chỉ tiêu tăng thêm — whether the value is an increment (default false).' })
  isIncrement?: boolean;

  @Field(() => IncrementBasis, { nullable: true, description: 'Tăng thêm so với (mặc định PREVIOUS_YEAR khi isIncrement) — what the increment counts from.' })
  incrementOver?: IncrementBasis | null;

  @Field(() => UnitStatus, { nullable: true, description: 'Trạng thái phải đạt (chỉ số UNIT_STATUS) — status to reach.' })
  status?: UnitStatus | null;

  @Field(() => String, { nullable: true, description: 'Trích nguyên văn — the document\'s words.' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — source.' })
  source?: string | null;
}

@InputType('CreateTargetInput', { description: 'Chỉ tiêu mới — a new target (UNIT_ADMIN of the campaign\'s issuer).' })
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
