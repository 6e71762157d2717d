import DataLoader from 'dataloader';
import type pg from 'pg';

/** An account's current session version and whether it may sign in (`auth.user_session`). */
export interface SessionState {
  version: number;
  active: boolean;
}

/**
 * Reads accounts' session states for every request that presents a token, through a short-lived cache: a lock,
 * password change or grant change reaches this process at most `ttlMs` after it commits. Lookups of the same tick
 * share one query; entries are dropped once stale, so the cache never holds more than the accounts seen in `ttlMs`
 * (and at most `maxEntries`).
 */
export class SessionCache {
  private readonly entries = new Map<number, { at: number; state: Promise<SessionState | null> }>();
  private readonly loader: DataLoader<number, SessionState | null>;

  constructor(
    db: pg.Pool,
    readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {
    this.loader = new DataLoader(
      async (ids) => {
        const rows = await db.query<{ user_id: number; version: number; active: boolean }>(
          'SELECT user_id, version, active FROM auth.user_session WHERE user_id = ANY($1::int[])',
          [ids],
        );
        const byId = new Map(rows.rows.map((r) => [r.user_id, { version: r.version, active: r.active }]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    );
  }

  get(userId: number): Promise<SessionState | null> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && now - hit.at < this.ttlMs) return hit.state;
    // The entry's age counts from before the query, so what it holds is never older than `ttlMs` when used.
    const state = this.loader.load(userId);
    this.entries.delete(userId);
    this.entries.set(userId, { at: now, state });
    state.catch(() => {
      if (this.entries.get(userId)?.state === state) this.entries.delete(userId);
    });
    if (this.entries.size > this.maxEntries) this.prune(now);
    return state;
  }

  /**
   * The state read afresh, for a token issued under a newer version than the cached one (the account signed in
   * again after an unlock or a password change): versions only grow, so the cached state is the stale one.
   */
  refresh(userId: number): Promise<SessionState | null> {
    this.entries.delete(userId);
    return this.get(userId);
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(id);
    // Still full: drop the oldest (a Map iterates in insertion order, and a refreshed entry is re-inserted).
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(id);
    }
  }
}
