import type { SubgraphContext } from '../shared/context.js';
import { unitRef } from './administrative-unit.js';
import { campaignById, metricByCode } from './campaign.loaders.js';

/** Resolves `{ __typename: "Campaign", id }` references from other subgraphs, batched. */
export const resolveCampaignReference = (reference: Record<string, unknown>, ctx: SubgraphContext) => {
  const id = Number(reference.id);
  return Number.isSafeInteger(id) ? campaignById(ctx).load(id) : null;
};

/** Resolves `{ __typename: "Metric", code }` references, batched. */
export const resolveMetricReference = (reference: Record<string, unknown>, ctx: SubgraphContext) => metricByCode(ctx).load(String(reference.code));

/** An AdministrativeUnit reference needs nothing but its id here: `campaigns` is looked up by it. */
export const resolveUnitReference = (reference: Record<string, unknown>) => unitRef(Number(reference.id));
