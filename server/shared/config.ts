import { resolve } from 'node:path';
import { LOWEST_PASSWORD_COST, type AuthConfig, type PasswordCost } from './auth/hub-auth.js';

/** An external subgraph (a province's own service) added to the supergraph by configuration. */
export interface ExternalSubgraph {
  name: string;
  url: string;
}

/** Everything the hub reads from its environment, read once at start-up. */
export interface HubConfig {
  port: number;
  host: string;
  /** Any PostgreSQL server; when absent the hub runs an embedded one. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PostgreSQL cluster. */
  dataDir: string;
  embeddedPort: number;
  production: boolean;
  logLevel: string;
  /** Run just this bundled subgraph (`--only units`), without the gateway. */
  only: string | undefined;
  externalSubgraphs: ExternalSubgraph[];
  /** Secret the gateway credential (`x-ntm-gateway`) is derived from; the same on every process of a deployment. */
  internalSecret: string | undefined;
  /** Signing key, JWKS and session cache of sign-in tokens. */
  auth: AuthConfig;
  /** Let subgraph endpoints answer callers without the gateway credential in production too (NTM_SUBGRAPHS_PUBLIC=1). */
  subgraphsPublic: boolean;
  /** Where the subgraphs this process does not bundle are served (`<peersUrl>/subgraphs/<name>/graphql`), e.g. with `--only campaigns`. */
  peersUrl: string;
  /**
   * Where each subgraph is served in a split deployment (NTM_SUBGRAPH_URLS), its replicas' URLs in turn: the
   * production gateway sends a subgraph's requests there, and `--only` processes reach their peers there.
   */
  subgraphUrls: Map<string, string[]>;
  /** Serve GraphiQL to browsers at /graphql, with introspection (outside production always; in production with NTM_GRAPHIQL=1). */
  graphiql: boolean;
  /** Longest a GraphQL request may run before the gateway answers 503. */
  requestTimeoutMs: number;
  /** On shutdown, how long to keep serving (not ready) before closing the listener. */
  drainDelayMs: number;
  /** Load the demo profile (synthetic data, demo accounts) when seeding an empty database. */
  demo: boolean;
  /** Largest file an import accepts (NTM_IMPORT_MAX_BYTES, default 20 MB). */
  importMaxBytes: number;
  /** Time limits on every database connection of the hub (orm.ts), so a frozen database fails requests, not hangs them. */
  databaseTimeouts: DatabaseTimeouts;
  /** Largest connection pool of each subgraph's ORM (NTM_POOL_SIZE, default 8). */
  poolSize: number;
  /** The system administrator the accounts subgraph creates at start if missing (NTM_ADMIN_USERNAME / NTM_ADMIN_PASSWORD). */
  admin: ConfiguredAdmin | undefined;
}

/** A system administrator named by the environment. */
export interface ConfiguredAdmin {
  /** Trimmed and lower-case, as usernames are stored. */
  username: string;
  password: string;
}

/** How long the hub waits on PostgreSQL, in milliseconds. */
export interface DatabaseTimeouts {
  /** To open a connection, or to get one from a full pool. */
  connectMs: number;
  /** For one statement (PostgreSQL's statement_timeout; the client gives up a second later if the server is frozen); 0: none. */
  statementMs: number;
  /** For a transaction left idle (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number;
}

/** Reads "name=url,name2=url2" (and, where `replicas`, "name=url|url2"): each subgraph named once, with http(s) URLs. */
function parseNamedUrls(raw: string | undefined, variable: string, replicas = false): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    const urls = (replicas ? value.split('|') : [value]).map((url) => url.trim());
    if (eq < 1 || !/^[a-z][a-z0-9_-]*$/i.test(name) || named.has(name) || !urls.every((url) => /^https?:\/\/\S+$/.test(url))) {
      throw new Error(
        `${variable}: expected "name=http://host/graphql${replicas ? '[|http://host2/graphql]' : ''}" once per name, got "${pair}"`,
      );
    }
    named.set(name, urls);
  }
  return named;
}

