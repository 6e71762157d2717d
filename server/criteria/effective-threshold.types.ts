import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Comparator } from './criteria.enums.js';
import { Threshold } from './criteria-set.entity.js';
import type { Effective } from './criteria-set.service.js';
import { UnitRef, unitRef } from './criteria.reference.js';

/** Một ngưỡng ứng viên — a threshold that applies, with its precedence. */
@ObjectType('ThresholdCandidate', {
  description: 'Ngưỡng ứng viên — a threshold that applies to the unit and year, in order of precedence.',
})
export class ThresholdCandidate {
  @Field(() => Int, { description: 'Thứ tự ưu tiên (1 = được áp dụng) — precedence (1 = the one applied).' })
  rank!: number;

  @Field({ description: 'Được áp dụng — whether this is the threshold applied.' })
  applied!: boolean;

  @Field(() => Threshold, { description: 'Ngưỡng — the threshold.' })
  threshold!: Threshold;
}

/** Ngưỡng hiệu lực — the threshold an indicator has for one unit and year, and why. */
@ObjectType('EffectiveThreshold', {
  description:
    'Ngưỡng hiệu lực — the threshold an indicator has for a unit in a year: the most specific that applies (own unit → ancestors → nation; then class, commune group, region, year), with every candidate.',
})
export class EffectiveThreshold {
  @Field(() => Float, { nullable: true, description: 'Giá trị ngưỡng — the level (null: none configured).' })
  value!: number | null;

  @Field(() => Comparator, { description: 'Phép so sánh — comparator.' })
  comparator!: Comparator;

  @Field(() => Threshold, { nullable: true, description: 'Ngưỡng được áp dụng — the threshold applied.' })
  applied!: Threshold | null;

  @Field(() => [ThresholdCandidate], {
    description: 'Chuỗi ứng viên, theo thứ tự ưu tiên — every threshold that applies, in order of precedence.',
  })
  chain!: ThresholdCandidate[];

  @Field(() => UnitRef, { description: 'Đơn vị — the unit.' })
  unit!: UnitRef;

  @Field(() => Int, { description: 'Năm — the year.' })
  year!: number;

  static from({ indicator, unitId, year, chain }: Effective): EffectiveThreshold {
    const applied = chain[0]?.threshold ?? null;
    return Object.assign(new EffectiveThreshold(), {
      value: applied?.value ?? null,
      comparator: indicator.comparator,
      applied,
      unit: unitRef(unitId),
      year,
      chain: chain.map((c) => ({ rank: c.rank, applied: c.rank === 1, threshold: c.threshold })),
    });
  }
}
