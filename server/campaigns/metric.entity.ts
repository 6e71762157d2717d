import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { MetricAggregation, MetricKind } from './campaigns.enums.js';
import { TextField } from '../shared/text-field.js';

/** Chỉ số — a metric of the catalogue that targets are set on (seeds/metrics/metrics.yaml, extensible). */
@ObjectType('Metric', {
  description: 'Chỉ số — a metric of the catalogue that targets are set on; administrators of the nation can add more.',
})
@Directive('@key(fields: "code")')
@Entity({ tableName: 'metric' })
export class Metric {
  @Field({ description: 'Mã chỉ số (UPPER_SNAKE, bền vững) — stable code, e.g. "COMMUNES_NTM".' })
  @PrimaryKey({ type: 'string', length: 60 })
  code!: string;

  @TextField('Tên tiếng Việt — name in Vietnamese.')
  nameVi!: string;

  @TextField('Tên tiếng Anh — name in English.')
  nameEn!: string;

  @TextField('Đơn vị đo của giá trị chỉ số ("xã", "%", "triệu đồng/người/năm") — unit of measure (null for statuses).', { nullable: true })
  unitOfMeasure?: string | null;

  @Field(() => MetricKind, { description: 'Loại chỉ số — kind of value.' })
  @Enum({ items: () => MetricKind })
  kind!: MetricKind;

  @Field(() => MetricAggregation, { description: 'Cách tổng hợp lên cấp trên — how values roll up the hierarchy.' })
  @Enum({ items: () => MetricAggregation })
  aggregation!: MetricAggregation;

  @TextField('Trọng số của bình quân gia quyền — what a weighted mean is weighted by.', { nullable: true })
  weightedBy?: string | null;

  @Field({
    description:
      'Hub tính được giá trị thực tế từ kết quả đánh giá — whether the hub computes the actual from assessments (false: reported by the locality).',
  })
  @Property({ type: 'boolean' })
  computable!: boolean;

  @TextField('Đối tượng được đếm hoặc đo (COMMUNE, VILLAGE, HOUSEHOLD, UNIT …) — what is counted or measured.')
  appliesTo!: string;

  @Field(() => [String], {
    description: 'Các cấp có giá trị (và chỉ tiêu) của chỉ số — administrative levels at which values and targets are held.',
  })
  @Property({ type: 'string[]', columnType: 'text[]' })
  reportedAt!: string[];

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;
}
