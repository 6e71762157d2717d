import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { AdministrativeUnitRef, unitRef } from './campaigns.reference.js';
import { Campaign } from './campaign.entity.js';
import { campaignById, metricByCode } from './campaigns.loaders.js';
import { Metric } from './metric.entity.js';
import { Target } from './target.entity.js';

/** Fields of Target that point elsewhere; batched per request. */
@Resolver(() => Target)
export class TargetFieldsResolver {
  @FieldResolver(() => AdministrativeUnitRef, { description: 'Đơn vị của chỉ tiêu — the unit the target is about.' })
  unit(@Root() target: Target): AdministrativeUnitRef {
    return unitRef(target.unitId);
  }

  @FieldResolver(() => Metric, { description: 'Chỉ số — the metric.' })
  async metric(@Root() target: Target, @Ctx() ctx: SubgraphContext): Promise<Metric> {
    return (await metricByCode(ctx).load(target.metric.code))!;
  }

  @FieldResolver(() => Campaign, { description: 'Phong trào của chỉ tiêu — the campaign the target belongs to.' })
  async campaign(@Root() target: Target, @Ctx() ctx: SubgraphContext): Promise<Campaign> {
    return (await campaignById(ctx).load(target.campaign.id))!;
  }
}
