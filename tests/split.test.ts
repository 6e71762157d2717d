import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential } from '../server/shared/auth/gateway-credential.js';
import { OPERATION_LIMITS } from '../server/gateway/limits.js';
import { startSplitDeployment, type SplitDeployment } from '../server/tools/split-deployment.js';
import { adminToken, createTestUser, signIn, tokenFor } from './support/auth.js';
import { authorisationMatrix } from './support/authorization-cases.js';
import { errorCodes, gql } from './support/client.js';
import { auditedSql, sql } from './support/db.js';
import { expectRevoked, type WatchedEndpoint } from './support/revocation.js';
import { launch, openPage, release } from './browser/browser.js';
import { databaseUrl, hubUrl } from './support/hub.js';

/**
 * The split deployment (server/tools/split-deployment.ts), in production mode, on the test database: every subgraph
 * as its own process (`--only <name>`), insights twice, and Hive Gateway in front of them (gateway.config.ts) — beside
 * the test hub, whose bundled gateway must answer alike. Started once for the file.
 */
let split: SplitDeployment;
const hive = () => `${split.gateway.url}/graphql`;
const bundled = () => `${hubUrl()}/graphql`;
const credential = () => ({ [GATEWAY_CREDENTIAL_HEADER]: gatewayCredential(inject('internalSecret')) });
/** A subgraph process's own endpoint (the second insights replica is `insights#2`). */
const processUrl = (label: string) => {
  const found = split.subgraphs.find((p) => p.name === label)!;
  return `${found.url}/subgraphs/${label.split('#')[0]}/graphql`;
};

beforeAll(async () => {
  split = await startSplitDeployment({
    databaseUrl: databaseUrl(),
    replicas: { insights: 2 },
    env: { NODE_ENV: 'production', NTM_DEMO: '0', NTM_INTERNAL_SECRET: inject('internalSecret'), LOG_LEVEL: 'warn' },
  });
}, 600_000);
afterAll(async () => {
  await split?.stop();
});

describe('the split deployment', () => {
  it('runs each subgraph in a process of its own, insights twice, behind Hive Gateway', () => {
    expect(split.subgraphs.map((p) => p.name).sort()).toEqual([
      'accounts',
      'awards',
      'campaigns',
      'criteria',
      'insights',
      'insights#2',
      'units',
    ]);
    expect(new Set([split.gateway.pid, ...split.subgraphs.map((p) => p.pid)]).size).toBe(8);
  });
});

describe('authorisation through Hive Gateway, as through the bundled gateway', () => {
  authorisationMatrix(() => [hive(), bundled()]);
});

