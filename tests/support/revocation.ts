import { expect } from 'vitest';
import { readConfig } from '../../server/shared/config.js';
import { errorCodes, gql } from './client.js';
import { rowCounts } from './db.js';

/** How long a process trusts an account's session state: the documented bound on revocation (docs/security.md). */
export const SESSION_CACHE_MS = readConfig({}, []).auth.sessionCacheMs;

/** A unit administrator's write (units subgraph) and a read of personal data (accounts subgraph). */
export const REVOCATION_WRITE = `mutation($s: String) { setUnitClassification(input: { unitCode: "568", asOf: "2024-01-01", scheme: COASTAL, source: $s }) { id } }`;
export const REVOCATION_READ = `{ me { username } users(limit: 1) { totalCount } }`;

/** A GraphQL endpoint a token reaches: a gateway, or one process's subgraph endpoint (with the gateway credential). */
export interface WatchedEndpoint {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Which of REVOCATION_WRITE and REVOCATION_READ it serves (a gateway both, a units process the write, …). */
  serves: ('write' | 'read')[];
  /**
   * What is sent to see whether the token is refused yet (default `{ __typename }`): for a gateway that does not
   * authenticate callers itself (Hive Gateway), something a subgraph answers.
   */
  probe?: string;
}

/**
 * Proves the token works on every endpoint (which also fills each process's session cache), makes the change, then
 * watches every endpoint at once, every 50 ms, until it refuses the token: each must within SESSION_CACHE_MS plus
 * one request's time. Then the write and the read are refused everywhere with 401, writing nothing. The delays
 * measured go into `delays` by endpoint name.
 */
export async function expectRevoked(
  change: string,
  token: string,
  revoke: () => Promise<void>,
  endpoints: WatchedEndpoint[],
  delays: Record<string, number[]>,
) {
  const run = (endpoint: WatchedEndpoint, what: 'write' | 'read', note: string) =>
    gql(what === 'write' ? REVOCATION_WRITE : REVOCATION_READ, what === 'write' ? { s: `${note} ${change}` } : {}, {
      token,
      url: endpoint.url,
      headers: endpoint.headers,
    });
  const probe = (endpoint: WatchedEndpoint) =>
    gql(endpoint.probe ?? `{ __typename }`, {}, { token, url: endpoint.url, headers: endpoint.headers });
  for (const endpoint of endpoints) {
    for (const what of endpoint.serves)
      expect((await run(endpoint, what, 'before')).errors, `${change}: ${endpoint.name} ${what}`).toBeUndefined();
    expect((await probe(endpoint)).errors, `${change}: ${endpoint.name}`).toBeUndefined();
  }
  await revoke();
  const changedAt = Date.now();
  await Promise.all(
    endpoints.map(async (endpoint) => {
      let refusedAfter: number | undefined;
      while (refusedAfter === undefined && Date.now() - changedAt < SESSION_CACHE_MS + 5_000) {
        const result = await probe(endpoint);
        if (result.status === 401) refusedAfter = Date.now() - changedAt;
        else await new Promise((r) => setTimeout(r, 50));
      }
      (delays[endpoint.name] ??= []).push(refusedAfter ?? Infinity);
      expect(refusedAfter ?? Infinity, `${change}: ${endpoint.name}`).toBeLessThanOrEqual(SESSION_CACHE_MS + 1_000);
    }),
  );
  const before = await rowCounts(['units.unit_classification', 'audit.audit_log']);
  for (const endpoint of endpoints) {
    for (const what of endpoint.serves) {
      const result = await run(endpoint, what, 'after');
      expect([result.status, ...errorCodes(result)], `${change}: ${endpoint.name} ${what}`).toEqual([401, 'UNAUTHENTICATED']);
      expect(result.data ?? null).toBeNull();
    }
  }
  expect(await rowCounts(['units.unit_classification', 'audit.audit_log'])).toEqual(before);
}
