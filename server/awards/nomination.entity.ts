import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLISODateTime, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { DateScalar } from '../shared/scalars.js';
import { AwardAuthority, AwardOccasion, AwardSubjectType, DossierItemKind, NominationLevelRole, NominationStatus } from './awards.enums.js';
import { UnitRef } from './awards.reference.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** Đối tượng khen thưởng — a unit or a contributor, as nominations, awards and eligibility name it. */
@ObjectType('AwardSubject', {
  description: 'Đối tượng khen thưởng — a unit (commune, district, village) or a contributor (household, individual, enterprise …).',
})
export class AwardSubject {
  @Field(() => AwardSubjectType, { description: 'Loại đối tượng — kind.' })
  kind!: AwardSubjectType;

  @Field(() => String, {
    nullable: true,
    description:
      'Tên; tên hộ gia đình, cá nhân là dữ liệu cá nhân: null với người chưa đăng nhập — name; for households and individuals personal data, null for anonymous callers.',
  })
  name!: string | null;

  @Field(() => UnitRef, {
    description:
      "Đơn vị: chính đơn vị được xét, hoặc xã/thôn của người đóng góp — the unit itself, or the contributor's commune or village.",
  })
  unit!: UnitRef;

  @Field(() => ID, {
    nullable: true,
    description: 'Người đóng góp (khi đối tượng là người đóng góp) — the contributor id, when the subject is one.',
  })
  contributorId!: number | null;
}

/** One document of a nomination's dossier checklist, as stored in the nomination. */
export interface DossierEntryData {
  item: DossierItemKind;
  label: string;
  template: string | null;
  provided: boolean;
  documentReference: string | null;
}

/** Thành phần hồ sơ của một đề nghị — a checklist entry of a nomination's dossier. */
@ObjectType('DossierEntry', {
  description:
    "Thành phần hồ sơ của một đề nghị — a checklist entry of a nomination's dossier: provided or not, with the document reference.",
})
export class DossierEntry implements DossierEntryData {
  @Field(() => DossierItemKind, { description: 'Loại tài liệu — kind of document.' })
  item!: DossierItemKind;

  @Field({ description: 'Tên tài liệu theo kế hoạch — label.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Mẫu quy định — prescribed template.' })
  template!: string | null;

  @Field({ description: 'Đã có — provided.' })
  provided!: boolean;

  @Field(() => String, { nullable: true, description: 'Số, ký hiệu văn bản — document reference (number, file).' })
  documentReference!: string | null;
}

/** Một cấp trên đường đi của hồ sơ — a unit a nomination passes through, and what it does there. */
@ObjectType('NominationLevel', {
  description:
    'Một cấp trên đường đi của hồ sơ: đơn vị trình, các cấp thẩm định và trình tiếp, cấp quyết định — a level a nomination passes: the proposer, each level that reviews and forwards it, the deciding level.',
})
export class NominationLevel {
  @Field(() => UnitRef, { description: 'Đơn vị — the unit.' })
  unit!: UnitRef;

  @Field(() => NominationLevelRole, { description: 'Việc cấp này làm — what this level does.' })
  role!: NominationLevelRole;

  @Field({ description: 'Hồ sơ đang ở cấp này — whether the nomination is with this level now.' })
  current!: boolean;
}

/**
 * The subject columns a nomination and the award decided on it both keep: the unit or contributor nominated and its
 * name as recorded (the API shows them as an AwardSubject).
 */
@Entity({ abstract: true })
export abstract class SubjectColumns {
  @Enum({ items: () => AwardSubjectType })
  subjectType!: AwardSubjectType;

  @Property({ type: 'integer' })
  subjectUnitId!: number;

  @Property({ type: 'integer', nullable: true })
  subjectContributorId?: number | null;

  @Property({ type: 'string', columnType: 'text' })
  subjectName!: string;
}

/** Hồ sơ đề nghị khen thưởng — a nomination moving through its workflow. */
@ObjectType('Nomination', {
  description:
    'Hồ sơ đề nghị khen thưởng — a nomination (subject, form, standard, occasion, proposing unit) with its dossier and workflow DRAFT → SUBMITTED → APPRAISED → COUNCIL_REVIEWED → DECIDED (RETURNED for corrections).',
})
@Entity({ tableName: 'nomination' })
export class Nomination extends SubjectColumns implements Audited {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  campaignId!: number;

  @Property({ type: 'integer' })
  standardId!: number;

  @Field({ description: 'Mã hình thức khen thưởng — form code.' })
  @Property({ type: 'string', length: 40 })
  formCode!: string;

  @Field(() => AwardOccasion, { description: 'Đợt — occasion.' })
  @Enum({ items: () => AwardOccasion })
  occasion!: AwardOccasion;

  @Field(() => Int, { description: "Năm xét — the occasion's year." })
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  proposingUnitId!: number;

  @Property({ type: 'integer' })
  decidingUnitId!: number;

