import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXAMPLES, type ExampleOperation } from '../server/gateway/examples.js';
import { startHub, type Hub } from '../server/hub.js';
import { readConfig } from '../server/shared/config.js';
import { createLogger } from '../server/shared/logger.js';
import { projectPath } from '../server/shared/project.js';
import { bundledSubgraphs } from '../server/subgraphs.js';
import { formatSubgraphUrls, freePort, startHiveGateway, type DeploymentProcess } from '../server/tools/split-deployment.js';
import { gql } from './support/client.js';
import { databaseUrl, hubUrl } from './support/hub.js';

/**
 * For developers: GraphiQL served from npm with the example operations, on the bundled gateway and on Hive Gateway
 * (here in front of the test hub's subgraph endpoints, in production with NTM_GRAPHIQL=1); every example runs on
 * both with the same answer and is shown in docs/api.md; graphql-http's server audit passes every MUST on both.
 */
let hive: DeploymentProcess;
let production: Hub;
const bundled = () => `${hubUrl()}/graphql`;
const hiveUrl = () => `${hive.url}/graphql`;

beforeAll(async () => {
  const subgraphUrls = new Map(bundledSubgraphs.map((m) => [m.name, [`${hubUrl()}/subgraphs/${m.name}/graphql`]]));
  // Both start at once: Hive Gateway, and the bundled gateway in production, GraphiQL not enabled.
  [hive, production] = await Promise.all([
    startHiveGateway(await freePort(), {
      NODE_ENV: 'production',
      NTM_GRAPHIQL: '1',
      NTM_INTERNAL_SECRET: inject('internalSecret'),
      NTM_SUBGRAPH_URLS: formatSubgraphUrls(subgraphUrls),
      LOG_LEVEL: 'warn',
    }),
    startHub(
      {
        ...readConfig({ NODE_ENV: 'production', NTM_DEMO: '0' }, []),
        port: 0,
        host: '127.0.0.1',
        databaseUrl: databaseUrl(),
        internalSecret: inject('internalSecret'),
      },
      createLogger('warn'),
    ),
  ]);
}, 240_000);
afterAll(async () => {
  await hive?.stop();
  await production?.stop();
});

const page = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });

/** Runs an example's operations in order, each taking the variables it carries from the answers before it. */
async function runExample(example: ExampleOperation, url: string) {
  const names = parse(example.query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
  const variables: Record<string, unknown> = { ...example.variables };
  const answers = [];
  for (const operationName of names) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.query, operationName, variables }),
    });
    const answer = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(answer.errors, `${example.title.en} (${operationName}) at ${url}`).toBeUndefined();
    answers.push(answer.data);
    for (const [name, path] of Object.entries(example.carried ?? {})) {
      const value = path.split('.').reduce((at: any, key) => at?.[key], answer.data);
      if (value !== undefined) variables[name] = value;
    }
  }
  return answers;
}

/** Whether an answer holds a list with something in it, at any depth. */
const someList = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'object' && value !== null && Object.values(value).some(someList);

describe('GraphiQL', () => {
  it('is served from npm at /graphql to a browser, with every example as a tab and nothing from another address', async () => {
    for (const url of [bundled(), hiveUrl()]) {
      const response = await page(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain('NTM Hub — GraphiQL');
      // Scripts, styles and editor workers are inline: no script, stylesheet or worker is loaded from anywhere.
      expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
      expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\.|apollographql|embeddable-sandbox/i);
      for (const example of EXAMPLES) expect(html, example.title.en).toContain(JSON.stringify(example.query).slice(1, -1));
    }
  });

  it('leaves GraphQL requests to the server: a GET with a query, or one asking for JSON', async () => {
    const get = await fetch(`${bundled()}?query=${encodeURIComponent('{ unit(code: "56") { code } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { unit: { code: '56' } } });
    const json = await fetch(bundled(), { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('is off in production unless NTM_GRAPHIQL=1, and introspection with it', async () => {
    const off = await page(`${production.url}/graphql`);
    expect(await off.text()).not.toMatch(/GraphiQL/);
    const refused = await gql(`{ __schema { queryType { name } } }`, {}, { url: `${production.url}/graphql` });
    expect(refused.errors![0].message).toMatch(/introspection/i);
    // Hive Gateway here runs in production with NTM_GRAPHIQL=1: the page, and the introspection its documentation explorer needs.
    expect(await (await page(hiveUrl())).text()).toContain('NTM Hub — GraphiQL');
    expect((await gql(`{ __schema { queryType { name } } }`, {}, { url: hiveUrl() })).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });
});

describe('example operations', () => {
  it.each(EXAMPLES.map((example) => [example.title.en, example] as const))(
    '%s runs on both gateways with the same answer',
    async (_title, example) => {
      const [viaBundled, viaHive] = [await runExample(example, bundled()), await runExample(example, hiveUrl())];
      expect(viaHive).toEqual(viaBundled);
      // Every operation answers something: an example that finds nothing teaches nothing.
      for (const data of viaBundled) expect(someList(data), JSON.stringify(data).slice(0, 200)).toBe(true);
    },
  );

  it('are all shown in docs/api.md as GraphiQL serves them', () => {
    const guide = readFileSync(projectPath('docs', 'api.md'), 'utf8');
    for (const example of EXAMPLES) {
      expect(guide, example.title.en).toContain(example.query);
      expect(guide, example.title.en).toContain(JSON.stringify(example.variables));
    }
  });
});

describe('GraphQL over HTTP (graphql-http server audit)', () => {
  it.each(['bundled gateway', 'Hive Gateway'])('passes every MUST on the %s', async (which) => {
    const url = which === 'Hive Gateway' ? hiveUrl() : bundled();
    const results = await auditServer({ url });
    const failed = results
      .filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')
      .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});
