import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../shared/database.js';
import { createLogger } from '../shared/logger.js';
import { startSplitDeployment } from './split-deployment.js';
import { assessmentWrites, cannon, COMPARE, cpuSeconds, graphql, startHubProcess, type Measured } from './bench-support.js';

/**
 * The split deployment against the hub in one process, on the national dataset: the all-province comparison and an
 * authenticated write (`recordAssessment`), each at a fixed rate (p50) and at saturation (throughput), through
 * (1) the bundled hub, (2) Hive Gateway in front of one process per subgraph, (3) the same with a second insights
 * replica. The CPU time of every process of the deployment and of PostgreSQL is read from /proc around each
 * saturation run, so throughput is also given per CPU core used.
 */
export interface SplitBenchOptions {
  dataDir: string;
  pgPort: number;
  admin: { username: string; password: string };
  seconds: number;
  rate: number;
  saturationSeconds: number;
}

interface Run extends Measured {
  cores: number;
}

export interface DeploymentFigures {
  label: string;
  processes: number;
  compareFixed: Measured;
  compare: Run;
  writeFixed?: Measured;
  write?: Run;
}

/** Runs `load` while counting the CPU the given processes (and their children) spend, as cores used on average. */
async function withCores(pids: () => number[], load: () => Promise<Measured>): Promise<Run> {
  const cpuBefore = cpuSeconds(pids());
  const started = performance.now();
  const measured = await load();
  const seconds = (performance.now() - started) / 1000;
  return { ...measured, cores: Math.round(((cpuSeconds(pids()) - cpuBefore) / seconds) * 100) / 100 };
}

async function measure(
  label: string,
  url: string,
  pids: () => number[],
  db: pg.Client,
  options: SplitBenchOptions,
  writes: boolean,
): Promise<Omit<DeploymentFigures, 'processes'>> {
  const endpoint = `${url}/graphql`;
  for (let i = 0; i < 50; i++) {
    const text = await (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: COMPARE })).text();
    if (text.includes('"errors"')) throw new Error(`${label} warm-up: ${text.slice(0, 300)}`);
  }
  await cannon(endpoint, () => COMPARE, { seconds: 3, connections: 4 });
  const compareFixed = await cannon(endpoint, () => COMPARE, { rate: options.rate, seconds: options.seconds, connections: 1 });
  const compare = await withCores(pids, () => cannon(endpoint, () => COMPARE, { seconds: options.saturationSeconds, connections: 10 }));
  if (!writes) return { label, compareFixed, compare };
  const { login } = await graphql(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: options.admin.username,
    p: options.admin.password,
  });
  const write = await assessmentWrites(db);
  const writeFixed = await cannon(endpoint, write, { rate: 10, seconds: options.seconds, connections: 1, token: login.token });
  const writeMax = await withCores(pids, () =>
    cannon(endpoint, write, { seconds: options.saturationSeconds, connections: 8, token: login.token }),
  );
  return { label, compareFixed, compare, writeFixed, write: writeMax };
}

export async function benchSplit(options: SplitBenchOptions): Promise<DeploymentFigures[]> {
  const log = createLogger('warn');
  const database = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.pgPort, databaseName: 'ntm_hub' }, log);
  const postmaster = () => Number(readFileSync(join(options.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const env = {
    DATABASE_URL: database.url,
    NTM_DEMO: '0',
    NTM_ADMIN_USERNAME: options.admin.username,
    NTM_ADMIN_PASSWORD: options.admin.password,
    NTM_INTERNAL_SECRET: randomBytes(24).toString('base64url'),
  };
  const figures: DeploymentFigures[] = [];
  try {
    const hub = await startHubProcess({ ...env, PORT: '0' });
    try {
      figures.push({ ...(await measure('bundled hub', hub.url, () => [hub.child.pid!, postmaster()], db, options, true)), processes: 1 });
    } finally {
      await hub.stop();
    }
    for (const replicas of [1, 2]) {
      const split = await startSplitDeployment({
        databaseUrl: database.url,
        env: { ...env, LOG_LEVEL: 'warn' },
        replicas: { insights: replicas },
      });
      try {
        const pids = () => [split.gateway.pid, ...split.subgraphs.map((p) => p.pid), postmaster()];
        const label = replicas === 1 ? 'Hive Gateway + one process per subgraph' : 'the same, two insights replicas';
        figures.push({
          ...(await measure(label, split.gateway.url, pids, db, options, replicas === 1)),
          processes: 1 + split.subgraphs.length,
        });
      } finally {
        await split.stop();
      }
    }
  } finally {
    await db.end();
    await database.stop();
  }
  return figures;
}

const perCore = (run: Run) => (run.cores > 0 ? Math.round(run.rps / run.cores) : NaN);
const ratio = (x: number, y: number) => Math.round((100 * x) / y) / 100;

/** The markdown table and ratios for docs/benchmarks.md. */
export function splitSection(figures: DeploymentFigures[], context: string): string[] {
  const [bundled, split, replicated] = figures;
  const row = (f: DeploymentFigures) =>
    `| ${f.label} | ${f.processes} | ${f.compareFixed.p50} / ${f.compareFixed.p95} ms | ${f.compare.rps} req/s | ${f.compare.cores} | ${perCore(f.compare)} | ` +
    (f.write && f.writeFixed
      ? `${f.writeFixed.p50} / ${f.writeFixed.p95} ms | ${f.write.rps} writes/s | ${f.write.cores} | ${perCore(f.write)} |`
      : '— | — | — | — |') +
    ` ${f.compareFixed.errors + f.compare.errors + (f.writeFixed?.errors ?? 0) + (f.write?.errors ?? 0)} |`;
  const comparePerCore = ratio(perCore(split.compare), perCore(bundled.compare));
  const writePerCore = ratio(perCore(split.write!), perCore(bundled.write!));
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    '## Split deployment: Hive Gateway in front of one process per subgraph (`npm run bench`)',
    '',
    context,
    '',
    '| deployment | processes | comparison p50 / p95 (fixed rate) | comparison at saturation (10 connections) | CPU cores used | req/s per core | write p50 / p95 (10/s) | writes/s at saturation (8 connections) | CPU cores used | writes/s per core | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(row),
    '',
    "CPU cores used: CPU time of the deployment's processes (gateway, subgraph processes) and of PostgreSQL during the saturation run, divided by its length.",
    '',
    `Ratios, split / bundled: comparison p50 ${ratio(split.compareFixed.p50, bundled.compareFixed.p50)}, p95 ${ratio(split.compareFixed.p95, bundled.compareFixed.p95)}, throughput ${ratio(split.compare.rps, bundled.compare.rps)}, ` +
      `throughput per core ${comparePerCore}; write p50 ${ratio(split.writeFixed!.p50, bundled.writeFixed!.p50)}, p95 ${ratio(split.writeFixed!.p95, bundled.writeFixed!.p95)}, throughput ${ratio(split.write!.rps, bundled.write!.rps)}, ` +
      `throughput per core ${writePerCore}.`,
    `Second insights replica: comparison throughput ${replicated.compare.rps} against ${split.compare.rps} req/s (×${ratio(replicated.compare.rps, split.compare.rps)}), ` +
      `${replicated.compare.cores} against ${split.compare.cores} cores used.`,
    '',
    'Goal (issue 16): the split deployment keeps ≥ 70 % of the single-process throughput per CPU core used — ' +
      `comparison ${Math.round(comparePerCore * 100)} % (${met(comparePerCore >= 0.7)}), write ${Math.round(writePerCore * 100)} % (${met(writePerCore >= 0.7)}).`,
  ];
}
