import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Audited } from '../shared/audit.js';
import { AwardAuthority, AwardOccasion, DossierItemKind } from './awards.enums.js';
import { CampaignRecord } from './campaign-record.entity.js';
import { TextField } from '../shared/text-field.js';

/** Hình thức khen thưởng — a form of award in the catalogue, ordered by conferring authority. */
@ObjectType('AwardForm', {
  description:
    'Hình thức khen thưởng — an award form of the catalogue (Huân chương Lao động, Bằng khen, Giấy khen …), ranked by conferring authority.',
})
@Entity({ tableName: 'award_form' })
export class AwardForm {
  @Field({ description: 'Mã hình thức, ví dụ "PROVINCE_CERTIFICATE" — stable code.' })
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Field(() => Int, { description: 'Thứ bậc: 1 cao nhất, bằng nhau là ngang cấp — rank, 1 = highest; equal ranks are of equal standing.' })
  @Property({ type: 'integer' })
  rank!: number;

  @Field(() => AwardAuthority, { description: 'Cấp khen thưởng — conferring authority.' })
  @Enum({ items: () => AwardAuthority })
  authority!: AwardAuthority;

  @TextField('Tên hình thức (tiếng Việt) — name as the plans write it.')
  nameVi!: string;

  @TextField('Tên tiếng Anh — English name.')
  nameEn!: string;

  @Field(() => [String], { description: 'Các hạng (Nhất, Nhì, Ba) — classes of the form, empty if none.' })
  @Property({ type: 'string[]', columnType: 'text[]' })
  classes: string[] = [];

  @TextField('Nguồn — a plan clause naming the form.', { nullable: true })
  source?: string | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;
}

/** A form a campaign may confer, as its plan states it. */
@ObjectType('CampaignAwardForm', {
  description: 'Hình thức khen thưởng của phong trào — a form a campaign may confer, as the plan states it.',
})
@Entity({ tableName: 'campaign_award_form' })
export class CampaignAwardForm implements Audited {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  campaignId!: number;

  @Property({ type: 'integer' })
  issuerUnitId!: number;

  @Field({ description: 'Mã hình thức — form code.' })
  @Property({ type: 'string', length: 40 })
  formCode!: string;

  @TextField("Cách kế hoạch ghi — the plan's wording.", { nullable: true })
  asStated?: string | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn — source clause.', { nullable: true })
  source?: string | null;

  auditUnitId(): number {
    return this.issuerUnitId;
  }
}

/** Thành phần hồ sơ theo kế hoạch — a document the plan requires in a nomination dossier. */
@ObjectType('DossierRequirement', {
  description: 'Thành phần hồ sơ theo kế hoạch — a document the plan requires in nomination dossiers for some occasions.',
})
@Entity({ tableName: 'dossier_item' })
export class DossierRequirement extends CampaignRecord {
  @Field(() => DossierItemKind, { description: 'Loại tài liệu — kind of document.' })
  @Enum({ items: () => DossierItemKind })
  item!: DossierItemKind;

  @TextField('Tên tài liệu theo kế hoạch — label.')
  label!: string;

  @Field(() => [AwardOccasion], { description: 'Áp dụng cho các đợt — occasions it is required for.' })
  @Property({ type: 'string[]', columnType: 'text[]' })
  occasions: AwardOccasion[] = [];

  @TextField('Mẫu quy định (ví dụ Mẫu số 07, NĐ 91/2017) — prescribed template.', { nullable: true })
  template?: string | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn — source clause.', { nullable: true })
  source?: string | null;
}
