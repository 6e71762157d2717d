import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql } from './support/client.js';
import { campaignId, nominateFreeCommune } from './support/fixtures.js';

/** A type reference as introspection gives it. */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Arg {
  name: string;
  description: string | null;
  type: TypeRef;
}
interface Field {
  name: string;
  args: Arg[];
  type: TypeRef;
}

const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);

/** The value a sort argument's description gives as its default, e.g. "(default CODE)" or "(default ASC)". */
const declaredDefault = (arg: Arg | undefined) => arg?.description?.match(/\(default ([A-Z_]+)[):]/)?.[1];

/** Required arguments of the lists that have them, found by natural key (no seeded id assumed). */
const REQUIRED: Record<string, () => Promise<Record<string, unknown>>> = {
  awardEligibilityList: async () => ({ standardId: await standardId('bac-kan-2021-2025', 'bac-kan-mid-term-commune-effort'), year: 2023 }),
};

async function standardId(campaign: string, key: string): Promise<string> {
  const standards = await gql(`query($c: ID!) { awardStandards(campaignId: $c) { id key } }`, { c: await campaignId(campaign) });
  return standards.data.awardStandards.find((s: { key: string }) => s.key === key).id;
}

/** What tells the nodes of a list apart where its leaf fields do not (an eligibility result is its subject). */
const SELECTION: Record<string, string> = {
  awardEligibilityList: 'eligible subject { kind name contributorId unit { code } }',
};

/**
 * Lists whose data here ties every row on the default field, so only the tiebreak orders them and the opposite
 * direction cannot show: another order field must tell their default page apart instead. The eligibility list's
 * default direction is checked where eligible subjects exist: `tests/awards.test.ts` pages it without a sort against
 * awardEligibility's eligible-first order (both of its list tests fail when the default reads DESC).
 */
const TIED: Record<string, string> = {
  awardEligibilityList: 'no seeded candidate is eligible, so ELIGIBLE ties every row (the tiebreak keeps its direction)',
};

const ok = <T>(result: { errors?: unknown; data?: T | null }): T => {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
};

/**
 * Two contributions and two decided nominations (so two awards) in Khánh Hòa, on different dates: the seed has none,
 * and a list needs two rows for an order other than its default to show.
 */
async function awardRows(admin: string): Promise<void> {
  const khanhHoa = await campaignId('khanh-hoa-2021-2025');
  const commune = (await gql(`{ units(filter: { withinCode: "56", level: COMMUNE, asOf: "2024-01-01" }, limit: 1) { nodes { code } } }`))
    .data.units.nodes[0].code;
  for (const [date, valueVnd] of [
    ['2024-03-01', 5_000_000],
    ['2024-04-01', 7_000_000],
  ] as const) {
    const contributor = { kind: 'HOUSEHOLD', name: `Hộ kiểm thử sắp xếp ${date}`, unitCode: commune, asOf: '2024-01-01' };
    ok(
      await gql(
        `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }`,
        { i: { campaignId: khanhHoa, contributor, date, kind: 'MONEY', valueVnd } },
        { token: admin },
      ),
    );
  }
  const standard = await standardId('khanh-hoa-2021-2025', 'khanh-hoa-commune');
  for (const decidedOn of ['2025-02-01', '2025-03-01']) {
    const id = await nominateFreeCommune(standard, '56', 2024, admin);
    for (const to of ['SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED'])
      ok(
        await gql(
          `mutation($id: ID!, $to: NominationStatus!) { transitionNomination(id: $id, to: $to) { id } }`,
          { id, to },
          { token: admin },
        ),
      );
    const decision = { id, decisionNumber: `KT-SX-${id}/QĐ`, decidedOn, signer: 'Chủ tịch UBND tỉnh (kiểm thử)' };
    ok(await gql(`mutation($i: DecideNominationInput!) { decideNomination(input: $i) { id } }`, { i: decision }, { token: admin }));
  }
}

