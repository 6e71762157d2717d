import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startHub, type Hub } from '../server/hub.js';
import { readConfig, type HubConfig } from '../server/shared/config.js';
import { startEmbeddedPostgres, type Database } from '../server/shared/database.js';
import { createLogger } from '../server/shared/logger.js';
import { projectPath } from '../server/shared/project.js';
import { databaseUrlOf, ensureTemplate, onServer, templateFingerprint } from './support/test-databases.js';

/**
 * Fault tests on a hub of their own: the units subgraph runs as a separate server (`--only units`) behind a gateway
 * that reaches it over HTTP, on a PostgreSQL these tests stop and start.
 */
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const PG_PORT = Number(process.env.NTM_FAULT_PG_PORT ?? 25371);
const SECRET = 'fault-internal';
const ADMIN = { username: 'fault-admin', password: 'fault-admin-password' };
let database: Database;
let databaseUrl: string;
let units: Hub;
let gateway: Hub;
let token: string;

const DATA_DIR = projectPath('.data', `fault-postgres-${PG_PORT}`);
const startPostgres = () => startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, databaseName: 'postgres' }, log);
/** Short database time limits, so a frozen database shows within seconds. */
const TIMEOUTS = { connectMs: 1_000, statementMs: 2_000, idleInTransactionMs: 5_000 };
const baseConfig = (): HubConfig => ({
  ...readConfig({ NTM_DEMO: '0' }, []),
  host: '127.0.0.1',
  port: 0,
  databaseUrl,
  internalSecret: SECRET,
  databaseTimeouts: TIMEOUTS,
});
const startUnits = (port = 0) => startHub({ ...baseConfig(), port, only: 'units' }, log);

