import { GraphQLError } from 'graphql';
import type { SubgraphContext } from './context.js';
import { bilingual, forbidden } from './errors.js';
import { Role } from './identity.js';
import { isWithinPath } from './domain/subtree.js';

export { isWithinPath } from './domain/subtree.js';

/**
 * Refuses unless the caller holds one of `roles` (or SYSTEM_ADMIN) over a unit whose subtree contains `unitPath`.
 * Every mutation calls this before it writes anything.
 */
export function authorize(ctx: SubgraphContext, roles: readonly Role[], unitPath: string): void {
  requireSignedIn(ctx);
  const allowed = ctx.identity.grants.some(
    (grant) => grant.role === Role.SYSTEM_ADMIN || (roles.includes(grant.role) && grant.paths.some((scope) => isWithinPath(unitPath, scope))),
  );
  if (!allowed) {
    throw forbidden('Bạn không có quyền với đơn vị này', 'You have no permission for this unit');
  }
}

/** Refuses anonymous callers; returns the signed-in user's id. */
export function requireSignedIn(ctx: SubgraphContext): number {
  if (ctx.identity.userId === null) {
    throw new GraphQLError(bilingual('Cần đăng nhập để thực hiện thao tác này', 'Sign in to do this'), { extensions: { code: 'UNAUTHENTICATED' } });
  }
  return ctx.identity.userId;
}

/** Refuses everyone but system administrators. */
export function requireSystemAdmin(ctx: SubgraphContext): void {
  requireSignedIn(ctx);
  if (!ctx.identity.grants.some((grant) => grant.role === Role.SYSTEM_ADMIN)) {
    throw forbidden('Chỉ quản trị hệ thống được làm việc này', 'Only system administrators may do this');
  }
}

/** The ltree paths the caller may read or write under with one of `roles` (SYSTEM_ADMIN: the whole tree). */
export function scopePaths(ctx: SubgraphContext, roles: readonly Role[]): string[] {
  return ctx.identity.grants.flatMap((grant) =>
    grant.role === Role.SYSTEM_ADMIN ? ['1'] : roles.includes(grant.role) ? grant.paths : []);
}

/**
 * Whether the caller may read personal data (names of households and individuals) of a unit: a signed-in user
 * holding any role over a subtree that contains it.
 */
export function maySeePersonal(ctx: SubgraphContext, unitPath: string): boolean {
  return scopePaths(ctx, Object.values(Role)).some((scope) => isWithinPath(unitPath, scope));
}