function milliseconds(raw: string | undefined, fallback: number, name: string): number {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}: expected a number of milliseconds, got "${raw}"`);
  return value;
}

/**
 * NTM_PASSWORD_COST: `low` hashes new passwords at argon2's lowest cost, so that a test suite creating hundreds of
 * accounts does not spend minutes of processor time on them (about 0.4 s each at the default cost). Never in production.
 */
function passwordCost(raw: string | undefined, production: boolean): PasswordCost | undefined {
  if (raw === undefined || raw === '' || raw === 'default') return undefined;
  if (raw !== 'low') throw new Error(`NTM_PASSWORD_COST: expected "low" or "default", got "${raw}"`);
  if (production) throw new Error('NTM_PASSWORD_COST=low is for test suites: it is refused in production (NODE_ENV=production)');
  return LOWEST_PASSWORD_COST;
}

function poolSize(raw: string | undefined): number {
  const value = raw === undefined || raw === '' ? 8 : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`NTM_POOL_SIZE: expected a whole number of connections ≥ 1, got "${raw}"`);
  return value;
}

function configuredAdmin(env: NodeJS.ProcessEnv): ConfiguredAdmin | undefined {
  const username = env.NTM_ADMIN_USERNAME?.trim().toLowerCase();
  if (!username) return undefined;
  if (!env.NTM_ADMIN_PASSWORD) throw new Error('NTM_ADMIN_USERNAME is set but NTM_ADMIN_PASSWORD is not');
  return { username, password: env.NTM_ADMIN_PASSWORD };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): HubConfig {
  const onlyIndex = argv.indexOf('--only');
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.NTM_DATA_DIR ?? '.data/postgres'),
    embeddedPort: Number(env.NTM_PG_PORT ?? 54329),
    production,
    logLevel: env.LOG_LEVEL ?? 'info',
    only: onlyIndex >= 0 ? argv[onlyIndex + 1] : env.NTM_ONLY || undefined,
    externalSubgraphs: [...parseNamedUrls(env.EXTERNAL_SUBGRAPHS, 'EXTERNAL_SUBGRAPHS')].map(([name, [url]]) => ({ name, url })),
    internalSecret: env.NTM_INTERNAL_SECRET || undefined,
    auth: {
      privateKey: env.NTM_AUTH_PRIVATE_KEY || undefined,
      jwksUrl: env.NTM_JWKS_URL || undefined,
      sessionCacheMs: milliseconds(env.NTM_SESSION_CACHE_MS, 2_000, 'NTM_SESSION_CACHE_MS'),
      passwordCost: passwordCost(env.NTM_PASSWORD_COST, production),
    },
    subgraphsPublic: env.NTM_SUBGRAPHS_PUBLIC === '1',
    peersUrl: env.NTM_PEERS_URL ?? 'http://localhost:4000',
    subgraphUrls: parseNamedUrls(env.NTM_SUBGRAPH_URLS, 'NTM_SUBGRAPH_URLS', true),
    graphiql: env.NTM_GRAPHIQL ? env.NTM_GRAPHIQL !== '0' : !production,
    requestTimeoutMs: Number(env.NTM_REQUEST_TIMEOUT_MS ?? 30_000),
    drainDelayMs: Number(env.NTM_DRAIN_DELAY_MS ?? 500),
    demo: env.NTM_DEMO ? env.NTM_DEMO !== '0' : !production,
    importMaxBytes: Number(env.NTM_IMPORT_MAX_BYTES ?? 20 * 1024 * 1024),
    databaseTimeouts: {
      connectMs: Number(env.NTM_DB_CONNECT_TIMEOUT_MS ?? 5_000),
      statementMs: Number(env.NTM_DB_STATEMENT_TIMEOUT_MS ?? 10_000),
      idleInTransactionMs: Number(env.NTM_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 30_000),
    },
    poolSize: poolSize(env.NTM_POOL_SIZE),
    admin: configuredAdmin(env),
  };
}
