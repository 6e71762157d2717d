/**
 * `npm run bench`: the insights benchmark on the national dataset (`npm run seed:national` first), in one run:
 * (a) all-province comparison on six metrics for one year through the gateway, (b) the same straight to the insights
 * subgraph, (c) the equivalent raw SQL aggregate over the assessment rows, (d) a nested read (province → districts →
 * communes → assessments), (e) assessment writes per second. Latencies at a FIXED rate well below capacity
 * (BENCH_RATE, default 20 requests/s, for BENCH_SECONDS, default 15 s, per scenario, after a warm-up), so they are
 * service times, not queueing; throughput separately at saturation (10 connections, no rate limit, 10 s) for the
 * gateway/direct ratio; then (f) bulk imports of assessments, a province-year and the national year, against the per-record
 * path of (e). Writes the results to docs/benchmarks.md (section `bench`) with the machine's description.
 */
import { COMMUNE_TIERS, tierRankSql } from '../shared/domain/recognition-tiers.js';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { projectPath } from '../shared/project.js';
import ExcelJS from 'exceljs';
import {
  assessmentWrites,
  cannon,
  COMPARE,
  graphql,
  type HubProcess,
  machineDescription,
  percentile,
  SIX,
  startHubProcess,
  writeBenchmarkSection,
  YEAR,
} from './bench-support.js';
import { benchSplit, splitSection } from './bench-split.js';

const DATA_DIR = process.env.BENCH_DATA_DIR ?? projectPath('.data', 'national');
const PG_PORT = process.env.BENCH_PG_PORT ?? '54392';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const admin = { username: 'bench-admin', password: 'bench-admin-password' };

/** The same with the unit entity's name: the gateway then fetches 204 AdministrativeUnit entities from the units subgraph. */
const COMPARE_ENTITY = JSON.stringify({
  query: `query($i: CompareInput!) { compare(input: $i) { rows { unit { name } unitCode metric actual numerator denominator target gap onTrack rank approximate } } }`,
  variables: { i: SIX },
});
const NESTED = JSON.stringify({
  query: `{ unit(code: "42", asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name assessments(year: ${YEAR}) { metCount } } } } }`,
});

/** The comparison's figures computed straight from criteria's rows and the units' lineage, per current province. */
/** The figures per unit and metric that the raw aggregate checks. */
const COMPARE_FIGURES = `
  query ($i: CompareInput!) {
    compare(input: $i) {
      rows {
        unit {
          id
        }
        metric
        numerator
        denominator
      }
    }
  }
`;

const RAW_SQL = `
  WITH communes AS (
    SELECT c.id, l.successor_id AS province_id FROM units.unit c
    JOIN units.unit_lineage l ON l.predecessor_id = subpath(c.path, 1, 1)::text::int
    WHERE c.level = 'COMMUNE' AND c.kind = 'COMMUNE' AND NOT c.placeholder AND (c.valid_from IS NULL OR c.valid_from <= make_date($1, 6, 30)) AND (c.valid_to IS NULL OR c.valid_to >= make_date($1, 6, 30))),
  assessed AS (
    SELECT a.unit_id, count(*) FILTER (WHERE r.met) AS met FROM criteria.assessment a
    JOIN criteria.criteria_set s ON s.id = a.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
    JOIN criteria.assessment_result r ON r.assessment_id = a.id WHERE a.year = $1 GROUP BY a.unit_id),
  recognised AS (
    SELECT d.unit_id, max(${tierRankSql('d.tier', COMMUNE_TIERS)}) AS rank FROM criteria.recognition_decision d
    WHERE d.decided_on <= make_date($1, 12, 31) AND (d.revoked_on IS NULL OR d.revoked_on > make_date($1, 12, 31)) GROUP BY d.unit_id)
  SELECT c.province_id, count(*) AS communes, count(a.unit_id) AS assessed, sum(a.met) AS met, count(*) FILTER (WHERE a.met < 15) AS under_15,
    count(*) FILTER (WHERE r.rank >= 1) AS ntm, count(*) FILTER (WHERE r.rank >= 2) AS advanced, count(*) FILTER (WHERE r.rank >= 3) AS model
  FROM communes c LEFT JOIN assessed a ON a.unit_id = c.id LEFT JOIN recognised r ON r.unit_id = c.id GROUP BY c.province_id`;

/** What one import measured. */
interface ImportRun {
  rows: number;
  bytes: number;
  validateMs: number;
  commitMs: number;
  totalMs: number;
  rssBefore: number;
  rssPeak: number;
  status: string;
}

/**
 * Downloads the hub's assessment template for a territory and year (every commune with its stored results and
 * version), flips criterion 1 on every row, uploads it, waits for the dry run, commits and waits — polling the job as
 * the console does, sampling the hub's RSS meanwhile.
 */
