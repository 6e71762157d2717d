/**
 * `npm run load`: a fixed-rate mix of reads and writes for LOAD_SECONDS (default 60) at LOAD_RATE requests/s (default
 * 200), 20 % writes, against (1) the hub in one process and (2) the split deployment — one process per subgraph, Hive
 * Gateway in front — on the same fresh database, one after the other; reports latency percentiles, errors and the
 * processes' memory before and after into docs/benchmarks.md. Exits 1 when any request failed.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../shared/database.js';
import { createLogger } from '../shared/logger.js';
import { graphql, machineDescription, percentile, rssMb, startHubProcess, writeBenchmarkSection } from './bench-support.js';
import { startSplitDeployment } from './split-deployment.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const DEFAULT_RATE = 200;
const RATE = Number(process.env.LOAD_RATE ?? DEFAULT_RATE);
const WRITE_SHARE = 0.2;
const admin = { username: 'load-admin', password: 'load-admin-password' };

interface LoadResult {
  requests: number;
  writes: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssBefore: number;
  rssAfter: number;
}

/** The mix at a fixed rate against one deployment's gateway; `rss` sums the resident memory of its processes. */
async function runLoad(url: string, rss: () => number): Promise<LoadResult> {
  const { login } = await graphql(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: admin.username,
    p: admin.password,
  });
  const communes: string[] = (
    await graphql(url, '{ units(filter: { level: COMMUNE, withinCode: "56", asOf: "2024-01-01" }, limit: 200) { nodes { code } } }')
  ).units.nodes.map((n: { code: string }) => n.code);
  const reads = [
    { query: '{ units(filter: { level: PROVINCE }) { totalCount nodes { code name } } }' },
    {
      query:
        'query($c: String!) { unit(code: $c, asOf: "2024-01-01") { name ancestors { name } predecessors { share unit { name } } successors { unit { name } } } }',
      pick: true,
    },
    { query: '{ units(filter: { search: "khanh hoa" }) { totalCount nodes { name level } } }' },
    { query: '{ units(filter: { parentCode: "56", asOf: "2024-01-01" }, orderBy: NAME) { nodes { name classifications { code } } } }' },
  ];
  const write =
    'mutation($c: String!, $s: String) { setUnitClassification(input: { unitCode: $c, asOf: "2024-01-01", scheme: BORDER, source: $s }) { id } }';
  let n = 0;
  const body = () => {
    n++;
    const code = communes[n % communes.length];
    if (Math.random() < WRITE_SHARE) return { text: JSON.stringify({ query: write, variables: { c: code, s: `load ${n}` } }), write: true };
    const read = reads[n % reads.length];
    return { text: JSON.stringify({ query: read.query, variables: read.pick ? { c: code } : undefined }), write: false };
  };
  // Warm up plans and connections, then measure.
  for (let i = 0; i < 50; i++)
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: body().text,
    });
  const rssBefore = rss();
  let graphqlErrors = 0;
  let writes = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        connections: 20,
        overallRate: RATE,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
            setupRequest: (request) => {
              const next = body();
              if (next.write) writes++;
              return { ...request, body: next.text };
            },
            onResponse: (status, responseBody) => {
              if (status !== 200 || responseBody.includes('"errors"')) graphqlErrors++;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  return {
    requests: result.requests.total,
    writes,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.non2xx + graphqlErrors + result.errors + result.timeouts,
    rssBefore,
    rssAfter: rss(),
  };
}

const database = await startEmbeddedPostgres(
  {
    dataDir: process.env.LOAD_DATA_DIR ?? join(mkdtempSync(join(tmpdir(), 'ntm-load-')), 'postgres'),
    port: Number(process.env.LOAD_PG_PORT ?? 54391),
    databaseName: 'ntm_hub',
  },
  createLogger('warn'),
);
const env = {
  DATABASE_URL: database.url,
  NTM_DEMO: '0',
  NTM_ADMIN_USERNAME: admin.username,
  NTM_ADMIN_PASSWORD: admin.password,
  NTM_INTERNAL_SECRET: randomBytes(24).toString('base64url'),
};
const results: { label: string; result: LoadResult }[] = [];
try {
  const hub = await startHubProcess({ ...env, PORT: '0' });
  try {
    results.push({ label: 'hub in one process', result: await runLoad(hub.url, () => hub.rssMb()) });
  } finally {
    await hub.stop();
  }
  const split = await startSplitDeployment({ databaseUrl: database.url, env: { ...env, LOG_LEVEL: 'warn' } });
  try {
    const processes = [split.gateway, ...split.subgraphs];
    results.push({
      label: `split: Hive Gateway + ${split.subgraphs.length} subgraph processes`,
      result: await runLoad(split.gateway.url, () => processes.reduce((sum, p) => sum + rssMb(p.pid), 0)),
    });
  } finally {
    await split.stop();
  }
} finally {
  await database.stop();
}

const column = (pick: (r: LoadResult) => string) => results.map(({ result }) => pick(result)).join(' | ');
const lines = [
  `## Load: reads and writes at a fixed rate (\`npm run load\`)`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}; the embedded PostgreSQL, a fresh database seeded by the first run; ` +
    `${SECONDS} s at ${RATE} requests/s (20 connections) with ${WRITE_SHARE * 100} % writes (\`setUnitClassification\`) and reads of units, ` +
    'first against the hub in one process, then against the split deployment (`npm run start:split`).',
  '',
  `| what | ${results.map((r) => r.label).join(' | ')} |`,
  `| --- | ${results.map(() => '---').join(' | ')} |`,
  `| requests (writes) | ${column((r) => `${r.requests} (${r.writes}, ${((100 * r.writes) / Math.max(1, r.requests)).toFixed(0)} %)`)} |`,
  // autocannon cannot send faster than its connections are answered: a deployment saturated below the rate shows here.
  `| rate achieved (offered ${RATE} requests/s) | ${column((r) => `${(r.requests / SECONDS).toFixed(1)} requests/s`)} |`,
  `| latency p50 / p95 / p99 | ${column((r) => `${r.p50} / ${r.p95} / ${r.p99} ms`)} |`,
  `| errors (non-200, GraphQL errors, timeouts) | ${column((r) => String(r.errors))} |`,
  `| memory (RSS, all processes but PostgreSQL) before / after | ${column((r) => `${r.rssBefore.toFixed(0)} / ${r.rssAfter.toFixed(0)} MiB`)} |`,
];
// Another rate (LOAD_RATE) gets its own section beside the default one.
writeBenchmarkSection(RATE === DEFAULT_RATE ? 'load' : `load-${RATE}`, lines.join('\n'));
console.log(lines.join('\n'));
if (results.some(({ result }) => result.errors > 0)) process.exitCode = 1;
