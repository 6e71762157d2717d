import type { EntityManager } from '@mikro-orm/postgresql';

/** After this many failed sign-ins of one account name within the window, every attempt is refused until it passes. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins per account name, kept in `auth.login_failure` so every process of the hub counts the same
 * failures. A row holds at most the last MAX_LOGIN_FAILURES failures within the window; rows whose last failure
 * left the window are deleted as failures come in, so the table holds only names that failed in the last window.
 */
export class LoginThrottle {
  constructor(private readonly em: EntityManager) {}

  /** Seconds until the next attempt for this name is allowed, or 0 when it is allowed now. */
  async retryAfter(username: string): Promise<number> {
    const [row] = await this.em.execute<{ wait: number | null }[]>(
      `SELECT CASE WHEN count(*) >= ? THEN extract(epoch FROM min(t) + make_interval(secs => ?) - now()) END AS wait
       FROM auth.login_failure f, unnest(f.failures) AS t
       WHERE f.username = ? AND t > now() - make_interval(secs => ?)`,
      [MAX_LOGIN_FAILURES, LOGIN_WINDOW_SECONDS, username, LOGIN_WINDOW_SECONDS],
    );
    return Math.max(0, Math.ceil(Number(row?.wait ?? 0)));
  }

  async fail(username: string): Promise<void> {
    await this.em.execute(`DELETE FROM auth.login_failure WHERE last_at < now() - make_interval(secs => ?)`, [LOGIN_WINDOW_SECONDS]);
    await this.em.execute(
      `INSERT INTO auth.login_failure AS f (username, failures, last_at) VALUES (?, ARRAY[now()], now())
       ON CONFLICT (username) DO UPDATE SET last_at = now(), failures = ARRAY(
         SELECT t FROM unnest(f.failures || now()) AS t WHERE t > now() - make_interval(secs => ?) ORDER BY t DESC LIMIT ?)`,
      [username, LOGIN_WINDOW_SECONDS, MAX_LOGIN_FAILURES],
    );
  }

  async succeed(username: string): Promise<void> {
    await this.em.execute(`DELETE FROM auth.login_failure WHERE username = ?`, [username]);
  }
}
