import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, type ClonedDatabase } from './support/hub.js';
import { startProcess } from './support/process.js';

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

  it('reports a composition error clearly and exits non-zero', async () => {
    const hub = startProcess({ DATABASE_URL: database.url, EXTERNAL_SUBGRAPHS: 'broken=http://127.0.0.1:9/graphql' });
    await expect(hub.url).rejects.toThrow(/External subgraph .{0,3}broken.{0,3} at http:\/\/127\.0\.0\.1:9\/graphql is unreachable/);
    expect(await hub.exited).toBe(1);
  });
});