describe('sign-in, write and read through Hive Gateway', () => {
  const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username grants { role unit { code } } } } }`;
  const CREATE = `mutation($i: CreateTargetInput!) { createTarget(input: $i) { id version value unit { code name } metric { code } campaign { key } } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $value: Float!) { updateTarget(id: $id, expectedVersion: $v, input: { value: $value }) { version value } }`;
  // The district's row carries the target, read by insights from campaigns under the targets' revision.
  const READ = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode unitName metric actual target targetId targetComparator gap onTrack } } }`;
  const input = { childrenOf: '56', asOf: '2023-06-30', year: 2023, metrics: ['COMMUNES_ADVANCED'] };

  it("gives the same answers as the bundled gateway, each seeing the other's writes at once on both insights replicas", async () => {
    const user = await createTestUser('story', [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }]);
    const [campaign] = await sql(`SELECT id FROM campaigns.campaign WHERE key = 'khanh-hoa-2021-2025'`);
    const answers: Record<string, unknown>[] = [];
    let targetId: string | undefined;
    let version = 0;
    for (const [step, url] of [hive(), bundled()].entries()) {
      const login = await gql(LOGIN, { u: user.username, p: user.password }, { url });
      expect(login.errors).toBeUndefined();
      expect(login.data.login.user).toEqual({ username: user.username, grants: [{ role: 'UNIT_ADMIN', unit: { code: '56' } }] });
      const token = login.data.login.token;
      // Through Hive Gateway: a new target for Nha Trang (568); through the bundled gateway: its value changed.
      const value = 3 + step;
      if (!targetId) {
        const created = await gql(
          CREATE,
          {
            i: {
              campaignId: String(campaign.id),
              unitCode: '568',
              unitAsOf: '2023-06-30',
              metric: 'COMMUNES_ADVANCED',
              year: 2023,
              comparator: 'GTE',
              valueUnit: 'COUNT',
              value,
              quote: `split ${user.username}`,
            },
          },
          { token, url },
        );
        expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
        expect(created.data.createTarget).toMatchObject({
          value,
          unit: { code: '568' },
          metric: { code: 'COMMUNES_ADVANCED' },
          campaign: { key: 'khanh-hoa-2021-2025' },
        });
        targetId = created.data.createTarget.id;
        version = created.data.createTarget.version;
      } else {
        const updated = await gql(UPDATE, { id: targetId, v: version, value }, { token, url });
        expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
        expect(updated.data.updateTarget.value).toBe(value);
      }
      // Read at once through both gateways and from both insights replicas: the same rows, with this value.
      const reads = await Promise.all([hive(), bundled()].map((u) => gql(READ, { i: input }, { url: u })));
      const replicas = await Promise.all(
        ['insights', 'insights#2'].map((label) => gql(READ, { i: input }, { url: processUrl(label), headers: credential() })),
      );
      for (const read of [...reads, ...replicas]) expect(read.data).toEqual(reads[0].data);
      const nhaTrang = reads[0].data.compare.rows.find((r: { unitCode: string }) => r.unitCode === '568');
      expect(nhaTrang).toMatchObject({ target: value, targetId, targetComparator: 'GTE' });
      expect(nhaTrang.gap).toBeCloseTo(nhaTrang.actual - value, 2);
      answers.push(reads[0].data);
    }
    expect(answers[0]).not.toEqual(answers[1]);
    await auditedSql('campaigns', `DELETE FROM campaigns.target WHERE id = $1`, [targetId]);
  });
});

describe('revocation and the login throttle across processes', () => {
  const LOCK = `mutation($id: ID!, $v: Int!) { setUserActive(id: $id, active: false, expectedVersion: $v) { version } }`;
  const delays: Record<string, number[]> = {};
  afterAll(() => {
    console.log(`revocation delays (ms) in the split deployment: ${JSON.stringify(delays)}`);
  });

  it("refuses a locked account's token on Hive Gateway and on every subgraph process within the documented delay", async () => {
    const user = await createTestUser('splitlock', [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }]);
    const token = await signIn(user.username, user.password);
    const endpoints: WatchedEndpoint[] = [
      // Hive Gateway answers `{ __typename }` itself, without a subgraph to check the token.
      { name: 'Hive Gateway', url: hive(), serves: ['write', 'read'], probe: '{ me { username } }' },
      ...split.subgraphs.map((p): WatchedEndpoint => ({
        name: p.name,
        url: processUrl(p.name),
        headers: credential(),
        serves: p.name === 'units' ? ['write'] : p.name === 'accounts' ? ['read'] : [],
      })),
    ];
    await expectRevoked(
      'lock',
      token,
      async () => {
        const locked = await gql(LOCK, { id: user.id, v: user.version }, { token: await adminToken(), url: hive() });
        expect(locked.errors).toBeUndefined();
      },
      endpoints,
      delays,
    );
  });

  it('counts five failed sign-ins spread over the accounts process and the bundled hub as one process would', async () => {
    const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
    const user = await createTestUser('splitthrottle', [{ role: 'VIEWER', unitCode: 'VN' }]);
    const gateways = [hive(), bundled()];
    for (let i = 0; i < 5; i++) {
      // A wrong password is an answer (200), not a refused token (401): the console must not sign out on it.
      const failed = await gql(LOGIN, { u: user.username, p: `wrong-${i}` }, { url: gateways[i % 2] });
      expect([failed.status, ...errorCodes(failed)]).toEqual([200, 'UNAUTHENTICATED']);
    }
    for (const url of [...gateways, processUrl('accounts')]) {
      const refused = await gql(LOGIN, { u: user.username, p: user.password }, { url, headers: credential() });
      expect(errorCodes(refused), url).toEqual(['RATE_LIMITED']);
      expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    expect(await sql(`SELECT cardinality(failures) AS n FROM auth.login_failure WHERE username = $1`, [user.username])).toEqual([{ n: 5 }]);
  });
});

