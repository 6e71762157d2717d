import { setTimeout } from 'node:timers/promises';
import { inTransaction, type SubgraphContext } from '../../server/shared/context.js';
import { sql } from './db.js';

/** A write as its resolver runs it: the service built on the transaction the write runs in. */
export const write = <T>(ctx: SubgraphContext, work: (tx: SubgraphContext) => Promise<T>): Promise<T> =>
  ctx.em.transactional((em) => work(inTransaction(ctx, em)));

/** Resolves once a connection to this database waits on a lock while running a statement naming `table` (or a lock's name). */
export async function lockAwaited(table: string): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    const [{ waiting }] = await sql<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND position($1 IN query) > 0`,
      [table],
    );
    if (waiting) return;
    await setTimeout(25);
  }
  throw new Error(`No statement on ${table} waited on a lock`);
}

/**
 * Two callers make one change of the same version. The first writes, then keeps its transaction open until the second
 * waits on a lock of `table` (a table, or a lock's name as `lockAwaited` finds it), then commits: the second sees the first's write only if its check of the version waited
 * for the lock the first holds, in the transaction its resolver opened. Returns the first's result and the second's
 * error (null when it succeeded).
 */
export async function contend<T>(table: string, callers: [SubgraphContext, SubgraphContext], change: (tx: SubgraphContext) => Promise<T>) {
  let wrote!: () => void;
  let commit!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const held = new Promise<void>((resolve) => (commit = resolve));
  const first = write(callers[0], async (tx) => {
    const result = await change(tx);
    wrote();
    await held;
    return result;
  });
  await Promise.race([written, first]);
  const second = write(callers[1], change).then(
    () => null,
    (error: unknown) => error,
  );
  try {
    await lockAwaited(table);
  } finally {
    // Also when the second never waited: the first then commits, and the test fails on lockAwaited's error.
    commit();
  }
  return { first: await first, second: await second };
}
