/** Resolving the subjects awards are about: administrative units by code, contributors by id. */
import { referenceDate } from '../shared/domain/calendar.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { maySeePersonal } from '../shared/guard.js';
import type { SubgraphContext } from '../shared/context.js';
import { badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { AwardSubjectType, isPersonal, subjectTypeOfContributor } from './awards.enums.js';
import { Contributor } from './contribution.entity.js';
import type { SubjectInput } from './contribution.input.js';
import { AwardSubject } from './nomination.entity.js';
import { unitRef } from './awards.reference.js';

/** A subject with its unit (itself, or the contributor's commune or village). */
export interface ResolvedSubject {
  type: AwardSubjectType;
  unit: UnitInfo;
  contributor: Contributor | null;
  name: string;
}

const UNIT_TYPES: Record<string, AwardSubjectType> = {
  DISTRICT: AwardSubjectType.DISTRICT,
  COMMUNE: AwardSubjectType.COMMUNE,
  VILLAGE: AwardSubjectType.VILLAGE,
};

export async function requireContributor(em: EntityManager, id: string | number, field = 'contributorId'): Promise<Contributor> {
  const contributor = await em.findOne(Contributor, { id: parseId(id, field) });
  if (!contributor) throw notFound(`Không có người đóng góp ${id}`, `No contributor ${id}`);
  return contributor;
}

/** The subject an input names: exactly one of a unit code or a contributor id. */
export async function resolveSubject(ctx: SubgraphContext, em: EntityManager, input: SubjectInput, year: number): Promise<ResolvedSubject> {
  if ((input.unitCode == null) === (input.contributorId == null)) {
    throw badInput(
      'Đối tượng phải là đúng một trong unitCode, contributorId',
      'The subject must be exactly one of unitCode, contributorId',
      'subject',
    );
  }
  if (input.contributorId != null) {
    const contributor = await requireContributor(em, input.contributorId, 'subject.contributorId');
    const unit = await ctx.units.byId(contributor.unitId);
    if (!unit)
      throw notFound(`Không tìm thấy đơn vị của người đóng góp ${contributor.id}`, `The unit of contributor ${contributor.id} is unknown`);
    return { type: subjectTypeOfContributor(contributor.kind), unit, contributor, name: contributor.name };
  }
  const unit = await ctx.units.requireByCode(input.unitCode!, input.asOf ?? referenceDate(year));
  const type = UNIT_TYPES[unit.level];
  if (!type)
    throw badInput(
      `Đơn vị ${unit.name} (${unit.level}) không phải huyện, xã hoặc thôn`,
      `${unit.name} (${unit.level}) is not a district, commune or village`,
      'subject.unitCode',
    );
  return { type, unit, contributor: null, name: unit.name };
}

/** The subject as the API shows it: names of households and individuals only to callers with a role over their unit. */
export async function subjectView(
  ctx: SubgraphContext,
  type: AwardSubjectType,
  unitId: number,
  contributorId: number | null | undefined,
  name: string,
): Promise<AwardSubject> {
  const hidden = isPersonal(type) && !(await personalVisible(ctx, unitId));
  return Object.assign(new AwardSubject(), {
    kind: type,
    name: hidden ? null : name,
    unit: unitRef(unitId),
    contributorId: contributorId ?? null,
  });
}

/** Whether the caller holds a role over the unit, so may read its households' and individuals' names. */
export async function personalVisible(ctx: SubgraphContext, unitId: number): Promise<boolean> {
  if (ctx.identity.userId === null) return false;
  const unit = await ctx.units.byId(unitId);
  return unit !== null && maySeePersonal(ctx, unit.path);
}
