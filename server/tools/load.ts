/**
 * `npm run load`: a fixed-rate mix of reads and writes against a hub process for LOAD_SECONDS (default 60),
 * reporting latency percentiles, errors and the hub's memory before and after, into docs/benchmarks.md.
 */
import autocannon from 'autocannon';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql, machineDescription, percentile, startHubProcess, writeBenchmarkSection } from './bench-support.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RATE = Number(process.env.LOAD_RATE ?? 200);
const WRITE_SHARE = 0.2;
const admin = { username: 'load-admin', password: 'load-admin-password' };

const hub = await startHubProcess({
  PORT: '0',
  NTM_DATA_DIR: process.env.LOAD_DATA_DIR ?? join(mkdtempSync(join(tmpdir(), 'ntm-load-')), 'postgres'),
  NTM_PG_PORT: process.env.LOAD_PG_PORT ?? '54391',
  NTM_DEMO: '0',
  NTM_ADMIN_USERNAME: admin.username,
  NTM_ADMIN_PASSWORD: admin.password,
});
try {
  const { login } = await graphql(hub.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: admin.username, p: admin.password });
  const communes: string[] = (await graphql(hub.url, '{ units(filter: { level: COMMUNE, withinCode: "56", asOf: "2024-01-01" }, limit: 200) { nodes { code } } }')).units.nodes.map((n: { code: string }) => n.code);
  const reads = [
    { query: '{ units(filter: { level: PROVINCE }) { totalCount nodes { code name } } }' },
    { query: 'query($c: String!) { unit(code: $c, asOf: "2024-01-01") { name ancestors { name } predecessors { share unit { name } } successors { unit { name } } } }', pick: true },
    { query: '{ units(filter: { search: "khanh hoa" }) { totalCount nodes { name level } } }' },
    { query: '{ units(filter: { parentCode: "56", asOf: "2024-01-01" }, orderBy: NAME) { nodes { name classifications { code } } } }' },
  ];
  const write = 'mutation($c: String!, $s: String) { setUnitClassification(input: { unitCode: $c, asOf: "2024-01-01", scheme: BORDER, source: $s }) { id } }';
  let n = 0;
  const body = () => {
    n++;
    const code = communes[n % communes.length];
    if (Math.random() < WRITE_SHARE) return { text: JSON.stringify({ query: write, variables: { c: code, s: `load ${n}` } }), write: true };
    const read = reads[n % reads.length];
    return { text: JSON.stringify({ query: read.query, variables: read.pick ? { c: code } : undefined }), write: false };
  };
  // Warm up plans and connections, then measure.
  for (let i = 0; i < 50; i++) await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: body().text });
  const rssBefore = hub.rssMb();
  let graphqlErrors = 0;
  let writes = 0;
  const times: number[] = [];
  let finish!: (result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve) => { finish = resolve; });
  const instance = autocannon({
    url: `${hub.url}/graphql`,
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
    requests: [{
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
    }],
  }, (error, result) => {
    if (error) throw error;
    finish(result);
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await finished;
  const rssAfter = hub.rssMb();
  const lines = [
    `## Load: reads and writes at a fixed rate (\`npm run load\`)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}; hub process with the embedded PostgreSQL, all subgraphs in one process.`,
    '',
    `| what | value |`,
    `| --- | --- |`,
    `| duration | ${SECONDS} s at ${RATE} requests/s (20 connections) |`,
    `| requests | ${result.requests.total} (${writes} writes, ${(100 * writes / Math.max(1, result.requests.total)).toFixed(0)} %) |`,
    `| latency p50 / p95 / p99 | ${percentile(times, 50)} / ${percentile(times, 95)} / ${percentile(times, 99)} ms |`,
    `| errors (non-200, GraphQL errors, timeouts) | ${result.non2xx + graphqlErrors + result.errors + result.timeouts} |`,
    `| hub memory (RSS) before / after | ${rssBefore.toFixed(0)} / ${rssAfter.toFixed(0)} MiB |`,
  ];
  writeBenchmarkSection('load', lines.join('\n'));
  console.log(lines.join('\n'));
  if (result.non2xx + graphqlErrors + result.errors + result.timeouts > 0) process.exitCode = 1;
} finally {
  await hub.stop();
}