describe('every paged list sorts by the default its schema declares', () => {
  let lists: Field[];
  let selections: Map<string, string>;
  let orderFields: Map<string, string[]>;
  let admin: string;

  beforeAll(async () => {
    admin = await tokenFor('SYSTEM_ADMIN');
    await awardRows(admin);
    const schema = await gql(
      `{ __schema { queryType { fields { name args { name description type { ${TYPE} } } type { ${TYPE} } } }
         types { name enumValues { name } fields { name args { type { kind } } type { ${TYPE} } } } } }`,
    );
    expect(schema.errors).toBeUndefined();
    lists = (schema.data.__schema.queryType.fields as Field[]).filter((f) => f.args.some((a) => a.name === 'orderBy'));
    const types = new Map<string, Field[]>(
      schema.data.__schema.types.map((t: { name: string; fields: Field[] | null }) => [t.name, t.fields ?? []]),
    );
    orderFields = new Map(
      schema.data.__schema.types
        .filter((t: { enumValues: unknown[] | null }) => t.enumValues)
        .map((t: { name: string; enumValues: { name: string }[] }) => [t.name, t.enumValues.map((v) => v.name)]),
    );
    // Each node's leaf fields that take no required argument: enough to tell one order of a page from another.
    selections = new Map(
      lists.map((list) => {
        const nodes = types.get(named(list.type).name!)!.find((f) => f.name === 'nodes')!;
        const leaves = types
          .get(named(nodes.type).name!)!
          .filter((f) => ['SCALAR', 'ENUM'].includes(named(f.type).kind) && f.args.every((a) => a.type.kind !== 'NON_NULL'))
          .map((f) => f.name);
        return [list.name, SELECTION[list.name] ?? leaves.join(' ')];
      }),
    );
  });

  it('finds the fifteen lists, each declaring a default order field and direction', () => {
    expect(lists.map((l) => l.name).sort()).toEqual(
      [
        'assessments',
        'auditLog',
        'awardEligibilityList',
        'awardFormList',
        'awardStandardList',
        'awards',
        'campaigns',
        'contributions',
        'criteriaSets',
        'metrics',
        'nominations',
        'recognitionDecisions',
        'targets',
        'units',
        'users',
      ].sort(),
    );
    for (const list of lists) {
      const arg = (name: string) => list.args.find((a) => a.name === name);
      expect(declaredDefault(arg('orderBy')), list.name).toMatch(/^[A-Z_]+$/);
      expect(declaredDefault(arg('direction')), list.name).toMatch(/^(ASC|DESC)$/);
      const required = list.args.filter((a) => a.type.kind === 'NON_NULL').map((a) => a.name);
      if (required.length) expect(REQUIRED[list.name], `${list.name} needs (${required}): add it to REQUIRED`).toBeDefined();
    }
  });

  it('gives the same first page without a sort as with the declared one, and another in the opposite direction', async () => {
    expect(Object.keys(TIED).filter((name) => !lists.some((l) => l.name === name))).toEqual([]);
    for (const list of lists) {
      const arg = (name: string) => list.args.find((a) => a.name === name)!;
      const orderBy = declaredDefault(arg('orderBy'));
      const direction = declaredDefault(arg('direction'));
      const required = (await REQUIRED[list.name]?.()) ?? {};
      const variables = Object.keys(required).map((name) => `$${name}: ${typeName(arg(name).type)}`);
      const page = async (sort: string) => {
        const passed = [...Object.keys(required).map((name) => `${name}: $${name}`), 'limit: 20', sort].filter(Boolean).join(', ');
        const query = `query${variables.length ? `(${variables.join(', ')})` : ''} { ${list.name}(${passed}) { totalCount nodes { ${selections.get(list.name)} } } }`;
        const result = await gql(query, required, { token: admin });
        expect(result.errors, `${list.name}(${sort})`).toBeUndefined();
        return result.data[list.name] as { totalCount: number; nodes: unknown[] };
      };
      const declared = await page(`orderBy: ${orderBy}, direction: ${direction}`);
      // Two rows at least, so that an order other than the declared one could show.
      expect.soft(declared.totalCount, `${list.name} has rows to sort`).toBeGreaterThanOrEqual(2);
      expect.soft((await page('')).nodes, `${list.name} without a sort`).toEqual(declared.nodes);
      expect.soft((await page(`orderBy: ${orderBy}`)).nodes, `${list.name} with orderBy only`).toEqual(declared.nodes);
      expect.soft((await page(`direction: ${direction}`)).nodes, `${list.name} with direction only`).toEqual(declared.nodes);
      if (TIED[list.name]) {
        const others = orderFields.get(named(arg('orderBy').type).name!)!.filter((field) => field !== orderBy);
        const pages = await Promise.all(others.map((field) => page(`orderBy: ${field}, direction: ${direction}`)));
        expect
          .soft(
            pages.some((other) => JSON.stringify(other.nodes) !== JSON.stringify(declared.nodes)),
            `${list.name}: ${TIED[list.name]}`,
          )
          .toBe(true);
      } else {
        const opposite = await page(`orderBy: ${orderBy}, direction: ${direction === 'ASC' ? 'DESC' : 'ASC'}`);
        expect.soft(opposite.nodes, `${list.name} in the opposite direction`).not.toEqual(declared.nodes);
      }
    }
  });
});

/** A type reference written as GraphQL does, e.g. `ID!`. */
const typeName = (type: TypeRef): string =>
  type.kind === 'NON_NULL' ? `${typeName(type.ofType!)}!` : type.kind === 'LIST' ? `[${typeName(type.ofType!)}]` : type.name!;
