import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { projectPath, projectRoot } from '../shared/project.js';
import { bundledSubgraphs } from '../subgraphs.js';

/**
 * The split deployment, run locally: each subgraph as its own process (`node dist/server/main.js --only <name>`,
 * several for a subgraph given replicas) and Hive Gateway in front of them (gateway.config.ts), all on one
 * PostgreSQL. Used by `npm run start:split`, the tests and the benchmarks.
 */

/** A process of the deployment, started from the built code. */
export interface DeploymentProcess {
  /** `units`, `insights#2` (a second replica), `gateway`. */
  name: string;
  url: string;
  pid: number;
  /** The last 200 kB it wrote. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface SplitDeployment {
  gateway: DeploymentProcess;
  subgraphs: DeploymentProcess[];
  /** NTM_SUBGRAPH_URLS as every process of the deployment was given it. */
  subgraphUrls: Map<string, string[]>;
  /** The environment every process was given (database, secret, URLs, mode). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface SplitOptions {
  databaseUrl: string;
  host?: string;
  /** The gateway's port; subgraph processes take the ports after it, in order. 0 (default): free ports. */
  port?: number;
  /** Processes per subgraph beyond the first (`{ insights: 2 }`). */
  replicas?: Record<string, number>;
  /** Environment of every process (NODE_ENV, NTM_INTERNAL_SECRET, NTM_SESSION_CACHE_MS, …), over this process's own. */
  env?: Record<string, string>;
  /** Each line a process writes, for a console (the buffer keeps them anyway). */
  onOutput?: (name: string, line: string) => void;
}

const OUTPUT_LIMIT = 200_000;
const READY_TIMEOUT_MS = 240_000;

/** The encoded form of NTM_SUBGRAPH_URLS. */
export const formatSubgraphUrls = (urls: Map<string, string[]>): string =>
  [...urls].map(([name, list]) => `${name}=${list.join('|')}`).join(',');

/** A TCP port free right now on `host`. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Hive Gateway's command-line entry point. */
const hiveGatewayBin = (): string => join(dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway')), 'bin.js');

/** Starts a Node process of the deployment and resolves once its `/readyz` answers 200. */
export async function startDeploymentProcess(
  name: string,
  args: string[],
  url: string,
  env: Record<string, string>,
  onOutput?: (name: string, line: string) => void,
): Promise<DeploymentProcess> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_LIMIT);
    if (onOutput) for (const line of text.split('\n')) if (line.trim()) onOutput(name, line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const stop = async (graceMs = 30_000) => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    return exited;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (gone) throw new Error(`${name} exited before it was ready:\n${output.slice(-5_000)}`);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop(5_000);
      throw new Error(`${name} not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-5_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name, url, pid: child.pid!, output: () => output, exited, stop };
}

/** Starts Hive Gateway (gateway.config.ts, built into dist/) on the committed supergraph. */
export function startHiveGateway(
  port: number,
  env: Record<string, string>,
  onOutput?: (name: string, line: string) => void,
  host = '127.0.0.1',
): Promise<DeploymentProcess> {
  return startDeploymentProcess(
    'gateway',
    [
      hiveGatewayBin(),
      'supergraph',
      projectPath('schema', 'supergraph.graphql'),
      '--config-path',
      projectPath('dist', 'gateway.config.js'),
    ],
    `http://${host}:${port}`,
    { ...env, PORT: String(port), HOST: host },
    onOutput,
  );
}

/** Which subgraphs the database has already been seeded for (their start-up then reads no peer). */
async function seededSubgraphs(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ subgraph: string }>('SELECT subgraph FROM public.ntm_seed_log').catch(() => ({ rows: [] }));
    return new Set(rows.rows.map((r) => r.subgraph));
  } finally {
    await client.end();
  }
}

/**
 * Starts every bundled subgraph as its own process, then Hive Gateway in front. Units starts first (every other
 * subgraph reads units when it starts); on a database still to be seeded the others follow one after another in
 * dependency order (their seeds read the ones before), otherwise together. Replicas start beside the first process
 * of their subgraph; the start-up lock (database.ts) makes them migrate, seed and start one after another.
 */
export async function startSplitDeployment(options: SplitOptions): Promise<SplitDeployment> {
  const host = options.host ?? '127.0.0.1';
  const names = bundledSubgraphs.map((m) => m.name);
  const instances = names.flatMap((name) => Array.from({ length: options.replicas?.[name] ?? 1 }, (_, i) => ({ name, replica: i + 1 })));
  const ports = options.port ? instances.map((_, i) => options.port! + 1 + i) : await Promise.all(instances.map(() => freePort(host)));
  const gatewayPort = options.port || (await freePort(host));
  const subgraphUrls = new Map<string, string[]>();
  instances.forEach(({ name }, i) =>
    subgraphUrls.set(name, [...(subgraphUrls.get(name) ?? []), `http://${host}:${ports[i]}/subgraphs/${name}/graphql`]),
  );
  const env = { ...options.env, DATABASE_URL: options.databaseUrl, NTM_SUBGRAPH_URLS: formatSubgraphUrls(subgraphUrls) };

  const started: DeploymentProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.filter((p) => p.name === 'gateway').map((p) => p.stop()));
    await Promise.all(started.filter((p) => p.name !== 'gateway').map((p) => p.stop()));
  };
  const start = async (index: number) => {
    const { name, replica } = instances[index];
    const label = replica > 1 ? `${name}#${replica}` : name;
    const child = await startDeploymentProcess(
      label,
      [projectPath('dist', 'server', 'main.js'), '--only', name],
      `http://${host}:${ports[index]}`,
      { ...env, PORT: String(ports[index]), HOST: host },
      options.onOutput,
    );
    started.push(child);
  };
  try {
    const seeded = await seededSubgraphs(options.databaseUrl);
    const firsts = names.map((name) => instances.findIndex((i) => i.name === name));
    const replicas = instances.map((_, i) => i).filter((i) => instances[i].replica > 1);
    await start(firsts[0]);
    if (names.every((name) => seeded.has(name))) {
      await Promise.all([...firsts.slice(1), ...replicas].map(start));
    } else {
      for (const index of firsts.slice(1)) await start(index);
      await Promise.all(replicas.map(start));
    }
    started.push(await startHiveGateway(gatewayPort, env, options.onOutput, host));
  } catch (error) {
    await stopAll();
    throw error;
  }
  const processes = [...started];
  return {
    gateway: processes.find((p) => p.name === 'gateway')!,
    subgraphs: processes.filter((p) => p.name !== 'gateway'),
    subgraphUrls,
    env,
    stop: stopAll,
  };
}
