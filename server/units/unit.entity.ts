import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { UnitKind, UnitLevel } from './units.enums.js';
import { TextField } from '../shared/text-field.js';

/** Đơn vị hành chính — an administrative unit, valid for a period; GSO codes are reused across periods. */
@ObjectType('AdministrativeUnit', {
  description:
    'Đơn vị hành chính — an administrative unit (nation, province, district, commune, village) valid for a period. GSO codes are reused across the 2025 reorganisation, so a code names a unit only together with a date.',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'unit' })
@Index({ properties: ['code'] })
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id, distinct for every unit and period.' })
  @PrimaryKey({ autoincrement: false })
  id!: number;

  @Field({ description: 'Mã GSO — official statistical code (reused across periods).' })
  @Property({ length: 10 })
  code!: string;

  @TextField('Tên đầy đủ — full name with its kind, e.g. "Tỉnh Khánh Hòa".')
  name!: string;

  @TextField('Tên ngắn — the name without its kind, e.g. "Khánh Hòa".')
  shortName!: string;

  @Field(() => UnitLevel, { description: 'Cấp — level in the hierarchy.' })
  @Enum({ items: () => UnitLevel, nativeEnumName: undefined })
  level!: UnitLevel;

  @Field(() => UnitKind, { description: 'Loại — kind, as the name prefix states.' })
  @Enum({ items: () => UnitKind })
  kind!: UnitKind;

  @ManyToOne(() => AdministrativeUnit, { nullable: true, fieldName: 'parent_id', ref: false })
  parent?: AdministrativeUnit | null;

  @Field({
    description:
      "Đường dẫn — ids from the nation down to this unit, dot-separated (an ltree path); a unit lies in another's subtree when its path starts with the other's.",
  })
  @Property({ columnType: 'ltree' })
  path!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Hiệu lực từ — first day of validity (null: before the records begin).' })
  @Property({ columnType: 'date', type: 'string', nullable: true })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hiệu lực đến — last day of validity (null: still valid).' })
  @Property({ columnType: 'date', type: 'string', nullable: true })
  validTo?: string | null;

  @Field({ description: "Dữ liệu mô phỏng (thôn demo) — synthetic demo data (the demo profile's villages), not a real unit." })
  @Property({ default: false })
  synthetic!: boolean;

  @Field({
    description:
      'Thuộc một sắp xếp đã hủy: không có hiệu lực ngày nào, chỉ còn để các bản ghi nêu nó vẫn đọc được — created by a withdrawn reorganisation: valid on no day, kept so records naming it still resolve.',
  })
  @Property({ default: false })
  withdrawn!: boolean;

  @Field(() => Int, {
    description:
      'Phiên bản, tăng mỗi lần sửa (đổi tên, đóng) — version, raised by every edit (rename, close); edits send the version they read.',
  })
  @Property({ default: 1 })
  version!: number;
  @Field({
    description:
      'Đơn vị giữ chỗ: đại diện cho một đơn vị văn bản không nêu tên (ví dụ xã ban hành kế hoạch 001 thuộc huyện Chi Lăng), chờ quản trị xác định; không có trong danh sách đơn vị (trừ khi lọc placeholder) và không được tính vào số liệu — a placeholder for a unit a document does not name, until an administrator identifies it; left out of unit lists (unless filtered for) and of every figure.',
  })
  @Property({ type: 'boolean', default: false })
  placeholder: boolean = false;

  @TextField('Ghi chú (vì sao có đơn vị giữ chỗ) — note (why a placeholder exists).', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản) của đơn vị giữ chỗ — source clause of a placeholder.', { nullable: true })
  source?: string | null;

  /** Whether the unit is valid on the given date. */
  validOn(date: string): boolean {
    return !this.withdrawn && (!this.validFrom || this.validFrom <= date) && (!this.validTo || this.validTo >= date);
  }
}

/** Kế thừa — one predecessor of a unit formed in a reorganisation, whole or in part. */
@Entity({ tableName: 'unit_lineage' })
@Unique({ properties: ['successor', 'predecessor'] })
export class UnitLineage {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => AdministrativeUnit, { ref: false })
  @Index()
  successor!: AdministrativeUnit;

  @ManyToOne(() => AdministrativeUnit, { ref: false })
  @Index()
  predecessor!: AdministrativeUnit;

  @Property({ length: 10 })
  share!: 'FULL' | 'PARTIAL';

  /** The recorded reorganisation that wrote the link (none for the seeded 1 July 2025 lineage). */
  @Property({ nullable: true })
  reorganisationId?: number | null;
}
