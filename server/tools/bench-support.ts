import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type pg from 'pg';
import { projectPath } from '../shared/project.js';

/** A hub started as its own process from dist/, so its memory can be read apart from the load generator's. */
export interface HubProcess {
  url: string;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, [projectPath('dist', 'server', 'main.js')], {
    // The port is read from the "listening" line, logged at info.
    env: { ...process.env, HOST: '127.0.0.1', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"NTM Hub listening"/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`hub exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    child,
    rssMb: () => rssMb(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function graphql(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
  return body.data;
}

export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const file = projectPath('docs', 'benchmarks.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nFigures measured by `npm run bench` and `npm run load` on the machine each section names.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[^]*?${end}`), block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** The p-th percentile (nearest rank) of a list of latencies, rounded to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 10) / 10;
}

export interface Measured {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/** Requests at a fixed rate (latencies) or as fast as `connections` allow (throughput when rate is undefined). */
export function cannon(
  url: string,
  bodies: () => string,
  options: { rate?: number; seconds: number; connections: number; token?: string },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let errors = 0;
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate ? { overallRate: options.rate } : {}),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
            setupRequest: (request) => ({ ...request, body: bodies() }),
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) errors++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          rps: Math.round(result.requests.total / options.seconds),
          errors: errors + result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_c: unknown, _s: number, _b: number, time: number) => times.push(time));
  });
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system, in seconds) spent so far by these processes and all their descendants (Linux /proc). */
export function cpuSeconds(pids: readonly number[]): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  const counted = new Set<number>();
  const add = (pid: number) => {
    if (counted.has(pid) || !stats.has(pid)) return;
    counted.add(pid);
    for (const [child, stat] of stats) if (stat.ppid === pid) add(child);
  };
  for (const pid of pids) add(pid);
  return [...counted].reduce((sum, pid) => sum + stats.get(pid)!.ticks, 0) / CLOCK_TICKS;
}

/** Resident memory of a process, in MiB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The year the benchmarks compare. */
export const YEAR = 2024;
/** All provinces on six metrics for one year. */
export const SIX = {
  level: 'PROVINCE',
  year: YEAR,
  metrics: ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'COMMUNES_MODEL', 'AVG_CRITERIA_MET', 'COMMUNES_UNDER_15', 'VILLAGES_MODEL'],
};
/** The comparison with the unit's plain code and name (served by insights alone). */
export const COMPARE = JSON.stringify({
  query: `query($i: CompareInput!) { compare(input: $i) { rows { unitCode unitName metric actual numerator denominator target gap onTrack rank approximate } } }`,
  variables: { i: SIX },
});

/**
 * Bodies of `recordAssessment` writes, each on another of 5,000 synthetic 2023 assessments with the version it has
 * now (so none is refused as stale while fewer than 5,000 are sent).
 */
export async function assessmentWrites(db: pg.Client): Promise<() => string> {
  const targets = (
    await db.query(`SELECT u.code, a.version, a.set_id FROM criteria.assessment a JOIN units.unit u ON u.id = a.unit_id
    WHERE a.year = 2023 AND a.synthetic ORDER BY a.id LIMIT 5000`)
  ).rows;
  let next = 0;
  return () => {
    const t = targets[next++ % targets.length];
    const results = Array.from({ length: 19 }, (_, n) => ({ criterionNumber: n + 1, met: (next + n) % 3 !== 0 }));
    return JSON.stringify({
      query: 'mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }',
      variables: { i: { unitCode: t.code, criteriaSetId: String(t.set_id), year: 2023, results, expectedVersion: t.version } },
    });
  };
}
