import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_ID, tokenFor } from './auth.js';
import { errorCodes, gql, type GraphQLResult } from './client.js';
import { rowCounts, sql } from './db.js';
import { nominateFreeCommune } from './fixtures.js';

/**
 * For every mutation of every subgraph: an administrator of another province (Bắc Kạn, 06) acting on Khánh Hòa's
 * (56) records is refused with FORBIDDEN and nothing is written. A mutation added without a case here fails the
 * first test: add its case (or, for a mutation that is not unit-scoped, an exemption with the reason).
 *
 * Run against every gateway in front of the subgraphs (tests/authorization.test.ts: the hub's own;
 * tests/split.test.ts: Hive Gateway in front of subgraph processes), which must answer alike.
 */
export interface MutationCase {
  query: string;
  variables: () => Record<string, unknown>;
  /** Tables that must not change. */
  tables: string[];
}

export const EXEMPT: Record<string, string> = {
  login: 'public: signing in needs no role (throttled instead)',
  changePassword: "acts on the caller's own account only",
};

/** Records of Khánh Hòa the cases act on, made by a system administrator before the tests. */
export const fixtures: Record<string, string> = {};

const CAMPAIGN_TABLES = [
  'campaigns.campaign',
  'campaigns.target',
  'campaigns.milestone',
  'campaigns.subject',
  'campaigns.metric',
  'audit.audit_log',
];
const CRITERIA_TABLES = ['criteria.criteria_set', 'criteria.criterion', 'criteria.indicator', 'criteria.threshold'];
export const ASSESSMENT_TABLES = [
  'criteria.assessment',
  'criteria.assessment_result',
  'criteria.assessment_indicator_value',
  'criteria.assessment_change',
];
const AWARD_TABLES = [
  'awards.award_standard',
  'awards.campaign_award_form',
  'awards.contributor',
  'awards.contribution',
  'awards.precondition',
  'awards.nomination',
  'awards.nomination_transition',
  'awards.award',
  'audit.audit_log',
];

