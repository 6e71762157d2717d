import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { RecognitionTier } from './criteria.enums.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** Quyết định công nhận — a unit recognised at a tier by a decision of an issuing unit; may be revoked. */
@ObjectType('RecognitionDecision', {
  description: 'Quyết định công nhận — a unit recognised at a tier (NTM, advanced, model …) by a decision of an issuing unit; revocable.',
})
@Entity({ tableName: 'recognition_decision' })
export class RecognitionDecision extends Identified {
  @Property()
  unitId!: number;

  /** GSO code of the unit at the decision date, for sorting (the unit itself comes from the units subgraph). */
  @Property({ nullable: true })
  unitCode?: string | null;

  @Field(() => RecognitionTier, { description: 'Mức công nhận — the tier conferred.' })
  @Property({ columnType: 'text' })
  tier!: RecognitionTier;

  @TextField('Số quyết định — decision number.')
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định — decision date; the recognition counts from that year.' })
  @Property({ columnType: 'date', type: 'string' })
  decidedOn!: string;

  @Property()
  issuingUnitId!: number;

  @Property({ nullable: true })
  setId?: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày thu hồi — revocation date (null: in force); the recognition no longer counts in that year.',
  })
  @Property({ columnType: 'date', type: 'string', nullable: true })
  revokedOn?: string | null;

  @TextField('Lý do thu hồi — why it was revoked.', { nullable: true })
  revocationReason?: string | null;

  @Field({ description: 'Dữ liệu giả lập — true for generated demo data, never official.' })
  @Property()
  synthetic!: boolean;

  @Field(() => Int, { description: 'Phiên bản — send it back as expectedVersion to revoke.' })
  @Property()
  version!: number;

  /** Whether the recognition counts for a year: decided by its end and not revoked by then. */
  validInYear(year: number): boolean {
    const end = `${year}-12-31`;
    return this.decidedOn <= end && (!this.revokedOn || this.revokedOn > end);
  }
}
