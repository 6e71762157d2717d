import { describe, expect, it } from 'vitest';
import { gql } from './support/client.js';
import { sql } from './support/db.js';

/** What the console's dashboard reads for "communes without an assessment this year". */
describe('assessmentCoverage', () => {
  const coverage = `query($c: String!, $y: Int!, $l: Int) { assessmentCoverage(withinCode: $c, year: $y, limit: $l) {
    communeCount assessedCount missingCount missing { id code name level kind } } }`;

  /** Rural communes below a unit valid on a day, and those of them assessed in a year, counted straight from the tables. */
  async function expected(code: string, year: number) {
    const date = `${year}-06-30`;
    const [territory] = await sql<{ path: string }>(
      `SELECT path::text FROM units.unit WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2)`,
      [code, date],
    );
    const communes = await sql<{ id: number }>(
      `SELECT id FROM units.unit WHERE path <@ $1::ltree AND level = 'COMMUNE' AND kind = 'COMMUNE'
      AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2)`,
      [territory.path, date],
    );
    const ids = communes.map((c) => Number(c.id));
    const [assessed] = await sql<{ n: string }>(
      'SELECT count(DISTINCT unit_id) AS n FROM criteria.assessment WHERE year = $1 AND unit_id = ANY($2::int[])',
      [year, ids],
    );
    return { communes: ids.length, assessed: Number(assessed.n) };
  }

  it('counts the communes of a seeded province assessed in a year, as the tables hold them', async () => {
    const result = await gql(coverage, { c: '06', y: 2024, l: 5 });
    expect(result.errors).toBeUndefined();
    const { communes, assessed } = await expected('06', 2024);
    expect(communes).toBeGreaterThan(50);
    expect(result.data.assessmentCoverage).toMatchObject({
      communeCount: communes,
      assessedCount: assessed,
      missingCount: communes - assessed,
    });
  });

  it('lists the communes still to assess where nothing was recorded, with their names through the gateway', async () => {
    const districts = await gql(
      '{ units(filter: { parentCode: "01", asOf: "2024-06-30", kind: RURAL_DISTRICT }, limit: 1, orderBy: CODE) { nodes { code } } }',
    );
    const district = districts.data.units.nodes[0].code;
    const { communes, assessed } = await expected(district, 2024);
    expect(assessed).toBe(0);
    const result = await gql(coverage, { c: district, y: 2024, l: 3 });
    const found = result.data.assessmentCoverage;
    expect(found).toMatchObject({ communeCount: communes, assessedCount: 0, missingCount: communes });
    expect(found.missing).toHaveLength(Math.min(3, communes));
    for (const unit of found.missing)
      expect(unit).toMatchObject({ level: 'COMMUNE', kind: 'COMMUNE', name: expect.stringMatching(/^Xã /) });
  });

  it('refuses a year out of range or a code that names no unit that year', async () => {
    expect((await gql(coverage, { c: '06', y: 1800 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(coverage, { c: '99999', y: 2024 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
