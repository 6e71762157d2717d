import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { DateScalar } from '../shared/scalars.js';
import { CampaignStatus } from './campaigns.enums.js';
import { PlanDocument, SubMovement, type DocumentReference, type PlanCitation } from './plan-document.types.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/**
 * Phong trào thi đua — a campaign (emulation movement) of one issuing unit for a period, with its plan document.
 * Campaigns form one tree: nation → province → district → commune.
 */
@ObjectType('Campaign', {
  description:
    'Phong trào thi đua — a campaign (emulation movement) issued by one unit for a period, with its plan, targets, milestones and subjects; campaigns form one tree nation → province → district → commune.',
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'campaign' })
export class Campaign extends Identified implements Audited {
  @Field(() => String, {
    nullable: true,
    description: 'Khóa dữ liệu mẫu, ví dụ "khanh-hoa-2021-2025" — the seed key, for campaigns loaded from seeds/plans.',
  })
  @Property({ type: 'string', columnType: 'text', nullable: true, unique: true })
  key?: string | null;

  @TextField('Tên phong trào — name.')
  name!: string;

  @TextField('Tên tiếng Anh — name in English.', { nullable: true })
  nameEn?: string | null;

  @TextField('Khẩu hiệu, ví dụ "Bắc Kạn chung sức xây dựng nông thôn mới" — slogan.', { nullable: true })
  slogan?: string | null;

  /** Id of the issuing unit in the units subgraph (never a foreign key across schemas). */
  @Property({ type: 'integer' })
  @Index()
  issuerUnitId!: number;

  /** The issuer's GSO code when the campaign was issued (codes are reused across periods; the id is exact). */
  @Property({ type: 'string', length: 10 })
  issuerCode!: string;

  @Field({
    description:
      'Văn bản không nêu rõ đơn vị ban hành; issuer là đơn vị cấp trên nhỏ nhất được biết (001: một xã của huyện Chi Lăng) — the document does not name its issuer; `issuer` is the smallest enclosing unit known.',
  })
  @Property({ type: 'boolean', default: false })
  issuerUnidentified: boolean = false;

  @TextField('Ghi chú về đơn vị ban hành — note on the issuer (what the document says of it).', { nullable: true })
  issuerNote?: string | null;

  @Field(() => DateScalar, { description: 'Ngày bắt đầu giai đoạn — first day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Ngày kết thúc giai đoạn — last day of the period.' })
  @Property({ type: 'string', columnType: 'date' })
  periodEnd!: string;

  @Field(() => CampaignStatus, { description: 'Trạng thái — status.' })
  @Enum({ items: () => CampaignStatus })
  status: CampaignStatus = CampaignStatus.ACTIVE;

  @ManyToOne(() => Campaign, { nullable: true, ref: false, fieldName: 'parent_id' })
  @Index()
  parent?: Campaign | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản) — source (file § clause).', { nullable: true })
  source?: string | null;

  @Field(() => [SubMovement], { description: 'Phong trào, cuộc vận động gắn kèm — movements and drives linked to the campaign.' })
  @Property({ type: 'json', columnType: 'jsonb' })
  subMovements: SubMovement[] = [];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planNumber?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  planDate?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planDateText?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planTitle?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planSigner?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planSignerTitle?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planIssuingBody?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planSourceFile?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  planNote?: string | null;

  @Property({ type: 'json', columnType: 'jsonb' })
  planLegalBases: DocumentReference[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  planCitedDocuments: DocumentReference[] = [];

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  planParentRef?: DocumentReference | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  planAttachedTo?: DocumentReference | null;

  @Property({ type: 'json', columnType: 'jsonb' })
  planCitedBy: PlanCitation[] = [];

  @Field(() => Int, {
    description: 'Phiên bản (khóa lạc quan): gửi lại khi sửa, xóa — version for optimistic locking: send it back as expectedVersion.',
  })
  @Property({ type: 'integer', version: true })
  version!: number;

  auditUnitId(): number | undefined {
    return this.issuerUnitId;
  }

  /** The plan document, read from the campaign's plan columns. */
  planDocument(): PlanDocument {
    return Object.assign(new PlanDocument(), {
      number: this.planNumber ?? null,
      date: this.planDate ?? null,
      dateText: this.planDateText ?? null,
      title: this.planTitle ?? null,
      signer: this.planSigner ?? null,
      signerTitle: this.planSignerTitle ?? null,
      issuingBody: this.planIssuingBody ?? null,
      sourceFile: this.planSourceFile ?? null,
      note: this.planNote ?? null,
      legalBases: this.planLegalBases ?? [],
      citedDocuments: this.planCitedDocuments ?? [],
      parentPlanRef: this.planParentRef ?? null,
      attachedTo: this.planAttachedTo ?? null,
      citedBy: this.planCitedBy ?? [],
    });
  }
}
