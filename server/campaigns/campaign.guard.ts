import { Capability, authorizeCapability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import type { UnitInfo } from '../shared/unit-directory.js';

/** Authorises a write that concerns a unit; services call it as soon as they know the unit, before validating. */
export type Guard = (unit: Pick<UnitInfo, 'path'>) => void;

/**
 * The caller must hold `capability` over the unit (PLAN_CAMPAIGNS by default: UNIT_ADMIN, or SYSTEM_ADMIN). Anonymous
 * callers are refused at once, before any lookup, so they learn nothing about what exists.
 */
export function unitAdminGuard(ctx: SubgraphContext, capability = Capability.PLAN_CAMPAIGNS): Guard {
  const guard: Guard = (unit) => authorizeCapability(ctx, capability, unit.path);
  if (ctx.identity.userId === null) guard({ path: '' });
  return guard;
}

/** Seeds are loaded by the hub itself, with no caller to authorise. */
export const SEED_GUARD: Guard = () => {};

/** The `expectedVersion` argument of every update and delete (optimistic locking). */
export const EXPECTED_VERSION = {
  description: 'Phiên bản bạn đã đọc; khác phiên bản hiện tại → CONFLICT — the version you read; a stale one is refused with CONFLICT.',
};
