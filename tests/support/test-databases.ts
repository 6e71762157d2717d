import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { projectPath } from '../../server/shared/project.js';

/** The test databases' names, shared by the global setup and the test files. */

/** Migrated and seeded once per run (demo profile); every other test database is copied from it. */
export const TEMPLATE_DATABASE = 'ntm_test_template';
/** Databases of this prefix are copies of the template, dropped at the start of the next run if left over. */
export const CLONE_PREFIX = 'ntm_test_';
/** The database of vitest worker slot `slot` (1…maxWorkers), which that slot's hub serves. */
export const WORKER_DATABASE = (slot: number) => `${CLONE_PREFIX}worker_${slot}`;

/** The URL of database `name` on the server `serverUrl` points to. */
export function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside a transaction). */
export async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * What a seeded template's content follows from: the server's code, the seeds, the locked dependencies and the day
 * (demo data is dated relative to today), plus what the caller adds (its configuration).
 */
export function templateFingerprint(...extra: string[]): string {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10)).update(JSON.stringify(extra));
  const files = ['server', 'seeds'].flatMap((dir) =>
    readdirSync(projectPath(dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  for (const file of [...files.sort(), projectPath('package-lock.json')]) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Makes sure database `name` on `serverUrl` is a template built by `build` (which starts and stops a hub on it) from
 * the code as it is now: one of the same fingerprint (in its comment, written last) is kept, saving its seeding;
 * NTM_TEST_FRESH_TEMPLATE=1 rebuilds it anyway. Then `CREATE DATABASE … TEMPLATE name` copies it in a moment.
 */
export async function ensureTemplate(
  serverUrl: string,
  name: string,
  fingerprint: string,
  build: (url: string) => Promise<void>,
): Promise<void> {
  let current = false;
  await onServer(serverUrl, async (admin) => {
    const {
      rows: [template],
    } = await admin.query<{ fingerprint: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS fingerprint FROM pg_database WHERE datname = $1`,
      [name],
    );
    current = template?.fingerprint === fingerprint && process.env.NTM_TEST_FRESH_TEMPLATE !== '1';
    if (!current) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  });
  if (current) return;
  await build(databaseUrlOf(serverUrl, name));
  await onServer(serverUrl, (admin) => admin.query(`COMMENT ON DATABASE "${name}" IS '${fingerprint}'`));
}
