import { Entity, Enum } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { CampaignPart } from './campaign-part.entity.js';
import { Recurrence, ResponsibilityKind } from './campaigns.enums.js';
import { TextField } from '../shared/text-field.js';

/**
 * Trách nhiệm tổ chức thực hiện — one duty the plan assigns ("Tổ chức thực hiện", "Thủ tục, hồ sơ"): who does what
 * with the nomination dossiers and reports, for whom, when, in the plan's words and with its clause.
 */
@ObjectType('CampaignResponsibility', {
  description:
    "Trách nhiệm theo kế hoạch — a duty the plan assigns (who receives, appraises, submits nomination dossiers, reports, inspects …), in the plan's words with its clause.",
})
@Entity({ tableName: 'responsibility' })
export class Responsibility extends CampaignPart {
  @Field(() => ResponsibilityKind, { description: 'Loại trách nhiệm — what the duty is.' })
  @Enum({ items: () => ResponsibilityKind })
  kind!: ResponsibilityKind;

  @TextField('Ai thực hiện, như văn bản ghi (cơ quan, hội đồng, đơn vị) — who, as the plan names them.')
  actor!: string;

  @TextField('Gửi, trình cho ai (nếu văn bản nêu) — to whom, when the plan says.', { nullable: true })
  recipient?: string | null;

  @Field(() => Recurrence, { nullable: true, description: 'Định kỳ (hàng năm, 6 tháng) nếu văn bản nêu — how often, when the plan says.' })
  @Enum({ items: () => Recurrence, nullable: true })
  recurrence?: Recurrence | null;

  @TextField('Thời hạn như văn bản ghi ("trước ngày 15/12", "cuối năm") — when, in the plan\'s words.', { nullable: true })
  deadlineText?: string | null;

  @TextField("Trích nguyên văn — the plan's words.")
  quote!: string;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản) — source clause.')
  source!: string;
}
