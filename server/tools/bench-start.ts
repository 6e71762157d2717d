/**
 * `npm run bench:start`: how long `npm start` takes on a fresh clone, and to start again. Per run: a `git clone` of
 * this repository's HEAD into a temporary folder, its `node_modules` hard-linked from this one (`npm ci` when that is
 * not possible; either way outside the timing), then
 * - first start: `npm start` (the builds, initialising the embedded PostgreSQL, migrations, seeds, insights'
 *   summaries) until /readyz answers 200, and until /admin/ serves the built console;
 * - restart: stopped as Ctrl-C stops it (SIGINT to the process group), then `npm start` again on the same data;
 * - restart after an edit: one server source file changed, which start must transpile again.
 * BENCH_START_RUNS (default 3) runs; medians go to docs/benchmarks.md (section `startup`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../shared/project.js';
import { machineDescription, percentile, writeBenchmarkSection } from './bench-support.js';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
/** The goals of issue 17, in seconds. */
const GOAL = { first: 20, restart: 5 };
const TIMEOUT_MS = 300_000;

interface Start { readyMs: number; consoleMs: number }
interface Run { first: Start; restart: Start; edited: Start }

/** A free TCP port on this machine. */
const freePort = () => new Promise<number>((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});

/** Whether `url` answers 200 (and, when given, with a body containing `marker`). */
async function answers(url: string, marker?: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    if (response.status !== 200) return false;
    return marker ? (await response.text()).includes(marker) : (await response.arrayBuffer(), true);
  } catch {
    return false;
  }
}

/** Waits until the child's process group has no process left (the embedded PostgreSQL included). */
async function groupGone(pgid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start` in `dir`: milliseconds until /readyz says ready and until /admin/ serves the built console; then stopped. */
async function timeStart(dir: string, env: Record<string, string>, log: string): Promise<Start> {
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  child.stderr!.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  let exited = false;
  child.once('exit', () => { exited = true; });
  const base = `http://127.0.0.1:${env.PORT}`;
  const times: Partial<Start> = {};
  try {
    while (times.readyMs === undefined || times.consoleMs === undefined) {
      if (exited) throw new Error(`npm start exited before it was ready: see ${log}`);
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`npm start not ready after ${TIMEOUT_MS / 1000} s: see ${log}`);
      const [ready, console] = await Promise.all([
        times.readyMs === undefined ? answers(`${base}/readyz`) : Promise.resolve(false),
        // The built console's page loads its script from /admin/assets/; the page shown while it builds does not.
        times.consoleMs === undefined ? answers(`${base}/admin/`, '/admin/assets/') : Promise.resolve(false),
      ]);
      const now = Math.round(performance.now() - started);
      if (ready) times.readyMs = now;
      if (console) times.consoleMs = now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return times as Start;
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await groupGone(child.pid!);
  }
}

async function benchRun(n: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-start-'));
  const clone = join(dir, 'ntm-hub');
  try {
    execFileSync('git', ['clone', '--quiet', projectPath(), clone]);
    try {
      execFileSync('cp', ['-al', projectPath('node_modules'), join(clone, 'node_modules')]);
    } catch {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'inherit' });
    }
    const env = { PORT: String(await freePort()), NTM_PG_PORT: String(process.env.BENCH_PG_PORT ?? await freePort()) };
    const log = join(dir, 'start.log');
    const first = await timeStart(clone, env, log);
    const restart = await timeStart(clone, env, log);
    appendFileSync(join(clone, 'server', 'insights', 'metrics.ts'), '\n// edited by npm run bench:start\n');
    const edited = await timeStart(clone, env, log);
    const run = { first, restart, edited };
    console.log(`run ${n}: ${JSON.stringify(run)}`);
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
const runs: Run[] = [];
for (let n = 1; n <= RUNS; n++) runs.push(await benchRun(n));

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const p50 = (pick: (r: Run) => number) => percentile(runs.map(pick), 50);
const worst = (pick: (r: Run) => number) => Math.max(...runs.map(pick));
const row = (what: string, key: keyof Run) =>
  `| ${what} | ${s(p50((r) => r[key].readyMs))} | ${s(p50((r) => r[key].consoleMs))} | ${s(worst((r) => r[key].readyMs))} | ${s(worst((r) => r[key].consoleMs))} |`;
const first = p50((r) => r.first.readyMs);
const restart = p50((r) => r.restart.readyMs);
const verdict = (value: number, goal: number) => `${s(value)} — ${value <= goal * 1000 ? 'met' : '**not met**'}`;

const markdown = `## Start-up: \`npm start\` on a fresh clone (\`npm run bench:start\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} (load average before the runs ${load}); ${RUNS} runs, each on a fresh \`git clone\` of HEAD with \`node_modules\` hard-linked (\`npm install\` is not timed), the embedded PostgreSQL, the demo profile. Time from \`npm start\` to /readyz answering 200, and to /admin/ serving the built console (Vite builds it while the hub starts); then stopped with SIGINT (Ctrl-C) and started again on the same data; then once more after editing one server source file.

| start | /readyz p50 | console p50 | /readyz worst | console worst |
| --- | --- | --- | --- | --- |
${row('first start (build everything, initialise PostgreSQL, migrate, seed, insights\' summaries)', 'first')}
${row('restart, nothing changed', 'restart')}
${row('restart after editing one server file', 'edited')}

Goals (issue 17): first start ≤ ${GOAL.first} s: ${verdict(first, GOAL.first)}; restart ≤ ${GOAL.restart} s: ${verdict(restart, GOAL.restart)}.`;

console.log(markdown);
writeBenchmarkSection('startup', markdown);
console.log('docs/benchmarks.md updated (section startup)');
