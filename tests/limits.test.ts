import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../server/hub.js';
import { readConfig } from '../server/shared/config.js';
import { OPERATION_LIMITS } from '../server/gateway/limits.js';
import { cloneDatabase, type ClonedDatabase } from './support/hub.js';

/**
 * The same protections on every GraphQL endpoint the hub serves — the gateway and each subgraph's own endpoint —
 * and the abuse the security probe found: heavy operations refused before they run, or answered within 2 s of processor time
 * and 100 MB. The hub runs in this process (so its memory is this process's) and logs into a buffer read below.
 */
let hub: Hub;
let database: ClonedDatabase;
const SECRET = 'limits-test';
let logged = '';
const SUBGRAPHS = ['units', 'accounts', 'campaigns', 'criteria', 'insights', 'awards'];
const ENDPOINTS = ['/graphql', ...SUBGRAPHS.map((name) => `/subgraphs/${name}/graphql`)];

beforeAll(async () => {
  database = await cloneDatabase('limits');
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const config = { ...readConfig({ NTM_DEMO: '0' }, []), port: 0, host: '127.0.0.1', databaseUrl: database.url, internalSecret: SECRET };
  hub = await startHub(config, pino({ level: 'info', base: { service: 'ntm-hub' } }, sink));
}, 180_000);
afterAll(async () => {
  await hub?.stop();
  await database?.drop();
});

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${hub.url}${path}`, { method: 'POST', headers, body });
const gqlAt = async (path: string, query: string, variables?: Record<string, unknown>) => {
  const response = await post(path, JSON.stringify({ query, variables }));
  return {
    status: response.status,
    ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }),
  };
};

/** Runs a request while sampling this process's resident memory: how long it took (clock and processor), its size, and the peak growth. */
async function measured(send: () => Promise<Response>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const response = await send();
  const body = Buffer.from(await response.arrayBuffer());
  const ms = Math.round(performance.now() - started);
  // The processor time this process (the hub's) spent: unlike the time on the clock, it does not grow while other
  // test files or programs hold the processor.
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    status: response.status,
    ms,
    cpuMs,
    bytes: body.length,
    growthMb: Math.round((peak - before) / 1e5) / 10,
    text: body.toString(),
  };
}

const UNITS_WITH_LINEAGE =
  'units(limit: 500, filter: { asOf: "2024-01-01" }) { nodes { id code name ancestors { id code name } predecessors { unit { id } share } } }';
const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('one protection on every GraphQL endpoint', () => {
  it.each(ENDPOINTS)('%s refuses alias floods, huge documents, batches, CSRF-style requests and unknown operation names', async (path) => {
    const flood = await gqlAt(
      path,
      aliases(OPERATION_LIMITS.maxAliases + 10, path === '/graphql' ? 'unit(code: "56") { id }' : '_service { __typename }'),
    );
    expect(flood.status).toBe(400);
    expect(flood.errors![0].message).toMatch(/alias/i);

    const huge = await gqlAt(path, `{ ${Array.from({ length: OPERATION_LIMITS.maxTokens + 100 }, () => '__typename').join(' ')} }`);
    expect(huge.errors![0].message).toMatch(/token/i);

    const batch = await post(path, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);

    const csrf = await post(path, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/CSRF/);

    const unknown = await post(path, JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('counts list sizes in the cost, on the gateway and on the subgraph alike: 20 × units(limit: 500) with lineage is refused before it runs', async () => {
    for (const path of ['/graphql', '/subgraphs/units/graphql']) {
      const result = await gqlAt(path, aliases(20, UNITS_WITH_LINEAGE));
      expect(result.status).toBe(400);
      expect(result.errors![0].extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'cost',
        maxCost: OPERATION_LIMITS.maxCost,
      });
      // Per alias: units 1 + 500 × (nodes 1 + 3 fields + ancestors (1 + 5 × 3) + predecessors (1 + 10 × (unit (1 + 1) + share 1))).
      expect(result.errors![0].extensions!.cost).toBe(20 * (1 + 500 * (1 + 3 + 16 + 31)));
      expect(result.data).toBeUndefined();
    }
    // A limit given in a variable counts the same.
    const byVariable = await gqlAt(
      '/graphql',
      `query($l: Int) { ${Array.from({ length: 20 }, (_, i) => `a${i}: units(limit: $l) { nodes { id ancestors { id } } }`).join(' ')} }`,
      { l: 500 },
    );
    expect(byVariable.errors![0].extensions!.limit).toBe('cost');
    const small = await gqlAt('/graphql', `query($l: Int) { units(limit: $l) { nodes { id ancestors { id } } } }`, { l: 5 });
    expect(small.errors).toBeUndefined();
  });

  it('counts the representations of _entities at a subgraph endpoint, and refuses ids beyond the integer range there', async () => {
    const representations = Array.from({ length: 3000 }, (_, i) => ({ __typename: 'AdministrativeUnit', id: String(2300004 + i) }));
    const heavy = await gqlAt(
      '/subgraphs/units/graphql',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id name ancestors { id name code } } } }`,
      { r: representations },
    );
    expect(heavy.errors![0].extensions).toMatchObject({ limit: 'cost' });
    const bad = await gqlAt(
      '/subgraphs/units/graphql',
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "999999999999999" }]) { ... on AdministrativeUnit { id } } }`,
    );
    expect(bad.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('error bodies', () => {
  const paths = [...ENDPOINTS, '/exports/compare.csv'];
  it.each(paths)(
    '%s answers a malformed body, a body over 1 MB and a wrong content type with a JSON error and a code, no stack or path',
    async (path) => {
      const marker = `secret-body-${Math.random().toString(36).slice(2)}`;
      const cases: [string, string, Record<string, string>, number][] = [
        ['malformed', `{"query": "${marker}`, { 'content-type': 'application/json' }, 400],
        ['too large', JSON.stringify({ query: '{ __typename }', pad: marker.repeat(60_000) }), { 'content-type': 'application/json' }, 413],
        ['wrong type', `<query>${marker}</query>`, { 'content-type': 'application/xml' }, 400],
      ];
      for (const [label, body, headers, status] of cases) {
        const response = await post(path, body, headers);
        const text = await response.text();
        // The exports answer GET only: any POST is an unknown route there.
        const expected = path.startsWith('/exports') ? 404 : status;
        expect(response.status, `${path} ${label}`).toBe(expected);
        expect(response.headers.get('content-type'), `${path} ${label}`).toMatch(/application\/json/);
        const parsed = JSON.parse(text);
        expect(parsed.errors[0].extensions.code, `${path} ${label}`).toMatch(/^[A-Z_]+$/);
        expect(text).not.toMatch(/<html|node_modules|\/work\/|\bat [\w.]+ \(|stack/i);
      }
      // Neither the hub's log nor its error handler ever writes a request body.
      expect(logged).not.toContain(marker);
    },
  );
});

