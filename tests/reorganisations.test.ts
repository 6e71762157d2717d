import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../server/shared/scalars.js';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { TEST_ADMIN } from './support/constants.js';
import { auditedSql, rowCounts, sql } from './support/db.js';

const RECORD = `mutation($i: RecordReorganisationInput!) { recordReorganisation(input: $i) {
  id kind status level effectiveOn resolutionNumber inEffect movedCount version
  sources { unitId code share continues } results { unitId code name kind created } } }`;
const WITHDRAW = `mutation($i: WithdrawReorganisationInput!) { withdrawReorganisation(input: $i) { id status version withdrawalReason } }`;
const WITHDRAWN_AT = (id: string) => `{ reorganisation(id: "${id}") { recordedAt recordedBy withdrawnAt withdrawnBy } }`;
const UNIT = `query($c: String!, $d: Date) { unit(code: $c, asOf: $d) { id code name validFrom validTo parent { code }
  predecessors { share unit { code validTo } reorganisation { id resolutionNumber } } } }`;
const COMPARE = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode metric numerator denominator approximate } } }`;
const CREATE_VILLAGE = `mutation($i: CreateVillageInput!) { createVillage(input: $i) { id code } }`;
const MAP_TABLES = [
  'units.unit',
  'units.unit_lineage',
  'units.unit_classification',
  'units.reorganisation',
  'units.reorganisation_unit',
  'audit.audit_log',
];
const METRICS = ['COMMUNES_NTM', 'AVG_CRITERIA_MET', 'COMMUNES_UNDER_15', 'VILLAGES_MODEL'];

/** The first day of next year: a date the reorganisations below take effect on, still in the future. */
const EFFECTIVE = `${Number(today().slice(0, 4)) + 1}-01-01`;
const DAY_BEFORE = addDays(EFFECTIVE, -1);
const YEAR = Number(EFFECTIVE.slice(0, 4));

interface Commune {
  id: number;
  code: string;
  name: string;
  path: string;
}
let admin: string;
/** Current Khánh Hòa rural communes, in code order. */
let communes: Commune[];

const unitAt = async (code: string, asOf: string) => gql(UNIT, { c: code, d: asOf });
const compare = async (input: Record<string, unknown>) => {
  const result = await gql(COMPARE, { i: { metrics: METRICS, ...input } });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.fromEntries(result.data.compare.rows.map((r: any) => [`${r.unitCode}:${r.metric}`, r]));
};
const record = async (input: Record<string, unknown>, token = admin) =>
  gql(RECORD, { i: { resolutionNumber: '1234/NQ-UBTVQH15', resolutionDate: today(), effectiveOn: EFFECTIVE, ...input } }, { token });
const signIn = async (unitCode: string, asOf: string): Promise<{ token: string; username: string }> => {
  const username = `reorg.${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const created = await gql(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { username, displayName: 'Cán bộ xã hợp nhất', password: 'a-long-password', grants: [{ role: 'UNIT_ADMIN', unitCode, asOf }] } },
    { token: admin },
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  const login = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
    u: username,
    p: 'a-long-password',
  });
  return { token: login.data.login.token, username };
};

beforeAll(async () => {
  admin = (
    await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
      u: TEST_ADMIN.username,
      p: TEST_ADMIN.password,
    })
  ).data.login.token;
  communes = (
    await sql(`SELECT u.id, u.code, u.name, u.path::text AS path FROM units.unit u JOIN units.unit p ON p.id = u.parent_id AND p.code = '56' AND p.valid_from = '2025-07-01'
    WHERE u.kind = 'COMMUNE' AND u.valid_to IS NULL AND NOT u.withdrawn AND EXISTS (SELECT 1 FROM units.unit_lineage l WHERE l.successor_id = u.id) ORDER BY u.code`)
  ).map((c) => ({ id: Number(c.id), code: c.code, name: c.name, path: c.path }));
});

