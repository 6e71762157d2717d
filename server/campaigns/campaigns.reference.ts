import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { campaignById, metricByCode } from './campaigns.loaders.js';

/** Resolves `{ __typename: "Campaign", id }` references from other subgraphs, batched. */
export const resolveCampaignReference = (reference: Record<string, unknown>, ctx: SubgraphContext) => {
  const id = Number(reference.id);
  return Number.isSafeInteger(id) ? campaignById(ctx).load(id) : null;
};

/** Resolves `{ __typename: "Metric", code }` references, batched. */
export const resolveMetricReference = (reference: Record<string, unknown>, ctx: SubgraphContext) =>
  metricByCode(ctx).load(String(reference.code));

/** An AdministrativeUnit reference needs nothing but its id here: `campaigns` is looked up by it. */
export const resolveUnitReference = (reference: Record<string, unknown>) => unitRef(Number(reference.id));

/**
 * The units subgraph's entity, seen from here: only its key. The gateway fills in the rest from the units
 * subgraph; this subgraph adds `campaigns` to it.
 */
@ObjectType('AdministrativeUnit', {
  description: 'Đơn vị hành chính (thực thể của subgraph units) — an administrative unit; this subgraph adds the campaigns it issued.',
})
@Directive('@key(fields: "id")')
export class AdministrativeUnitRef {
  @Field(() => ID, { description: 'Mã định danh bền vững — stable id, distinct for every unit and period.' })
  id!: number;
}

export const unitRef = (id: number): AdministrativeUnitRef => Object.assign(new AdministrativeUnitRef(), { id });
