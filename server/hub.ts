import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consoleAssets } from './gateway/console-assets.js';
import { composeSupergraph, type SubgraphSdl } from './gateway/compose.js';
import { createGatewayServer } from './gateway/gateway.js';
import { graphiqlRoute } from './gateway/graphiql.js';
import { graphqlEndpoint, graphqlProtection, requestTimeout } from './gateway/limits.js';
import { auditSeed } from './shared/audit.js';
import type { HubConfig } from './shared/config.js';
import type { SubgraphContext } from './shared/context.js';
import { openDatabase, withStartupLock, type Database } from './shared/database.js';
import { maskError } from './shared/errors.js';
import { requestGuard, SYSTEM_GUARD } from './shared/guard.js';
import { IMPORT_SUBGRAPHS } from './shared/import/import-routes.js';
import { ANONYMOUS, SYSTEM_IDENTITY, type Identity } from './shared/identity.js';
import {
  GATEWAY_CREDENTIAL_HEADER,
  gatewayCredential,
  hasGatewayCredential,
  PEER_CREDENTIAL_HEADER,
  peerCredential,
  requireGatewayCredential,
} from './shared/auth/gateway-credential.js';
import { openHubAuth } from './shared/auth/hub-auth.js';
import type { Logger } from './shared/logger.js';
import { limitDatabaseWaits, openSubgraphOrm } from './shared/orm.js';
import { enterRequestContext, withRequestScope } from './shared/request-scope.js';
import { jsonErrorHandler, sendHttpError } from './shared/http-errors.js';
import { createLocalExecutor } from './shared/local-executor.js';
import { importRouter } from './shared/import/import-router.js';
import type { PeerQuery, PeerResult } from './shared/peers.js';
import { UnitDirectory, type UnitsExecutor } from './shared/unit-directory.js';
import { projectPath } from './shared/project.js';
import { isSeeded, markSeeded } from './shared/seed-log.js';
import { buildSubgraph, type BuiltSubgraph } from './shared/subgraph.js';
import type { SeedTools, SubgraphModule } from './shared/subgraph-module.js';
import { bundledSubgraphs } from './subgraphs.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

/** A running hub: gateway, bundled subgraphs, HTTP server and database. */
export interface Hub {
  url: string;
  port: number;
  database: Database;
  orms: Map<string, MikroORM>;
  subgraphs: BuiltSubgraph[];
  stop(): Promise<void>;
}

export const subgraphPath = (name: string) => `/subgraphs/${name}/graphql`;

/** The URL a subgraph is published under in the composed supergraph. */
export const subgraphUrl = (name: string, port: number) => `http://localhost:${port}${subgraphPath(name)}`;

/** How long /readyz waits for each database check. */
const READY_TIMEOUT_MS = 800;

/** Whether a promise settles successfully within `ms` (its late outcome is ignored). */
const answersWithin = (promise: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([
    promise.then(
      () => true,
      () => false,
    ),
    late,
  ]).finally(() => clearTimeout(timer));
};

/** Fetches an external subgraph's SDL through the federation `_service` field. */
async function fetchSdl(name: string, url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
    signal: AbortSignal.timeout(10_000),
  }).catch((error: Error) => {
    throw new Error(`External subgraph "${name}" at ${url} is unreachable: ${error.message}`);
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`External subgraph "${name}" at ${url} did not return its SDL (HTTP ${response.status})`);
  return sdl;
}

/** Loads a subgraph's seeds into an empty database, once: `public.ntm_seed_log` remembers. */
async function seedOnce(module: SubgraphModule, orm: MikroORM, tools: SeedTools): Promise<void> {
  if (!module.seed) return;
  const em = orm.em.fork();
  if (await isSeeded(em, module.name)) return;
  await em.transactional(async (tx) => {
    await module.seed!(tx, tools);
    await auditSeed(tx, module.name);
    await markSeeded(tx, module.name);
  });
}

/**
 * Runs `work` for each module once the modules that `after` names for it (those this process runs) have finished
 * theirs; the others run at the same time (a first start spends most of its time migrating and seeding). Modules come
 * in dependency order, so a module may only wait for one before it. `work` is given each module's completion.
 */
