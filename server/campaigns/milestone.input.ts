import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { MilestoneKind, Recurrence } from './campaigns.enums.js';

@InputType('MilestoneFieldsInput')
class MilestoneFieldsInput {
  @Field(() => Int, { nullable: true, description: 'Năm — year of a one-off milestone.' })
  year?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Hạn chót — deadline date.' })
  deadline?: string | null;

  @Field(() => Int, { nullable: true, description: 'Ngày của hạn chót hàng năm — day of a recurring deadline.' })
  deadlineDay?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tháng của hạn chót hàng năm — month of a recurring deadline.' })
  deadlineMonth?: number | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

@InputType('CreateMilestoneInput', { description: "Mốc mới — a new milestone (UNIT_ADMIN of the campaign's issuer)." })
export class CreateMilestoneInput extends MilestoneFieldsInput {
  @Field(() => ID, { description: 'Phong trào — the campaign.' })
  campaignId!: string;

  @Field(() => MilestoneKind, { description: 'Loại mốc — kind.' })
  kind!: MilestoneKind;

  @Field(() => Recurrence, { nullable: true, description: 'Tần suất (mặc định: ANNUAL cho ANNUAL, ONCE cho loại khác) — recurrence.' })
  recurrence?: Recurrence;

  @Field({ description: 'Mô tả — description.' })
  description!: string;
}

@InputType('UpdateMilestoneInput', { description: 'Sửa mốc — fields to change; omitted fields stay, null clears.' })
export class UpdateMilestoneInput extends MilestoneFieldsInput {
  @Field(() => MilestoneKind, { nullable: true, description: 'Loại mốc — kind.' })
  kind?: MilestoneKind;

  @Field(() => Recurrence, { nullable: true, description: 'Tần suất — recurrence.' })
  recurrence?: Recurrence;

  @Field(() => String, { nullable: true, description: 'Mô tả — description.' })
  description?: string;
}
