import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** AdministrativeUnit as this subgraph knows it: by key only; the units subgraph resolves the rest. */
@ObjectType('AdministrativeUnit', { description: 'Đơn vị hành chính — an administrative unit (resolved by the units subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh — unit id.' })
  id!: number;
}