  @Field(() => AwardAuthority, {
    description:
      'Cấp quyết định, theo hình thức khen thưởng: STATE (Chủ tịch nước), PRIME_MINISTER (Thủ tướng), MINISTRY (Bộ trưởng), PROVINCE, DISTRICT, COMMUNE (Chủ tịch UBND cấp đó) — who decides, by the award form.',
  })
  @Enum({ items: () => AwardAuthority })
  decidingAuthority!: AwardAuthority;

  /** The units that review the nomination in turn after the proposer, the deciding unit last. */
  @Property({ type: 'integer[]', columnType: 'integer[]' })
  levelUnitIds: number[] = [];

  /** The unit handling the nomination now (null while it is with the proposer: DRAFT, RETURNED). */
  @Property({ type: 'integer', nullable: true })
  currentUnitId?: number | null;

  @Field(() => NominationStatus, { description: 'Trạng thái — workflow state.' })
  @Enum({ items: () => NominationStatus })
  status!: NominationStatus;

  @Field(() => [DossierEntry], { description: 'Danh mục hồ sơ — the dossier checklist.' })
  @Property({ type: 'json', columnType: 'jsonb' })
  dossier: DossierEntryData[] = [];

  @Field(() => GraphQLISODateTime, { description: 'Lập lúc — when created.' })
  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime, { description: 'Sửa lần cuối lúc (hồ sơ, trạng thái) — when last changed (dossier or status).' })
  @Property({ type: 'Date', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Phiên bản (khóa lạc quan) — version: send it back as expectedVersion.' })
  @Property({ type: 'integer', version: true })
  version!: number;

  auditUnitId(): number {
    return this.proposingUnitId;
  }
}

/** Chuyển trạng thái — one recorded step of a nomination's workflow. */
@ObjectType('NominationTransition', {
  description: "Chuyển trạng thái hồ sơ — one step of a nomination's workflow: who, when, from, to, why.",
})
@Entity({ tableName: 'nomination_transition' })
export class NominationTransition extends Identified implements Audited {
  @Property({ type: 'integer' })
  nominationId!: number;

  @Field(() => NominationStatus, { nullable: true, description: 'Từ trạng thái (null: khi lập) — from (null when created).' })
  @Enum({ items: () => NominationStatus, nullable: true, fieldName: 'from_status' })
  from?: NominationStatus | null;

  @Field(() => NominationStatus, { description: 'Sang trạng thái — to.' })
  @Enum({ items: () => NominationStatus, fieldName: 'to_status' })
  to!: NominationStatus;

  @TextField('Lý do, ý kiến — reason or remarks (required when returning).', { nullable: true })
  reason?: string | null;

  @Property({ type: 'integer', nullable: true })
  userId?: number | null;

  @TextField(
    'Người thực hiện (vai trò, với người không có vai trò tại đơn vị trình) — who made the step: a user name, or the role for callers without a role over the proposing unit.',
  )
  username!: string;

  @Field(() => GraphQLISODateTime, { description: 'Thời điểm ghi nhận — when it was recorded.' })
  @Property({ type: 'Date', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày hồ sơ được nộp lên cấp trên (chỉ với SUBMITTED; hạn nộp xét theo ngày này) — the date the dossier was received by the next level (SUBMITTED only; deadlines are checked against it).',
  })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  receivedOn?: string | null;

  /** The unit that made the step (the proposer submitting, else the level reviewing, forwarding or deciding). */
  @Property({ type: 'integer', fieldName: 'audit_unit_id' })
  auditUnitIdValue!: number;

  auditUnitId(): number {
    return this.auditUnitIdValue;
  }
}

/** Khen thưởng đã quyết định — an award conferred by a decision; later rules read it. */
@ObjectType('Award', {
  description:
    'Khen thưởng đã quyết định — an award conferred by a decision (number, date, signer); later standards read it ("đã được khen khi sơ kết").',
})
@Entity({ tableName: 'award' })
export class Award extends SubjectColumns implements Audited {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'Hồ sơ đề nghị đã được quyết định (null nếu khen không qua hồ sơ) — the nomination decided; null for an award recorded without one.',
  })
  @Property({ type: 'integer', nullable: true })
  nominationId?: number | null;

  @Property({ type: 'integer' })
  campaignId!: number;

  @Property({ type: 'integer' })
  standardId!: number;

  @Field({ description: 'Mã hình thức — form code.' })
  @Property({ type: 'string', length: 40 })
  formCode!: string;

  @Field(() => AwardOccasion, { description: 'Đợt — occasion.' })
  @Enum({ items: () => AwardOccasion })
  occasion!: AwardOccasion;

  @Field(() => Int, { description: "Năm — the occasion's year." })
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  decidingUnitId!: number;

  @TextField('Số quyết định — decision number.')
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định — decision date.' })
  @Property({ type: 'string', columnType: 'date' })
  decidedOn!: string;

  @TextField('Người ký — signer.')
  signer!: string;

  auditUnitId(): number {
    return this.decidingUnitId;
  }
}
