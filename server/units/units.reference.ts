import type { SubgraphContext } from '../shared/context.js';
import { unitById } from './units.loaders.js';

/** Resolves `{ __typename: "AdministrativeUnit", id }` references from other subgraphs, batched. */
export const resolveUnitReference = (reference: Record<string, unknown>, ctx: SubgraphContext) => unitById(ctx).load(Number(reference.id));
