import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Đơn vị hành chính — the units subgraph's entity, seen from here by its key. Insights adds `subunits`, read from its
 * copy of the unit tree (one statement per level of a nested read).
 */
@ObjectType('AdministrativeUnit', {
  description:
    'Đơn vị hành chính — an administrative unit (owned by the units subgraph; here with its sub-units from the insights read model).',
})
@Directive('@key(fields: "id")')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id of the unit.' })
  id!: number;
}

export const unitRef = (id: number): UnitRef => Object.assign(new UnitRef(), { id });
