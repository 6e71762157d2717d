import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql, type GraphQLResult } from './support/client.js';
import { rowCounts } from './support/db.js';

/**
 * Property-based tests: thousands of malformed inputs and random operations. Whatever arrives, the hub answers
 * with coded errors — never an internal error, never a 5xx — and a rejected write leaves the database unchanged.
 */
const WRITE_TABLES = ['units.unit_classification', 'accounts.user_account', 'accounts.role_grant', 'audit.audit_log'];

/** Any value a client could put in a variable. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '56', 'VN', '00004', '2024-01-01', '2024-02-30', '1900-01-01', '9999-12-31', 'Khánh Hòa', '%', '_', "'; DROP TABLE units.unit; --", '\u0000', 'TERRAIN:HIGH_MOUNTAIN', 'COMMUNE_GROUP:7'),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const QUERIES: { query: string; vars: string[] }[] = [
  { query: 'query($c: String!, $d: Date) { unit(code: $c, asOf: $d) { id name ancestors { id } } }', vars: ['c', 'd'] },
  { query: 'query($f: UnitFilter, $o: Int, $l: Int) { units(filter: $f, offset: $o, limit: $l) { totalCount nodes { id } } }', vars: ['f', 'o', 'l'] },
  { query: 'query($ids: [ID!]!) { unitsByIds(ids: $ids) { id } }', vars: ['ids'] },
  { query: 'query($f: AuditFilter, $l: Int) { auditLog(filter: $f, limit: $l) { totalCount } }', vars: ['f', 'l'] },
  { query: 'query($c: ID!, $o: String) { awardStandards(campaignId: $c, occasion: $o) { id rule } awardForms { code } }', vars: ['c', 'o'] },
  { query: 'query($s: ID!, $y: Int!) { awardEligibility(standardId: $s, year: $y) { eligible conditions { passed } } }', vars: ['s', 'y'] },
  { query: 'query($f: ContributionFilter, $o: Int, $l: Int) { contributions(filter: $f, offset: $o, limit: $l) { totalCount nodes { valueVnd } } }', vars: ['f', 'o', 'l'] },
  { query: 'query($f: NominationFilter, $l: Int) { nominations(filter: $f, limit: $l) { totalCount nodes { status } } }', vars: ['f', 'l'] },
  { query: 'query($c: [String!], $p: String, $m: [String!]!, $y: Int!, $d: Date) { compare(input: { unitCodes: $c, childrenOf: $p, metrics: $m, year: $y, asOf: $d }) { rows { unitCode actual rank } } }', vars: ['c', 'p', 'm', 'y', 'd'] },
  { query: 'query($c: String!, $m: String!, $f: Int!, $t: Int!) { progress(unitCode: $c, metric: $m, fromYear: $f, toYear: $t) { year actual target } }', vars: ['c', 'm', 'f', 't'] },
];

const MUTATIONS: { query: string; vars: string[] }[] = [
  { query: 'mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($id: ID!) { removeUnitClassification(id: $id) }', vars: ['id'] },
  { query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($id: ID!, $a: Boolean!, $v: Int!) { setUserActive(id: $id, active: $a, expectedVersion: $v) { id } }', vars: ['id', 'a', 'v'] },
  { query: 'mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($id: ID!, $to: NominationStatus!, $r: String) { transitionNomination(id: $id, to: $to, reason: $r) { id } }', vars: ['id', 'to', 'r'] },
];

/** Inputs shaped like the real ones, with any field replaced or dropped. */
const classificationInput = fc.record({
  unitCode: fc.oneof(anyValue, fc.constantFrom('56', '568', '06')),
  asOf: fc.oneof(anyValue, fc.constant('2024-01-01')),
  scheme: fc.oneof(anyValue, fc.constantFrom('TERRAIN', 'BORDER', 'COMMUNE_GROUP')),
  value: anyValue,
  validFrom: anyValue,
  validTo: anyValue,
}, { requiredKeys: [] });
const userInput = fc.record({
  username: anyValue,
  displayName: anyValue,
  password: anyValue,
  grants: fc.oneof(anyValue, fc.array(fc.record({ role: fc.oneof(anyValue, fc.constantFrom('VIEWER', 'SYSTEM_ADMIN')), unitCode: anyValue, asOf: anyValue }, { requiredKeys: [] }), { maxLength: 3 })),
}, { requiredKeys: [] });

const variablesFor = (vars: string[]) =>
  fc.record(Object.fromEntries(vars.map((v) => [v, v === 'i' ? fc.oneof(classificationInput, userInput, anyValue) : v === 'f' ? fc.oneof(anyValue, fc.dictionary(fc.constantFrom('level', 'parentCode', 'withinCode', 'search', 'kind', 'classification', 'asOf', 'username', 'from', 'to'), anyValue)) : anyValue])), { requiredKeys: [] });

const assertNoInternalError = (result: GraphQLResult) => {
  expect(result.status).toBeLessThan(500);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions?.code, JSON.stringify(error)).toBeTruthy();
  }
};

let token: string;
beforeAll(async () => {
  token = await tokenFor('UNIT_ADMIN', '56');
});

describe('fuzzing the API', () => {
  it('answers random variables on every query with data or coded errors', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...QUERIES).chain((q) => variablesFor(q.vars).map((v) => ({ q, v }))), async ({ q, v }) => {
      assertNoInternalError(await gql(q.query, v as Record<string, unknown>, { token }));
    }), { numRuns: 600 });
  });

  it('rejects malformed writes with coded errors and writes nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...MUTATIONS).chain((m) => variablesFor(m.vars).map((v) => ({ m, v }))), async ({ m, v }) => {
      const before = await rowCounts(WRITE_TABLES);
      const result = await gql(m.query, v as Record<string, unknown>, { token });
      assertNoInternalError(result);
      if (result.errors?.length) expect(await rowCounts(WRITE_TABLES)).toEqual(before);
    }), { numRuns: 600 });
  });

  it('answers random and mangled operation text without internal errors', async () => {
    const mangled = fc.tuple(fc.constantFrom(...QUERIES, ...MUTATIONS), fc.nat(), fc.nat(), fc.string({ maxLength: 8 })).map(([t, a, b, insert]) => {
      const i = a % (t.query.length + 1);
      const j = Math.min(t.query.length, i + (b % 12));
      return t.query.slice(0, i) + insert + t.query.slice(j);
    });
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), mangled), async (query) => {
      const result = await gql(query, {}, { token });
      expect(result.status).toBeLessThan(500);
      for (const error of result.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }), { numRuns: 800 });
  });
});
