import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, today } from '../shared/scalars.js';
import { LineageShare, UnitKind, UnitLevel, ReorganisationKind, ReorganisationStatus } from './units.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** A source as the event stored it: the unit, whether it went whole or in part, whether it continues. */
@ObjectType('ReorganisationSource', {
  description: 'Đơn vị nguồn của một sắp xếp — a source of a reorganisation, as recorded.',
  simpleResolvers: true,
})
export class ReorganisationSource {
  @Field(() => ID, {
    description: "Mã định danh của đơn vị nguồn — the source unit's id (the unit itself: `AdministrativeUnit` by this id).",
  })
  unitId!: number;

  @Field({ description: 'Mã đơn vị — its code.' }) code!: string;
  @Field({ description: 'Tên đơn vị — its name.' }) name!: string;
  @Field(() => LineageShare, { description: 'Toàn bộ hay một phần — whole or in part.' }) share!: LineageShare;
  @Field({ description: 'Đơn vị nguồn tiếp tục tồn tại (là một kết quả) — whether the source continues as one of the results.' })
  continues!: boolean;
}

/** A result as the event stored it; a new result's unit no longer exists once the event is withdrawn. */
@ObjectType('ReorganisationResult', {
  description: 'Đơn vị kết quả của một sắp xếp — a result of a reorganisation, as recorded.',
  simpleResolvers: true,
})
export class ReorganisationResult {
  @Field(() => ID, {
    description:
      "Mã định danh của đơn vị kết quả (đơn vị mới không còn sau khi hủy) — the result unit's id (a new one no longer exists after withdrawal).",
  })
  unitId!: number;

  @Field({ description: 'Mã đơn vị — its code.' }) code!: string;
  @Field({ description: 'Tên đơn vị — its name.' }) name!: string;
  @Field(() => UnitKind, { description: 'Loại — its kind.' }) kind!: UnitKind;
  @Field({
    description:
      'Đơn vị mới do sắp xếp lập ra (false: đơn vị có sẵn tiếp tục) — whether the reorganisation created it (false: an existing unit that continues).',
  })
  created!: boolean;
}

/** Sắp xếp đơn vị hành chính — one dated reorganisation as recorded: the audit of the map. */
@ObjectType('Reorganisation', {
  description:
    'Sắp xếp đơn vị hành chính — one dated reorganisation (merge, split, rename, transfer) as recorded, with its legal basis; the audit of the map.',
})
@Entity({ tableName: 'reorganisation' })
export class Reorganisation extends Identified {
  @Field(() => ReorganisationKind, { description: 'Loại sắp xếp — what it does.' })
  @Property({ columnType: 'text' })
  kind!: ReorganisationKind;

  @Field(() => ReorganisationStatus, { description: 'Trạng thái — RECORDED or WITHDRAWN.' })
  @Property({ columnType: 'text' })
  status!: ReorganisationStatus;

  @Field(() => UnitLevel, { description: 'Cấp của các đơn vị nguồn và kết quả — the level of its sources and results.' })
  @Property({ columnType: 'text' })
  level!: UnitLevel;

  @Field(() => DateScalar, { description: 'Ngày có hiệu lực — the effective date: results open on it, sources closed the day before.' })
  @Property({ columnType: 'date', type: 'string' })
  effectiveOn!: string;

  @Field({ description: 'Số nghị quyết, quyết định — the resolution or decision number.' })
  @Property()
  resolutionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày ban hành — the date it was issued.' })
  @Property({ columnType: 'date', type: 'string' })
  resolutionDate!: string;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — who issued it.' })
  @Property({ nullable: true })
  issuer?: string | null;

  @TextField('Ghi chú — a note.', { nullable: true })
  note?: string | null;

  @Field(() => [ReorganisationSource], { description: 'Đơn vị nguồn — the sources.' })
  @Property({ type: 'json' })
  sources!: ReorganisationSource[];

  @Field(() => [ReorganisationResult], { description: 'Đơn vị kết quả, theo thứ tự ghi nhận — the results, in the order recorded.' })
  @Property({ type: 'json' })
  results!: ReorganisationResult[];

  @Field(() => Int, {
    description:
      'Số đơn vị trực thuộc (mọi cấp) đã chuyển về các kết quả — how many sub-units (at every level below) moved under the results.',
  })
  @Property()
  movedCount!: number;

  @Field(() => GraphQLISODateTime, { description: 'Ghi nhận lúc — when it was recorded.' })
  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Field({ description: 'Người ghi nhận — who recorded it.' })
  @Property()
  recordedBy!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Hủy lúc — when it was withdrawn.' })
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Người hủy — who withdrew it.' })
  @Property({ nullable: true })
  withdrawnBy?: string | null;

  @TextField('Lý do hủy — why it was withdrawn.', { nullable: true })
  withdrawalReason?: string | null;

  @Field(() => Int, { description: 'Phiên bản — send it back as expectedVersion to withdraw.' })
  @Property()
  version!: number;

  @Field({ description: 'Đang có hiệu lực (đã ghi nhận và đã đến ngày hiệu lực) — recorded and its effective date has come.' })
  inEffect(): boolean {
    return this.status === ReorganisationStatus.RECORDED && this.effectiveOn <= today();
  }
}
