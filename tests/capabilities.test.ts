import { beforeAll, describe, expect, it } from 'vitest';
import './support/provided-context.js';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { rowCounts } from './support/db.js';
import { hubUrl } from './support/hub.js';
import { nominateFreeCommune } from './support/fixtures.js';

/**
 * The capability table (`capabilities`) is what the console offers from: for every role, each capability is tried
 * through the gateway inside the role's own subtree with a probe that the API refuses after authorising (a stale
 * version, an invalid value). A role the table lists must get past authorisation (any refusal but FORBIDDEN); a role
 * it does not list must get FORBIDDEN. Either way nothing is written. So an action the console offers a role is one
 * the API accepts from that role, and an action it hides is one the API would refuse.
 */
interface Probe {
  /** The unit whose subtree the role is granted over (the probe acts inside it). */
  scope: string;
  query: string;
  variables: () => Record<string, unknown>;
}

const ROLES = ['UNIT_ADMIN', 'ASSESSOR', 'COUNCIL', 'VIEWER'] as const;
const STALE = 999_999;
const TABLES = [
  'units.unit_classification',
  'units.unit',
  'units.reorganisation',
  'accounts.user_account',
  'accounts.role_grant',
  'campaigns.campaign',
  'campaigns.target',
  'campaigns.milestone',
  'campaigns.metric',
  'criteria.criteria_set',
  'criteria.criterion',
  'criteria.indicator',
  'criteria.threshold',
  'criteria.assessment',
  'criteria.assessment_result',
  'criteria.recognition_decision',
  'awards.award_standard',
  'awards.contributor',
  'awards.contribution',
  'awards.precondition',
  'awards.nomination',
  'awards.nomination_transition',
  'awards.award',
  'audit.audit_log',
];
const fixtures: Record<string, string> = {};

const PROBES: Record<string, Probe> = {
  CLASSIFY_UNITS: {
    scope: '56',
    query:
      'mutation { setUnitClassification(input: { unitCode: "56", asOf: "2024-01-01", scheme: TERRAIN, value: "NOT_A_TERRAIN" }) { id } }',
    variables: () => ({}),
  },
  MANAGE_VILLAGES: {
    scope: '56',
    query: `mutation($c: String!) { renameVillage(input: { code: $c, asOf: "2024-01-01", name: "Thử", expectedVersion: ${STALE} }) { id } }`,
    variables: () => ({ c: fixtures.villageCode }),
  },
  REORGANISE_UNITS: {
    scope: '56',
    query: `mutation { withdrawReorganisation(input: { id: "999999", reason: "probe", expectedVersion: ${STALE} }) { id } }`,
    variables: () => ({}),
  },
  MANAGE_ACCOUNTS: {
    scope: '56',
    query:
      'mutation { createUser(input: { username: "probe.kh", displayName: "Probe", password: "short", grants: [{ role: VIEWER, unitCode: "56", asOf: "2024-01-01" }] }) { id } }',
    variables: () => ({}),
  },
  LOCK_ACCOUNTS: {
    scope: '56',
    query: `mutation($id: ID!) { setUserActive(id: $id, active: false, expectedVersion: ${STALE}) { id } }`,
    variables: () => ({ id: fixtures.userId }),
  },
  READ_AUDIT_LOG: { scope: '56', query: '{ auditLog(limit: 1) { totalCount } }', variables: () => ({}) },
  PLAN_CAMPAIGNS: {
    scope: '56',
    query: `mutation($id: ID!) { updateTarget(id: $id, expectedVersion: ${STALE}, input: { value: 1 }) { id } }`,
    variables: () => ({ id: fixtures.targetId }),
  },
  IDENTIFY_ISSUERS: {
    // Chi Lăng's unnamed commune, a placeholder in Lạng Sơn (20), issued a plan: naming it is refused as stale.
    scope: '20',
    query: `mutation($id: ID!) { identifyCampaignIssuer(id: $id, expectedVersion: ${STALE}, unitCode: "187") { id } }`,
    variables: () => ({ id: fixtures.placeholderCampaignId }),
  },
  EXTEND_METRICS: {
    scope: 'VN',
    query:
      'mutation { createMetric(input: { code: "not a code", nameVi: "x", nameEn: "x", kind: COUNT, aggregation: SUM, appliesTo: "COMMUNE" }) { code } }',
    variables: () => ({}),
  },
  EDIT_CRITERIA_SETS: {
    scope: '56',
    query: `mutation($i: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $i) { id } }`,
    variables: () => ({ i: { id: fixtures.setId, expectedVersion: STALE, note: 'probe' } }),
  },
  RECORD_ASSESSMENTS: {
    scope: '56',
    query: `mutation($s: ID!) { recordAssessment(input: { unitCode: "22384", criteriaSetId: $s, year: 2024, results: [{ criterionNumber: 999, met: true }] }) { id } }`,
    variables: () => ({ s: fixtures.nationalSetId }),
  },
  DECIDE_RECOGNITIONS: {
    scope: '56',
    query: `mutation($id: ID!) { revokeRecognition(input: { id: $id, expectedVersion: ${STALE}, revokedOn: "2024-06-01", reason: "probe" }) { id } }`,
    variables: () => ({ id: fixtures.recognitionId }),
  },
  RECORD_CONTRIBUTIONS: {
    scope: '56',
    query: `mutation($c: ID!) { recordContribution(input: { campaignId: $c, contributor: { kind: ENTERPRISE, name: "   ", unitCode: "22384", asOf: "2024-01-01" }, date: "2024-05-01", kind: MONEY, valueVnd: 1 }) { id } }`,
    variables: () => ({ c: fixtures.campaignId }),
  },
  RECORD_PRECONDITIONS: {
    scope: '56',
    query:
      'mutation { recordPrecondition(input: { subject: { unitCode: "22384", asOf: "2024-01-01" }, key: "not a key", year: 2024, holds: true }) { id } }',
    variables: () => ({}),
  },
  PROPOSE_NOMINATIONS: {
    scope: '56',
    query: `mutation($id: ID!) { updateNominationDossier(id: $id, expectedVersion: ${STALE}, items: []) { id } }`,
    variables: () => ({ id: fixtures.nominationId }),
  },
  DECIDE_NOMINATIONS: {
    scope: '56',
    query: `mutation($id: ID!) { transitionNomination(id: $id, to: APPRAISED, expectedVersion: ${STALE}) { id } }`,
    variables: () => ({ id: fixtures.nominationId }),
  },
};

