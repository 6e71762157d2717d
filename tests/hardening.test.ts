import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../server/hub.js';
import { readConfig } from '../server/shared/config.js';
import { createLogger } from '../server/shared/logger.js';
import { gql } from './support/client.js';
import { cloneDatabase, type ClonedDatabase, hubUrl } from './support/hub.js';

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, base = hubUrl()) =>
  fetch(`${base}/graphql`, { method: 'POST', headers, body });

describe('gateway hardening against abusive operations', () => {
  it('refuses deep nesting', async () => {
    const nested = 'parent { '.repeat(14) + 'id' + ' }'.repeat(14);
    const result = await gql(`{ unit(code: "00004", asOf: "2024-01-01") { ${nested} } }`);
    expect(result.errors?.[0].message).toMatch(/depth/i);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses alias floods', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: unit(code: "56") { id }`).join(' ');
    const result = await gql(`{ ${aliases} }`);
    expect(result.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses huge queries, by tokens and by bytes', async () => {
    const fields = Array.from({ length: 4500 }, () => 'id').join(' ');
    const byTokens = await gql(`{ unit(code: "56") { ${fields} } }`);
    expect(byTokens.errors?.[0].message).toMatch(/token/i);
    const byBytes = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(2_000_000) }));
    expect(byBytes.status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('"__typename"');
  });

  it('refuses CSRF-style simple requests (text/plain POST, header-less GET)', async () => {
    const textPlain = await post(JSON.stringify({ query: 'mutation { login(username: "a", password: "b") { token } }' }), {
      'content-type': 'text/plain',
    });
    expect(textPlain.status).toBe(400);
    const get = await fetch(`${hubUrl()}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
  });

  it('hides field suggestions and never returns stack traces', async () => {
    const typo = await gql(`{ unitz(code: "56") { id } }`);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    const bad = await gql(`{ unit(code: "56", asOf: "not-a-date") { id } }`);
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|node_modules|SELECT /);
  });
});

describe('production mode', () => {
  let hub: Hub;
  let database: ClonedDatabase;
  beforeAll(async () => {
    database = await cloneDatabase('hardening');
    const config = {
      ...readConfig({ NODE_ENV: 'production', NTM_DEMO: '0' }, []),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      internalSecret: 'prod-test',
    };
    hub = await startHub(config, createLogger('warn'));
  });
  afterAll(async () => {
    await hub?.stop();
    await database?.drop();
  });

  it('turns introspection off and still answers ordinary queries', async () => {
    const introspection = (await (
      await post(JSON.stringify({ query: '{ __schema { types { name } } }' }), undefined, hub.url)
    ).json()) as any;
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const ordinary = (await (await post(JSON.stringify({ query: '{ unit(code: "56") { code } }' }), undefined, hub.url)).json()) as any;
    expect(ordinary.data.unit.code).toBe('56');
  });
});