function inDependencyOrder(
  modules: readonly SubgraphModule[],
  after: (module: SubgraphModule) => readonly string[] | undefined,
  work: (module: SubgraphModule, finished: (name: string) => Promise<void>) => Promise<void>,
): Promise<unknown> {
  const before = (module: SubgraphModule) => (after(module) ?? []).filter((name) => modules.some((m) => m.name === name));
  for (const [i, module] of modules.entries()) {
    const late = before(module).find((name) => !modules.slice(0, i).some((m) => m.name === name));
    if (late) throw new Error(`subgraph ${module.name} waits for ${late}, which comes later in bundledSubgraphs`);
  }
  const done = new Map<string, Promise<void>>();
  // Every module's promise is in the map before any work starts (work runs after at least one microtask).
  const finished = (name: string) => done.get(name) ?? Promise.resolve();
  for (const module of modules) {
    done.set(
      module.name,
      Promise.all(before(module).map(finished)).then(() => work(module, finished)),
    );
  }
  return Promise.all(done.values());
}

/** Reaches a subgraph this process does not bundle over HTTP, as the anonymous caller coming through the gateway. */
function remoteExecutor(
  url: string,
  credential: string,
  peer: string,
): (query: string, variables?: Record<string, unknown>) => Promise<PeerResult> {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_CREDENTIAL_HEADER]: credential, [PEER_CREDENTIAL_HEADER]: peer },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    return (await response.json()) as PeerResult;
  };
}

/**
 * Lets requests in flight finish, then stops listening. Responses still to be written tell the client to close the
 * connection; kept-alive connections close when their keep-alive timer runs out (shortened while draining), so a
 * client never has a request cut on a connection it was entitled to reuse. The hub keeps accepting until its requests
 * in flight are answered: a connection the kernel queued while the process was busy with them is then served (with
 * `connection: close`), where closing the listener would reset it. Whatever is left at the deadline is cut.
 */
function drainable(http: Server) {
  const pending = new Set<ServerResponse>();
  let settled: (() => void) | undefined;
  http.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    pending.add(res);
    res.once('close', () => {
      pending.delete(res);
      if (!pending.size) settled?.();
    });
  });
  return async (deadlineMs = 15_000): Promise<void> => {
    http.keepAliveTimeout = 500;
    for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close');
    const deadline = setTimeout(() => {
      settled?.();
      http.closeAllConnections();
    }, deadlineMs);
    if (pending.size) await new Promise<void>((resolve) => (settled = resolve));
    await new Promise<void>((resolve) => net.Server.prototype.close.call(http, () => resolve()));
    clearTimeout(deadline);
  };
}