interface Rule {
  capability: string;
  roles: string[];
  operations: string[];
  scope: string;
}
/** An HTTP write route in the table ("POST /imports/assessments") rather than a GraphQL operation. */
const isRoute = (operation: string) => /^(POST|PUT|DELETE) \//.test(operation);
let table: Rule[];

beforeAll(async () => {
  table = (await gql('{ capabilities { capability roles operations scope } }')).data.capabilities;
  const admin = await tokenFor('SYSTEM_ADMIN');
  const campaigns = await gql('{ campaigns(limit: 100) { nodes { id key } } }');
  fixtures.campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025').id;
  fixtures.placeholderCampaignId = campaigns.data.campaigns.nodes.find(
    (c: { key: string }) => c.key === 'chi-lang-unnamed-commune-2021-2025',
  ).id;
  fixtures.targetId = (
    await gql('query($id: ID!) { campaign(id: $id) { targets { id } } }', { id: fixtures.campaignId })
  ).data.campaign.targets[0].id;
  const sets = await gql(
    '{ national: criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } } village: criteriaSets(filter: { code: "VILLAGE-56-NTM-DBKK-2021-2025" }) { nodes { id } } }',
  );
  fixtures.nationalSetId = sets.data.national.nodes[0].id;
  fixtures.setId = sets.data.village.nodes[0].id;
  const recognitions = await gql(
    '{ recognitionDecisions(filter: { withinCode: "56", asOf: "2024-01-01" }, limit: 1) { nodes { id } } }',
    undefined,
    { token: admin },
  );
  fixtures.recognitionId = recognitions.data.recognitionDecisions.nodes[0].id;
  const users = await gql('{ users(limit: 1, filter: { search: "khanhhoa" }) { nodes { id } } }', undefined, { token: admin });
  fixtures.userId = users.data.users.nodes[0].id;
  const villages = await gql('{ units(filter: { withinCode: "56", level: VILLAGE, asOf: "2024-01-01" }, limit: 1) { nodes { code } } }');
  fixtures.villageCode = villages.data.units.nodes[0].code;
  const standards = await gql('query($c: ID!) { awardStandards(campaignId: $c) { id key } }', { c: fixtures.campaignId });
  const standardId = standards.data.awardStandards.find((s: { key: string }) => s.key === 'khanh-hoa-commune').id;
  fixtures.nominationId = await nominateFreeCommune(standardId, '56', 2024, admin);
});

