import type { AuthChecker } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { CAPABILITIES, Capability } from './capabilities.js';
import type { SubgraphContext } from './context.js';
import { isWithinPath } from './domain/subtree.js';
import { bilingual, forbidden } from './errors.js';
import { Role } from './identity.js';
import type { UnitInfo } from './unit-directory.js';

/**
 * The scope check: whether the caller holds a capability over the subtree of a unit. One per request (`ctx.guard`),
 * handed to every service, which calls `require` as soon as it knows the unit a write concerns and before it
 * validates anything else (so an intruder learns nothing about what exists). The role check comes first, declared on
 * the resolver method (`@Authorized(Capability.X)`, see `authChecker`).
 */
export interface Guard {
  /** Refuses (FORBIDDEN) unless the caller holds `capability` over a subtree containing `unit`. */
  require(capability: Capability, unit: Pick<UnitInfo, 'path'>): void;
  /** Whether the caller holds `capability` over `unit` (for imports, which report a refused row instead of throwing). */
  allows(capability: Capability, unit: Pick<UnitInfo, 'path'>): boolean;
  /** The subtrees (ltree paths) within which the caller holds `capability`; the whole tree (`1`) for SYSTEM_ADMIN. */
  paths(capability: Capability): string[];
  /** Whether the caller is a system administrator (more than a grant over the nation: rows of no unit, other administrators). */
  isSystemAdmin(): boolean;
  /** Refuses (FORBIDDEN) everyone but system administrators. */
  requireSystemAdmin(): void;
}

export { isWithinPath } from './domain/subtree.js';

type HasIdentity = Pick<SubgraphContext, 'identity'>;

/** Refuses anonymous callers (UNAUTHENTICATED); returns the signed-in user's id. */
export function requireSignedIn(ctx: HasIdentity): number {
  if (ctx.identity.userId === null) {
    throw new GraphQLError(bilingual('Cần đăng nhập để thực hiện thao tác này', 'Sign in to do this'), {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return ctx.identity.userId;
}

function requireSystemAdmin(ctx: HasIdentity): void {
  requireSignedIn(ctx);
  if (!ctx.identity.grants.some((grant) => grant.role === Role.SYSTEM_ADMIN)) {
    throw forbidden('Chỉ quản trị hệ thống được làm việc này', 'Only system administrators may do this');
  }
}

/** The ltree paths the caller holds one of `roles` over (SYSTEM_ADMIN: the whole tree). */
function scopePaths(ctx: HasIdentity, roles: readonly Role[]): string[] {
  return ctx.identity.grants.flatMap((grant) => (grant.role === Role.SYSTEM_ADMIN ? ['1'] : roles.includes(grant.role) ? grant.paths : []));
}

/**
 * Whether the caller may read personal data (names of households and individuals) of a unit: a signed-in user
 * holding any role over a subtree that contains it.
 */
export function maySeePersonal(ctx: HasIdentity, unitPath: string): boolean {
  return scopePaths(ctx, Object.values(Role)).some((scope) => isWithinPath(unitPath, scope));
}

/** The guard of a request: reads the context's identity at each check (`login` sets it during the request). */
export function requestGuard(ctx: HasIdentity): Guard {
  const paths = (capability: Capability) => scopePaths(ctx, CAPABILITIES[capability].roles);
  return {
    require(capability, unit) {
      requireSignedIn(ctx);
      if (!paths(capability).some((scope) => isWithinPath(unit.path, scope))) {
        throw forbidden('Bạn không có quyền với đơn vị này', 'You have no permission for this unit');
      }
    },
    allows: (capability, unit) => paths(capability).some((scope) => isWithinPath(unit.path, scope)),
    paths,
    isSystemAdmin: () => ctx.identity.grants.some((grant) => grant.role === Role.SYSTEM_ADMIN),
    requireSystemAdmin: () => requireSystemAdmin(ctx),
  };
}

/** The guard of the system actor (seeds and start-up jobs, audited as "system"): it may do everything. */
export const SYSTEM_GUARD: Guard = {
  require: () => {},
  allows: () => true,
  paths: () => ['1'],
  isSystemAdmin: () => true,
  requireSystemAdmin: () => {},
};

/**
 * The role check of every resolver method, declared with type-graphql's `@Authorized(...)`: anonymous callers are
 * refused (UNAUTHENTICATED) before any lookup; `@Authorized(A, B)` also refuses (FORBIDDEN) callers who hold neither
 * capability over any unit. `@Authorized()` asks only that the caller be signed in. Which unit's subtree decides is
 * the service's business, through `ctx.guard`.
 */
export const authChecker: AuthChecker<SubgraphContext, Capability> = ({ context }, capabilities) => {
  requireSignedIn(context);
  if (!capabilities.length || capabilities.some((capability) => scopePaths(context, CAPABILITIES[capability].roles).length > 0))
    return true;
  // A capability no role holds is the system administrators' alone.
  if (capabilities.every((capability) => !CAPABILITIES[capability].roles.length)) requireSystemAdmin(context);
  const { vi, en } = CAPABILITIES[capabilities[0]].description;
  throw forbidden(`Bạn không có quyền "${vi}" ở đơn vị nào`, `You hold ${capabilities[0]} (${en.replace(/\.$/, '')}) over no unit`);
};