describe('a merge of two communes recorded for a future date', () => {
  let a: Commune;
  let b: Commune;
  let village: { id: string; code: string };
  let eventId: string;
  let resultId: string;
  let before: { compare: unknown; rows: unknown };

  /** What a withdrawal must restore: the sources' and the village's rows, and comparisons on both sides of the date. */
  const snapshot = async () => ({
    rows: await sql(
      `SELECT id, code, name, parent_id, path::text, valid_from::text, valid_to::text FROM units.unit WHERE code = ANY($1) AND NOT withdrawn ORDER BY id`,
      [[a.code, b.code, village.code]],
    ),
    compare: [
      await compare({ unitCodes: ['56', a.code, b.code], asOf: DAY_BEFORE, year: 2024 }),
      await compare({ unitCodes: ['56', a.code, b.code], asOf: DAY_BEFORE, year: YEAR }),
      await compare({ childrenOf: '56', asOf: DAY_BEFORE, year: YEAR - 1 }),
    ],
  });

  beforeAll(async () => {
    [a, b] = communes.slice(3, 5);
    const created = await gql(CREATE_VILLAGE, { i: { communeCode: a.code, validFrom: '2026-01-01', name: 'Sẽ Chuyển' } }, { token: admin });
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    village = created.data.createVillage;
    before = await snapshot();
  });

  it('closes the sources the day before, opens the result on the date, moves the sub-units and resolves codes by date', async () => {
    const result = await record({
      kind: 'MERGE',
      note: 'Kiểm thử',
      sources: [
        { unitCode: a.code, share: 'FULL' },
        { unitCode: b.code, share: 'FULL' },
      ],
      results: [{ code: a.code, name: 'Hợp Nhất', kind: 'COMMUNE', parentCode: '56' }],
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const event = result.data.recordReorganisation;
    eventId = event.id;
    resultId = event.results[0].unitId;
    expect(event).toMatchObject({
      kind: 'MERGE',
      status: 'RECORDED',
      level: 'COMMUNE',
      effectiveOn: EFFECTIVE,
      inEffect: false,
      movedCount: 1,
      version: 1,
      sources: [
        { unitId: String(a.id), code: a.code, share: 'FULL', continues: false },
        { unitId: String(b.id), code: b.code, share: 'FULL', continues: false },
      ],
      results: [{ code: a.code, name: 'Xã Hợp Nhất', kind: 'COMMUNE', created: true }],
    });

    const old = (await unitAt(a.code, DAY_BEFORE)).data.unit;
    expect(old).toMatchObject({ id: String(a.id), validTo: DAY_BEFORE });
    const merged = (await unitAt(a.code, EFFECTIVE)).data.unit;
    expect(merged).toMatchObject({ id: resultId, name: 'Xã Hợp Nhất', validFrom: EFFECTIVE, validTo: null, parent: { code: '56' } });
    expect(merged.predecessors).toEqual(
      [
        {
          share: 'FULL',
          unit: { code: a.code, validTo: DAY_BEFORE },
          reorganisation: { id: eventId, resolutionNumber: '1234/NQ-UBTVQH15' },
        },
        {
          share: 'FULL',
          unit: { code: b.code, validTo: DAY_BEFORE },
          reorganisation: { id: eventId, resolutionNumber: '1234/NQ-UBTVQH15' },
        },
      ].sort((x, y) => (Number(x.unit.code) < Number(y.unit.code) ? -1 : 1)),
    );
    expect((await unitAt(b.code, DAY_BEFORE)).data.unit.id).toBe(String(b.id));
    expect(errorCodes(await unitAt(b.code, EFFECTIVE))).toEqual(['NOT_FOUND']);

    // The source's village continues under the result as a new row with the same code.
    const villageBefore = (await unitAt(village.code, DAY_BEFORE)).data.unit;
    const villageAfter = (await unitAt(village.code, EFFECTIVE)).data.unit;
    expect(villageBefore).toMatchObject({ id: village.id, validTo: DAY_BEFORE, parent: { code: a.code } });
    expect(villageAfter).toMatchObject({ validFrom: EFFECTIVE, parent: { code: a.code } });
    expect(villageAfter.id).not.toBe(village.id);
    expect(villageAfter.predecessors).toEqual([
      {
        share: 'FULL',
        unit: { code: village.code, validTo: DAY_BEFORE },
        reorganisation: { id: eventId, resolutionNumber: '1234/NQ-UBTVQH15' },
      },
    ]);
    const [path] = await sql(`SELECT path::text FROM units.unit WHERE id = $1`, [villageAfter.id]);
    expect(path.path).toBe(`${communes[0].path.split('.').slice(0, -1).join('.')}.${resultId}.${villageAfter.id}`);

    const listed = await gql(
      `query($c: String!) { reorganisations(filter: { unitCode: $c, status: RECORDED }) { totalCount nodes { id } }
      reorganisation(id: "${eventId}") { resolutionNumber note } }`,
      { c: b.code },
    );
    expect(listed.data.reorganisations).toEqual({ totalCount: 1, nodes: [{ id: eventId }] });
    expect(listed.data.reorganisation).toEqual({ resolutionNumber: '1234/NQ-UBTVQH15', note: 'Kiểm thử' });
    const [audit] = await sql(`SELECT action, unit_id FROM audit.audit_log WHERE entity = 'Reorganisation' AND entity_id = $1`, [eventId]);
    expect(audit).toEqual({ action: 'CREATE', unit_id: a.id });
  });

  let grantHolder: string;

  it("lets a grant on the result cover both sources' records, and nothing else", async () => {
    const covered = (await gql(`query($c: String!, $d: Date) { unit(code: $c, asOf: $d) { coveredPaths } }`, { c: a.code, d: EFFECTIVE }))
      .data.unit.coveredPaths;
    const expected = await sql(
      `WITH RECURSIVE c(id) AS (SELECT $1::int UNION SELECT l.predecessor_id FROM c JOIN units.unit_lineage l ON l.successor_id = c.id AND l.share = 'FULL')
      SELECT u.path::text AS path FROM c JOIN units.unit u ON u.id = c.id`,
      [Number(resultId)],
    );
    expect([...covered].sort()).toEqual(expected.map((r) => r.path).sort());
    expect(covered).toEqual(expect.arrayContaining([a.path, b.path]));

    const { token, username } = await signIn(a.code, EFFECTIVE);
    grantHolder = username;
    const classify = `mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }`;
    for (const source of [a, b]) {
      const ok = await gql(
        classify,
        { i: { unitCode: source.code, asOf: DAY_BEFORE, scheme: 'COASTAL', source: 'kiểm thử sắp xếp' } },
        { token },
      );
      expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    }
    const [set] = await sql(`SELECT id FROM criteria.criteria_set WHERE code = 'COMMUNE-NTM-2026-2030'`);
    const criteria = await sql(`SELECT number FROM criteria.criterion WHERE set_id = $1 ORDER BY number`, [set.id]);
    const assessed = await gql(
      `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { metCount } }`,
      {
        i: {
          unitCode: b.code,
          criteriaSetId: String(set.id),
          year: YEAR - 1,
          results: criteria.map((c) => ({ criterionNumber: c.number, met: true })),
        },
      },
      { token },
    );
    expect(assessed.data, JSON.stringify(assessed.errors)).toEqual({ recordAssessment: { metCount: criteria.length } });
    const other = communes.find((c) => c.code !== a.code && c.code !== b.code)!;
    const before = await rowCounts(['units.unit_classification', 'audit.audit_log']);
    expect(errorCodes(await gql(classify, { i: { unitCode: other.code, asOf: DAY_BEFORE, scheme: 'COASTAL' } }, { token }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await rowCounts(['units.unit_classification', 'audit.audit_log'])).toEqual(before);
  });

  it('compares across the date: the result sums its sources exactly, the sources see the result whole and flagged', async () => {
    // Before the date, with the codes after it: the result's figures are those of everything merged into it.
    const last = await compare({ unitCodes: [a.code], asOf: EFFECTIVE, year: YEAR - 1 });
    const [criteria] = await sql(
      `SELECT count(*)::int AS n FROM criteria.criterion c JOIN criteria.criteria_set s ON s.root_id = c.set_id AND s.code = 'COMMUNE-NTM-2026-2030'`,
    );
    expect(last[`${a.code}:COMMUNES_NTM`]).toMatchObject({ numerator: 0, denominator: 2, approximate: false });
    expect(last[`${a.code}:AVG_CRITERIA_MET`]).toMatchObject({ numerator: criteria.n, denominator: 1 });

    // 2024: the old communes before 1 July 2025 that went into either source, counted once (raw aggregate).
    const [raw] = await sql(
      `
      WITH p AS (SELECT DISTINCT u.id FROM units.unit_lineage l JOIN units.unit u ON u.id = l.predecessor_id
        WHERE l.successor_id = ANY($1::int[]) AND u.kind = 'COMMUNE'),
      a AS (SELECT DISTINCT ON (x.unit_id) (SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = x.id AND r.met) AS met
        FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        WHERE x.year = 2024 AND x.unit_id IN (SELECT id FROM p) ORDER BY x.unit_id, x.set_id DESC),
      n AS (SELECT DISTINCT d.unit_id FROM criteria.recognition_decision d WHERE d.unit_id IN (SELECT id FROM p) AND d.tier IN ('NTM', 'ADVANCED', 'MODEL')
        AND d.decided_on <= '2024-12-31' AND (d.revoked_on IS NULL OR d.revoked_on > '2024-12-31'))
      SELECT (SELECT count(*) FROM p)::int AS communes, (SELECT count(*) FROM n)::int AS ntm, (SELECT count(*) FROM a)::int AS assessed,
        (SELECT COALESCE(sum(met), 0) FROM a)::int AS met,
        EXISTS (SELECT 1 FROM units.unit_lineage l WHERE l.predecessor_id IN (SELECT id FROM p) AND (l.share = 'PARTIAL' OR NOT l.successor_id = ANY($1::int[]))) AS partial`,
      [[a.id, b.id]],
    );
    const y2024 = await compare({ unitCodes: [a.code], asOf: EFFECTIVE, year: 2024 });
    expect(y2024[`${a.code}:COMMUNES_NTM`]).toMatchObject({ numerator: raw.ntm, denominator: raw.communes, approximate: raw.partial });
    expect(y2024[`${a.code}:AVG_CRITERIA_MET`]).toMatchObject({ numerator: raw.met, denominator: raw.assessed });
    const sources2024 = await compare({ unitCodes: [a.code, b.code], asOf: DAY_BEFORE, year: 2024 });
    expect(y2024[`${a.code}:COMMUNES_NTM`].numerator).toBeLessThanOrEqual(
      sources2024[`${a.code}:COMMUNES_NTM`].numerator + sources2024[`${b.code}:COMMUNES_NTM`].numerator,
    );

    // After the date, with the codes before it: each source counts the merged commune whole, flagged approximate.
    const next = await compare({ unitCodes: [a.code, b.code], asOf: DAY_BEFORE, year: YEAR });
    for (const code of [a.code, b.code]) expect(next[`${code}:COMMUNES_NTM`]).toMatchObject({ denominator: 1, approximate: true });
    // The province counts one commune fewer from the date.
    const province = [
      await compare({ unitCodes: ['56'], asOf: DAY_BEFORE, year: YEAR - 1 }),
      await compare({ unitCodes: ['56'], asOf: EFFECTIVE, year: YEAR }),
    ];
    expect(province[1]['56:COMMUNES_NTM'].denominator).toBe(province[0]['56:COMMUNES_NTM'].denominator - 1);
  });

  it('withdraws before the date and restores everything', async () => {
    expect(
      errorCodes(
        await gql(WITHDRAW, { i: { id: eventId, reason: 'Hủy thử', expectedVersion: 1 } }, { token: await tokenFor('UNIT_ADMIN', '56') }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(WITHDRAW, { i: { id: eventId, reason: 'Hủy thử', expectedVersion: 7 } }, { token: admin }))).toEqual([
      'CONFLICT',
    ]);
    expect(errorCodes(await gql(WITHDRAW, { i: { id: eventId, reason: '  ', expectedVersion: 1 } }, { token: admin }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // The assessment and classifications recorded on the sources in the meantime stay (they are the sources' records).
    const assessments = await sql(`SELECT count(*)::int AS n FROM criteria.assessment WHERE unit_id = $1`, [b.id]);
    await auditedSql('units', `DELETE FROM units.unit_classification WHERE source = 'kiểm thử sắp xếp'`);
    await auditedSql('criteria', `DELETE FROM criteria.assessment WHERE unit_id = $1 AND NOT synthetic`, [b.id]);

    const withdrawn = await gql(WITHDRAW, { i: { id: eventId, reason: 'Nghị quyết bị thay thế', expectedVersion: 1 } }, { token: admin });
    expect(withdrawn.data.withdrawReorganisation).toEqual({
      id: eventId,
      status: 'WITHDRAWN',
      version: 2,
      withdrawalReason: 'Nghị quyết bị thay thế',
    });
    const times = (await gql(WITHDRAWN_AT(eventId))).data.reorganisation;
    expect(times).toMatchObject({ recordedBy: TEST_ADMIN.username, withdrawnBy: TEST_ADMIN.username });
    expect(Date.parse(times.withdrawnAt)).toBeGreaterThanOrEqual(Date.parse(times.recordedAt));
    expect(Date.now() - Date.parse(times.withdrawnAt)).toBeLessThan(10 * 60_000);
    expect(assessments[0].n).toBe(1);
    expect(await snapshot()).toEqual(before);
    expect((await unitAt(a.code, EFFECTIVE)).data.unit).toMatchObject({ id: String(a.id), validTo: null });
    expect((await unitAt(village.code, EFFECTIVE)).data.unit).toMatchObject({ id: village.id, validTo: null, parent: { code: a.code } });
    const [left] = await sql(`SELECT (SELECT count(*) FROM units.unit_lineage WHERE reorganisation_id = $1)::int AS links`, [
      Number(eventId),
    ]);
    expect(left).toEqual({ links: 0 });
    // The merged commune stays readable by id, withdrawn, so the grant made on it still names a unit (covering nothing).
    const kept = await gql(`query($ids: [ID!]!) { unitsByIds(ids: $ids) { code withdrawn coveredPaths } }`, { ids: [resultId] });
    expect(kept.data.unitsByIds).toEqual([
      { code: a.code, withdrawn: true, coveredPaths: [expect.stringMatching(new RegExp(`\\.${resultId}$`))] },
    ]);
    const holder = await gql(
      `query($s: String) { users(filter: { search: $s }) { nodes { grants { unit { code withdrawn } } } } }`,
      { s: grantHolder },
      { token: admin },
    );
    expect(holder.data, JSON.stringify(holder.errors)).toEqual({
      users: { nodes: [{ grants: [{ unit: { code: a.code, withdrawn: true } }] }] },
    });
    const state = await gql(`{ reorganisation(id: "${eventId}") { status inEffect results { unitId created } } }`);
    expect(state.data.reorganisation).toEqual({ status: 'WITHDRAWN', inEffect: false, results: [{ unitId: resultId, created: true }] });
    expect(errorCodes(await gql(WITHDRAW, { i: { id: eventId, reason: 'Lần nữa', expectedVersion: 2 } }, { token: admin }))).toEqual([
      'CONFLICT',
    ]);
  });
});

describe('a split with a continuing source, and what is refused', () => {
  let d: Commune;
  let villages: { id: string; code: string }[];

  beforeAll(async () => {
    d = communes[8];
    villages = [];
    for (const name of ['Ở Lại', 'Ra Đi']) {
      const created = await gql(CREATE_VILLAGE, { i: { communeCode: d.code, validFrom: '2026-01-01', name } }, { token: admin });
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      villages.push(created.data.createVillage);
    }
  });

  it('refuses bad events with coded errors and writes nothing', async () => {
    // Accounts are made before counting rows: making one is a write of its own.
    const provinceAdmin = await tokenFor('UNIT_ADMIN', '56', '2026-01-01');
    const before = await rowCounts(MAP_TABLES);
    const [e, f] = [communes[9], communes[10]];
    const newCommune = { code: '99001', name: 'Mới', kind: 'COMMUNE', parentCode: '56' };
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'MERGE', sources: [{ unitCode: e.code, share: 'FULL' }], results: [newCommune] }, 'BAD_USER_INPUT'],
      [
        {
          kind: 'SPLIT',
          sources: [{ unitCode: d.code, share: 'PARTIAL' }],
          results: [newCommune, { ...newCommune, code: '99002', name: 'Mới Hai' }],
        },
        'BAD_USER_INPUT',
      ],
      [
        { kind: 'SPLIT', sources: [{ unitCode: d.code, share: 'FULL' }], results: [{ existingCode: d.code }, newCommune] },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: e.code, share: 'FULL' },
            { unitCode: f.code, share: 'FULL' },
          ],
          results: [{ ...newCommune, code: d.code }],
        },
        'CONFLICT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: e.code, share: 'FULL' },
            { unitCode: f.code, share: 'FULL' },
          ],
          results: [newCommune],
          resolutionDate: addDays(EFFECTIVE, 1),
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: 'ZZZ', share: 'FULL' },
            { unitCode: f.code, share: 'FULL' },
          ],
          results: [newCommune],
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: e.code, share: 'FULL' },
            { unitCode: '574', share: 'FULL' },
          ],
          results: [newCommune],
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'RENAME',
          sources: [{ unitCode: e.code, share: 'FULL' }],
          results: [{ code: e.code, name: e.name.replace(/^Xã /, ''), kind: 'COMMUNE', parentCode: '56' }],
        },
        'BAD_USER_INPUT',
      ],
      [
        { kind: 'TRANSFER', sources: [{ unitCode: e.code, share: 'FULL' }], results: [{ ...newCommune, parentCode: '56' }] },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: e.code, share: 'FULL' },
            { unitCode: f.code, share: 'FULL' },
          ],
          results: [{ ...newCommune, parentCode: villages[0].code }],
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          kind: 'MERGE',
          sources: [
            { unitCode: e.code, share: 'FULL' },
            { unitCode: f.code, share: 'FULL' },
          ],
          results: [{ ...newCommune, kind: 'VILLAGE' }],
        },
        'BAD_USER_INPUT',
      ],
    ];
    for (const [input, code] of cases) {
      const result = await record(input);
      expect(errorCodes(result), JSON.stringify(input)).toEqual([code]);
      expect(result.errors![0].message, JSON.stringify(input)).toMatch(/ — /);
    }
    const unplaced = await record(cases[1][0]);
    expect(unplaced.errors![0]).toMatchObject({ extensions: { field: 'placements' } });
    expect(unplaced.errors![0].message).toContain(villages[0].code);
    const merge = {
      kind: 'MERGE',
      sources: [
        { unitCode: e.code, share: 'FULL' },
        { unitCode: f.code, share: 'FULL' },
      ],
      results: [newCommune],
    };
    expect(errorCodes(await record(merge, provinceAdmin))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await gql(RECORD, { i: { ...merge, resolutionNumber: 'x', resolutionDate: today(), effectiveOn: EFFECTIVE } })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts(MAP_TABLES)).toEqual(before);
  });

  it('keeps the continuing source, opens the new commune with the sub-units placed in it, links PARTIAL, and withdraws', async () => {
    const before = await rowCounts(MAP_TABLES);
    const result = await record({
      kind: 'SPLIT',
      sources: [{ unitCode: d.code, share: 'PARTIAL' }],
      results: [{ existingCode: d.code }, { code: '99003', name: 'Tách Ra', kind: 'COMMUNE', parentCode: '56' }],
      placements: [{ childCode: villages[1].code, resultIndex: 1 }],
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const event = result.data.recordReorganisation;
    expect(event).toMatchObject({
      kind: 'SPLIT',
      movedCount: 1,
      sources: [{ code: d.code, share: 'PARTIAL', continues: true }],
      results: [
        { code: d.code, created: false },
        { code: '99003', name: 'Xã Tách Ra', created: true },
      ],
    });
    expect((await unitAt(d.code, EFFECTIVE)).data.unit).toMatchObject({ id: String(d.id), validTo: null });
    const split = (await unitAt('99003', EFFECTIVE)).data.unit;
    expect(split.predecessors).toMatchObject([{ share: 'PARTIAL', unit: { code: d.code, validTo: null } }]);
    expect((await unitAt(villages[0].code, EFFECTIVE)).data.unit).toMatchObject({ id: villages[0].id, parent: { code: d.code } });
    expect((await unitAt(villages[1].code, EFFECTIVE)).data.unit).toMatchObject({ parent: { code: '99003' } });
    expect((await unitAt(villages[1].code, DAY_BEFORE)).data.unit).toMatchObject({
      id: villages[1].id,
      parent: { code: d.code },
      validTo: DAY_BEFORE,
    });
    // The new commune's year before its date is its source's, counted whole: flagged approximate.
    const figures = await compare({ unitCodes: ['99003'], asOf: EFFECTIVE, year: 2024 });
    expect(figures['99003:COMMUNES_NTM'].approximate).toBe(true);
    // Withdrawing an event already in effect is refused; this one is not in effect yet.
    const withdrawn = await gql(WITHDRAW, { i: { id: event.id, reason: 'Không tách nữa', expectedVersion: 1 } }, { token: admin });
    expect(withdrawn.errors, JSON.stringify(withdrawn.errors)).toBeUndefined();
    expect(errorCodes(await unitAt('99003', EFFECTIVE))).toEqual(['NOT_FOUND']);
    // What stays: the event (withdrawn), its record of touched units, its audit, and its two new units, withdrawn.
    const after = await rowCounts(MAP_TABLES);
    expect({
      ...after,
      'units.reorganisation': after['units.reorganisation'] - 1,
      'units.unit': after['units.unit'] - 2,
      'audit.audit_log': 0,
      'units.reorganisation_unit': 0,
    }).toEqual({ ...before, 'audit.audit_log': 0, 'units.reorganisation_unit': 0 });
    const [kept] = await sql(`SELECT count(*)::int AS n FROM units.unit WHERE withdrawn AND code = ANY($1)`, [['99003', villages[1].code]]);
    expect(kept.n).toBe(2);
    const audited = await sql(
      `SELECT before, after FROM audit.audit_log WHERE entity = 'Reorganisation' AND entity_id = $1 AND action = 'UPDATE'`,
      [event.id],
    );
    expect(audited).toEqual([{ before: { status: 'RECORDED' }, after: { status: 'WITHDRAWN', reason: 'Không tách nữa' } }]);
  });

  it("merges two villages of a commune into a new one, numbered after the commune's villages", async () => {
    const made = [];
    for (const name of ['Hợp A', 'Hợp B'])
      made.push(
        (await gql(CREATE_VILLAGE, { i: { communeCode: d.code, validFrom: '2026-01-01', name } }, { token: admin })).data.createVillage,
      );
    const [{ n: last }] = await sql(`SELECT max(split_part(code, '-', 2)::int)::int AS n FROM units.unit WHERE code LIKE $1 || '-%'`, [
      d.code,
    ]);
    const merged = await record({
      kind: 'MERGE',
      sources: made.map((v) => ({ unitCode: v.code, share: 'FULL' })),
      results: [{ name: 'Hợp Nhất', kind: 'RESIDENTIAL_AREA', parentCode: d.code }],
    });
    expect(merged.errors, JSON.stringify(merged.errors)).toBeUndefined();
    const event = merged.data.recordReorganisation;
    const code = `${d.code}-${String(last + 1).padStart(3, '0')}`;
    expect(event).toMatchObject({
      level: 'VILLAGE',
      results: [{ code, name: 'Khu dân cư Hợp Nhất', kind: 'RESIDENTIAL_AREA', created: true }],
    });
    const village = (await unitAt(code, EFFECTIVE)).data.unit;
    expect(village.predecessors.map((p: any) => [p.unit.code, p.share])).toEqual(made.map((v) => [v.code, 'FULL']));
    for (const v of made) expect(errorCodes(await unitAt(v.code, EFFECTIVE))).toEqual(['NOT_FOUND']);
    const withdrawn = await gql(WITHDRAW, { i: { id: event.id, reason: 'Giữ hai thôn', expectedVersion: 1 } }, { token: admin });
    expect(withdrawn.errors, JSON.stringify(withdrawn.errors)).toBeUndefined();
    for (const v of made) expect((await unitAt(v.code, EFFECTIVE)).data.unit).toMatchObject({ id: v.id, validTo: null });
  });

  it('refuses to withdraw a reorganisation already in effect', async () => {
    const village = (await gql(CREATE_VILLAGE, { i: { communeCode: d.code, validFrom: '2026-01-01', name: 'Đổi Tên' } }, { token: admin }))
      .data.createVillage;
    const renamed = await record({
      kind: 'RENAME',
      effectiveOn: today(),
      resolutionDate: today(),
      sources: [{ unitCode: village.code, share: 'FULL' }],
      results: [{ name: 'Tên Mới', kind: 'VILLAGE', parentCode: d.code }],
    });
    expect(renamed.errors, JSON.stringify(renamed.errors)).toBeUndefined();
    expect(renamed.data.recordReorganisation).toMatchObject({
      inEffect: true,
      level: 'VILLAGE',
      results: [{ name: 'Thôn Tên Mới', created: true }],
    });
    expect(renamed.data.recordReorganisation.results[0].code).toMatch(new RegExp(`^${d.code}-\\d{3}$`));
    const refused = await gql(
      WITHDRAW,
      { i: { id: renamed.data.recordReorganisation.id, reason: 'Muộn', expectedVersion: 1 } },
      { token: admin },
    );
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
  });
});
