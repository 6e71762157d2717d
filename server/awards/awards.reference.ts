import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Đơn vị hành chính — the units subgraph's entity, referred to here by its key only. */
@ObjectType('AdministrativeUnit', {
  description: 'Đơn vị hành chính — an administrative unit (owned by the units subgraph; referred to here by key).',
})
@Directive('@key(fields: "id", resolvable: false)')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id of the unit.' })
  id!: number;
}

/** Phong trào thi đua — the campaigns subgraph's entity, referred to here by its key only. */
@ObjectType('Campaign', { description: 'Phong trào thi đua — a campaign (owned by the campaigns subgraph; referred to here by key).' })
@Directive('@key(fields: "id", resolvable: false)')
export class CampaignRef {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  id!: number;
}

export const unitRef = (id: number): UnitRef => Object.assign(new UnitRef(), { id });
export const campaignRef = (id: number): CampaignRef => Object.assign(new CampaignRef(), { id });