const MAP_TABLES = [
  'units.unit',
  'units.unit_lineage',
  'units.unit_classification',
  'units.reorganisation',
  'units.reorganisation_unit',
  'audit.audit_log',
];
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-01-01`;

export const CASES: Record<string, MutationCase> = {
  createVillage: {
    query: `mutation($i: CreateVillageInput!) { createVillage(input: $i) { id } }`,
    variables: () => ({ i: { communeCode: '22384', asOf: '2024-01-01', name: 'Xâm nhập' } }),
    tables: MAP_TABLES,
  },
  createVillages: {
    query: `mutation($v: [CreateVillageInput!]!) { createVillages(villages: $v) { written } }`,
    variables: () => ({ v: [{ communeCode: '22384', asOf: '2024-01-01', name: 'Xâm nhập' }] }),
    tables: MAP_TABLES,
  },
  renameVillage: {
    query: `mutation($i: RenameVillageInput!) { renameVillage(input: $i) { id } }`,
    variables: () => ({ i: { code: fixtures.villageCode, asOf: '2026-06-01', name: 'Đổi', expectedVersion: 1 } }),
    tables: MAP_TABLES,
  },
  closeVillage: {
    query: `mutation($i: CloseVillageInput!) { closeVillage(input: $i) { id } }`,
    variables: () => ({ i: { code: fixtures.villageCode, asOf: '2026-06-01', validTo: '2026-06-30', expectedVersion: 1 } }),
    tables: MAP_TABLES,
  },
  // Reorganisations are system administrators' alone, wherever they are.
  recordReorganisation: {
    query: `mutation($i: RecordReorganisationInput!) { recordReorganisation(input: $i) { id } }`,
    variables: () => ({
      i: {
        kind: 'RENAME',
        effectiveOn: NEXT_YEAR,
        resolutionNumber: 'X',
        resolutionDate: '2026-01-01',
        sources: [{ unitCode: '06', share: 'FULL' }],
        results: [{ code: '06', name: 'Bắc Kạn Mới', kind: 'PROVINCE', parentCode: 'VN' }],
      },
    }),
    tables: MAP_TABLES,
  },
  withdrawReorganisation: {
    query: `mutation($i: WithdrawReorganisationInput!) { withdrawReorganisation(input: $i) { id } }`,
    variables: () => ({ i: { id: fixtures.reorganisationId, reason: 'Xâm nhập', expectedVersion: 1 } }),
    tables: MAP_TABLES,
  },
  setUnitClassification: {
    query: `mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }`,
    variables: () => ({ i: { unitCode: '56', asOf: '2024-01-01', scheme: 'COASTAL' } }),
    tables: ['units.unit_classification', 'audit.audit_log'],
  },
  removeUnitClassification: {
    query: `mutation($id: ID!) { removeUnitClassification(id: $id) }`,
    variables: () => ({ id: fixtures.classificationId }),
    tables: ['units.unit_classification', 'audit.audit_log'],
  },
  createUser: {
    query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    variables: () => ({
      i: {
        username: 'intruder.kh',
        displayName: 'X',
        password: 'a-long-password',
        grants: [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }],
      },
    }),
    tables: ['accounts.user_account', 'accounts.role_grant', 'audit.audit_log'],
  },
  setUserActive: {
    query: `mutation($id: ID!) { setUserActive(id: $id, active: false, expectedVersion: 1) { id } }`,
    variables: () => ({ id: fixtures.userId }),
    tables: ['accounts.user_account', 'audit.audit_log'],
  },
  addUserGrant: {
    query: `mutation($u: ID!) { addUserGrant(userId: $u, grant: { role: ASSESSOR, unitCode: "56", asOf: "2024-01-01" }) { id } }`,
    variables: () => ({ u: fixtures.userId }),
    tables: ['accounts.user_account', 'accounts.role_grant', 'audit.audit_log'],
  },
  removeUserGrant: {
    query: `mutation($g: ID!) { removeUserGrant(grantId: $g) { id } }`,
    variables: () => ({ g: fixtures.grantId }),
    tables: ['accounts.user_account', 'accounts.role_grant', 'audit.audit_log'],
  },
  createCampaign: {
    query: 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }',
    variables: () => ({
      i: {
        name: 'x',
        issuerCode: '568',
        asOf: '2024-01-01',
        parentId: fixtures.campaignId,
        periodStart: '2022-01-01',
        periodEnd: '2025-12-31',
      },
    }),
    tables: CAMPAIGN_TABLES,
  },
  updateCampaign: {
    query: 'mutation($id: ID!) { updateCampaign(id: $id, expectedVersion: 1, input: { name: "x" }) { id } }',
    variables: () => ({ id: fixtures.campaignId }),
    tables: CAMPAIGN_TABLES,
  },
  deleteCampaign: {
    query: 'mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 1) }',
    variables: () => ({ id: fixtures.campaignId }),
    tables: CAMPAIGN_TABLES,
  },
  identifyCampaignIssuer: {
    // Chi Lăng's unnamed commune (a placeholder in Lạng Sơn): Bắc Kạn's administrator may not name it.
    query: 'mutation($id: ID!) { identifyCampaignIssuer(id: $id, expectedVersion: 1, unitCode: "187") { id } }',
    variables: () => ({ id: fixtures.placeholderCampaignId }),
    tables: CAMPAIGN_TABLES,
  },
  deriveCampaign: {
    query: 'mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id } }',
    variables: () => ({ i: { parentId: fixtures.campaignId, issuerCode: '574' } }),
    tables: CAMPAIGN_TABLES,
  },
  createTarget: {
    query: 'mutation($i: CreateTargetInput!) { createTarget(input: $i) { id } }',
    variables: () => ({
      i: { campaignId: fixtures.campaignId, unitCode: '574', metric: 'COMMUNES_NTM', comparator: 'GTE', valueUnit: 'COUNT', value: 1 },
    }),
    tables: CAMPAIGN_TABLES,
  },
  updateTarget: {
    query: 'mutation($id: ID!) { updateTarget(id: $id, expectedVersion: 1, input: { value: 1 }) { id } }',
    variables: () => ({ id: fixtures.targetId }),
    tables: CAMPAIGN_TABLES,
  },
  deleteTarget: {
    query: 'mutation($id: ID!) { deleteTarget(id: $id, expectedVersion: 1) }',
    variables: () => ({ id: fixtures.targetId }),
    tables: CAMPAIGN_TABLES,
  },
  createMilestone: {
    query: 'mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }',
    variables: () => ({ i: { campaignId: fixtures.campaignId, kind: 'FINAL_REVIEW', year: 2025, description: 'x' } }),
    tables: CAMPAIGN_TABLES,
  },
  updateMilestone: {
    query: 'mutation($id: ID!) { updateMilestone(id: $id, expectedVersion: 1, input: { description: "x" }) { id } }',
    variables: () => ({ id: fixtures.milestoneId }),
    tables: CAMPAIGN_TABLES,
  },
  deleteMilestone: {
    query: 'mutation($id: ID!) { deleteMilestone(id: $id, expectedVersion: 1) }',
    variables: () => ({ id: fixtures.milestoneId }),
    tables: CAMPAIGN_TABLES,
  },
  // The metric catalogue is national: only the nation's administrators extend it.
  createMetric: {
    query:
      'mutation { createMetric(input: { code: "X_METRIC", nameVi: "x", nameEn: "x", kind: COUNT, aggregation: SUM, appliesTo: "COMMUNE" }) { code } }',
    variables: () => ({}),
    tables: CAMPAIGN_TABLES,
  },
  deriveCriteriaSet: {
    query: 'mutation($i: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $i) { id } }',
    variables: () => ({ i: { parentId: fixtures.criteriaSetId, ownerCode: '568', code: 'INTRUDER-568', nameVi: 'x' } }),
    tables: CRITERIA_TABLES,
  },
  updateCriteriaSet: {
    query: 'mutation($i: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $i) { id } }',
    variables: () => ({ i: { id: fixtures.criteriaSetId, expectedVersion: 1, note: 'x' } }),
    tables: CRITERIA_TABLES,
  },
  addCriterion: {
    query: 'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }',
    variables: () => ({ i: { criteriaSetId: fixtures.villageSetId, number: 99, nameVi: 'x' } }),
    tables: CRITERIA_TABLES,
  },
  addIndicator: {
    query: 'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id } }',
    variables: () => ({ i: { criteriaSetId: fixtures.criteriaSetId, criterionNumber: 10, code: '10.8', nameVi: 'x', comparator: 'GTE' } }),
    tables: CRITERIA_TABLES,
  },
  overrideThreshold: {
    query: 'mutation($i: OverrideThresholdInput!) { overrideThreshold(input: $i) { id } }',
    variables: () => ({ i: { criteriaSetId: fixtures.criteriaSetId, indicatorCode: '10.9', value: 1 } }),
    tables: CRITERIA_TABLES,
  },
  recordAssessment: {
    query: 'mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id } }',
    variables: () => ({
      i: { unitCode: '22384', criteriaSetId: fixtures.criteriaSetId, year: 2024, results: [{ criterionNumber: 1, met: true }] },
    }),
    tables: ASSESSMENT_TABLES,
  },
  recordRecognition: {
    query: 'mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { id } }',
    variables: () => ({
      i: { unitCode: '22384', tier: 'ADVANCED', decisionNumber: 'INTRUDER-1', decidedOn: '2024-06-01', issuingUnitCode: '56' },
    }),
    tables: ['criteria.recognition_decision'],
  },
  revokeRecognition: {
    query: 'mutation($i: RevokeRecognitionInput!) { revokeRecognition(input: $i) { id } }',
    variables: () => ({ i: { id: fixtures.recognitionId, expectedVersion: 1, revokedOn: '2024-06-01', reason: 'x' } }),
    tables: ['criteria.recognition_decision'],
  },
  createAwardStandard: {
    query: 'mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }',
    variables: () => ({ i: { campaignId: fixtures.campaignId, subjectType: 'COMMUNE', occasion: 'ANNUAL', criteriaText: 'x' } }),
    tables: AWARD_TABLES,
  },
  updateAwardStandard: {
    query: 'mutation($id: ID!) { updateAwardStandard(id: $id, expectedVersion: 1, input: { note: "x" }) { id } }',
    variables: () => ({ id: fixtures.awardStandardId }),
    tables: AWARD_TABLES,
  },
  setCampaignAwardForms: {
    query: 'mutation($c: ID!) { setCampaignAwardForms(campaignId: $c, forms: []) { formCode } }',
    variables: () => ({ c: fixtures.campaignId }),
    tables: AWARD_TABLES,
  },
  recordContribution: {
    query: 'mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }',
    variables: () => ({
      i: { campaignId: fixtures.campaignId, contributor: { id: fixtures.contributorId }, date: '2024-05-01', kind: 'MONEY', valueVnd: 1 },
    }),
    tables: AWARD_TABLES,
  },
  recordPrecondition: {
    query: 'mutation($i: RecordPreconditionInput!) { recordPrecondition(input: $i) { id } }',
    variables: () => ({
      i: { subject: { unitCode: '22384', asOf: '2024-01-01' }, key: 'NO_CAPITAL_CONSTRUCTION_DEBT', year: 2024, holds: true },
    }),
    tables: AWARD_TABLES,
  },
  createNomination: {
    query: 'mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }',
    variables: () => ({
      i: {
        standardId: fixtures.awardStandardId,
        subject: { unitCode: '22384', asOf: '2024-01-01' },
        year: 2023,
        proposingUnitCode: '56',
        formCode: 'PROVINCE_CERTIFICATE',
      },
    }),
    tables: AWARD_TABLES,
  },
  updateNominationDossier: {
    query: 'mutation($id: ID!) { updateNominationDossier(id: $id, expectedVersion: 1, items: []) { id } }',
    variables: () => ({ id: fixtures.nominationId }),
    tables: AWARD_TABLES,
  },
  transitionNomination: {
    query: 'mutation($id: ID!) { transitionNomination(id: $id, to: SUBMITTED) { id } }',
    variables: () => ({ id: fixtures.nominationId }),
    tables: AWARD_TABLES,
  },
  decideNomination: {
    query: 'mutation($i: DecideNominationInput!) { decideNomination(input: $i) { id } }',
    variables: () => ({ i: { id: fixtures.nominationId, decisionNumber: 'INTRUDER-1', decidedOn: '2024-06-01', signer: 'x' } }),
    tables: AWARD_TABLES,
  },
};

/** Makes the records the cases act on, through the hub's gateway, as a system administrator; names unique to this run. */
async function prepareFixtures(): Promise<string> {
  const admin = await tokenFor('SYSTEM_ADMIN');
  const classification = await gql(
    `mutation { setUnitClassification(input: { unitCode: "56", asOf: "2024-01-01", scheme: ISLAND, source: "fixture" }) { id } }`,
    undefined,
    { token: admin },
  );
  fixtures.classificationId = classification.data.setUnitClassification.id;
  const user = await gql(
    `mutation { createUser(input: { username: "fixture.kh-${RUN_ID}", displayName: "KH", password: "a-long-password", grants: [{ role: VIEWER, unitCode: "56", asOf: "2024-01-01" }, { role: ASSESSOR, unitCode: "568", asOf: "2024-01-01" }] }) { id grants { id } } }`,
    undefined,
    { token: admin },
  );
  fixtures.userId = user.data.createUser.id;
  fixtures.grantId = user.data.createUser.grants[0].id;

  const campaigns = await gql(`{ campaigns(limit: 100) { nodes { id key } } }`);
  fixtures.campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025').id;
  fixtures.placeholderCampaignId = campaigns.data.campaigns.nodes.find(
    (c: { key: string }) => c.key === 'chi-lang-unnamed-commune-2021-2025',
  ).id;
  const campaign = await gql(`query($id: ID!) { campaign(id: $id) { targets { id } milestones { id } } }`, { id: fixtures.campaignId });
  fixtures.targetId = campaign.data.campaign.targets[0].id;
  fixtures.milestoneId = campaign.data.campaign.milestones[0].id;

  // A Khánh Hòa-owned criteria set with an indicator, a village set, and a recognition of a Khánh Hòa commune (22384).
  const sets = await gql(
    `{ national: criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } } village: criteriaSets(filter: { code: "VILLAGE-56-NTM-DBKK-2021-2025" }) { nodes { id } } }`,
  );
  fixtures.villageSetId = sets.data.village.nodes[0].id;
  const derived = await gql(
    `mutation($p: ID!) { deriveCriteriaSet(input: { parentId: $p, ownerCode: "56", code: "COMMUNE-NTM-2021-2025-56-AUTHZ-${RUN_ID.toUpperCase()}", nameVi: "fixture" }) { id } }`,
    { p: sets.data.national.nodes[0].id },
    { token: admin },
  );
  fixtures.criteriaSetId = derived.data.deriveCriteriaSet.id;
  await gql(
    `mutation($s: ID!) { addIndicator(input: { criteriaSetId: $s, criterionNumber: 10, code: "10.9", nameVi: "fixture", comparator: GTE }) { id } }`,
    { s: fixtures.criteriaSetId },
    { token: admin },
  );
  const decision = await gql(
    `mutation { recordRecognition(input: { unitCode: "22384", tier: NTM, decisionNumber: "AUTHZ-${RUN_ID}", decidedOn: "2024-01-01", issuingUnitCode: "56" }) { id } }`,
    undefined,
    { token: admin },
  );
  fixtures.recognitionId = decision.data.recordRecognition.id;

  // A Khánh Hòa award standard, a contributor of commune 22384 and a nomination of that commune.
  const standards = await gql(`query($c: ID!) { awardStandards(campaignId: $c) { id key } }`, { c: fixtures.campaignId });
  fixtures.awardStandardId = standards.data.awardStandards.find((s: { key: string }) => s.key === 'khanh-hoa-commune').id;
  const contribution = await gql(
    `mutation($c: ID!) { recordContribution(input: { campaignId: $c, contributor: { kind: ENTERPRISE, name: "Doanh nghiệp fixture ${RUN_ID}", unitCode: "22384", asOf: "2024-01-01" },
    date: "2024-05-01", kind: MONEY, valueVnd: 1000000 }) { contributor { id } } }`,
    { c: fixtures.campaignId },
    { token: admin },
  );
  fixtures.contributorId = contribution.data.recordContribution.contributor.id;
  // A nomination of this file's own, of a Khánh Hòa commune no one has nominated for 2024.
  fixtures.nominationId = await nominateFreeCommune(fixtures.awardStandardId, '56', 2024, admin);

  // A village of Khánh Hòa's last current commune, and a rename of it recorded for next year.
  const [commune] =
    await sql(`SELECT u.code FROM units.unit u JOIN units.unit p ON p.id = u.parent_id AND p.code = '56' AND p.valid_from = '2025-07-01'
    WHERE u.kind = 'COMMUNE' AND u.valid_to IS NULL AND NOT u.withdrawn ORDER BY u.code DESC LIMIT 1`);
  // Named for this run: the matrix runs once per gateway (tests/authorization.test.ts, tests/split.test.ts) on one database.
  const village = await gql(
    `mutation($c: String!, $n: String!) { createVillage(input: { communeCode: $c, validFrom: "2026-01-01", name: $n }) { code } }`,
    { c: commune.code, n: `Kiểm Quyền ${RUN_ID}` },
    { token: admin },
  );
  expect(village.errors, JSON.stringify(village.errors)).toBeUndefined();
  fixtures.villageCode = village.data.createVillage.code;
  const rename = await gql(
    `mutation($i: RecordReorganisationInput!) { recordReorganisation(input: $i) { id } }`,
    {
      i: {
        kind: 'RENAME',
        effectiveOn: NEXT_YEAR,
        resolutionNumber: `AUTHZ/NQ-${RUN_ID}`,
        resolutionDate: '2026-01-01',
        sources: [{ unitCode: fixtures.villageCode, share: 'FULL' }],
        results: [{ code: fixtures.villageCode, name: `Kiểm Quyền Mới ${RUN_ID}`, kind: 'VILLAGE', parentCode: commune.code }],
      },
    },
    { token: admin },
  );
  expect(rename.errors, JSON.stringify(rename.errors)).toBeUndefined();
  fixtures.reorganisationId = rename.data.recordReorganisation.id;

  return tokenFor('UNIT_ADMIN', '06');
}

const comparable = (result: GraphQLResult) => (result.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }));

/**
 * The matrix's tests, each case sent through every one of `gateways()` (GraphQL endpoint URLs) in turn: each
 * refuses it with the same error as the first, and nothing is written.
 */
export function authorisationMatrix(gateways: () => string[]): void {
  let intruder: string;
  beforeAll(async () => {
    intruder = await prepareFixtures();
  });

  describe('subtree authorisation of every mutation', () => {
    it('has a case (or a stated exemption) for every mutation in the supergraph', async () => {
      const result = await gql(`{ __type(name: "Mutation") { fields { name } } }`);
      const mutations: string[] = result.data.__type.fields.map((f: { name: string }) => f.name).sort();
      const covered = [...Object.keys(CASES), ...Object.keys(EXEMPT)].sort();
      expect(
        mutations.filter((m) => !covered.includes(m)),
        'mutations without an authorisation case',
      ).toEqual([]);
      expect(
        covered.filter((m) => !mutations.includes(m)),
        'cases for mutations that no longer exist',
      ).toEqual([]);
    });

    for (const [name, testCase] of Object.entries(CASES)) {
      it(`refuses ${name} to another province's administrator and writes nothing`, async () => {
        expect(
          Object.values(testCase.variables()).every((v) => v !== undefined),
          'fixture missing',
        ).toBe(true);
        const answers = [];
        for (const url of gateways()) {
          const before = await rowCounts(testCase.tables);
          const result = await gql(testCase.query, testCase.variables(), { token: intruder, url });
          expect(errorCodes(result), url).toEqual(['FORBIDDEN']);
          expect(await rowCounts(testCase.tables), url).toEqual(before);
          answers.push(comparable(result));
        }
        for (const answer of answers) expect(answer).toEqual(answers[0]);
      });
    }

    // The role check declared on each resolver method (shared/guard.ts) turns anonymous callers away first.
    it('refuses every mutation to an anonymous caller with UNAUTHENTICATED, writing nothing', async () => {
      const tables = [...new Set(Object.values(CASES).flatMap((c) => c.tables))];
      for (const url of gateways()) {
        const before = await rowCounts(tables);
        const refused: Record<string, (string | undefined)[]> = {};
        for (const [name, testCase] of Object.entries(CASES))
          refused[name] = errorCodes(await gql(testCase.query, testCase.variables(), { url }));
        expect(
          Object.entries(refused).filter(([, codes]) => codes.join() !== 'UNAUTHENTICATED'),
          url,
        ).toEqual([]);
        expect(await rowCounts(tables), url).toEqual(before);
      }
    });
  });
}
