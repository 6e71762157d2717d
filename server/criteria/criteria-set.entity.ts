import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { Comparator, CriteriaLevel, CriteriaRegion, CriteriaTier } from './criteria.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** Căn cứ pháp lý — the decision a set rests on. */
@ObjectType('LegalBasis', { description: 'Căn cứ pháp lý — the decision that issues a criteria set.' })
export class LegalBasis {
  @Field(() => String, { nullable: true, description: 'Số quyết định — decision number, e.g. "318/QĐ-TTg".' })
  number!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date signed (null when unknown).' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuer.' })
  issuer!: string | null;

  @Field(() => String, { nullable: true, description: 'Trích yếu — title.' })
  title!: string | null;
}

/** Bộ tiêu chí — a criteria set: national, or derived by a locality from its parent set. */
@ObjectType('CriteriaSet', {
  description:
    'Bộ tiêu chí — a criteria set: national, or derived by a locality from a parent set whose criteria it inherits and whose thresholds it may override.',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'criteria_set' })
export class CriteriaSet extends Identified {
  @Field({ description: 'Mã bộ tiêu chí — stable code, e.g. "COMMUNE-NTM-2021-2025".' })
  @Property({ columnType: 'text', unique: true })
  code!: string;

  @Field({ description: 'Tên (tiếng Việt) — official Vietnamese name.' })
  @Property({ columnType: 'text', fieldName: 'name_vi' })
  name!: string;

  @TextField('Tên tiếng Anh — English name.', { nullable: true })
  nameEn?: string | null;

  @Field(() => CriteriaTier, { description: 'Hạng — the standard the set defines.' })
  @Property({ columnType: 'text' })
  tier!: CriteriaTier;

  @Field(() => CriteriaLevel, { description: 'Cấp áp dụng — the level of unit it evaluates.' })
  @Property({ columnType: 'text' })
  appliesTo!: CriteriaLevel;

  @Field(() => DateScalar, { description: 'Áp dụng từ — first day of the period it governs.' })
  @Property({ columnType: 'date', type: 'string' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Áp dụng đến — last day of the period it governs.' })
  @Property({ columnType: 'date', type: 'string' })
  periodEnd!: string;

  @Property({ columnType: 'text', nullable: true })
  legalNumber?: string | null;

  @Property({ columnType: 'date', type: 'string', nullable: true })
  legalDate?: string | null;

  @Property({ columnType: 'text', nullable: true })
  legalIssuer?: string | null;

  @Property({ columnType: 'text', nullable: true })
  legalTitle?: string | null;

  @Property()
  @Index()
  ownerUnitId!: number;

  @Property({ nullable: true })
  parentId?: number | null;

  /** The set at the top of the derivation chain, which holds the criteria. */
  @Property()
  rootId!: number;

  @Field({ description: 'Dữ liệu giả lập — true for synthetic demo data, never official.' })
  @Property()
  synthetic!: boolean;

  @TextField("Nguồn — where the set's facts come from.", { nullable: true })
  source?: string | null;

  @TextField('Ghi chú — open gaps and caveats; read before use.', { nullable: true })
  note?: string | null;

  @Field(() => Int, { description: 'Phiên bản — increases on every change; send it back as expectedVersion.' })
  @Property()
  version!: number;

  @Field(() => LegalBasis, { nullable: true, description: 'Căn cứ pháp lý — the issuing decision (null when not found).' })
  legalBasis(): LegalBasis | null {
    if (!this.legalNumber && !this.legalTitle) return null;
    return {
      number: this.legalNumber ?? null,
      date: this.legalDate ?? null,
      issuer: this.legalIssuer ?? null,
      title: this.legalTitle ?? null,
    };
  }
}

/**
 * Tiêu chí — a numbered criterion. Criteria belong to a root set; a derived set inherits them, so a criterion is
 * always seen through a set (`viewSetId`), which decides the indicators and thresholds it shows.
 */
@ObjectType('Criterion', { description: "Tiêu chí — a numbered criterion of a set (derived sets inherit their root set's criteria)." })
@Entity({ tableName: 'criterion' })
export class Criterion extends Identified {
  @Property()
  setId!: number;

  @Field(() => Int, { description: 'Số thứ tự tiêu chí — official number, 1..n.' })
  @Property()
  number!: number;

  @Field({ description: 'Tên tiêu chí (tiếng Việt) — Vietnamese name.' })
  @Property({ columnType: 'text', fieldName: 'name_vi' })
  name!: string;

  @TextField('Tên tiếng Anh — English name.', { nullable: true })
  nameEn?: string | null;

  @TextField('Nguồn — citation for the criterion.', { nullable: true })
  source?: string | null;

  /** The set it is seen through (not stored). */
  viewSetId!: number;
}

/** Chỉ tiêu — an indicator of a criterion, with a comparator; added by the criterion's set or a derived set. */
@ObjectType('Indicator', { description: 'Chỉ tiêu — a measurable indicator of a criterion.' })
@Entity({ tableName: 'indicator' })
export class Indicator extends Identified {
  @Property()
  criterionId!: number;

  @Property()
  setId!: number;

  @TextField('Mã chỉ tiêu — code such as "2.1" (criterion.indicator).')
  code!: string;

  @Field({ description: 'Nội dung chỉ tiêu (tiếng Việt) — Vietnamese wording.' })
  @Property({ columnType: 'text', fieldName: 'name_vi' })
  name!: string;

  @TextField('Nội dung tiếng Anh — English wording.', { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Đơn vị tính — unit of measure ("%", "mô hình" …).' })
  @Property({ columnType: 'text', nullable: true, fieldName: 'unit_of_measure' })
  unit?: string | null;

  @Field(() => Comparator, { description: 'Phép so sánh — how the value is compared with the threshold.' })
  @Property({ columnType: 'text' })
  comparator!: Comparator;

  @TextField('Nguồn — citation.', { nullable: true })
  source?: string | null;

  /** The set it is seen through (not stored). */
  viewSetId!: number;
}

/** Ngưỡng — the level an indicator must reach, for a combination of conditions, owned by a unit. */
@ObjectType('Threshold', {
  description:
    'Ngưỡng — the level an indicator must reach, possibly only for a unit class, region, commune group or year; owned by the unit that set it.',
})
@Entity({ tableName: 'threshold' })
export class Threshold extends Identified {
  @Property()
  indicatorId!: number;

  @Property()
  setId!: number;

  @Property()
  ownerUnitId!: number;

  @Field(() => Float, { description: 'Giá trị ngưỡng — the level.' })
  @Property({ columnType: 'double precision', type: 'double' })
  value!: number;

  @TextField(
    'Chỉ áp dụng cho đơn vị có phân loại này ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN") — only for units with this classification.',
    { nullable: true },
  )
  unitClass?: string | null;

  @Field(() => CriteriaRegion, { nullable: true, description: 'Chỉ áp dụng cho vùng này — only for this region.' })
  @Property({ columnType: 'text', nullable: true })
  region?: CriteriaRegion | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Chỉ áp dụng cho nhóm xã này (1, 2, 3; giai đoạn 2026–2030) — only for this commune group.',
  })
  @Property({ nullable: true })
  communeGroup?: number | null;

  @Field(() => Int, { nullable: true, description: 'Chỉ áp dụng cho năm này — only for this year.' })
  @Property({ nullable: true })
  year?: number | null;

  @TextField('Nguồn — citation for this number.', { nullable: true })
  source?: string | null;

  @Field(() => Int, { description: 'Phiên bản — send it back as expectedVersion to change this threshold.' })
  @Property()
  version!: number;
}