describe('the capability table', () => {
  it('governs every mutation of the supergraph (or states why one needs no capability), and names only operations that exist', async () => {
    const schema = await gql('{ mutation: __type(name: "Mutation") { fields { name } } query: __type(name: "Query") { fields { name } } }');
    const mutations: string[] = schema.data.mutation.fields.map((f: { name: string }) => f.name);
    const operations = schema.data.query.fields.map((f: { name: string }) => f.name).concat(mutations);
    const governed = new Set(table.flatMap((rule) => rule.operations.filter((op) => !isRoute(op)).map((op) => op.split(':')[0])));
    expect(
      mutations.filter((m) => !governed.has(m) && !['login', 'changePassword'].includes(m)),
      'mutations no capability governs',
    ).toEqual([]);
    expect(
      [...governed].filter((op) => !operations.includes(op)),
      'operations that do not exist',
    ).toEqual([]);
    expect(Object.keys(PROBES).sort(), 'a probe for every capability').toEqual(table.map((rule) => rule.capability).sort());
    // Write routes the table names exist (an anonymous caller is refused with 401, not 404).
    for (const route of table.flatMap((rule) => rule.operations.filter(isRoute))) {
      const [method, path] = route.split(' ');
      expect((await fetch(`${hubUrl()}${path}`, { method })).status, route).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`matches what the API accepts from a ${role}, capability by capability, writing nothing`, async () => {
      const tokens = new Map<string, string>();
      const mismatches: string[] = [];
      for (const rule of table) {
        const probe = PROBES[rule.capability];
        if (!tokens.has(probe.scope)) tokens.set(probe.scope, await tokenFor(role, probe.scope));
        const variables = probe.variables();
        expect(
          Object.values(variables).every((v) => v != null),
          `fixture for ${rule.capability}`,
        ).toBe(true);
        const before = await rowCounts(TABLES);
        const result = await gql(probe.query, variables, { token: tokens.get(probe.scope) });
        const codes = errorCodes(result);
        const offered = rule.roles.includes(role);
        const accepted = !codes.includes('FORBIDDEN') && !codes.includes('UNAUTHENTICATED');
        if (offered !== accepted)
          mismatches.push(
            `${rule.capability}: table ${offered ? 'offers' : 'withholds'}, API answered ${JSON.stringify(codes)} ${result.errors?.[0]?.message ?? ''}`,
          );
        // A probe that got past authorisation is still refused: nothing may be written, whatever the role.
        if (!probe.query.startsWith('{')) expect(codes.length, `${rule.capability} probe must be refused`).toBeGreaterThan(0);
        expect(await rowCounts(TABLES), `${rule.capability} wrote something`).toEqual(before);
        // Its write routes answer the same: a file the route refuses after authorising (a header it does not know).
        for (const route of rule.operations.filter(isRoute)) {
          const [method, path] = route.split(' ');
          const response = await fetch(`${hubUrl()}${path}?wait=true`, {
            method,
            headers: { authorization: `Bearer ${tokens.get(probe.scope)}` },
            body: 'Không phải mẫu\r\n1\r\n',
          });
          const routeAccepted = response.status !== 403 && response.status !== 401;
          if (offered !== routeAccepted)
            mismatches.push(`${route}: table ${offered ? 'offers' : 'withholds'}, route answered ${response.status}`);
          if (routeAccepted) expect(((await response.json()) as any).job.status, `${route} probe must be refused`).toBe('REFUSED');
          expect(await rowCounts(TABLES), `${route} wrote something`).toEqual(before);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('lets a signed-in user read the paths each of their grants covers (a unit formed in 2025 covers the units it took over)', async () => {
    const login = await gql('mutation { login(username: "khanhhoa.admin", password: "demo-khanhhoa") { token } }');
    const me = await gql('{ me { grants { role paths unit { id code } } } }', undefined, { token: login.data.login.token });
    const [grant] = me.data.me.grants;
    expect(grant.role).toBe('UNIT_ADMIN');
    const units = await gql(
      '{ current: unit(code: "56") { path } oldKhanhHoa: unit(code: "56", asOf: "2024-01-01") { path } ninhThuan: unit(code: "58", asOf: "2024-01-01") { path } }',
    );
    expect(grant.paths).toEqual(expect.arrayContaining([units.data.current.path, units.data.oldKhanhHoa.path, units.data.ninhThuan.path]));
  });
});