async function query(q: string, variables?: Record<string, unknown>, as = token) {
  try {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
      body: JSON.stringify({ query: q, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  } catch (error) {
    return { status: 0, errors: [{ message: String(error) }] };
  }
}

const ready = async () => (await fetch(`${gateway.url}/readyz`)).status;

/** The postmaster of the fault cluster and its backends, from the pid file and /proc. */
function postgresProcesses(): number[] {
  const postmaster = Number(readFileSync(join(DATA_DIR, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        // After the command's closing parenthesis: the state, then the parent. A zombie (Z) has exited already.
        const [state, parent] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return Number(parent) === postmaster && state !== 'Z';
      } catch {
        return false;
      }
    });
  return [postmaster, ...children];
}

/** Sends a signal to a PostgreSQL process; one that has exited meanwhile (a backend whose client left) needs none. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  database = await startPostgres();
  // The accounts subgraph creates this system administrator at start; it signs in through the gateway.
  // A fresh copy of a template seeded once (and kept while the code is unchanged), on this file's own cluster.
  await ensureTemplate(database.url, 'ntm_fault_template', templateFingerprint('faults', JSON.stringify(ADMIN)), async (url) => {
    await (await startHub({ ...baseConfig(), admin: ADMIN, databaseUrl: url }, log)).stop();
  });
  await onServer(database.url, async (admin) => {
    await admin.query('DROP DATABASE IF EXISTS ntm_fault WITH (FORCE)');
    await admin.query('CREATE DATABASE ntm_fault TEMPLATE ntm_fault_template');
  });
  databaseUrl = databaseUrlOf(database.url, 'ntm_fault');
  units = await startUnits();
  gateway = await startHub(
    { ...baseConfig(), admin: ADMIN, externalSubgraphs: [{ name: 'units', url: `${units.url}/subgraphs/units/graphql` }] },
    log,
  );
  const login = await query(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
    u: ADMIN.username,
    p: ADMIN.password,
  });
  token = login.data.login.token;
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await units?.stop();
  await database?.stop();
});

describe('a subgraph that goes down', () => {
  it('answers with the data it has and a coded error for the rest, and recovers without a restart', async () => {
    const both = `{ me { username } unit(code: "56") { code } }`;
    const healthy = await query(both);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data.unit.code).toBe('56');

    const port = units.port;
    await units.stop();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const [{ count: audited }] = (await client.query(`SELECT count(*)::int AS count FROM audit.audit_log`)).rows;
    await client.end();
    const partial = await query(`{ auditLog(limit: 1) { totalCount } unit(code: "56") { code } }`);
    expect(partial.status).toBe(200);
    // The part the accounts subgraph answers is the real figure, though the units subgraph is down.
    expect(partial.data.auditLog.totalCount).toBe(audited);
    expect(partial.data.unit).toBeNull();
    expect(partial.errors!.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);

    units = await startUnits(port);
    const recovered = await query(both);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data.unit.code).toBe('56');
  });
});

describe('PostgreSQL restarting during writes', () => {
  it('reconnects, reports not-ready meanwhile, and loses no acknowledged write', async () => {
    const WRITE = `mutation($s: String) { setUnitClassification(input: { unitCode: "06", asOf: "2024-01-01", scheme: BORDER, source: $s }) { id source } }`;
    const acknowledged: string[] = [];
    const failedCodes = new Set<string>();
    // Four writers at once, so some are mid-request (signing in, in a transaction, committing) when it stops.
    const writeRound = async (round: string) => {
      const results = await Promise.all([0, 1, 2, 3].map((w) => query(WRITE, { s: `fault-${round}-${w}` })));
      for (const result of results) {
        if (result.data?.setUnitClassification?.id && !result.errors) acknowledged.push(result.data.setUnitClassification.id);
        else for (const e of result.errors ?? []) failedCodes.add(e.extensions?.code ?? 'none');
      }
      await sleep(30);
    };
    for (let i = 0; i < 15; i++) await writeRound(`before-${i}`);
    await database.stop();
    const readyWhileDown = await ready();
    // Down longer than the hubs keep a session checked (NTM_SESSION_CACHE_MS), so the units subgraph's own sign-in
    // check meets the stopped database too, and answers the gateway with a 503.
    const downUntil = Date.now() + baseConfig().auth.sessionCacheMs + 1_000;
    for (let i = 0; Date.now() < downUntil; i++) await writeRound(`down-${i}`);
    database = await startPostgres();
    for (let i = 0; i < 15; i++) await writeRound(`after-${i}`);
    expect(readyWhileDown).toBe(503);
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect([...failedCodes]).toEqual(['SERVICE_UNAVAILABLE']);
    for (let attempt = 0; attempt < 50 && (await ready()) !== 200; attempt++) await sleep(100);
    expect(await ready()).toBe(200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const stored = await client.query(`SELECT id::text FROM units.unit_classification WHERE source LIKE 'fault-%'`);
    await client.end();
    const storedIds = new Set(stored.rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
  });
});

describe('a frozen database', () => {
  it('fails requests and reports not ready through its time limits while the database is frozen, then recovers', async () => {
    // The request below must find the caller's session in the hubs' caches (NTM_SESSION_CACHE_MS), read just before:
    // past that, the gateway's own session read meets the frozen database and refuses the whole request with 503,
    // rightly, where this test looks at each subgraph's answer. On a machine too slow to freeze in time, thaw and retry.
    const cacheMs = baseConfig().auth.sessionCacheMs;
    // A viewer signed in but not yet seen by the gateway: its session is in no cache.
    const viewer = { username: `fault.viewer.${Date.now() % 100_000}`, password: 'fault-viewer-password' };
    const created = await query(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { ...viewer, displayName: 'Fault viewer', grants: [{ role: 'VIEWER', unitCode: 'VN' }] },
    });
    expect(created.errors).toBeUndefined();
    const signedIn = await query(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
      u: viewer.username,
      p: viewer.password,
    });
    const viewerToken: string = signedIn.data.login.token;
    let frozen: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await query(`{ unit(code: "56") { code } }`)).data.unit.code).toBe('56');
      const readAt = Date.now();
      frozen = postgresProcesses();
      for (const pid of frozen) signal(pid, 'SIGSTOP');
      if (Date.now() - readAt < cacheMs / 2) break;
      for (const pid of frozen) signal(pid, 'SIGCONT');
    }
    try {
      // The database stays frozen until the finally below: a request or a readiness check that comes back now was
      // ended by the hub's time limits (statement 2 s, client 1 s later; /readyz 800 ms), the only thing that can end
      // it. The vitest timeout bounds how long "now" may be, without an assertion on the clock a loaded machine fails.
      const during = await query(`{ unit(code: "56", asOf: "2023-06-30") { code name } auditLog(limit: 1) { totalCount } }`);
      const readiness = await fetch(`${gateway.url}/readyz`);
      expect(during.status).toBe(200);
      expect(new Set(during.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(readiness.status).toBe(503);
      // The viewer's session read meets the frozen database and gives up within the hub's time limits (statement
      // 2 s, client 1 s later): 503, rather than a request held for as long as the database stays frozen.
      const uncached = await query(`{ me { username } }`, undefined, viewerToken);
      expect([uncached.status, ...(uncached.errors ?? []).map((e) => e.extensions?.code)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      await sleep(1_000);
    } finally {
      for (const pid of frozen) signal(pid, 'SIGCONT');
    }
    for (let attempt = 0; attempt < 50 && (await ready()) !== 200; attempt++) await sleep(100);
    expect(await ready()).toBe(200);
    const after = await query(`{ unit(code: "56") { code } }`);
    expect(after.errors).toBeUndefined();
  });
});

describe('a PostgreSQL restarted under the hub', () => {
  it('is stopped with the hub that started it', async () => {
    // The hub starts the embedded cluster itself (it runs only the units subgraph, on the fault cluster's database).
    await gateway.stop();
    await units.stop();
    await database.stop();
    const own = await startHub({ ...baseConfig(), databaseUrl: undefined, dataDir: DATA_DIR, embeddedPort: PG_PORT, only: 'units' }, log);
    try {
      // Someone restarts PostgreSQL under it: a fast shutdown, then a new server on the same data folder.
      const [first] = postgresProcesses();
      process.kill(first, 'SIGINT');
      for (let i = 0; i < 200 && alive(first); i++) await sleep(50);
      database = await startPostgres();
      const [second] = postgresProcesses();
      expect(second).not.toBe(first);
      const stopped = own.stop();
      await stopped;
      expect(alive(second)).toBe(false);
      expect(existsSync(join(DATA_DIR, 'postmaster.pid'))).toBe(false);
    } finally {
      await own.stop();
    }
  });
});
