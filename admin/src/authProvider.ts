import type { AuthProvider } from 'react-admin';
import { canAccess } from './capabilities';
import { gql } from './dataProvider/client';
import { LOGIN } from './dataProvider/documents/accounts';
import { session, type Session } from './session';

/** Signs in through the gateway's `login` mutation and keeps the expiring token in localStorage. */
export async function signIn(username: string, password: string): Promise<void> {
  const { login } = await gql<{ login: Session }>(LOGIN, { username: username.trim(), password });
  session.write(login);
}

export const authProvider: AuthProvider = {
  login: ({ username, password }: { username: string; password: string }) => signIn(username, password),
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
  canAccess,
};

/** The units the signed-in user holds a grant on (their own territory), for defaults in forms. */
export const grantedUnits = () => session.read()?.user.grants.map((g) => ({ role: g.role, ...g.unit })) ?? [];