async function importYear(hub: HubProcess, token: string, year: number, withinCode: string): Promise<ImportRun> {
  const auth = { authorization: `Bearer ${token}` };
  const response = await fetch(`${hub.url}/imports/assessments/template.xlsx?year=${year}&withinCode=${withinCode}`, { headers: auth });
  if (response.status !== 200) throw new Error(`template: ${response.status} ${await response.text()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0];
  const tc1 = (sheet.getRow(1).values as string[]).findIndex((h) => typeof h === 'string' && h.startsWith('TC1:'));
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(tc1).value = row.getCell(tc1).value === 'Đạt' ? 'Không đạt' : 'Đạt';
  });
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const rssBefore = Math.round(hub.rssMb());
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, Math.round(hub.rssMb()));
  }, 100);
  const poll = async (id: string, until: string[]) => {
    for (;;) {
      const job = ((await (await fetch(`${hub.url}/imports/assessments/jobs/${id}`, { headers: auth })).json()) as any).job;
      if (until.includes(job.status)) return job;
      if (!['VALIDATING', 'COMMITTING'].includes(job.status)) throw new Error(`import ${id}: ${job.status} ${job.message ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    const started = performance.now();
    const uploaded = (
      (await (
        await fetch(`${hub.url}/imports/assessments?fileName=bench.xlsx`, { method: 'POST', headers: auth, body: file })
      ).json()) as any
    ).job;
    const validated = await poll(uploaded.id, ['VALIDATED']);
    const validateMs = performance.now() - started;
    await fetch(`${hub.url}/imports/assessments/jobs/${uploaded.id}/commit`, { method: 'POST', headers: auth });
    const committed = await poll(uploaded.id, ['COMMITTED']);
    const totalMs = performance.now() - started;
    return {
      rows: validated.rowsRead,
      bytes: file.length,
      validateMs,
      commitMs: totalMs - validateMs,
      totalMs,
      rssBefore,
      rssPeak,
      status: committed.status,
    };
  } finally {
    clearInterval(sampler);
  }
}

const hub = await startHubProcess({
  PORT: '0',
  NTM_DATA_DIR: DATA_DIR,
  NTM_PG_PORT: PG_PORT,
  NTM_DEMO: '0',
  NTM_ADMIN_USERNAME: admin.username,
  NTM_ADMIN_PASSWORD: admin.password,
});
const secret = readFileSync(`${DATA_DIR}.secret`, 'utf8').trim();
const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${PG_PORT}/ntm_hub` });
await db.connect();
try {
  const [{ n: assessments }] = (await db.query('SELECT count(*)::int AS n FROM criteria.assessment')).rows;
  if (assessments < 30_000) throw new Error(`Only ${assessments} assessments: run \`npm run seed:national\` first`);
  const gateway = `${hub.url}/graphql`;
  const direct = `${hub.url}/subgraphs/insights/graphql`;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  // Warm-up: JIT, plan and document caches, the insights targets cache, PostgreSQL's buffers.
  for (const [url, body] of [
    [gateway, COMPARE],
    [direct, COMPARE],
    [gateway, COMPARE_ENTITY],
    [gateway, NESTED],
  ] as const) {
    for (let i = 0; i < 50; i++) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(`warm-up ${url}: ${text.slice(0, 300)}`);
    }
  }
  await cannon(gateway, () => COMPARE, { seconds: 3, connections: 4 });
  await cannon(direct, () => COMPARE, { seconds: 3, connections: 4 });
  // The summaries must equal the raw aggregate (after seed:national's bulk rebuild too): compare the figures per province.
  const check = await graphql(hub.url, COMPARE_FIGURES, { i: SIX });
  const raw = new Map((await db.query(RAW_SQL, [YEAR])).rows.map((r) => [String(r.province_id), r]));
  const expected: Record<string, (r: any) => [number, number]> = {
    COMMUNES_NTM: (r) => [Number(r.ntm), Number(r.communes)],
    COMMUNES_ADVANCED: (r) => [Number(r.advanced), Number(r.communes)],
    COMMUNES_MODEL: (r) => [Number(r.model), Number(r.communes)],
    AVG_CRITERIA_MET: (r) => [Number(r.met ?? 0), Number(r.assessed)],
    COMMUNES_UNDER_15: (r) => [Number(r.under_15), Number(r.assessed)],
  };
  const mismatches = check.compare.rows.filter((row: any) => {
    const want = expected[row.metric];
    const r = raw.get(row.unit.id);
    return want && (!r || want(r)[0] !== row.numerator || want(r)[1] !== row.denominator);
  }).length;
  const checkedRows = check.compare.rows.filter((row: any) => expected[row.metric]).length;
  // National totals per metric: equal whichever province a commune moved into in 2025.
  const totalsEqual = Object.entries(expected).every(([metric, want]) => {
    const mine = check.compare.rows
      .filter((row: any) => row.metric === metric)
      .reduce((t: number[], row: any) => [t[0] + row.numerator, t[1] + row.denominator], [0, 0]);
    const theirs = [...raw.values()].reduce((t: number[], r) => [t[0] + want(r)[0], t[1] + want(r)[1]], [0, 0]);
    return mine[0] === theirs[0] && mine[1] === theirs[1];
  });
  // Latencies at a fixed rate well below capacity.
  // One connection: at 20 req/s a request every 50 ms, each done long before the next (several connections would fire in bursts).
  const fixed = { rate: RATE, seconds: SECONDS, connections: 1 };
  const a = await cannon(gateway, () => COMPARE, fixed);
  const b = await cannon(direct, () => COMPARE, fixed);
  const a2 = await cannon(gateway, () => COMPARE_ENTITY, fixed);
  const rawTimes: number[] = [];
  for (let i = 0; i < 5; i++) await db.query(RAW_SQL, [YEAR]);
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await db.query(RAW_SQL, [YEAR]);
    rawTimes.push(performance.now() - started);
  }
  const c = { p50: percentile(rawTimes, 50), p95: percentile(rawTimes, 95), p99: percentile(rawTimes, 99) };
  const d = await cannon(gateway, () => NESTED, { rate: 10, seconds: SECONDS, connections: 2 });
  // Throughput at saturation: 10 connections as fast as they go.
  const aMax = await cannon(gateway, () => COMPARE, { seconds: SATURATION_SECONDS, connections: 10 });
  const bMax = await cannon(direct, () => COMPARE, { seconds: SATURATION_SECONDS, connections: 10 });

  const { login } = await graphql(hub.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: admin.username,
    p: admin.password,
  });
  const write = await assessmentWrites(db);
  const e = await cannon(gateway, write, { seconds: 5, connections: 8, token: login.token });

  // (f) Bulk import: a province-year and the national year of assessments, each file the hub's own template (its
  // stored rows and versions) with criterion 1 flipped on every row, so every assessment is rewritten.
  const province = await importYear(hub, login.token, 2024, '42');
  const national = await importYear(hub, login.token, 2025, 'VN');
  const afterImport = await graphql(hub.url, COMPARE_FIGURES, { i: { ...SIX, year: 2025 } });
  const rawAfter = new Map((await db.query(RAW_SQL, [2025])).rows.map((r) => [String(r.province_id), r]));
  const importTotalsEqual = Object.entries(expected).every(([metric, want]) => {
    const mine = afterImport.compare.rows
      .filter((row: any) => row.metric === metric)
      .reduce((t: number[], row: any) => [t[0] + row.numerator, t[1] + row.denominator], [0, 0]);
    const theirs = [...rawAfter.values()].reduce((t: number[], r) => [t[0] + want(r)[0], t[1] + want(r)[1]], [0, 0]);
    return mine[0] === theirs[0] && mine[1] === theirs[1];
  });
  const importRate = national.rows / (national.totalMs / 1000);

  const ratio = (x: number, y: number) => Math.round((100 * x) / y) / 100;
  const throughputShare = Math.round((100 * aMax.rps) / bMax.rps);
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const lines = [
    '## Insights: comparisons at national scale (`npm run bench`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} (load average before the run ${load}); hub process with the embedded ` +
      `PostgreSQL, all subgraphs in one process; national dataset (\`npm run seed:national\`: ${assessments} assessments × 19 criteria, 2021–2025). ` +
      `Latencies at a fixed ${RATE} requests/s for ${SECONDS} s per scenario (autocannon, one connection, after a warm-up), well below capacity; ` +
      `throughput separately at saturation: 10 connections, no rate limit, ${SATURATION_SECONDS} s.`,
    '',
    '| what | p50 | p95 | p99 | throughput at saturation | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    `| (a) 34 provinces × 6 metrics, ${YEAR}, through the gateway (\`unitCode unitName\`) | ${a.p50} ms | ${a.p95} ms | ${a.p99} ms | ${aMax.rps} req/s | ${a.errors + aMax.errors} |`,
    `| (b) the same, straight to the insights subgraph | ${b.p50} ms | ${b.p95} ms | ${b.p99} ms | ${bMax.rps} req/s | ${b.errors + bMax.errors} |`,
    `| (a′) as (a) but selecting \`unit { name }\` (gateway fetches the 204 unit entities from units) | ${a2.p50} ms | ${a2.p95} ms | ${a2.p99} ms | — | ${a2.errors} |`,
    `| (c) the equivalent raw SQL aggregate over the assessment rows (30 runs, one client) | ${c.p50} ms | ${c.p95} ms | ${c.p99} ms | — | — |`,
    `| (d) nested read: Hà Tĩnh → districts → communes → ${YEAR} assessments (gateway, 10 req/s) | ${d.p50} ms | ${d.p95} ms | ${d.p99} ms | — | ${d.errors} |`,
    `| (e) recordAssessment through the gateway (8 connections, as fast as they go) | ${e.p50} ms | ${e.p95} ms | ${e.p99} ms | ${e.rps} writes/s | ${e.errors} |`,
    '',
    "### Bulk import of assessments (`/imports/assessments`, XLSX from the hub's template, criterion 1 flipped on every row)",
    '',
    '| file | rows (assessments × 19 criteria) | size | upload + dry run | commit (write + summaries) | total | assessments/s | hub RSS before → peak |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[
      ['a province-year (Hà Tĩnh, 2024)', province],
      ['the national year (2025)', national],
    ].map(
      ([label, r]: any) =>
        `| ${label} | ${r.rows} | ${(r.bytes / 1024).toFixed(0)} kB | ${(r.validateMs / 1000).toFixed(1)} s | ${(r.commitMs / 1000).toFixed(1)} s | ${(r.totalMs / 1000).toFixed(1)} s | ${Math.round(r.rows / (r.totalMs / 1000))} | ${r.rssBefore} → ${r.rssPeak} MiB |`,
    ),
    '',
    `After the national import the comparison's national totals ${importTotalsEqual ? 'equal' : '**differ from**'} the raw aggregate over the rewritten rows.`,
    '',
    `Figures check: ${checkedRows - mismatches} of ${checkedRows} province × metric rows (all but VILLAGES_MODEL) equal the raw aggregate's numerator and denominator; ` +
      `national totals per metric ${totalsEqual ? 'equal' : '**differ**'}. (The raw SQL places a commune in its old province's successor; the summaries follow the ` +
      "commune's own lineage, so a commune moved to another province in 2025 counts differently there — e.g. 82 Tiền Giang/Đồng Tháp and 91 Kiên Giang/An Giang each differ by one commune.)",
    '',
    `Ratios: a/b p50 latency = ${ratio(a.p50, b.p50)}; a/b throughput = ${ratio(aMax.rps, bMax.rps)}; c/a p50 = ${ratio(c.p50, a.p50)}.`,
    '',
    'Acceptance (issue 6):',
    `- gateway p50 at least 4× faster than the raw SQL aggregate (c/a ≥ 4): ${ratio(c.p50, a.p50)} — ${met(c.p50 / a.p50 >= 4)};`,
    `- gateway p50 ≤ 10 ms: ${a.p50} ms — ${met(a.p50 <= 10)};`,
    `- gateway keeps ≥ 50 % of the direct throughput at saturation: ${throughputShare} % — ${met(throughputShare >= 50)}.`,
    '',
    'Acceptance (issue 15, bulk import):',
    `- national year imported, validated and summarised ≤ 60 s: ${(national.totalMs / 1000).toFixed(1)} s — ${met(national.totalMs <= 60_000 && national.status === 'COMMITTED')};`,
    `- a province-year ≤ 3 s: ${(province.totalMs / 1000).toFixed(1)} s — ${met(province.totalMs <= 3_000 && province.status === 'COMMITTED')};`,
    `- import throughput ≥ 10× recordAssessment (${e.rps} writes/s): ${Math.round(importRate)} assessments/s = ${ratio(importRate, e.rps)}× — ${met(importRate >= 10 * e.rps)};`,
    `- memory bounded: peak hub RSS ${national.rssPeak} MiB during the national import (${national.rssBefore} MiB before; file ${(national.bytes / 1024 / 1024).toFixed(1)} MB).`,
  ];
  writeBenchmarkSection('bench', lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await db.end();
  await hub.stop();
}

// The same dataset behind Hive Gateway and one process per subgraph, beside the bundled hub, in the same run.
const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const figures = await benchSplit({
  dataDir: DATA_DIR,
  pgPort: Number(PG_PORT),
  admin,
  seconds: SECONDS,
  rate: RATE,
  saturationSeconds: SATURATION_SECONDS,
});
const split = splitSection(
  figures,
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} (load average before ${loadBefore}); ` +
    'national dataset as above, one embedded PostgreSQL for every deployment; each deployment started from dist/ and measured in turn: ' +
    `the all-province comparison of (a) at ${RATE} requests/s for ${SECONDS} s (p50) and at saturation for ${SATURATION_SECONDS} s; \`recordAssessment\` ` +
    `with a bearer token at 10 writes/s for ${SECONDS} s (p50) and at saturation for ${SATURATION_SECONDS} s.`,
);
writeBenchmarkSection('split', split.join('\n'));
console.log(split.join('\n'));
