import type { SubgraphContext } from '../shared/context.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { intArray } from '../shared/sql.js';
import { UnitRef, unitRef } from './criteria.reference.js';
import { dateInYear, requireUnit } from './unit-lookup.js';

@ObjectType('AssessmentCoverage', {
  description: 'Độ phủ đánh giá — how many communes of a territory have an assessment for a year, and which have none yet.',
})
export class AssessmentCoverage {
  @Field(() => Int, {
    description:
      'Số xã (không kể phường, thị trấn) trong địa bàn, hiệu lực ngày đọc mã — rural communes (not wards or townships) in the territory, as valid on the date codes are read.',
  })
  communeCount!: number;

  @Field(() => Int, {
    description: 'Số xã đã có đánh giá năm này (theo bất kỳ bộ tiêu chí nào) — communes with an assessment for the year (any set).',
  })
  assessedCount!: number;

  @Field(() => Int, { description: 'Số xã chưa có đánh giá — communes without one.' })
  missingCount!: number;

  @Field(() => [UnitRef], {
    description: 'Các xã chưa có đánh giá, theo mã (tối đa `limit`) — communes without an assessment, by code (at most `limit`).',
  })
  missing!: UnitRef[];
}

/**
 * Which communes of a territory still lack an assessment for a year: the work an assessor has left. Communes are
 * those valid mid-year (or on `asOf`), as assessments read them.
 */
export async function assessmentCoverage(
  ctx: SubgraphContext,
  withinCode: string,
  year: number,
  asOf: string | null | undefined,
  limit: number,
): Promise<AssessmentCoverage> {
  const date = dateInYear(year, asOf);
  const territory = await requireUnit(ctx, withinCode.trim(), date, 'withinCode');
  // Rural communes (xã) only: wards and townships are not assessed against the NTM criteria.
  const communes = territory.level === 'COMMUNE' ? [territory.id] : await ctx.units.subtreeIds(territory.code, date, 'COMMUNE', 'COMMUNE');
  const assessed = communes.length
    ? (
        await ctx.em.execute<{ unit_id: number }[]>(
          'SELECT DISTINCT unit_id FROM criteria.assessment WHERE year = ? AND unit_id = ANY(?::int[])',
          [year, intArray(communes)],
        )
      ).map((r) => Number(r.unit_id))
    : [];
  const done = new Set(assessed);
  const missing = communes.filter((id) => !done.has(id));
  return {
    communeCount: communes.length,
    assessedCount: done.size,
    missingCount: missing.length,
    missing: missing.slice(0, limit).map(unitRef),
  };
}
