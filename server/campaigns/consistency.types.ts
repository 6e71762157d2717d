import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Campaign } from './campaign.entity.js';
import { ConsistencyWarningKind } from './campaigns.enums.js';
import { Target } from './target.entity.js';

/** A target at one unit set against the targets for the units below it (the campaign's own, or its children's). */
@ObjectType('TargetRollup', {
  description:
    "Đối chiếu một chỉ tiêu với tổng các chỉ tiêu của đơn vị cấp dưới — a target set against the sum of the targets for the units below it (the campaign's own per-sub-unit targets, or its child campaigns').",
})
export class TargetRollup {
  @Field(() => Target, { description: 'Chỉ tiêu của đơn vị cấp trên — the target at the higher unit.' })
  target!: Target;

  @Field(() => [Target], { description: 'Các chỉ tiêu của đơn vị cấp dưới được cộng — the per-sub-unit targets summed, one per sub-unit.' })
  parts!: Target[];

  @Field(() => Float, {
    nullable: true,
    description:
      "Tổng giá trị của các phần (số lượng, cận dưới của khoảng) — sum of the parts' values (counts; a range counts its binding end).",
  })
  partsValue?: number | null;

  @Field(() => Int, { nullable: true, description: "Tổng tử số — sum of the parts' numerators (null if one lacks it)." })
  partsNumerator?: number | null;

  @Field(() => Int, { nullable: true, description: "Tổng mẫu số — sum of the parts' denominators (null if one lacks it)." })
  partsDenominator?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Tỷ lệ % của tổng tử số trên tổng mẫu số — the parts' share, 100 × numerator ÷ denominator.",
  })
  partsShare?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Các phần đạt thì chỉ tiêu cấp trên đạt; null khi không so sánh được (khác mẫu số, thiếu số liệu) — whether meeting the parts meets the target; null when they cannot be compared.',
  })
  consistent?: boolean | null;

  @Field({ description: 'Giải thích — explanation, Vietnamese then English.' })
  message!: string;
}

/** A child campaign's target that asks less than the parent campaign's for the same unit, metric and year. */
@ObjectType('WeakerTarget', {
  description:
    "Chỉ tiêu của phong trào cấp dưới thấp hơn chỉ tiêu cấp trên cho cùng đơn vị, chỉ số, năm — a child campaign's target weaker than the parent's for the same unit, metric and year.",
})
export class WeakerTarget {
  @Field(() => Target, { description: "Chỉ tiêu của phong trào cấp trên — the parent campaign's target." })
  parentTarget!: Target;

  @Field(() => Target, { description: 'Chỉ tiêu thấp hơn của phong trào cấp dưới — the weaker child target.' })
  childTarget!: Target;

  @Field({ description: 'Giải thích — explanation, Vietnamese then English.' })
  message!: string;
}

/** A contradiction inside one plan, for a planner to resolve: what disagrees, by how much, and in which clauses. */
@ObjectType('ConsistencyWarning', {
  description:
    "Cảnh báo mâu thuẫn giữa các chỉ tiêu của kế hoạch, kèm điều khoản nguồn — a contradiction between the plan's own targets, with the clauses.",
})
export class ConsistencyWarning {
  @Field(() => ConsistencyWarningKind, { description: 'Loại mâu thuẫn — the kind of contradiction.' })
  kind!: ConsistencyWarningKind;

  @Field(() => [Target], { description: 'Các chỉ tiêu mâu thuẫn nhau — the targets that disagree.' })
  targets!: Target[];

  @Field(() => [String], { description: 'Điều khoản nguồn của các chỉ tiêu đó — their source clauses.' })
  sources!: string[];

  @Field({
    description:
      'Giải thích cho người lập kế hoạch, tiếng Việt rồi tiếng Anh, có số liệu và điều khoản — the contradiction in words, Vietnamese then English, with figures and clauses.',
  })
  message!: string;
}

@ObjectType('CampaignConsistency', {
  description:
    "Báo cáo nhất quán chỉ tiêu của một phong trào — how a campaign's targets agree with its per-sub-unit targets and with its child campaigns' targets.",
})
export class CampaignConsistency {
  @Field(() => Campaign, { description: 'Phong trào được kiểm tra — the campaign checked.' })
  campaign!: Campaign;

  @Field(() => [TargetRollup], {
    description: 'Chỉ tiêu đối chiếu với tổng cấp dưới — targets set against the sum of the targets below them.',
  })
  rollups!: TargetRollup[];

  @Field(() => [WeakerTarget], { description: "Chỉ tiêu cấp dưới thấp hơn cấp trên — child targets weaker than the parent's." })
  weakerTargets!: WeakerTarget[];

  @Field(() => [ConsistencyWarning], {
    description:
      "Mâu thuẫn giữa các chỉ tiêu của chính kế hoạch này (tỷ lệ và số lượng, mức tăng cả giai đoạn và từng năm) — contradictions between this plan's own targets.",
  })
  warnings!: ConsistencyWarning[];
}
