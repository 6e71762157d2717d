import pg from 'pg';
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

  it('keeps answering new connections after the drain delay while a request is still in flight, then exits cleanly', async () => {
    const hub = startProcess({ DATABASE_URL: database.url, NTM_DRAIN_DELAY_MS: '300', NTM_DB_STATEMENT_TIMEOUT_MS: '60000' });
    const url = await hub.url;
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      // A read of Khánh Hòa's classifications waits on a table this test holds: a request in flight for as long as it likes.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE units.unit_classification IN ACCESS EXCLUSIVE MODE');
      const slow = fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ unit(code: "56") { code classifications { code } } }' }),
      });
      await expect
        .poll(
          async () =>
            (
              await locker.query(
                `SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'units.unit_classification'::regclass AND NOT granted`,
              )
            ).rows[0].n,
        )
        .toBeGreaterThan(0);
      hub.child.kill('SIGTERM');
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status).toBe(503);
      // Past the drain delay, with the read still waiting: a new connection is answered, and asked to close.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const late = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect([late.status, late.headers.get('connection'), await late.json()]).toEqual([200, 'close', { data: { __typename: 'Query' } }]);
      await locker.query('COMMIT');
      const answered = await slow;
      expect(answered.status).toBe(200);
      expect(((await answered.json()) as { data: { unit: { code: string } } }).data.unit.code).toBe('56');
      expect(await hub.exited).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      await locker.end();
      hub.child.kill('SIGKILL');
    }
  });

  it('reports a composition error clearly and exits non-zero', async () => {
    const hub = startProcess({ DATABASE_URL: database.url, EXTERNAL_SUBGRAPHS: 'broken=http://127.0.0.1:9/graphql' });
    await expect(hub.url).rejects.toThrow(/External subgraph .{0,3}broken.{0,3} at http:\/\/127\.0\.0\.1:9\/graphql is unreachable/);
    expect(await hub.exited).toBe(1);
  });
});
