import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { CampaignPart } from './campaign-part.entity.js';
import { SubjectType } from './campaigns.enums.js';

/** Đối tượng thi đua — a kind of subject a campaign addresses, with the plan's emulation criteria for it. */
@ObjectType('CampaignSubject', {
  description: "Đối tượng thi đua — a kind of subject the campaign addresses, with the plan's emulation criteria text for it.",
})
@Entity({ tableName: 'subject' })
export class CampaignSubject extends CampaignPart {
  @Field(() => SubjectType, { description: 'Loại đối tượng — subject type.' })
  @Enum({ items: () => SubjectType })
  type!: SubjectType;

  @Field({ description: 'Tên đối tượng như văn bản — the subject as the plan names it.' })
  @Property({ type: 'string', columnType: 'text' })
  label!: string;

  @Field(() => String, { nullable: true, description: "Nội dung, tiêu chí thi đua — the plan's emulation criteria text for this subject." })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  criteriaText?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — source.' })
  @Property({ type: 'string', columnType: 'text', nullable: true })
  source?: string | null;
}
