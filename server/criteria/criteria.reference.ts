import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Đơn vị hành chính — the units subgraph's entity, seen from here by its key only. This subgraph adds the unit's
 * assessments and recognition; everything else about the unit comes from the units subgraph.
 */
@ObjectType('AdministrativeUnit', {
  description: 'Đơn vị hành chính — an administrative unit (owned by the units subgraph; here with its assessments and recognition).',
})
@Directive('@key(fields: "id")')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id of the unit.' })
  id!: number;
}

export const unitRef = (id: number): UnitRef => Object.assign(new UnitRef(), { id });

/** Resolves `{ __typename: "AdministrativeUnit", id }` from the gateway: the id is all this subgraph needs. */
export const resolveUnitReference = (reference: Record<string, unknown>): UnitRef => unitRef(Number(reference.id));