describe('abuse: heavy requests are refused or answered within 2 s of processor time and 100 MB', () => {
  const report: Record<string, unknown>[] = [];
  afterAll(() => {
    console.info(`abuse measurements:\n${report.map((r) => JSON.stringify(r)).join('\n')}`);
  });
  const limits = (label: string, m: Awaited<ReturnType<typeof measured>>) => {
    report.push({ label, status: m.status, ms: m.ms, cpuMs: m.cpuMs, bytes: m.bytes, growthMb: m.growthMb });
    expect(m.status, `${label}: ${m.text.slice(0, 200)}`).toBeLessThan(500);
    expect(m.cpuMs, label).toBeLessThan(2000);
    expect(m.growthMb, label).toBeLessThan(100);
  };
  const graphql = (path: string, query: string) => () => post(path, JSON.stringify({ query }));

  it('refuses 200 aliases of units(limit: 500) with lineage sent straight to the units subgraph', async () => {
    const m = await measured(
      graphql('/subgraphs/units/graphql', aliases(200, 'units(limit: 500) { nodes { id code name ancestors { id code name } } }')),
    );
    limits('subgraph 200 × units(limit:500) + ancestors', m);
    expect(m.status).toBe(400);
  });

  it('refuses 20 aliases × units(limit: 500) with lineage at the gateway, and answers one within the limits', async () => {
    const refused = await measured(graphql('/graphql', aliases(20, UNITS_WITH_LINEAGE)));
    limits('gateway 20 × units(limit:500) + lineage', refused);
    expect(refused.status).toBe(400);
    const one = await measured(graphql('/graphql', aliases(1, UNITS_WITH_LINEAGE)));
    limits('gateway 1 × units(limit:500) + lineage', one);
    expect(JSON.parse(one.text).data.a0.nodes).toHaveLength(500);
  });

  it('refuses subunits four levels down from the nation, and answers two levels', async () => {
    const level = (depth: number): string => (depth ? `name subunits(asOf: "2024-01-01") { ${level(depth - 1)} }` : 'name');
    const four = await measured(graphql('/graphql', `{ unit(code: "VN", asOf: "2024-01-01") { ${level(4)} } }`));
    limits('gateway subunits × 4 from the nation', four);
    expect(four.status).toBe(400);
    const two = await measured(graphql('/graphql', `{ unit(code: "VN", asOf: "2024-01-01") { ${level(2)} } }`));
    limits('gateway subunits × 2 from the nation', two);
    expect(JSON.parse(two.text).data.unit.subunits).toHaveLength(63);
  });

  it('exports every commune as CSV (streamed), every district as XLSX, and refuses an XLSX over its row limit', async () => {
    const query = 'level=COMMUNE&year=2024&asOf=2024-01-01';
    const csv = await measured(() => fetch(`${hub.url}/exports/compare.csv?${query}&metrics=COMMUNES_NTM`));
    limits('export CSV, every commune × 1 metric', csv);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 10035);
    const xlsx = await measured(() =>
      fetch(`${hub.url}/exports/compare.xlsx?level=DISTRICT&year=2024&asOf=2024-01-01&metrics=COMMUNES_NTM,AVG_CRITERIA_MET`),
    );
    limits('export XLSX, every district × 2 metrics', xlsx);
    expect(xlsx.status).toBe(200);
    const larger = await measured(() => fetch(`${hub.url}/exports/compare.xlsx?${query}&metrics=COMMUNES_NTM`));
    limits('export XLSX, every commune × 1 metric', larger);
    expect(larger.status).toBe(400);
    expect(JSON.parse(larger.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
