import { Field, InputType } from 'type-graphql';
import { MetricAggregation, MetricKind } from './campaigns.enums.js';

@InputType('MetricFilter', { description: 'Bộ lọc chỉ số — filter for metrics; conditions combine with AND.' })
export class MetricFilter {
  @Field(() => MetricKind, { nullable: true, description: 'Chỉ chỉ số loại này — only metrics of this kind.' })
  kind?: MetricKind;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Chỉ chỉ số hub tính được (true) hoặc địa phương báo cáo (false) — only computable (true) or reported (false) metrics.',
  })
  computable?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Tìm theo mã, tên, không phân biệt dấu — search code and names ignoring accents and case.',
  })
  search?: string;
}

@InputType('CreateMetricInput', { description: 'Chỉ số mới trong danh mục — a new metric (UNIT_ADMIN of the nation).' })
export class CreateMetricInput {
  @Field({ description: 'Mã (UPPER_SNAKE) — code, e.g. "HOUSEHOLDS_SOLAR".' })
  code!: string;

  @Field({ description: 'Tên tiếng Việt — name in Vietnamese.' })
  nameVi!: string;

  @Field({ description: 'Tên tiếng Anh — name in English.' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'Đơn vị đo — unit of measure.' })
  unitOfMeasure?: string | null;

  @Field(() => MetricKind, { description: 'Loại chỉ số — kind.' })
  kind!: MetricKind;

  @Field(() => MetricAggregation, { description: 'Cách tổng hợp — aggregation.' })
  aggregation!: MetricAggregation;

  @Field(() => String, { nullable: true, description: 'Trọng số của bình quân — what a weighted mean is weighted by.' })
  weightedBy?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Hub tính được từ kết quả đánh giá (mặc định false) — computable from assessments (default false).',
  })
  computable?: boolean;

  @Field({ description: 'Đối tượng được đếm hoặc đo — what is counted or measured (COMMUNE, VILLAGE, HOUSEHOLD, UNIT …).' })
  appliesTo!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Các cấp có giá trị (NATION, PROVINCE, DISTRICT, COMMUNE, VILLAGE) — levels at which values are held.',
  })
  reportedAt?: string[];

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;
}
