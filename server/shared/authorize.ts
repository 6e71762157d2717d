import { GraphQLError } from 'graphql';
import type { SubgraphContext } from './context.js';
import { bilingual, forbidden } from './errors.js';
import { Role } from './identity.js';

/** Whether `path` lies in the subtree rooted at `scope` (both ltree paths of unit ids). */
export const isWithinPath = (path: string, scope: string): boolean => path === scope || path.startsWith(`${scope}.`);

/**
 * Refuses unless the caller holds one of `roles` (or SYSTEM_ADMIN) over a unit whose subtree contains `unitPath`.
 * Every mutation calls this before it writes anything.
 */
export function authorize(ctx: SubgraphContext, roles: readonly Role[], unitPath: string): void {
  if (ctx.identity.userId === null) {
    throw new GraphQLError(bilingual('Cần đăng nhập để thực hiện thao tác này', 'Sign in to do this'), { extensions: { code: 'UNAUTHENTICATED' } });
  }
  const allowed = ctx.identity.grants.some(
    (grant) => grant.role === Role.SYSTEM_ADMIN || (roles.includes(grant.role) && grant.paths.some((scope) => isWithinPath(unitPath, scope))),
  );
  if (!allowed) {
    throw forbidden('Bạn không có quyền với đơn vị này', 'You have no permission for this unit');
  }
}
