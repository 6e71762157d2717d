import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../server/shared/project.js';
import { cloneDatabase, type ClonedDatabase } from './support/hub.js';

/** Starts the built entry point (dist/, built by `npm test`'s pretest) as its own process. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [projectPath('dist', 'server', 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NTM_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"NTM Hub listening"/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`not listening after 200 s:\n${output}`)), 200_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

describe('the hub process', () => {
  let database: ClonedDatabase;
  beforeAll(async () => {
    database = await cloneDatabase('process');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('drains requests in flight on SIGTERM and exits cleanly', async () => {
    // Connections the kernel queued but the busy process has not accepted yet are served during the drain delay.
    // Twenty heavy requests queue for the pool's few connections: on a loaded machine the wait may pass the default 5 s
    // limit, which is not what this test is about (tests/faults.test.ts covers a database that does not answer).
    const hub = startProcess({ DATABASE_URL: database.url, NTM_DRAIN_DELAY_MS: '2000', NTM_DB_CONNECT_TIMEOUT_MS: '60000' });
    const url = await hub.url;
    const query = JSON.stringify({
      query:
        '{ units(filter: { level: COMMUNE, asOf: "2024-01-01" }, limit: 500) { totalCount nodes { code name ancestors { name } predecessors { unit { name } } successors { unit { name } } } } }',
    });
    let answered = 0;
    let firstAnswer!: () => void;
    const answering = new Promise<void>((resolve) => {
      firstAnswer = resolve;
    });
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as any }))
        .finally(() => {
          answered++;
          firstAnswer();
        }),
    );
    // Stop it once it is answering them: the other requests are still being served when the signal comes.
    await answering;
    const pendingAtSignal = 20 - answered;
    hub.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(pendingAtSignal).toBeGreaterThan(0);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(
      results.map((r) => r.body.errors ?? null),
      'errors of requests answered during the drain',
    ).toEqual(Array(20).fill(null));
    expect(results.every((r) => r.body.data.units.totalCount === 10035)).toBe(true);
    expect(await hub.exited).toBe(0);
    expect(hub.output()).toContain('NTM Hub stopped');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // A process of its own to start (its supergraph composed anew) beside other test files on a loaded machine.
  }, 180_000);

  it('runs on its embedded PostgreSQL, seeded on first start, and keeps the data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ntm-process-'));
    const env = {
      NTM_DATA_DIR: join(dataDir, 'postgres'),
      NTM_PG_PORT: process.env.NTM_PROCESS_PG_PORT ?? '25397',
      NTM_ADMIN_USERNAME: 'boss',
      NTM_ADMIN_PASSWORD: 'boss-password-1',
    };
    const call = async (url: string, query: string, token?: string) =>
      (await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        })
      ).json()) as any;
    try {
      const first = startProcess(env);
      const url1 = await first.url;
      expect((await call(url1, '{ units(filter: { level: PROVINCE }) { totalCount } }')).data.units.totalCount).toBe(34);
      const { token } = (await call(url1, 'mutation { login(username: "boss", password: "boss-password-1") { token } }')).data.login;
      const written = await call(
        url1,
        'mutation { setUnitClassification(input: { unitCode: "56", scheme: COASTAL, source: "kept" }) { id } }',
        token,
      );
      expect(written.errors).toBeUndefined();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startProcess(env);
      const url2 = await second.url;
      expect(second.output()).not.toContain('seeded administrative units');
      const read = await call(url2, '{ unit(code: "56") { classifications { code source } } }');
      expect(read.data.unit.classifications).toContainEqual({ code: 'COASTAL', source: 'kept' });
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A new cluster: initdb, migrations and seeds of 10,035 units, twice a start and a stop, beside other test files.
  }, 240_000);

  it('reports a composition error clearly and exits non-zero', async () => {
    const hub = startProcess({ DATABASE_URL: database.url, EXTERNAL_SUBGRAPHS: 'broken=http://127.0.0.1:9/graphql' });
    await expect(hub.url).rejects.toThrow(/External subgraph .{0,3}broken.{0,3} at http:\/\/127\.0\.0\.1:9\/graphql is unreachable/);
    expect(await hub.exited).toBe(1);
  });
});
