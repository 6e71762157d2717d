import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql, type GraphQLResult } from './support/client.js';
import { rowCounts } from './support/db.js';

/** Malformed input to every campaigns operation: always a coded error or data, never an internal error or a half-write. */
const TABLES = [
  'campaigns.campaign',
  'campaigns.target',
  'campaigns.milestone',
  'campaigns.subject',
  'campaigns.metric',
  'audit.audit_log',
];

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '56',
    '574',
    'VN',
    '1',
    '2',
    '999999',
    '2024-01-01',
    '2024-02-30',
    '9999-12-31',
    '%',
    '\u0000',
    'COMMUNES_NTM',
    'UNIT_STATUS',
    'GTE',
    'PERCENT',
    'ANNUAL',
  ),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const record = (keys: string[]) => fc.oneof(anyValue, fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }));

const TARGET_KEYS = [
  'campaignId',
  'unitCode',
  'unitAsOf',
  'metric',
  'comparator',
  'valueUnit',
  'value',
  'valueMin',
  'valueMax',
  'numerator',
  'denominator',
  'denominatorBasis',
  'unitClass',
  'year',
  'yearFrom',
  'isIncrement',
  'incrementOver',
  'status',
  'quote',
];
const OPERATIONS: { query: string; vars: Record<string, fc.Arbitrary<unknown>> }[] = [
  {
    query: 'query($f: CampaignFilter, $o: Int, $l: Int) { campaigns(filter: $f, offset: $o, limit: $l) { totalCount } }',
    vars: { f: record(['issuerCode', 'parentId', 'search', 'year', 'status']), o: anyValue, l: anyValue },
  },
  { query: 'query($id: ID!) { campaign(id: $id) { id targets { id } } }', vars: { id: anyValue } },
  { query: 'query($id: ID!) { campaignConsistency(id: $id) { rollups { message } } }', vars: { id: anyValue } },
  { query: 'mutation($i: CreateTargetInput!) { createTarget(input: $i) { id } }', vars: { i: record(TARGET_KEYS) } },
  {
    query: 'mutation($id: ID!, $v: Int!, $i: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $i) { id } }',
    vars: { id: anyValue, v: anyValue, i: record(TARGET_KEYS) },
  },
  {
    query: 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }',
    vars: { i: record(['name', 'issuerCode', 'asOf', 'parentId', 'periodStart', 'periodEnd', 'plan']) },
  },
  {
    query: 'mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id } }',
    vars: { i: record(['parentId', 'issuerCode', 'asOf', 'periodStart', 'periodEnd', 'name']) },
  },
  { query: 'mutation($id: ID!, $v: Int!) { deleteCampaign(id: $id, expectedVersion: $v) }', vars: { id: anyValue, v: anyValue } },
  {
    query: 'mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id } }',
    vars: { i: record(['campaignId', 'kind', 'recurrence', 'year', 'deadline', 'deadlineDay', 'deadlineMonth', 'description']) },
  },
  {
    query: 'mutation($i: CreateMetricInput!) { createMetric(input: $i) { code } }',
    vars: { i: record(['code', 'nameVi', 'nameEn', 'kind', 'aggregation', 'appliesTo', 'reportedAt']) },
  },
];

const assertCoded = (result: GraphQLResult) => {
  expect(result.status).toBeLessThan(500);
  for (const error of result.errors ?? []) expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
};

let token: string;
beforeAll(async () => {
  // A Khánh Hòa administrator: writes inside Khánh Hòa pass authorisation and reach validation.
  token = await tokenFor('UNIT_ADMIN', '56');
});

describe('fuzzing the campaigns API', () => {
  it('answers malformed operations with coded errors and leaves the database unchanged when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS).chain((op) => fc.record(op.vars).map((v) => ({ op, v }))),
        async ({ op, v }) => {
          const before = await rowCounts(TABLES);
          const result = await gql(op.query, v, { token });
          assertCoded(result);
          if (result.errors?.length && op.query.startsWith('mutation')) expect(await rowCounts(TABLES)).toEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });
});
