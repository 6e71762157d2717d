import { BigIntType } from '@mikro-orm/core';
import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLISODateTime, Field, Float, Int, ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { DateScalar } from '../shared/scalars.js';
import { ContributionKind, ContributorKind } from './awards.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { UnitRecord } from './unit-record.entity.js';
import { TextField } from '../shared/text-field.js';

/** Người đóng góp — a household, individual, enterprise, cooperative or organisation of a unit. */
@ObjectType('Contributor', {
  description: 'Người đóng góp — a household, individual, enterprise, cooperative or organisation, of a commune or village.',
})
@Entity({ tableName: 'contributor' })
export class Contributor extends UnitRecord {
  @Field(() => ContributorKind, { description: 'Loại người đóng góp — kind.' })
  @Enum({ items: () => ContributorKind })
  kind!: ContributorKind;

  /** Personal data for households and individuals: the `name` field resolver hides it from anonymous callers. */
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'ltree' })
  unitPath!: string;
}

/** Đóng góp — one contribution to the campaign, valued in VND. */
@ObjectType('Contribution', {
  description:
    'Đóng góp — a contribution (money, land, labour, assets) to a campaign, valued in VND at local prices; mobilised ones name who mobilised them.',
})
@Entity({ tableName: 'contribution' })
export class Contribution extends UnitRecord {
  @Property({ type: 'integer' })
  campaignId!: number;

  @Property({ type: 'integer' })
  contributorId!: number;

  @Property({ type: 'integer', nullable: true })
  mobilisedById?: number | null;

  @Field(() => DateScalar, { description: 'Ngày đóng góp — date.' })
  @Property({ type: 'string', columnType: 'date' })
  contributedOn!: string;

  @Field(() => ContributionKind, { description: 'Loại đóng góp — kind.' })
  @Enum({ items: () => ContributionKind })
  kind!: ContributionKind;

  @Field(() => Float, {
    nullable: true,
    description: 'Số lượng (m², ngày công …) — quantity, for land, labour or assets valued at a unit price.',
  })
  @Property({ type: 'double', nullable: true })
  quantity?: number | null;

  @TextField('Đơn vị số lượng ("m2", "ngày công") — unit of the quantity.', { nullable: true })
  quantityUnit?: string | null;

  @Field(() => Float, { nullable: true, description: 'Đơn giá địa phương (đồng) — local unit price in VND.' })
  @Property({ type: new BigIntType('number'), nullable: true })
  unitPriceVnd?: number | null;

  @Field(() => Float, { description: 'Giá trị quy tiền (đồng, số nguyên) — value in VND (an integer).' })
  @Property({ type: new BigIntType('number') })
  valueVnd!: number;

  @TextField('Mô tả (công trình, hạng mục) — description (the works).', { nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Phiên bản — version.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => GraphQLISODateTime, { description: 'Ghi nhận lúc — when recorded.' })
  @Property({ type: 'Date', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}

/** Điều kiện có/không ghi nhận cho đối tượng — a yes/no fact about a subject in a year. */
@ObjectType('SubjectPrecondition', {
  description:
    'Điều kiện có/không của đối tượng trong một năm, ví dụ NO_CAPITAL_CONSTRUCTION_DEBT (không nợ đọng XDCB) — a yes/no fact recorded on a subject for a year.',
})
@Entity({ tableName: 'precondition' })
export class SubjectPrecondition extends Identified implements Audited {
  @Property({ type: 'integer' })
  subjectUnitId!: number;

  @Property({ type: 'integer', nullable: true })
  subjectContributorId?: number | null;

  @Field({ description: 'Mã điều kiện — key, e.g. NO_CAPITAL_CONSTRUCTION_DEBT.' })
  @Property({ type: 'string', length: 60 })
  key!: string;

  @Field(() => Int, { description: 'Năm — the year it holds for.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field({ description: 'Đáp ứng — whether it holds.' })
  @Property({ type: 'boolean' })
  holds!: boolean;

  @TextField('Căn cứ (văn bản xác nhận) — evidence.', { nullable: true })
  evidence?: string | null;

  @Field(() => Int, { description: 'Phiên bản — version: send it back as expectedVersion to change it.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  auditUnitId(): number {
    return this.subjectUnitId;
  }
}
