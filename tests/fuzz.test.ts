import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql, type GraphQLResult } from './support/client.js';
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
  fc.constantFrom(
    '',
    ' ',
    '56',
    'VN',
    '00004',
    '2024-01-01',
    '2024-02-30',
    '1900-01-01',
    '9999-12-31',
    'Khánh Hòa',
    '%',
    '_',
    "'; DROP TABLE units.unit; --",
    '\u0000',
    'TERRAIN:HIGH_MOUNTAIN',
    'COMMUNE_GROUP:7',
  ),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const QUERIES: { query: string; vars: string[] }[] = [
  { query: 'query($c: String!, $d: Date) { unit(code: $c, asOf: $d) { id name ancestors { id } } }', vars: ['c', 'd'] },
  {
    query: 'query($f: UnitFilter, $o: Int, $l: Int) { units(filter: $f, offset: $o, limit: $l) { totalCount nodes { id } } }',
    vars: ['f', 'o', 'l'],
  },
  { query: 'query($ids: [ID!]!) { unitsByIds(ids: $ids) { id } }', vars: ['ids'] },
  { query: 'query($f: AuditFilter, $l: Int) { auditLog(filter: $f, limit: $l) { totalCount } }', vars: ['f', 'l'] },
  {
    query: 'query($c: ID!, $o: String) { awardStandards(campaignId: $c, occasion: $o) { id rule } awardForms { code } }',
    vars: ['c', 'o'],
  },
  { query: 'query($s: ID!, $y: Int!) { awardEligibility(standardId: $s, year: $y) { eligible conditions { passed } } }', vars: ['s', 'y'] },
  {
    query:
      'query($f: ContributionFilter, $o: Int, $l: Int) { contributions(filter: $f, offset: $o, limit: $l) { totalCount nodes { valueVnd } } }',
    vars: ['f', 'o', 'l'],
  },
  {
    query: 'query($f: NominationFilter, $l: Int) { nominations(filter: $f, limit: $l) { totalCount nodes { status } } }',
    vars: ['f', 'l'],
  },
  {
    query:
      'query($c: [String!], $p: String, $m: [String!]!, $y: Int!, $d: Date) { compare(input: { unitCodes: $c, childrenOf: $p, metrics: $m, year: $y, asOf: $d }) { rows { unitCode actual rank } } }',
    vars: ['c', 'p', 'm', 'y', 'd'],
  },
  {
    query:
      'query($c: String!, $m: String!, $f: Int!, $t: Int!) { progress(unitCode: $c, metric: $m, fromYear: $f, toYear: $t) { year actual target } }',
    vars: ['c', 'm', 'f', 't'],
  },
];

