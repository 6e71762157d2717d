/** The signed-in session (token, expiry, grants), kept in localStorage; read by the sign-in page, the console and the API client. */
const TOKEN_KEY = 'ntm.auth';

export interface Session {
  token: string;
  expiresAt: string;
  user: {
    username: string;
    displayName: string;
    grants: { role: string; paths: string[]; unit: { id: string; code: string; name: string } }[];
  };
}

export const session = {
  read(): Session | null {
    try {
      const stored = JSON.parse(localStorage.getItem(TOKEN_KEY) ?? 'null') as Session | null;
      // A session stored before grants carried their paths cannot tell what may be offered: sign in again.
      return stored && new Date(stored.expiresAt).getTime() > Date.now() && stored.user.grants.every((g) => Array.isArray(g.paths))
        ? stored
        : null;
    } catch {
      return null;
    }
  },
  write(value: Session | null) {
    if (value) localStorage.setItem(TOKEN_KEY, JSON.stringify(value));
    else localStorage.removeItem(TOKEN_KEY);
  },
};