/** Starts the hub as configured: every bundled subgraph behind the gateway, or one subgraph alone (`--only`). */
export async function startHub(config: HubConfig, log: Logger): Promise<Hub> {
  // An external subgraph named like a bundled one replaces it: that subgraph then runs elsewhere.
  const remote = new Set(config.externalSubgraphs.map((e) => e.name));
  const modules = config.only
    ? bundledSubgraphs.filter((m) => m.name === config.only)
    : bundledSubgraphs.filter((m) => !remote.has(m.name));
  if (!modules.length) {
    throw new Error(`Unknown subgraph "${config.only}" (bundled: ${bundledSubgraphs.map((m) => m.name).join(', ')})`);
  }
  const secret = config.internalSecret ?? randomBytes(32).toString('base64url');
  const credential = gatewayCredential(secret);
  const peerHeader = peerCredential(secret);
  // Only the hub's own subgraphs (run elsewhere with --only) receive the credential; a foreign service never does.
  const credentialFor = (name: string): Record<string, string> =>
    bundledSubgraphs.some((m) => m.name === name) ? { [GATEWAY_CREDENTIAL_HEADER]: credential } : {};
  const database = await openDatabase(config, log);
  const auth = await openHubAuth(database.url, config.auth, log, config.databaseTimeouts);
  const orms = new Map<string, MikroORM>();
  const built: BuiltSubgraph[] = [];
  const state = { ready: false, supergraph: false, started: false };

  const app: Express = express();
  app.disable('x-powered-by');
  // While draining, every response closes its connection so clients do not reuse it.
  app.use((_req, res, next) => {
    if (!state.ready && state.started) res.setHeader('connection', 'close');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, boolean> = { supergraph: state.supergraph || Boolean(config.only) };
    // In parallel and within READY_TIMEOUT_MS each: a frozen database makes /readyz say 503, not hang.
    await Promise.all(
      [...orms].map(async ([name, orm]) => {
        checks[`database:${name}`] = await answersWithin(orm.em.fork().execute('SELECT 1'), READY_TIMEOUT_MS);
      }),
    );
    const ready = state.ready && Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });

  // Whatever their context, the servers are only stopped here.
  const servers: Pick<ApolloServer, 'stop'>[] = [];
  const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
    maskError(formatted, error, (e) => log.error({ err: e }, 'unexpected error'));

  // Subgraphs whose migrations do not build on each other's (`migratesAfter`) migrate at the same time; each schema
  // is built once its subgraph has migrated, one at a time (type-graphql builds from one global metadata store).
  const opened = new Map<string, { orm: MikroORM; subgraph: BuiltSubgraph }>();
  let building: Promise<unknown> = Promise.resolve();
  await inDependencyOrder(
    modules,
    (m) => m.migratesAfter,
    async (module) => {
      // Replicas starting together migrate, seed and start one after another (withStartupLock).
      const orm = await withStartupLock(database.url, `migrate ${module.name}`, () =>
        openSubgraphOrm(module, database.url, log, config.databaseTimeouts, config.poolSize),
      );
      const build = building.then(() => buildSubgraph(module));
      building = build;
      opened.set(module.name, { orm, subgraph: await build });
    },
  );
  for (const module of modules) {
    orms.set(module.name, opened.get(module.name)!.orm);
    built.push(opened.get(module.name)!.subgraph);
  }
  const executors = new Map(built.map((s) => [s.name, createLocalExecutor(s.schema)]));
  const remotes = new Map<string, ReturnType<typeof remoteExecutor>>();
  const peers: PeerQuery = (name, query, variables) => {
    const local = executors.get(name);
    if (local) return local(query, variables, contextFor(name, ANONYMOUS));
    const url =
      config.externalSubgraphs.find((e) => e.name === name)?.url ??
      config.subgraphUrls.get(name)?.[0] ??
      `${config.peersUrl}${subgraphPath(name)}`;
    if (!remotes.has(name)) remotes.set(name, remoteExecutor(url, credential, peerHeader));
    return remotes.get(name)!(query, variables);
  };
  const unitsExecutor: UnitsExecutor = (query, variables) => peers('units', query, variables);
  function contextFor(name: string, identity: Identity): SubgraphContext {
    const ctx = {
      em: orms.get(name)!.em.fork(),
      identity,
      auth,
      loaders: new Map(),
      units: new UnitDirectory(unitsExecutor),
      peers,
    } as Omit<SubgraphContext, 'guard'>;
    return Object.assign(ctx, { guard: requestGuard(ctx) });
  }

  await inDependencyOrder(
    modules,
    (m) => m.seedsAfter,
    async (module, seeded) => {
      const system = { ...contextFor(module.name, SYSTEM_IDENTITY), guard: SYSTEM_GUARD };
      const tools: SeedTools = { system, log, units: system.units, peers, demo: config.demo, admin: config.admin, seeded };
      await withStartupLock(database.url, `seed ${module.name}`, async () => {
        // As the system actor: audited as "system", with the units of its records looked up like a request's.
        await withRequestScope(async () => {
          await seedOnce(module, orms.get(module.name)!, tools);
          if (module.start)
            await orms
              .get(module.name)!
              .em.fork()
              .transactional((em) => module.start!(em, tools));
        }, system);
      });
    },
  );
  for (const module of modules) {
    // A subgraph endpoint gets the gateway's protections: callers may reach it directly.
    // Peer queries are the hub's own: they are not costed (insights reads every target of every campaign at once).
    const protection = graphqlProtection<SubgraphContext>(config.production, {
      trusted: (headers) => hasGatewayCredential(headers?.get(PEER_CREDENTIAL_HEADER), peerHeader),
    });
    const server = new ApolloServer<SubgraphContext>({
      schema: built.find((s) => s.name === module.name)!.schema,
      formatError,
      ...protection,
      plugins: [ApolloServerPluginInlineTraceDisabled(), ...protection.plugins],
    });
    await server.start();
    servers.push(server);
    // In production a subgraph endpoint answers the gateway only; every caller is authenticated by its own token.
    const gatewayOnly = config.production && !config.subgraphsPublic ? [requireGatewayCredential(credential)] : [];
    app.use(
      subgraphPath(module.name),
      ...gatewayOnly,
      (_req, _res, next) => withRequestScope(next),
      ...graphqlEndpoint(server, config.requestTimeoutMs, async ({ req }) => {
        const ctx = contextFor(module.name, await auth.authenticate(req.headers.authorization));
        enterRequestContext(ctx);
        return ctx;
      }),
    );
  }

  if (!config.only) {
    const sdls: SubgraphSdl[] = built.map((s) => ({ name: s.name, url: subgraphUrl(s.name, config.port), sdl: s.sdl }));
    for (const external of config.externalSubgraphs) {
      sdls.push({ name: external.name, url: external.url, sdl: await fetchSdl(external.name, external.url, credentialFor(external.name)) });
    }
    const supergraphSdl = composeSupergraph(sdls);
    // GraphiQL's documentation explorer reads the schema by introspection: enabling GraphiQL in production enables it.
    const introspection = !config.production || config.graphiql;
    const server = createGatewayServer({
      supergraphSdl,
      executors,
      contextFor,
      credentialFor,
      production: config.production,
      introspection,
      formatError,
    });
    await server.start();
    servers.push(server);
    state.supergraph = true;
    if (config.graphiql) app.get('/graphql', graphiqlRoute('/graphql'));
    app.use(
      '/graphql',
      ...graphqlEndpoint(server, config.requestTimeoutMs, async ({ req }) => ({
        identity: await auth.authenticate(req.headers.authorization),
        authorization: req.headers.authorization,
      })),
    );
    // `npm start` builds the console while the hub starts: until its index.html is written, /admin says so and
    // reloads itself; the built console is then served without a restart.
    const adminDist = projectPath('admin', 'dist');
    app.get(/^\/admin(\/.*)?$/, (_req, res, next) => {
      if (existsSync(join(adminDist, 'index.html'))) return next();
      res
        .type('html')
        .set('cache-control', 'no-store')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8">' +
            '<meta http-equiv="refresh" content="3"><title>NTM Hub</title><h1>NTM Hub</h1>' +
            '<p>Bảng điều khiển đang được dựng hoặc chưa được dựng (admin/dist) — the console is being built, or not built yet.</p>' +
            '<p>GraphQL: <a href="/graphql">/graphql</a></p></html>',
        );
    });
    app.use('/admin', consoleAssets(adminDist));
    app.get('/', (_req, res) => res.redirect('/admin/'));
  }
  for (const module of modules)
    if (module.http) app.use(module.http.path, requestTimeout(config.requestTimeoutMs), module.http.router(peers, auth));
  for (const module of modules) {
    for (const kind of module.imports ?? []) {
      if (IMPORT_SUBGRAPHS[kind.name] !== module.name)
        throw new Error(
          `import kind ${kind.name} of ${module.name} is missing from IMPORT_SUBGRAPHS (server/shared/import/import-routes.ts)`,
        );
      // Jobs run in the background: a request only uploads or asks, and answers within the request time limit.
      app.use(
        `/imports/${kind.name}`,
        requestTimeout(config.requestTimeoutMs),
        importRouter(kind, {
          subgraph: module.name,
          auth,
          log,
          maxBytes: config.importMaxBytes,
          waitMs: Math.max(1_000, config.requestTimeoutMs - 5_000),
          contextFor: (identity) => contextFor(module.name, identity),
        }),
      );
    }
  }
  app.use((_req, res) => sendHttpError(res, 404, 'NOT_FOUND', 'Không có địa chỉ này', 'No such route'));
  app.use(jsonErrorHandler(log));

  // Seeds and migrations are done: from here on every database wait is bounded.
  for (const orm of orms.values()) await limitDatabaseWaits(orm, config.databaseTimeouts);

  const http: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const drain = drainable(http);
  const port = (http.address() as { port: number }).port;
  state.ready = true;
  state.started = true;
  const url = `http://localhost:${port}`;
  log.info({ url, subgraphs: modules.map((m) => m.name), only: config.only ?? null }, 'NTM Hub listening');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      state.ready = false;
      // Keep serving briefly while /readyz says no, so connections already queued are accepted and answered.
      await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
      // Let requests in flight finish (still accepting), stop listening, then close what they used.
      await drain();
      for (const server of servers.reverse()) await server.stop();
      for (const orm of orms.values()) await orm.close(true);
      await auth.close();
      await database.stop();
      log.info('NTM Hub stopped');
    })());
  return { url, port, database, orms, subgraphs: built, stop };
}
