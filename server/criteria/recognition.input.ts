import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { RecognitionTier } from './criteria.enums.js';

/** Ghi nhận quyết định công nhận. */
@InputType('RecordRecognitionInput', {
  description: 'Ghi nhận quyết định công nhận — record a recognition decision (UNIT_ADMIN or COUNCIL of the issuing unit).',
})
export class RecordRecognitionInput {
  @Field({ description: 'Mã GSO của đơn vị được công nhận — code of the unit recognised (read at the decision date).' })
  unitCode!: string;

  @Field(() => RecognitionTier, {
    description:
      'Mức công nhận — tier (communes and districts: NTM, ADVANCED, MODEL; towns, cities, provinces: NTM_TASKS_COMPLETED; villages: NTM_VILLAGE, MODEL_VILLAGE).',
  })
  tier!: RecognitionTier;

  @Field({ description: 'Số quyết định — decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định — decision date.' })
  decidedOn!: string;

  @Field({
    description: 'Mã GSO của đơn vị ban hành (cấp trên của đơn vị được công nhận) — code of the issuing unit, above the unit recognised.',
  })
  issuingUnitCode!: string;

  @Field(() => ID, { nullable: true, description: 'Bộ tiêu chí căn cứ — the criteria set the recognition rests on.' })
  criteriaSetId?: string;
}

/** Thu hồi quyết định công nhận. */
@InputType('RevokeRecognitionInput', {
  description: 'Thu hồi quyết định công nhận — revoke a recognition (UNIT_ADMIN or COUNCIL of the issuing unit).',
})
export class RevokeRecognitionInput {
  @Field(() => ID, { description: 'Quyết định — the decision.' })
  id!: string;

  @Field(() => Int, { description: 'Phiên bản đã đọc — the version read (CONFLICT when stale).' })
  expectedVersion!: number;

  @Field(() => DateScalar, { description: 'Ngày thu hồi — revocation date, not before the decision date.' })
  revokedOn!: string;

  @Field({ description: 'Lý do thu hồi — reason.' })
  reason!: string;
}

/** Bộ lọc quyết định công nhận. */
@InputType('RecognitionFilter', {
  description: 'Bộ lọc quyết định công nhận — filter for recognition decisions; conditions combine with AND.',
})
export class RecognitionFilter {
  @Field(() => [ID], { nullable: true, description: 'Chỉ các đơn vị này (mã định danh) — only these unit ids.' })
  unitIds?: string[];

  @Field(() => RecognitionTier, { nullable: true, description: 'Mức công nhận — only this tier.' })
  tier?: RecognitionTier;

  @Field(() => Int, { nullable: true, description: 'Chỉ quyết định còn hiệu lực trong năm này — only decisions that count in this year.' })
  validInYear?: number;

  @Field(() => Boolean, { nullable: true, description: 'Dữ liệu giả lập — only synthetic (true) or only recorded (false) decisions.' })
  synthetic?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Chỉ quyết định công nhận đơn vị có mã này và các đơn vị cấp dưới — only decisions about the unit with this code and units below it.',
  })
  withinCode?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày xác định đơn vị của `withinCode` (mặc định 30/6 của `validInYear`, không có thì hôm nay) — date that resolves `withinCode` and the units below it (default 30 June of `validInYear`, else today).',
  })
  asOf?: string;
}
