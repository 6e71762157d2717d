import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { AdministrativeUnitRef } from './campaigns.reference.js';
import { Campaign } from './campaign.entity.js';
import { campaignsIssuedBy } from './campaigns.loaders.js';

/** What this subgraph adds to the units subgraph's AdministrativeUnit. */
@Resolver(() => AdministrativeUnitRef)
export class UnitCampaignsResolver {
  @FieldResolver(() => [Campaign], { description: 'Phong trào do đơn vị này ban hành — the campaigns this unit issued.' })
  campaigns(@Root() unit: AdministrativeUnitRef, @Ctx() ctx: SubgraphContext): Promise<Campaign[]> {
    return campaignsIssuedBy(ctx).load(Number(unit.id));
  }
}
