import { useEffect, useState } from 'react';
import type { AuthProvider } from 'react-admin';
import { gql, session, type Session } from './dataProvider/client';

/** Signs in through the gateway's `login` mutation and keeps the expiring token in localStorage. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await gql<{ login: Session }>(
      `mutation Login($username: String!, $password: String!) {
        login(username: $username, password: $password) { token expiresAt user { username displayName grants { role unit { id code name } } } }
      }`,
      { username: username.trim(), password },
    );
    session.write(login);
  },
  async logout() {
    session.write(null);
  },
  async checkAuth() {
    if (!session.read()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.write(null);
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const current = session.read();
    if (!current) throw new Error('ra.auth.auth_check_error');
    return { id: current.user.username, fullName: current.user.displayName };
  },
  async getPermissions() {
    return session.read()?.user.grants ?? [];
  },
};

/** The units the signed-in user holds a grant on (their own territory), for defaults in forms. */
export const grantedUnits = () => session.read()?.user.grants.map((g) => ({ role: g.role, ...g.unit })) ?? [];

interface GrantScope { role: string; paths: string[] }
let scopes: { token: string; grants: Promise<GrantScope[]> } | undefined;

/**
 * The ltree paths each of the session's grants covers, read once per sign-in: the unit's own and those of the units
 * it took over whole through any reorganisation (the API's `coveredPaths`, as its authorisation counts them).
 */
function grantScopes(): Promise<GrantScope[]> {
  const current = session.read();
  if (!current) return Promise.resolve([]);
  if (scopes?.token !== current.token) {
    const ids = [...new Set(current.user.grants.map((g) => g.unit.id))];
    type Unit = { id: string; coveredPaths: string[] } | null;
    const grants = gql<{ unitsByIds: Unit[] }>(`query GrantScopes($ids: [ID!]!) { unitsByIds(ids: $ids) { id coveredPaths } }`, { ids })
      .then(({ unitsByIds }) => current.user.grants.map((g) => ({ role: g.role, paths: unitsByIds.find((u) => u?.id === g.unit.id)?.coveredPaths ?? [] })));
    scopes = { token: current.token, grants };
  }
  return scopes.grants;
}

/**
 * Whether the signed-in user administers the unit at this ltree path (UNIT_ADMIN over it, or SYSTEM_ADMIN): the
 * console offers changes only then. The API decides; this only spares the user a refused request.
 */
export function useAdministers(unitPath: string | null | undefined): boolean {
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let live = true;
    grantScopes().then((grants) => live && setAllowed(grants.some((g) => g.role === 'SYSTEM_ADMIN'
      || (g.role === 'UNIT_ADMIN' && !!unitPath && g.paths.some((scope) => unitPath === scope || unitPath.startsWith(`${scope}.`))))), () => live && setAllowed(false));
    return () => { live = false; };
  }, [unitPath]);
  return allowed;
}
