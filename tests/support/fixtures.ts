import { gql } from './client.js';

/**
 * Fixture look-ups by natural key: seeded rows are found by what identifies them to a person (a campaign's key, a
 * unit's code), never by a numeric id, which depends on the order rows were written in.
 */

/** The id of the seeded campaign with this key (e.g. `khanh-hoa-2021-2025`). */
export async function campaignId(key: string): Promise<string> {
  const result = await gql<{ campaigns: { nodes: { id: string; key: string }[] } }>(`{ campaigns(limit: 500) { nodes { id key } } }`);
  const found = result.data?.campaigns.nodes.find((c) => c.key === key);
  if (!found) throw new Error(`No campaign with key ${key}: ${JSON.stringify(result.errors ?? [])}`);
  return found.id;
}

/**
 * A new nomination, by `token`'s holder, under award standard `standardId` for `year`, of a commune of the province
 * `provinceCode` no one has nominated under it that year yet: other files nominate communes too, in any order.
 */
export async function nominateFreeCommune(
  standardId: string,
  provinceCode: string,
  year: number,
  token: string,
  formCode = 'PROVINCE_CERTIFICATE',
): Promise<string> {
  const asOf = `${year}-01-01`;
  const [communes, nominated] = await Promise.all([
    gql(
      `query($p: String!, $d: Date) { units(filter: { withinCode: $p, level: COMMUNE, kind: COMMUNE, asOf: $d }, limit: 500) { nodes { code } } }`,
      { p: provinceCode, d: asOf },
    ),
    gql(
      `query($s: ID!, $y: Int) { nominations(filter: { standardId: $s, year: $y }, limit: 500) { nodes { subject { unit { code } } } } }`,
      { s: standardId, y: year },
      { token },
    ),
  ]);
  const taken = new Set(nominated.data?.nominations.nodes.map((n: { subject: { unit: { code: string } } }) => n.subject.unit.code));
  const free = communes.data?.units.nodes.find((u: { code: string }) => !taken.has(u.code));
  if (!free)
    throw new Error(`No commune of ${provinceCode} left to nominate for ${year}: ${JSON.stringify([communes.errors, nominated.errors])}`);
  const created = await gql(
    `mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }`,
    { i: { standardId, subject: { unitCode: free.code, asOf }, year, proposingUnitCode: provinceCode, formCode } },
    { token },
  );
  if (!created.data?.createNomination) throw new Error(`Nominating ${free.code} failed: ${JSON.stringify(created.errors)}`);
  return created.data.createNomination.id;
}
