import pg from 'pg';

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
