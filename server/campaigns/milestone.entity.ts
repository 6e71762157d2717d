import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { CampaignPart } from './campaign-part.entity.js';
import { MilestoneKind, Recurrence } from './campaigns.enums.js';
import { TextField } from '../shared/text-field.js';

/** Mốc — an occasion of a campaign: annual awards with their dossier deadline, mid-term and final reviews, … */
@ObjectType('Milestone', {
  description:
    'Mốc của phong trào — an occasion: annual awards with their dossier deadline, the mid-term review (2023), the final review (2025), inspections, reports.',
})
@Entity({ tableName: 'milestone' })
export class Milestone extends CampaignPart {
  @Field(() => MilestoneKind, { description: 'Loại mốc — kind.' })
  @Enum({ items: () => MilestoneKind })
  kind!: MilestoneKind;

  @Field(() => Recurrence, { description: 'Tần suất — recurrence.' })
  @Enum({ items: () => Recurrence })
  recurrence!: Recurrence;

  @Field(() => Int, { nullable: true, description: 'Năm (mốc một lần) — year of a one-off milestone.' })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hạn chót (một lần) — deadline date of a one-off milestone.' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  deadline?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Ngày của hạn chót lặp lại hàng năm (Cẩm Xuyên: trước 15/12 → 15) — day of a recurring deadline.',
  })
  @Property({ type: 'integer', nullable: true })
  deadlineDay?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tháng của hạn chót lặp lại hàng năm (15/12 → 12) — month of a recurring deadline.' })
  @Property({ type: 'integer', nullable: true })
  deadlineMonth?: number | null;

  @TextField('Mô tả — description.')
  description!: string;

  @TextField('Nguồn (tệp § điều khoản) — source.', { nullable: true })
  source?: string | null;

  @Field(() => Int, { description: 'Phiên bản (khóa lạc quan) — version for optimistic locking.' })
  @Property({ type: 'integer', version: true })
  version!: number;
}
