import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql, type GraphQLResult } from './support/client.js';
import { sql } from './support/db.js';

/**
 * Concurrent identical writes through the gateway: the database enforces what the services check, so exactly one
 * write wins and every other caller gets a CONFLICT — never a duplicate, never an internal error.
 */
const ASOF = '2024-01-01';
let admin: string;
let campaignId: string;
let communes: string[];

/** Sends `count` copies of one request at once. */
const parallel = (count: number, send: () => Promise<GraphQLResult>) => Promise.all(Array.from({ length: count }, send));

const codes = (results: GraphQLResult[]) => results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

beforeAll(async () => {
  admin = await tokenFor('UNIT_ADMIN', '06');
  const campaigns = await gql(`{ campaigns(limit: 100) { nodes { id key } } }`);
  campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'bac-kan-2021-2025').id;
  const units = await gql(
    `{ units(filter: { withinCode: "06", level: COMMUNE, kind: COMMUNE, asOf: "${ASOF}" }, limit: 200, orderBy: CODE, direction: DESC) { nodes { code } } }`,
  );
  communes = units.data.units.nodes.map((u: { code: string }) => u.code);
});

describe('concurrent identical writes', () => {
  it('creates one nomination out of 50 identical createNomination calls; the 49 others get CONFLICT', async () => {
    const standard = await gql(
      `mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }`,
      {
        i: {
          campaignId,
          subjectType: 'COMMUNE',
          occasion: 'MID_TERM_REVIEW',
          year: 2023,
          formCode: 'PROVINCE_CERTIFICATE',
          criteriaText: 'Xã tiêu biểu (kiểm thử tranh chấp)',
        },
      },
      { token: admin },
    );
    expect(standard.errors).toBeUndefined();
    const standardId = standard.data.createAwardStandard.id;
    const input = { standardId, subject: { unitCode: communes[0], asOf: ASOF }, year: 2023, proposingUnitCode: '06' };
    const results = await parallel(50, () =>
      gql(`mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }`, { i: input }, { token: admin }),
    );

    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(results.filter((r) => r.data?.createNomination?.id).length).toBe(1);
    expect(codes(results)).toEqual(Array(49).fill('CONFLICT'));
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM awards.nomination WHERE standard_id = $1`, [standardId]);
    expect(count).toBe(1);
    const [{ transitions }] = await sql(
      `SELECT count(*)::int AS transitions FROM awards.nomination_transition t JOIN awards.nomination n ON n.id = t.nomination_id WHERE n.standard_id = $1`,
      [standardId],
    );
    expect(transitions).toBe(1);
  });

  it('creates one contributor for 30 concurrent contributions naming the same new household; the others record against it or get CONFLICT', async () => {
    const name = `Hộ tranh chấp ${Date.now()}`;
    const contributor = { kind: 'HOUSEHOLD', name, unitCode: communes[1], asOf: ASOF };
    const results = await parallel(30, () =>
      gql(
        `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id contributor { id } } }`,
        { i: { campaignId, date: '2024-05-15', kind: 'MONEY', valueVnd: 1_000_000, contributor } },
        { token: admin },
      ),
    );

    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(codes(results).filter((c) => c !== 'CONFLICT')).toEqual([]);
    const recorded = results.filter((r) => r.data?.recordContribution?.id);
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    const rows = await sql(`SELECT id FROM awards.contributor WHERE name = $1`, [name]);
    expect(rows.length).toBe(1);
    expect(new Set(recorded.map((r) => r.data.recordContribution.contributor.id))).toEqual(new Set([String(rows[0].id)]));
    const [{ contributions }] = await sql(`SELECT count(*)::int AS contributions FROM awards.contribution WHERE contributor_id = $1`, [
      rows[0].id,
    ]);
    expect(contributions).toBe(recorded.length);
  });

  it('records one precondition out of 30 concurrent identical recordPrecondition calls; the 29 others get CONFLICT', async () => {
    const key = `RACE_${Date.now()}`;
    const results = await parallel(30, () =>
      gql(
        `mutation($i: RecordPreconditionInput!) { recordPrecondition(input: $i) { key version } }`,
        { i: { subject: { unitCode: communes[2], asOf: ASOF }, key, year: 2023, holds: true, evidence: 'kiểm thử tranh chấp' } },
        { token: admin },
      ),
    );

    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(results.filter((r) => r.data?.recordPrecondition?.key).length).toBe(1);
    expect(codes(results)).toEqual(Array(29).fill('CONFLICT'));
    const [{ count }] = await sql(`SELECT count(*)::int AS count FROM awards.precondition WHERE key = $1`, [key]);
    expect(count).toBe(1);
  });
});
