import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CampaignPart } from './campaign-part.entity.js';
import { Comparator, DenominatorBasis, IncrementBasis, TargetValueUnit, UnitClass, UnitStatus } from './campaigns.enums.js';
import { Metric } from './metric.entity.js';
import { TextField } from '../shared/text-field.js';

/**
 * Chỉ tiêu — a typed target of a campaign: one unit, one metric, a year (or the period end), a comparator and a
 * value, range or status, with the denominator of shares stated explicitly.
 */
@ObjectType('Target', {
  description:
    'Chỉ tiêu — a target of a campaign: one unit (the issuer or below), one metric, a year or the period end, a comparator and a value, range or status; shares state their denominator.',
})
@Entity({ tableName: 'target' })
export class Target extends CampaignPart {
  @TextField('Khóa dữ liệu mẫu, duy nhất trong phong trào — seed key, unique within the campaign.', { nullable: true })
  key?: string | null;

  /** Id of the unit the target is about, in the units subgraph. */
  @Property({ type: 'integer' })
  @Index()
  unitId!: number;

  @ManyToOne(() => Metric, { ref: false, fieldName: 'metric_code' })
  metric!: Metric;

  @Field(() => Int, {
    nullable: true,
    description:
      'Năm bắt đầu của khoảng năm ("giai đoạn 2023-2024"); null: chỉ một năm — first year of a window of years; null for a single year.',
  })
  @Property({ type: 'integer', nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Năm của chỉ tiêu; null = cuối giai đoạn — the year; null means the end of the campaign period.',
  })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Field(() => Comparator, { description: 'Phép so sánh — comparator.' })
  @Enum({ items: () => Comparator })
  comparator!: Comparator;

  @Field(() => TargetValueUnit, { description: 'Giá trị tính bằng gì (số lượng, %, đơn vị của chỉ số) — what the value is expressed in.' })
  @Enum({ items: () => TargetValueUnit })
  valueUnit!: TargetValueUnit;

  @Field(() => Float, { nullable: true, description: 'Giá trị — the value (null for ranges and statuses).' })
  @Property({ type: 'double', nullable: true })
  value?: number | null;

  @Field(() => Float, { nullable: true, description: 'Cận dưới của khoảng ("02–03") — lower end of a range.' })
  @Property({ type: 'double', nullable: true })
  valueMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Cận trên của khoảng — upper end of a range.' })
  @Property({ type: 'double', nullable: true })
  valueMax?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tử số nêu trong văn bản ("16/16" → 16) — numerator as stated.' })
  @Property({ type: 'integer', nullable: true })
  numerator?: number | null;

  @Field(() => Int, { nullable: true, description: 'Mẫu số nêu trong văn bản ("08/16" → 16) — denominator as stated.' })
  @Property({ type: 'integer', nullable: true })
  denominator?: number | null;

  @Field(() => DenominatorBasis, { nullable: true, description: 'Cơ sở của mẫu số — what the share or fraction is taken of.' })
  @Enum({ items: () => DenominatorBasis, nullable: true })
  denominatorBasis?: DenominatorBasis | null;

  @TextField('Mô tả mẫu số như văn bản — the denominator as the document describes it.', { nullable: true })
  basisNote?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Số đơn vị của mẫu số theo dữ liệu đơn vị hành chính của hub (khi khác văn bản) — the denominator per the hub's unit data, for review.",
  })
  @Property({ type: 'integer', nullable: true })
  datasetCount?: number | null;

  @Field(() => UnitClass, {
    nullable: true,
    description:
      'Chỉ áp dụng cho loại đơn vị này (Quảng Nam: miền núi cao 15,5, miền núi thấp 18,5, đồng bằng 19) — restricts the target to a class of units.',
  })
  @Enum({ items: () => UnitClass, nullable: true })
  unitClass?: UnitClass | null;

  @Field({ description: 'Chỉ tiêu tăng thêm ("tăng thêm 9 xã") — whether the value is an increment.' })
  @Property({ type: 'boolean', default: false })
  isIncrement: boolean = false;

  @Field(() => IncrementBasis, { nullable: true, description: 'Tăng thêm so với mốc nào — what the increment is counted from.' })
  @Enum({ items: () => IncrementBasis, nullable: true })
  incrementOver?: IncrementBasis | null;

  @Field(() => UnitStatus, {
    nullable: true,
    description: 'Trạng thái phải đạt (chỉ số UNIT_STATUS) — the status to reach, for status targets.',
  })
  @Enum({ items: () => UnitStatus, nullable: true })
  status?: UnitStatus | null;

  @TextField("Trích nguyên văn — the document's words.", { nullable: true })
  quote?: string | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản), ví dụ "003_a6acb2b6647a6e7e.txt §I.1.b ¶1" — source.', { nullable: true })
  source?: string | null;

  @Field(() => Int, { description: 'Phiên bản (khóa lạc quan) — version for optimistic locking.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  override auditUnitId(): number | undefined {
    return this.unitId;
  }
}
