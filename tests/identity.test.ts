import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHub, type Hub } from '../server/hub.js';
import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential } from '../server/shared/auth/gateway-credential.js';
import { readConfig } from '../server/shared/config.js';
import { createLogger } from '../server/shared/logger.js';
import { adminToken, createTestUser, signIn } from './support/auth.js';
import type { GraphQLResult } from './support/client.js';
import { errorCodes } from './support/client.js';
import { sql } from './support/db.js';
import { expectRevoked, REVOCATION_WRITE, SESSION_CACHE_MS, type WatchedEndpoint } from './support/revocation.js';
import { databaseUrl, hubUrl } from './support/hub.js';

/**
 * Identity across processes. Beside the test hub, this test worker (a process of its own) runs a split deployment
 * in production mode on the same database: the units subgraph alone (`--only units`, verifying tokens with the keys
 * in the database) and a gateway with the other subgraphs that reaches units over HTTP (verifying tokens with the
 * test hub's published JWKS). Subgraph endpoints there answer the gateway credential only. Every process must
 * refuse a revoked token within the documented delay, and they all count failed sign-ins together.
 */
let units: Hub;
let other: Hub;
let credential: string;

/** Sends a GraphQL request to `base` + `path`, with a Bearer token and extra headers. */
async function call(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  { token, path = '/graphql', headers = {} }: { token?: string; path?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResult> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

beforeAll(async () => {
  credential = gatewayCredential(inject('internalSecret'));
  const production = {
    ...readConfig({ NODE_ENV: 'production', NTM_DEMO: '0' }, []),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: databaseUrl(),
    internalSecret: inject('internalSecret'),
  };
  units = await startHub({ ...production, only: 'units' }, createLogger('warn'));
  other = await startHub(
    {
      ...production,
      externalSubgraphs: [{ name: 'units', url: `${units.url}/subgraphs/units/graphql` }],
      auth: { ...production.auth, jwksUrl: `${hubUrl()}/.well-known/jwks.json` },
    },
    createLogger('warn'),
  );
});
afterAll(async () => {
  await other?.stop();
  await units?.stop();
});

describe('subgraph endpoints in production', () => {
  it('refuse callers without the gateway credential, and authenticate the Bearer token of those with it', async () => {
    const path = '/subgraphs/accounts/graphql';
    const user = await createTestUser('cred', [{ role: 'VIEWER', unitCode: '56' }]);
    const token = await signIn(user.username, user.password);
    const wrong: Record<string, string>[] = [
      {},
      { [GATEWAY_CREDENTIAL_HEADER]: 'not-the-credential' },
      { [GATEWAY_CREDENTIAL_HEADER]: gatewayCredential('another-secret') },
    ];
    for (const headers of wrong) {
      const refused = await call(other.url, `{ me { username } }`, {}, { token, path, headers });
      expect([refused.status, ...errorCodes(refused)]).toEqual([403, 'FORBIDDEN']);
    }
    const viaGateway = { [GATEWAY_CREDENTIAL_HEADER]: credential };
    expect((await call(other.url, `{ me { username } }`, {}, { token, path, headers: viaGateway })).data).toEqual({
      me: { username: user.username },
    });
    expect((await call(other.url, `{ me { username } }`, {}, { path, headers: viaGateway })).data).toEqual({ me: null });
    const forged = await call(other.url, `{ me { username } }`, {}, { token: `${token}x`, path, headers: viaGateway });
    expect([forged.status, ...errorCodes(forged)]).toEqual([401, 'UNAUTHENTICATED']);
    // The gateway, the JWKS and health stay public.
    expect((await call(other.url, `{ me { username } }`, {}, { token })).data).toEqual({ me: { username: user.username } });
    expect((await fetch(`${other.url}/.well-known/jwks.json`)).status).toBe(200);
    // Outside production (the test hub) subgraph endpoints stay reachable without the credential.
    expect((await call(hubUrl(), `{ me { username } }`, {}, { token, path })).data).toEqual({ me: { username: user.username } });
  });

  it('answer without the credential when NTM_SUBGRAPHS_PUBLIC=1, still authenticating the Bearer token', async () => {
    const config = readConfig({ NODE_ENV: 'production', NTM_DEMO: '0', NTM_SUBGRAPHS_PUBLIC: '1' }, ['--only', 'accounts']);
    // Other subgraphs (units, for grants' unit paths) are the test hub's.
    const open = await startHub(
      { ...config, port: 0, host: '127.0.0.1', databaseUrl: databaseUrl(), internalSecret: inject('internalSecret'), peersUrl: hubUrl() },
      createLogger('warn'),
    );
    try {
      const user = await createTestUser('public', [{ role: 'VIEWER', unitCode: '56' }]);
      const token = await signIn(user.username, user.password);
      const path = '/subgraphs/accounts/graphql';
      expect((await call(open.url, `{ me { username } }`, {}, { token, path })).data).toEqual({ me: { username: user.username } });
      const forged = await call(open.url, `{ me { username } }`, {}, { token: `${token}x`, path });
      expect([forged.status, ...errorCodes(forged)]).toEqual([401, 'UNAUTHENTICATED']);
      // A process running the accounts subgraph alone serves its JWKS too.
      expect(((await (await fetch(`${open.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    } finally {
      await open.stop();
    }
  });
});

describe('revocation', () => {
  const WRITE = REVOCATION_WRITE;
  const LOCK = `mutation($id: ID!, $v: Int!, $a: Boolean!) { setUserActive(id: $id, active: $a, expectedVersion: $v) { version } }`;
  const delays: Record<string, number[]> = {};

  /**
   * Each way a token reaches the hub: the test hub's gateway; the split deployment's gateway (whose write goes on to
   * the units process over HTTP); and the split deployment's subgraph endpoints directly, with the credential.
   */
  const endpoints = (): WatchedEndpoint[] => [
    { name: 'test hub gateway', url: `${hubUrl()}/graphql`, serves: ['write', 'read'] },
    { name: 'split gateway', url: `${other.url}/graphql`, serves: ['write', 'read'] },
    {
      name: 'split units process',
      url: `${units.url}/subgraphs/units/graphql`,
      headers: { [GATEWAY_CREDENTIAL_HEADER]: credential },
      serves: ['write'],
    },
    {
      name: 'split accounts endpoint',
      url: `${other.url}/subgraphs/accounts/graphql`,
      headers: { [GATEWAY_CREDENTIAL_HEADER]: credential },
      serves: ['read'],
    },
  ];
  const expectRevokedEverywhere = (change: string, token: string, revoke: () => Promise<void>) =>
    expectRevoked(change, token, revoke, endpoints(), delays);

  it('refuses the tokens of a locked account on every process within the session cache lifetime, even after it is unlocked', async () => {
    const user = await createTestUser('locked', [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }]);
    const token = await signIn(user.username, user.password);
    const admin = await adminToken();
    let version = user.version;
    await expectRevokedEverywhere('lock', token, async () => {
      const locked = await call(hubUrl(), LOCK, { id: user.id, v: version, a: false }, { token: admin });
      expect(locked.errors).toBeUndefined();
      version = locked.data.setUserActive.version;
    });
    expect(
      errorCodes(
        await call(hubUrl(), `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
          u: user.username,
          p: user.password,
        }),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    const unlocked = await call(hubUrl(), LOCK, { id: user.id, v: version, a: true }, { token: admin });
    expect(unlocked.errors).toBeUndefined();
    // Unlocking moves the session on too: the token from before the lock stays refused; a new sign-in works.
    expect(errorCodes(await call(other.url, `{ me { username } }`, {}, { token }))).toEqual(['UNAUTHENTICATED']);
    expect((await call(other.url, `{ me { username } }`, {}, { token: await signIn(user.username, user.password) })).data.me).toEqual({
      username: user.username,
    });
  });

  it('refuses every token of an account whose password changed, the one that changed it included', async () => {
    const user = await createTestUser('newpass', [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }]);
    const token = await signIn(user.username, user.password);
    const second = await signIn(user.username, user.password);
    await expectRevokedEverywhere('password change', token, async () => {
      const changed = await call(
        hubUrl(),
        `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
        { c: user.password, n: 'a-brand-new-password' },
        { token: second },
      );
      expect(changed.data).toEqual({ changePassword: true });
    });
    expect(errorCodes(await call(other.url, `{ me { username } }`, {}, { token: second }))).toEqual(['UNAUTHENTICATED']);
    expect(
      (await call(other.url, `{ me { username } }`, {}, { token: await signIn(user.username, 'a-brand-new-password') })).data.me,
    ).toEqual({ username: user.username });
  });

  it('refuses the tokens of an account that lost a grant; signed in again it holds only what is left', async () => {
    const user = await createTestUser('lessgrant', [
      { role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' },
      { role: 'VIEWER', unitCode: '06', asOf: '2024-01-01' },
    ]);
    const token = await signIn(user.username, user.password);
    const admin = await adminToken();
    const grants = (
      await call(
        hubUrl(),
        `query($s: String) { users(filter: { search: $s }) { nodes { grants { id role } } } }`,
        { s: user.username },
        { token: admin },
      )
    ).data.users.nodes[0].grants;
    await expectRevokedEverywhere('grant removal', token, async () => {
      const removed = await call(
        hubUrl(),
        `mutation($g: ID!) { removeUserGrant(grantId: $g) { grants { role unit { code } } } }`,
        { g: grants.find((g: { role: string }) => g.role === 'UNIT_ADMIN').id },
        { token: admin },
      );
      expect(removed.data.removeUserGrant.grants).toEqual([{ role: 'VIEWER', unit: { code: '06' } }]);
    });
    const renewed = await signIn(user.username, user.password);
    expect(errorCodes(await call(other.url, WRITE, { s: 'no longer' }, { token: renewed }))).toEqual(['FORBIDDEN']);
  });

  afterAll(() => {
    // The measured delays, for docs/security.md.
    console.log(`revocation delays (ms) with a ${SESSION_CACHE_MS} ms session cache: ${JSON.stringify(delays)}`);
  });
});

describe('login throttle', () => {
  const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

  it('counts failed sign-ins spread over two processes as one process would', async () => {
    const user = await createTestUser('spread', [{ role: 'VIEWER', unitCode: 'VN' }]);
    const hubs = [hubUrl(), other.url];
    for (let i = 0; i < 5; i++) {
      expect(errorCodes(await call(hubs[i % 2], LOGIN, { u: user.username, p: `wrong-${i}` }))).toEqual(['UNAUTHENTICATED']);
    }
    for (const base of hubs) {
      const throttled = await call(base, LOGIN, { u: user.username, p: user.password });
      expect(errorCodes(throttled)).toEqual(['RATE_LIMITED']);
      expect(throttled.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    const [row] = await sql<{ n: number }>(`SELECT cardinality(failures) AS n FROM auth.login_failure WHERE username = $1`, [
      user.username,
    ]);
    expect(row.n).toBe(5);
  });

  it('refuses over-long names and passwords before hashing or storing, and stays bounded under 100 failures with 900 KB names', async () => {
    const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM auth.login_failure');
    // What the second process (this one) still holds after a full collection is what the attempts left behind.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    const startedAt = Date.now();
    const hugeName = 'x'.repeat(900 * 1024);
    for (let i = 0; i < 100; i++) {
      const result = await call(other.url, LOGIN, { u: `${i}${hugeName}`, p: 'whatever-password' });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    }
    const seconds = (Date.now() - startedAt) / 1000;
    const rssMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.log(
      `100 sign-ins with 900 KB names: ${seconds.toFixed(1)} s; second process RSS +${rssMb.toFixed(0)} MB, heap retained after GC ${retainedMb.toFixed(1)} MB`,
    );
    // 100 names of 900 KB are 88 MB: keeping even one in ten of them would show.
    expect(retainedMb).toBeLessThan(8);
    expect(errorCodes(await call(other.url, LOGIN, { u: 'x'.repeat(81), p: 'whatever-password' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await call(other.url, LOGIN, { u: 'someone', p: 'p'.repeat(1025) }))).toEqual(['BAD_USER_INPUT']);
    expect(await sql('SELECT count(*)::int AS n FROM auth.login_failure')).toEqual(before);
  });

  it('forgets failures once their window has passed', async () => {
    await sql(`INSERT INTO auth.login_failure (username, failures, last_at)
      SELECT 'expired-' || i, ARRAY[now() - interval '20 minutes'], now() - interval '20 minutes' FROM generate_series(1, 50) AS i`);
    expect(errorCodes(await call(other.url, LOGIN, { u: 'nobody-by-this-name', p: 'whatever-password' }))).toEqual(['UNAUTHENTICATED']);
    expect(await sql(`SELECT count(*)::int AS n FROM auth.login_failure WHERE username LIKE 'expired-%'`)).toEqual([{ n: 0 }]);
    expect(await sql(`SELECT cardinality(failures) AS n FROM auth.login_failure WHERE username = 'nobody-by-this-name'`)).toEqual([
      { n: 1 },
    ]);
  });
});
