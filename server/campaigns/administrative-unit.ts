import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The units subgraph's entity, seen from here: only its key. The gateway fills in the rest from the units
 * subgraph; this subgraph adds `campaigns` to it.
 */
@ObjectType('AdministrativeUnit', { description: 'Đơn vị hành chính (thực thể của subgraph units) — an administrative unit; this subgraph adds the campaigns it issued.' })
@Directive('@key(fields: "id")')
export class AdministrativeUnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id, distinct for every unit and period.' })
  id!: number;
}

export const unitRef = (id: number): AdministrativeUnitRef => Object.assign(new AdministrativeUnitRef(), { id });