describe('insights and criteria in processes of their own', () => {
  const COMPARE = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode metric actual numerator denominator } } }`;
  const RECORD = `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { metCount version } }`;
  const input = { unitCodes: ['568'], asOf: '2024-06-30', year: 2024, metrics: ['AVG_CRITERIA_MET'] };
  /** The district's figures through every gateway and straight from both insights replicas: all equal. */
  const figures = async () => {
    const answers = await Promise.all([
      gql(COMPARE, { i: input }, { url: hive() }),
      gql(COMPARE, { i: input }, { url: bundled() }),
      gql(COMPARE, { i: input }, { url: processUrl('insights'), headers: credential() }),
      gql(COMPARE, { i: input }, { url: processUrl('insights#2'), headers: credential() }),
    ]);
    for (const answer of answers) expect(answer.data).toEqual(answers[0].data);
    return answers[0].data.compare.rows[0] as { numerator: number; denominator: number; actual: number };
  };

  it('keeps comparisons exact after assessments recorded through Hive Gateway (average criteria met in Nha Trang, 2024)', async () => {
    const assessor = await tokenFor('ASSESSOR', '56');
    const [{ id: setId }] = await sql(`SELECT id FROM criteria.criteria_set WHERE code = 'COMMUNE-NTM-2021-2025'`);
    // Communes whose 2024 figure is their national-set assessment: none assessed against a derived standard set that
    // year by another test (the most derived set's assessment is the one that counts).
    const communes = await sql<{ code: string; id: number }>(
      `SELECT c.code, c.id FROM units.unit c JOIN units.unit d ON c.path <@ d.path AND d.code = '568' AND d.valid_to = '2025-06-30'
      WHERE c.level = 'COMMUNE' AND c.kind = 'COMMUNE' AND c.valid_to = '2025-06-30'
        AND NOT EXISTS (SELECT 1 FROM criteria.assessment a JOIN criteria.criteria_set s ON s.id = a.set_id
          WHERE a.unit_id = c.id AND a.year = 2024 AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE' AND s.id <> $1)
      ORDER BY c.code LIMIT 3`,
      [setId],
    );
    expect(communes).toHaveLength(3);
    let expected = await figures();
    for (const [i, commune] of communes.entries()) {
      const [existing] = await sql<{ version: number; met: number }>(
        `SELECT a.version, (SELECT count(*)::int FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.met) AS met
        FROM criteria.assessment a WHERE a.unit_id = $1 AND a.set_id = $2 AND a.year = 2024`,
        [commune.id, setId],
      );
      const met = 11 + 3 * i;
      const results = Array.from({ length: 19 }, (_, n) => ({ criterionNumber: n + 1, met: n < met }));
      const written = await gql(
        RECORD,
        {
          i: {
            unitCode: commune.code,
            asOf: '2024-06-30',
            criteriaSetId: String(setId),
            year: 2024,
            results,
            expectedVersion: existing?.version,
          },
        },
        { token: assessor, url: hive() },
      );
      expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
      expect(written.data.recordAssessment.metCount).toBe(met);
      // By hand: the commune's met criteria replace its earlier count in the district's sum; a first assessment adds one assessed commune.
      const numerator = expected.numerator - (existing?.met ?? 0) + met;
      const denominator = expected.denominator + (existing ? 0 : 1);
      const now = await figures();
      expect(now).toMatchObject({ numerator, denominator });
      expect(now.actual).toBe(Math.round((numerator / denominator) * 100) / 100);
      expected = now;
    }
  });

  it('gives the same refusals from both insights replicas', async () => {
    const bad = { ...input, metrics: ['NO_SUCH_METRIC'] };
    const refusals = await Promise.all(
      ['insights', 'insights#2'].map(async (label) => {
        const url = processUrl(label);
        const unknown = await gql(COMPARE, { i: bad }, { url, headers: credential() });
        const forged = await gql(COMPARE, { i: input }, { url, headers: credential(), token: 'not.a.token' });
        const direct = await gql(COMPARE, { i: input }, { url });
        return [
          unknown.status,
          errorCodes(unknown),
          unknown.errors?.[0].message,
          forged.status,
          errorCodes(forged),
          direct.status,
          errorCodes(direct),
        ];
      }),
    );
    expect(refusals[0]).toEqual([200, ['BAD_USER_INPUT'], expect.any(String), 401, ['UNAUTHENTICATED'], 403, ['FORBIDDEN']]);
    expect(refusals[1]).toEqual(refusals[0]);
  });
});

describe("Hive Gateway's protections", () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(hive(), { method: 'POST', headers, body });
  const aliases = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

  it('refuses alias floods, deep and huge documents, costly operations, batches, CSRF-style requests, large bodies and introspection in production', async () => {
    const flood = await gql(aliases(OPERATION_LIMITS.maxAliases + 10, 'unit(code: "56") { id }'), {}, { url: hive() });
    expect(flood.errors![0].message).toMatch(/alias/i);
    expect(flood.data ?? null).toBeNull();
    const level = (depth: number): string => (depth ? `subunits { ${level(depth - 1)} }` : 'id');
    const deep = await gql(`{ unit(code: "VN") { ${level(OPERATION_LIMITS.maxDepth)} } }`, {}, { url: hive() });
    expect(deep.errors![0].message).toMatch(/depth/i);
    const huge = await gql(
      `{ ${Array.from({ length: OPERATION_LIMITS.maxTokens + 100 }, () => '__typename').join(' ')} }`,
      {},
      { url: hive() },
    );
    expect(huge.errors![0].message).toMatch(/token/i);
    const costly = await gql(
      aliases(
        20,
        'units(limit: 500, filter: { asOf: "2024-01-01" }) { nodes { id code name ancestors { id code name } predecessors { unit { id } share } } }',
      ),
      {},
      { url: hive() },
    );
    expect(costly.status).toBe(400);
    expect(costly.errors![0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      cost: 20 * (1 + 500 * (1 + 3 + 16 + 31)),
      maxCost: OPERATION_LIMITS.maxCost,
    });
    const input = await gql(`{ units(filter: { search: "${'x'.repeat(501)}" }) { totalCount } }`, {}, { url: hive() });
    expect(errorCodes(input)).toEqual(['BAD_USER_INPUT']);
    expect((await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]))).status).toBe(400);
    const csrf = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(csrf.status).toBe(403);
    expect(await csrf.text()).toMatch(/CSRF/);
    const large = await post(JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_100_000) }));
    expect([large.status, ((await large.json()) as any).errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const introspection = await gql(`{ __schema { types { name } } }`, {}, { url: hive() });
    expect(introspection.errors![0].message).toMatch(/introspection/i);
    // GraphiQL is off in production unless NTM_GRAPHIQL=1.
    const page = await fetch(hive(), { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/GraphiQL/);
  });

  it('forwards no token it was not given: subgraphs see the anonymous caller', async () => {
    expect((await gql(`{ me { username } }`, {}, { url: hive() })).data).toEqual({ me: null });
  });
});

describe("the hub's other routes at the gateway's address", () => {
  it('serves the console, and passes the exports and the JWKS through from insights and accounts processes', async () => {
    const root = await fetch(split.gateway.url, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, `${split.gateway.url}/admin/`]);
    const index = await fetch(`${split.gateway.url}/admin/`);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    const html = await index.text();
    const script = /src="\/admin\/(assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${split.gateway.url}/admin/${script}`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    // A console route is the browser's: the index again; a path out of the folder is not a file.
    expect(await (await fetch(`${split.gateway.url}/admin/campaigns/5/show`)).text()).toBe(html);
    expect(await (await fetch(`${split.gateway.url}/admin/..%2f..%2fpackage.json`)).text()).toBe(html);

    const csv = '/exports/compare.csv?childrenOf=56&asOf=2025-06-30&year=2025&metrics=COMMUNES_NTM,AVG_CRITERIA_MET';
    const [viaGateway, viaHub] = await Promise.all([fetch(`${split.gateway.url}${csv}`), fetch(`${hubUrl()}${csv}`)]);
    expect(viaGateway.headers.get('content-type')).toBe(viaHub.headers.get('content-type'));
    expect(await viaGateway.text()).toBe(await viaHub.text());
    const jwks = async (base: string) => (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect((await jwks(split.gateway.url)).keys.map((k) => k.kid)).toEqual((await jwks(hubUrl())).keys.map((k) => k.kid));
  });

  it('passes the imports through to the process of the subgraph that owns each kind: templates, uploads and jobs', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('UNIT_ADMIN', '06')}` };
    // Bắc Kạn's villages (the demo profile's, under the province's communes).
    const template = '/imports/villages/template.csv?withinCode=06&year=2024';
    const [viaGateway, viaHub] = await Promise.all([
      fetch(`${split.gateway.url}${template}`, { headers: auth }),
      fetch(`${hubUrl()}${template}`, { headers: auth }),
    ]);
    expect(viaGateway.status).toBe(200);
    const file = await viaGateway.text();
    expect(file).toBe(await viaHub.text());
    expect(file.split('\n').length).toBeGreaterThan(400);
    // The exported file, uploaded through the gateway as a dry run: read by the units process, every row unchanged.
    const uploaded = await fetch(`${split.gateway.url}/imports/villages?wait=true&fileName=template.csv`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: file,
    });
    const { job } = (await uploaded.json()) as { job: { id: string; status: string; unchanged: number } };
    expect(job.status, JSON.stringify(job)).toBe('VALIDATED');
    expect(job.unchanged).toBe(file.trim().split('\n').length - 1);
    const polled = (await (await fetch(`${split.gateway.url}/imports/villages/jobs/${job.id}`, { headers: auth })).json()) as {
      job: { id: string; status: string };
    };
    expect(polled.job).toMatchObject({ id: job.id, status: 'VALIDATED' });
    // Without a token the owner process refuses, as the hub does.
    expect((await fetch(`${split.gateway.url}/imports/villages?wait=true`, { method: 'POST', body: file })).status).toBe(401);
  });
});

describe('the console through Hive Gateway', () => {
  it('signs in and shows the dashboard, every GraphQL request going to the gateway', async () => {
    const user = await createTestUser('splitconsole', [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }]);
    const browser = await launch();
    try {
      const errors: string[] = [];
      const page = await openPage(browser, errors);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('graphql')) requests.push(request.url());
      });
      await page.goto(`${split.gateway.url}/admin/`);
      await page.locator('input[name="username"]').fill(user.username);
      await page.locator('input[name="password"]').fill(user.password);
      await page.locator('button[type="submit"]').click();
      await page.getByText('Xin chào').waitFor();
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.every((url) => url === hive())).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await release(browser);
    }
  });
});

describe('shutdown', () => {
  it('stops Hive Gateway and every subgraph process with exit code 0', async () => {
    const processes = [split.gateway, ...split.subgraphs];
    await split.stop();
    expect(await Promise.all(processes.map((p) => p.exited))).toEqual(processes.map(() => 0));
  });
});
