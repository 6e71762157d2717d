import { maySeePersonal } from './guard.js';
import type { SubgraphContext } from './context.js';

/**
 * Whether the caller may see the names of the staff who acted on a unit's records (workflow and change history):
 * a signed-in user holding a role over the unit. Everyone else sees who acted by role, or not at all.
 */
export async function maySeeStaffNames(ctx: SubgraphContext, unitId: number): Promise<boolean> {
  if (ctx.identity.userId === null) return false;
  const unit = await ctx.units.byId(unitId);
  return unit !== null && maySeePersonal(ctx, unit.path);
}
