import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { CLONE_PREFIX, databaseUrlOf, onServer, TEMPLATE_DATABASE } from './test-databases.js';
import './provided-context.js';

/** This worker's slot: files running at the same time have different slots, hence different hubs and databases. */
function worker() {
  const workers = inject('workers');
  const slot = Number(process.env.VITEST_POOL_ID ?? 1);
  const own = workers[slot - 1];
  if (!own) throw new Error(`No test hub for worker slot ${slot} (${workers.length} started): maxWorkers changed after the global setup?`);
  return own;
}

/** The base URL of the hub this test file runs against (gateway at /graphql, console at /admin/). */
export const hubUrl = (): string => worker().hubUrl;

/** The database that hub serves: only this file (and the files run after it on the same worker) write to it. */
export const databaseUrl = (): string => worker().databaseUrl;

export interface ClonedDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database copied from the seeded template, for a file that starts hubs or processes of its own and must not
 * write to its worker's database: `drop()` (in the file's afterAll) removes it.
 */
export async function cloneDatabase(label: string): Promise<ClonedDatabase> {
  const name = `${CLONE_PREFIX}${label}_${randomBytes(4).toString('hex')}`;
  await onServer(inject('serverUrl'), (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return {
    url: databaseUrlOf(inject('serverUrl'), name),
    drop: () => onServer(inject('serverUrl'), (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