const MUTATIONS: { query: string; vars: string[] }[] = [
  { query: 'mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($id: ID!) { removeUnitClassification(id: $id) }', vars: ['id'] },
  { query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', vars: ['i'] },
  {
    query: 'mutation($id: ID!, $a: Boolean!, $v: Int!) { setUserActive(id: $id, active: $a, expectedVersion: $v) { id } }',
    vars: ['id', 'a', 'v'],
  },
  { query: 'mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }', vars: ['i'] },
  { query: 'mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }', vars: ['i'] },
  {
    query: 'mutation($id: ID!, $to: NominationStatus!, $r: String) { transitionNomination(id: $id, to: $to, reason: $r) { id } }',
    vars: ['id', 'to', 'r'],
  },
];

/** Inputs shaped like the real ones, with any field replaced or dropped. */
const classificationInput = fc.record(
  {
    unitCode: fc.oneof(anyValue, fc.constantFrom('56', '568', '06')),
    asOf: fc.oneof(anyValue, fc.constant('2024-01-01')),
    scheme: fc.oneof(anyValue, fc.constantFrom('TERRAIN', 'BORDER', 'COMMUNE_GROUP')),
    value: anyValue,
    validFrom: anyValue,
    validTo: anyValue,
  },
  { requiredKeys: [] },
);
const userInput = fc.record(
  {
    username: anyValue,
    displayName: anyValue,
    password: anyValue,
    grants: fc.oneof(
      anyValue,
      fc.array(
        fc.record(
          { role: fc.oneof(anyValue, fc.constantFrom('VIEWER', 'SYSTEM_ADMIN')), unitCode: anyValue, asOf: anyValue },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
  },
  { requiredKeys: [] },
);

const variablesFor = (vars: string[]) =>
  fc.record(
    Object.fromEntries(
      vars.map((v) => [
        v,
        v === 'i'
          ? fc.oneof(classificationInput, userInput, anyValue)
          : v === 'f'
            ? fc.oneof(
                anyValue,
                fc.dictionary(
                  fc.constantFrom(
                    'level',
                    'parentCode',
                    'withinCode',
                    'search',
                    'kind',
                    'classification',
                    'asOf',
                    'username',
                    'from',
                    'to',
                  ),
                  anyValue,
                ),
              )
            : anyValue,
      ]),
    ),
    { requiredKeys: [] },
  );

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
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES).chain((q) => variablesFor(q.vars).map((v) => ({ q, v }))),
        async ({ q, v }) => {
          assertNoInternalError(await gql(q.query, v as Record<string, unknown>, { token }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('rejects malformed writes with coded errors and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATIONS).chain((m) => variablesFor(m.vars).map((v) => ({ m, v }))),
        async ({ m, v }) => {
          const before = await rowCounts(WRITE_TABLES);
          const result = await gql(m.query, v as Record<string, unknown>, { token });
          assertNoInternalError(result);
          if (result.errors?.length) expect(await rowCounts(WRITE_TABLES)).toEqual(before);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('answers random and mangled operation text without internal errors', async () => {
    const mangled = fc
      .tuple(fc.constantFrom(...QUERIES, ...MUTATIONS), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
      .map(([t, a, b, insert]) => {
        const i = a % (t.query.length + 1);
        const j = Math.min(t.query.length, i + (b % 12));
        return t.query.slice(0, i) + insert + t.query.slice(j);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), mangled), async (query) => {
        const result = await gql(query, {}, { token });
        expect(result.status).toBeLessThan(500);
        for (const error of result.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }),
      { numRuns: 800 },
    );
  });
});

describe('hostile values of a kind, on every argument of that kind', () => {
  interface TypeRef {
    kind: string;
    name: string | null;
    ofType: TypeRef | null;
  }
  interface FieldInfo {
    name: string;
    args: { name: string; type: TypeRef }[];
    type: TypeRef;
  }
  const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
  const typeName = (t: TypeRef): string =>
    t.kind === 'NON_NULL' ? `${typeName(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeName(t.ofType!)}]` : t.name!;
  const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
  const isList = (t: TypeRef): boolean => t.kind === 'LIST' || (t.kind === 'NON_NULL' && isList(t.ofType!));
  let roots: { operation: 'query' | 'mutation'; fields: FieldInfo[] }[];

  beforeAll(async () => {
    const schema = await gql(
      `{ __schema { queryType { fields { name args { name type { ${TYPE} } } type { ${TYPE} } } } mutationType { fields { name args { name type { ${TYPE} } } type { ${TYPE} } } } } }`,
    );
    roots = [
      { operation: 'query', fields: schema.data.__schema.queryType.fields },
      { operation: 'mutation', fields: schema.data.__schema.mutationType.fields },
    ];
  });

  /** One operation per root field with an argument of `scalar`, that argument given `value`, the others plausible values. */
  function operations(scalar: string, value: (list: boolean) => unknown) {
    return roots.flatMap(({ operation, fields }) =>
      fields
        .filter((f) => f.args.some((a) => named(a.type).name === scalar))
        .map((field) => {
          const target = field.args.find((a) => named(a.type).name === scalar)!;
          const args = field.args.filter((a) => a === target || a.type.kind === 'NON_NULL');
          const variables = Object.fromEntries(
            args.map((a) => [
              a.name,
              a === target
                ? value(isList(a.type))
                : named(a.type).name === 'Int'
                  ? 2024
                  : named(a.type).kind === 'INPUT_OBJECT'
                    ? {}
                    : isList(a.type)
                      ? []
                      : '1',
            ]),
          );
          const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(named(field.type).kind) ? '{ __typename }' : '';
          const query = `${operation}(${args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ')}) { ${field.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${selection} }`;
          return {
            label: `${operation} ${field.name}(${target.name})`,
            query,
            variables,
            coordinate: `${operation === 'query' ? 'Query' : 'Mutation'}.${field.name}(${target.name})`,
          };
        }),
    );
  }

  it('refuses an id beyond the integer range in every ID argument, naming the argument, writing nothing', async () => {
    const cases = operations('ID', (list) => (list ? ['1', '999999999999999'] : '999999999999999'));
    expect(cases.length).toBeGreaterThanOrEqual(26);
    const before = await rowCounts(WRITE_TABLES);
    for (const c of cases) {
      const result = await gql(c.query, c.variables, { token });
      expect(result.status, c.label).toBe(400);
      expect(
        result.errors?.map((e) => [e.extensions?.code, e.extensions?.coordinate]),
        c.label,
      ).toEqual([['BAD_USER_INPUT', c.coordinate]]);
    }
    expect(await rowCounts(WRITE_TABLES)).toEqual(before);
  });

  it('refuses lone surrogates, NUL characters and oversized text in every String argument, writing nothing', async () => {
    const before = await rowCounts(WRITE_TABLES);
    for (const hostile of ['x\ud800y', 'x\udc00', 'a\u0000b', 'é'.repeat(10_001)]) {
      for (const c of operations('String', (list) => (list ? [hostile] : hostile))) {
        const result = await gql(c.query, c.variables, { token });
        expect(result.status, c.label).toBe(400);
        expect(errorCodes(result), c.label).toEqual(['BAD_USER_INPUT']);
      }
    }
    expect(await rowCounts(WRITE_TABLES)).toEqual(before);
  });

  it('refuses non-finite and out-of-range numbers in every Float argument and nested input, and inputs nested too deep', async () => {
    const deep = (depth: number): unknown => (depth ? { all: [deep(depth - 1)] } : {});
    const cases: [string, Record<string, unknown>][] = [
      [
        'mutation($i: CreateTargetInput!) { createTarget(input: $i) { id } }',
        { i: { campaignId: '1', unitCode: '56', metric: 'COMMUNES_NTM', comparator: 'GTE', valueUnit: 'COUNT', value: -1e308 } },
      ],
      [
        'mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }',
        { i: { campaignId: '1', date: '2024-01-01', kind: 'MONEY', valueVnd: 1e300, contributor: { id: '1' } } },
      ],
      [
        'mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }',
        { i: { campaignId: '1', criteriaText: 'x', subjectType: 'COMMUNE', occasion: 'ANNUAL', rule: deep(1000) } },
      ],
    ];
    for (const [query, variables] of cases) {
      const result = await gql(query, variables, { token });
      expect(result.status, query).toBeLessThan(500);
      expect(errorCodes(result), query).toEqual(['BAD_USER_INPUT']);
    }
    const literal = await gql(
      '{ progress(unitCode: "56", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) { year } compare(input: { unitCodes: ["56"], metrics: ["COMMUNES_NTM"], year: 2024, limit: 1e400 }) { unitCount } }',
      {},
      { token },
    );
    expect(literal.status).toBeLessThan(500);
    expect(errorCodes(literal)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
