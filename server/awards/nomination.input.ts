import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { DossierItemKind, NominationStatus } from './awards.enums.js';
import { SubjectInput } from './contribution.input.js';

@InputType('CreateNominationInput', {
  description: 'Lập hồ sơ đề nghị (UNIT_ADMIN của đơn vị trình) — create a nomination (UNIT_ADMIN of the proposing unit).',
})
export class CreateNominationInput {
  @Field(() => ID, { description: 'Tiêu chuẩn — the standard.' })
  standardId!: string;

  @Field(() => SubjectInput, { description: 'Đối tượng đề nghị — the subject.' })
  subject!: SubjectInput;

  @Field(() => Int, { description: "Năm xét (bằng năm của tiêu chuẩn khi có) — the occasion's year." })
  year!: number;

  @Field(() => String, { nullable: true, description: 'Hình thức (khi tiêu chuẩn không định) — form code, when the standard names none.' })
  formCode?: string | null;

  @Field({ description: 'Mã GSO của đơn vị trình — code of the proposing unit.' })
  proposingUnitCode!: string;
}

@InputType('DossierEntryInput', {
  description: 'Cập nhật một thành phần hồ sơ — mark a dossier item provided, with its document reference.',
})
export class DossierEntryInput {
  @Field(() => DossierItemKind, { description: 'Loại tài liệu — kind.' })
  item!: DossierItemKind;

  @Field({ description: 'Đã có — provided.' })
  provided!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Số, ký hiệu văn bản (bắt buộc khi đã có) — document reference (required when provided).',
  })
  documentReference?: string | null;
}

@InputType('DecideNominationInput', {
  description: 'Quyết định khen thưởng (COUNCIL hoặc UNIT_ADMIN của đơn vị quyết định) — the award decision.',
})
export class DecideNominationInput {
  @Field(() => ID, { description: 'Hồ sơ — the nomination.' })
  id!: string;

  @Field({ description: 'Số quyết định — decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định — decision date.' })
  decidedOn!: string;

  @Field({ description: 'Người ký — signer.' })
  signer!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc — the version read (CONFLICT when stale).' })
  expectedVersion?: number | null;
}

@InputType('NominationFilter', { description: 'Bộ lọc hồ sơ đề nghị — filter for nominations; conditions combine with AND.' })
export class NominationFilter {
  @Field(() => ID, { nullable: true, description: 'Phong trào — campaign.' })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Tiêu chuẩn — standard.' })
  standardId?: string | null;

  @Field(() => NominationStatus, { nullable: true, description: 'Trạng thái — status.' })
  status?: NominationStatus | null;

  @Field(() => Int, { nullable: true, description: 'Năm — year.' })
  year?: number | null;
}

@InputType('AwardFilter', { description: 'Bộ lọc khen thưởng đã quyết định — filter for awards; conditions combine with AND.' })
export class AwardFilter {
  @Field(() => ID, { nullable: true, description: 'Phong trào — campaign.' })
  campaignId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Năm — year.' })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: "Đơn vị được khen (mã định danh) — the subject's unit id." })
  subjectUnitId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã hình thức — only awards of this form.' })
  formCode?: string | null;
}
