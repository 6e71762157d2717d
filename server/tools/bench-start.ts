/**
 * `npm run bench:start`: how long `npm start` takes on a fresh clone, and to start again. Per run: a `git clone` of
 * this repository's HEAD into a temporary folder, its `node_modules` hard-linked from this one (`npm ci` when that is
 * not possible; either way outside the timing), then
 * - first start: `npm start` (the builds, initialising the embedded PostgreSQL, migrations, seeds, insights'
 *   summaries) until /readyz answers 200, and until /admin/ serves the built console;
 * - restart: stopped as Ctrl-C stops it (SIGINT to the process group), then `npm start` again on the same data;
 * - restart after an edit: one server source file changed, which start must transpile again.
 * The hub's log lines give where a first start spends its time. BENCH_START_BASELINE=<commit> also measures that
 * commit, each of its runs right after one of HEAD's, so both meet the same load on a shared machine.
 * BENCH_START_RUNS (default 3) runs; medians go to docs/benchmarks.md (section `startup`). BENCH_START_FROM_LOG=<file>
 * makes the tables from the `run …` lines of an earlier bench's output instead of running (with the same baseline).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../shared/project.js';
import { machineDescription, percentile, writeBenchmarkSection } from './bench-support.js';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const BASELINE = process.env.BENCH_START_BASELINE || undefined;
/** The goals of issue 17, in seconds. */
const GOAL = { first: 20, restart: 5 };
const TIMEOUT_MS = 300_000;

interface Start {
  readyMs: number;
  consoleMs: number;
  phases: Record<Phase, number | undefined>;
}

/** Log lines that end a phase of a start, and what the phase is called. */
const PHASES = {
  built: {
    line: /initialising embedded PostgreSQL/,
    name: "builds (HEAD: the server's; the console builds alongside) and loading the server's modules",
  },
  postgres: { line: /embedded PostgreSQL started/, name: 'PostgreSQL initialised and started' },
  migrated: { line: /"msg":"migrated"/, name: 'migrations' },
  // Seeds run as soon as those they read are in (server/hub.ts): units first, then accounts, criteria and campaigns
  // at the same time, then insights (after criteria) beside awards (after campaigns). Phases follow the longest path.
  units: { line: /seeded synthetic demo villages/, name: 'units seed (administrative units, lineage, demo villages)' },
  criteria: {
    line: /seeded synthetic village recognitions/,
    name: 'criteria seed (sets, demo assessments, village records; accounts and campaigns alongside)',
  },
  insights: { line: /insights: unit tree loaded/, name: 'insights: unit tree copied, summaries rebuilt (awards seed alongside)' },
  listening: { line: /NTM Hub listening/, name: 'gateway composed, listening' },
} as const;
type Phase = keyof typeof PHASES;

/** When each phase ended, in ms from the start, from the hub's JSON log lines (the last matching line). */
function phasesOf(log: string, startedAt: number): Record<Phase, number | undefined> {
  const ends = {} as Record<Phase, number | undefined>;
  for (const line of log.split('\n')) {
    const time = /"time":(\d+)/.exec(line)?.[1];
    if (!time) continue;
    for (const [phase, { line: pattern }] of Object.entries(PHASES) as [Phase, (typeof PHASES)[Phase]][]) {
      if (pattern.test(line)) ends[phase] = Number(time) - startedAt;
    }
  }
  return ends;
}
interface Run {
  first: Start;
  restart: Start;
  edited: Start;
}

