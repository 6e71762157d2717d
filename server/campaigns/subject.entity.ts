import { Entity, Enum } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { CampaignPart } from './campaign-part.entity.js';
import { SubjectType } from './campaigns.enums.js';
import { TextField } from '../shared/text-field.js';

/** Đối tượng thi đua — a kind of subject a campaign addresses, with the plan's emulation criteria for it. */
@ObjectType('CampaignSubject', {
  description: "Đối tượng thi đua — a kind of subject the campaign addresses, with the plan's emulation criteria text for it.",
})
@Entity({ tableName: 'subject' })
export class CampaignSubject extends CampaignPart {
  @Field(() => SubjectType, { description: 'Loại đối tượng — subject type.' })
  @Enum({ items: () => SubjectType })
  type!: SubjectType;

  @TextField('Tên đối tượng như văn bản — the subject as the plan names it.')
  label!: string;

  @TextField("Nội dung, tiêu chí thi đua — the plan's emulation criteria text for this subject.", { nullable: true })
  criteriaText?: string | null;

  @TextField('Ghi chú — note.', { nullable: true })
  note?: string | null;

  @TextField('Nguồn (tệp § điều khoản) — source.', { nullable: true })
  source?: string | null;
}