/** A free TCP port on this machine. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
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
  appendFileSync(log, '');
  const logFrom = readFileSync(log).length;
  const startedAt = Date.now();
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  child.stderr!.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
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
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await groupGone(child.pid!);
  }
  return { ...times, phases: phasesOf(readFileSync(log).subarray(logFrom).toString(), startedAt) } as Start;
}

async function benchRun(n: number, commit = 'HEAD'): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-start-'));
  const clone = join(dir, 'ntm-hub');
  try {
    execFileSync('git', ['clone', '--quiet', projectPath(), clone]);
    execFileSync('git', ['checkout', '--quiet', commit], { cwd: clone });
    try {
      execFileSync('cp', ['-al', projectPath('node_modules'), join(clone, 'node_modules')]);
    } catch {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'inherit' });
    }
    const env = { PORT: String(await freePort()), NTM_PG_PORT: String(process.env.BENCH_PG_PORT ?? (await freePort())) };
    const log = join(dir, 'start.log');
    const first = await timeStart(clone, env, log);
    const restart = await timeStart(clone, env, log);
    appendFileSync(join(clone, 'server', 'insights', 'metrics.ts'), '\n// edited by npm run bench:start\n');
    const edited = await timeStart(clone, env, log);
    const run = { first, restart, edited };
    console.log(`run ${n} (${commit}): ${JSON.stringify(run)}`);
    return run;
  } catch (error) {
    const log = join(dir, 'start.log');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
    console.error(`run ${n} (${commit}) failed; the end of its log:\n${tail}`);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const runs: Run[] = [];
const baseline: Run[] = [];
if (process.env.BENCH_START_FROM_LOG) {
  // Tables from the `run N (commit): {…}` lines a bench printed (one stopped early, or run elsewhere).
  for (const [, commit, json] of readFileSync(process.env.BENCH_START_FROM_LOG, 'utf8').matchAll(/^run \d+ \((\S+)\): (\{.*\})$/gm)) {
    (commit === 'HEAD' ? runs : baseline).push(JSON.parse(json) as Run);
  }
} else {
  for (let n = 1; n <= RUNS; n++) {
    runs.push(await benchRun(n));
    if (BASELINE) baseline.push(await benchRun(n, BASELINE));
  }
}

const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
const p50 = (of: Run[], pick: (r: Run) => number | undefined) => {
  const values = of.map(pick).filter((v): v is number => v !== undefined);
  return values.length ? percentile(values, 50) : undefined;
};
const worst = (of: Run[], pick: (r: Run) => number) => Math.max(...of.map(pick));
const row = (what: string, key: 'first' | 'restart' | 'edited') =>
  `| ${what} | ${s(p50(runs, (r) => r[key].readyMs))} | ${s(p50(runs, (r) => r[key].consoleMs))} | ${s(worst(runs, (r) => r[key].readyMs))} | ${s(worst(runs, (r) => r[key].consoleMs))} |` +
  (BASELINE ? ` ${s(p50(baseline, (r) => r[key].readyMs))} |` : '');
const first = p50(runs, (r) => r.first.readyMs)!;
const restart = p50(runs, (r) => r.restart.readyMs)!;
const verdict = (value: number, goal: number) => `${s(value)} — ${value <= goal * 1000 ? 'met' : '**not met**'}`;
/** Each phase of the first start: its median length (from the end of the phase before). */
const phaseRows = (Object.keys(PHASES) as Phase[]).map((phase, i, all) => {
  const length = (of: Run[]) =>
    p50(of, (r) => {
      const end = r.first.phases[phase];
      const before = i ? r.first.phases[all[i - 1]] : 0;
      return end === undefined || before === undefined ? undefined : end - before;
    });
  return `| ${PHASES[phase].name} | ${s(length(runs))} |${BASELINE ? ` ${s(length(baseline))} |` : ''}`;
});

const markdown = `## Start-up: \`npm start\` on a fresh clone (\`npm run bench:start\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} (load average ${process.env.BENCH_START_FROM_LOG ? "when these tables were made from the runs' log" : 'before the runs'} ${load}); ${runs.length} runs${BASELINE ? ` of HEAD and, each right after one of them, of ${BASELINE} (before issue 17's start-up work)` : ''}, each on a fresh \`git clone\` of HEAD with \`node_modules\` hard-linked (\`npm install\` is not timed), the embedded PostgreSQL, the demo profile. Time from \`npm start\` to /readyz answering 200, and to /admin/ serving the built console (Vite builds it while the hub starts); then stopped with SIGINT (Ctrl-C) and started again on the same data; then once more after editing one server source file.

| start | /readyz p50 | console p50 | /readyz worst | console worst |${BASELINE ? ` /readyz p50 at ${BASELINE} |` : ''}
| --- | --- | --- | --- | --- |${BASELINE ? ' --- |' : ''}
${row("first start (build everything, initialise PostgreSQL, migrate, seed, insights' summaries)", 'first')}
${row('restart, nothing changed', 'restart')}
${row('restart after editing one server file', 'edited')}

Where the first start spends its time (medians; each phase from the end of the one before, as the hub logs them):

| phase | HEAD |${BASELINE ? ` ${BASELINE} |` : ''}
| --- | --- |${BASELINE ? ' --- |' : ''}
${phaseRows.join('\n')}

Goals (issue 17): first start ≤ ${GOAL.first} s: ${verdict(first, GOAL.first)}; restart ≤ ${GOAL.restart} s: ${verdict(restart, GOAL.restart)}.`;

console.log(markdown);
writeBenchmarkSection('startup', markdown);
console.log('docs/benchmarks.md updated (section startup)');
