import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';

const CREATE = `mutation($i: CreateVillageInput!) { createVillage(input: $i) { id code name shortName level kind path validFrom validTo synthetic version parent { code } } }`;
const BATCH = `mutation($v: [CreateVillageInput!]!, $d: Boolean) { createVillages(villages: $v, dryRun: $d) { valid written errors { row field code message } villages { code name } } }`;
const RENAME = `mutation($i: RenameVillageInput!) { renameVillage(input: $i) { code name kind version } }`;
const CLOSE = `mutation($i: CloseVillageInput!) { closeVillage(input: $i) { code validTo version } }`;
const COMPARE = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode metric numerator denominator actual approximate } } }`;
const TABLES = ['units.unit', 'units.unit_lineage', 'audit.audit_log'];

/** A Bắc Kạn rural commune valid 2021 – 30 June 2025, with its district. */
let commune: { id: number; code: string; district: string; path: string };
let communeAdmin: string;

beforeAll(async () => {
  const [row] = await sql(`SELECT u.id, u.code, d.code AS district, u.path::text AS path FROM units.unit u
    JOIN units.unit d ON d.id = u.parent_id JOIN units.unit p ON p.id = d.parent_id AND p.code = '06' AND p.valid_to = '2025-06-30'
    WHERE u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.code OFFSET 10 LIMIT 1`);
  commune = { id: Number(row.id), code: row.code, district: row.district, path: row.path };
  communeAdmin = await tokenFor('UNIT_ADMIN', commune.code, '2024-01-01');
});

describe('villages added, renamed and closed by commune administrators', () => {
  it("lets a Bắc Kạn commune administrator add villages, numbered after the commune's, inside the commune for its whole validity", async () => {
    const [{ n: last }] = await sql(`SELECT max(split_part(code, '-', 2)::int) AS n FROM units.unit WHERE code LIKE $1 || '-%'`, [
      commune.code,
    ]);
    const result = await gql(
      CREATE,
      { i: { communeCode: commune.code, asOf: '2024-01-01', name: 'Nà Pài', kind: 'BAN' } },
      { token: communeAdmin },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const village = result.data.createVillage;
    expect(village).toMatchObject({
      code: `${commune.code}-${String(Number(last ?? 0) + 1).padStart(3, '0')}`,
      name: 'Bản Nà Pài',
      shortName: 'Nà Pài',
      level: 'VILLAGE',
      kind: 'BAN',
      validFrom: null,
      validTo: '2025-06-30',
      synthetic: false,
      version: 1,
      parent: { code: commune.code },
    });
    expect(village.path).toBe(`${commune.path}.${village.id}`);
    expect(Number(village.id)).toBeGreaterThanOrEqual(10_000_000);
    // The kind's word is kept once when typed with the name; the code resolves on any day of its validity.
    const typed = await gql(
      CREATE,
      { i: { communeCode: commune.code, asOf: '2024-01-01', name: 'thôn  Khuổi  Tẩu', validFrom: '2022-03-01' } },
      { token: communeAdmin },
    );
    expect(typed.data.createVillage).toMatchObject({ name: 'Thôn Khuổi Tẩu', kind: 'VILLAGE', validFrom: '2022-03-01' });
    const found = await gql(`query($c: String!) { unit(code: $c, asOf: "2023-01-01") { name parent { code } ancestors { level } } }`, {
      c: typed.data.createVillage.code,
    });
    expect(found.data.unit).toMatchObject({ name: 'Thôn Khuổi Tẩu', parent: { code: commune.code } });
    expect(found.data.unit.ancestors.map((a: any) => a.level)).toEqual(['NATION', 'PROVINCE', 'DISTRICT', 'COMMUNE']);
    const listed = await gql(
      `query($c: String!) { units(filter: { parentCode: $c, level: VILLAGE, asOf: "2024-01-01", search: "khuoi tau" }) { totalCount nodes { code } } }`,
      { c: commune.code },
    );
    expect(listed.data.units).toEqual({ totalCount: 1, nodes: [{ code: typed.data.createVillage.code }] });
    const [audit] = await sql(
      `SELECT action, unit_path::text AS path FROM audit.audit_log WHERE entity = 'AdministrativeUnit' AND entity_id = $1`,
      [village.id],
    );
    expect(audit).toEqual({ action: 'CREATE', path: village.path });
  });

  it('refuses a village in a Khánh Hòa commune (FORBIDDEN) and bad villages (coded errors), writing nothing', async () => {
    // Accounts are made before counting rows: making one is a write of its own.
    const districtAdmin = await tokenFor('UNIT_ADMIN', '06');
    const before = await rowCounts(TABLES);
    const khanhHoa = await gql(CREATE, { i: { communeCode: '22384', asOf: '2024-01-01', name: 'Xa lạ' } }, { token: communeAdmin });
    expect(errorCodes(khanhHoa)).toEqual(['FORBIDDEN']);
    const anonymous = await gql(CREATE, { i: { communeCode: commune.code, asOf: '2024-01-01', name: 'Ẩn danh' } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const bad: [Record<string, unknown>, string, string][] = [
      [{ name: '   ' }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'x'.repeat(101) }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'Xã', kind: 'COMMUNE' }, 'BAD_USER_INPUT', 'kind'],
      [{ name: 'Sau', validTo: '2026-01-01' }, 'BAD_USER_INPUT', 'validTo'],
      [{ name: 'Ngược', validFrom: '2024-01-01', validTo: '2023-01-01' }, 'BAD_USER_INPUT', 'validTo'],
      [{ name: 'Mã sai', code: '123' }, 'BAD_USER_INPUT', 'code'],
      [{ name: 'Nà Pài', kind: 'VILLAGE' }, 'CONFLICT', 'name'],
      [{ name: 'NA PAI', kind: 'BAN' }, 'CONFLICT', 'name'],
      [{ name: 'Mã trùng', code: `${commune.code}-001` }, 'CONFLICT', 'code'],
    ];
    for (const [input, code, field] of bad) {
      const result = await gql(CREATE, { i: { communeCode: commune.code, asOf: '2024-01-01', ...input } }, { token: communeAdmin });
      expect(errorCodes(result), JSON.stringify(input)).toEqual([code]);
      expect(result.errors![0].extensions!.field, JSON.stringify(input)).toBe(field);
      expect(result.errors![0].message).toMatch(/ — /);
    }
    // Not a commune: a district cannot take villages.
    const district = await gql(
      CREATE,
      { i: { communeCode: commune.district, asOf: '2024-01-01', name: 'Huyện' } },
      { token: districtAdmin },
    );
    expect(errorCodes(district)).toEqual(['BAD_USER_INPUT']);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('puts no village under a placeholder commune (it counts in no figure), writing nothing', async () => {
    const chiLang = await tokenFor('UNIT_ADMIN', '187');
    const before = await rowCounts(TABLES);
    // Chi Lăng's unnamed commune, coded off the GSO pattern: not a commune a village can be placed in.
    const placeholder = await gql(CREATE, { i: { communeCode: '187-X01', asOf: '2024-01-01', name: 'Giữ chỗ' } }, { token: chiLang });
    expect(errorCodes(placeholder)).toEqual(['BAD_USER_INPUT']);
    expect(placeholder.errors![0].extensions!.field).toBe('communeCode');
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('adds a batch all or nothing: a dry run and row errors write nothing, the corrected batch writes every row', async () => {
    const rows = [
      { communeCode: commune.code, asOf: '2024-01-01', name: 'Lô 1' },
      { communeCode: commune.code, asOf: '2024-01-01', name: 'Lô 2', kind: 'RESIDENTIAL_AREA' },
      { communeCode: commune.code, asOf: '2024-01-01', name: 'lô 1' },
      { communeCode: '99999', asOf: '2024-01-01', name: 'Không xã' },
    ];
    const before = await rowCounts(TABLES);
    const failed = await gql(BATCH, { v: rows }, { token: communeAdmin });
    expect(failed.errors).toBeUndefined();
    expect(failed.data.createVillages).toMatchObject({ valid: 2, written: false, villages: [] });
    expect(failed.data.createVillages.errors.map((e: any) => [e.row, e.field, e.code])).toEqual([
      [2, 'name', 'BAD_USER_INPUT'],
      [3, 'communeCode', 'BAD_USER_INPUT'],
    ]);
    const dry = await gql(BATCH, { v: rows.slice(0, 2), d: true }, { token: communeAdmin });
    expect(dry.data.createVillages).toMatchObject({ valid: 2, written: false, errors: [] });
    expect(await rowCounts(TABLES)).toEqual(before);
    // One row outside the caller's subtree refuses the whole batch.
    const outside = await gql(
      BATCH,
      { v: [...rows.slice(0, 2), { communeCode: '22384', asOf: '2024-01-01', name: 'Ngoài' }] },
      { token: communeAdmin },
    );
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    expect(await rowCounts(TABLES)).toEqual(before);
    const done = await gql(BATCH, { v: rows.slice(0, 2) }, { token: communeAdmin });
    expect(done.data.createVillages).toMatchObject({ valid: 2, written: true, errors: [] });
    expect(done.data.createVillages.villages.map((v: any) => v.name)).toEqual(['Thôn Lô 1', 'Khu dân cư Lô 2']);
  });

  it("renames and closes a village with the version read; a stale version is a CONFLICT and another province's administrator is FORBIDDEN", async () => {
    const created = (await gql(CREATE, { i: { communeCode: commune.code, asOf: '2024-01-01', name: 'Cũ' } }, { token: communeAdmin })).data
      .createVillage;
    const renamed = await gql(
      RENAME,
      { i: { code: created.code, asOf: '2024-01-01', name: 'Tân Lập', kind: 'XOM', expectedVersion: 1 } },
      { token: communeAdmin },
    );
    expect(renamed.data.renameVillage).toEqual({ code: created.code, name: 'Xóm Tân Lập', kind: 'XOM', version: 2 });
    expect(
      errorCodes(
        await gql(RENAME, { i: { code: created.code, asOf: '2024-01-01', name: 'Lại', expectedVersion: 1 } }, { token: communeAdmin }),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(
        await gql(
          RENAME,
          { i: { code: created.code, asOf: '2024-01-01', name: 'Nà Pài', kind: 'BAN', expectedVersion: 2 } },
          { token: communeAdmin },
        ),
      ),
    ).toEqual(['CONFLICT']);
    const intruder = await tokenFor('UNIT_ADMIN', '56');
    expect(
      errorCodes(
        await gql(RENAME, { i: { code: created.code, asOf: '2024-01-01', name: 'Chiếm', expectedVersion: 2 } }, { token: intruder }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await gql(CLOSE, { i: { code: created.code, validTo: '2023-12-31', expectedVersion: 2 } }, { token: intruder })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(
          CLOSE,
          { i: { code: created.code, asOf: '2024-01-01', validTo: '2026-12-31', expectedVersion: 2 } },
          { token: communeAdmin },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const closed = await gql(CLOSE, { i: { code: created.code, validTo: '2023-12-31', expectedVersion: 2 } }, { token: communeAdmin });
    expect(closed.data.closeVillage).toEqual({ code: created.code, validTo: '2023-12-31', version: 3 });
    // Each change is audited with what the village was and what it became.
    const changes = await sql(
      `SELECT before, after FROM audit.audit_log WHERE entity = 'AdministrativeUnit' AND entity_id = $1 AND action = 'UPDATE' ORDER BY id`,
      [created.id],
    );
    expect(changes).toEqual([
      { before: { name: 'Thôn Cũ', kind: 'VILLAGE' }, after: { name: 'Xóm Tân Lập', kind: 'XOM' } },
      { before: { validTo: '2025-06-30' }, after: { validTo: '2023-12-31' } },
    ]);
    expect(errorCodes(await gql(`query($c: String!) { unit(code: $c, asOf: "2024-01-01") { id } }`, { c: created.code }))).toEqual([
      'NOT_FOUND',
    ]);
    // Closed, its name is free again in the commune from 2024.
    const again = await gql(
      CREATE,
      { i: { communeCode: commune.code, validFrom: '2024-01-01', name: 'Tân Lập', kind: 'XOM' } },
      { token: communeAdmin },
    );
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
  });
});

describe('village metrics', () => {
  const METRICS = ['VILLAGES_MODEL', 'VILLAGES_NTM', 'AVG_VILLAGE_CRITERIA_MET'];
  const figures = async (year: number) => {
    const result = await gql(COMPARE, {
      i: { unitCodes: [commune.code, commune.district, '06'], asOf: `${year}-06-30`, year, metrics: METRICS },
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return Object.fromEntries(result.data.compare.rows.map((r: any) => [`${r.unitCode}:${r.metric}`, r]));
  };
  /** Villages under a unit valid on 30 June, and those recognised model / at the village standard by 31 December: the raw aggregate. */
  const raw = async (code: string, year: number) =>
    (
      await sql(
        `
    WITH v AS (SELECT u.id FROM units.unit u JOIN units.unit a ON a.code = $1 AND (a.valid_from IS NULL OR a.valid_from <= make_date($2, 6, 30))
        AND (a.valid_to IS NULL OR a.valid_to >= make_date($2, 6, 30)) AND u.path <@ a.path
      WHERE u.level = 'VILLAGE' AND (u.valid_from IS NULL OR u.valid_from <= make_date($2, 6, 30)) AND (u.valid_to IS NULL OR u.valid_to >= make_date($2, 6, 30))),
    r AS (SELECT d.unit_id, max(CASE d.tier WHEN 'MODEL_VILLAGE' THEN 2 WHEN 'NTM_VILLAGE' THEN 1 END) AS rank FROM criteria.recognition_decision d
      WHERE d.unit_id IN (SELECT id FROM v) AND d.decided_on <= make_date($2, 12, 31) AND (d.revoked_on IS NULL OR d.revoked_on > make_date($2, 12, 31)) GROUP BY 1)
    SELECT (SELECT count(*) FROM v)::int AS villages, (SELECT count(*) FROM r WHERE rank = 2)::int AS model, (SELECT count(*) FROM r WHERE rank >= 1)::int AS ntm`,
        [code, year],
      )
    )[0];

  it('has demo villages with synthetic recognitions: 406 in 35 especially-disadvantaged Bắc Kạn communes, figures equal the raw aggregate', async () => {
    const [edk] =
      await sql(`SELECT count(DISTINCT c.unit_id)::int AS communes, count(v.id)::int AS villages FROM units.unit_classification c
      JOIN units.unit v ON v.parent_id = c.unit_id AND v.level = 'VILLAGE' AND v.synthetic
      WHERE c.scheme = 'ESPECIALLY_DISADVANTAGED' AND c.source LIKE 'Dữ liệu mô phỏng%'`);
    expect(edk).toEqual({ communes: 35, villages: 406 });
    const target = await gql(`{ compare(input: { unitCodes: ["06"], asOf: "2025-06-30", year: 2025, metrics: ["VILLAGES_NTM"] }) {
      rows { classTargets { unitClass communes denominator numerator target targetComparator onTrack } } } }`);
    const edkTarget = target.data.compare.rows[0].classTargets.find((c: any) => c.unitClass === 'ESPECIALLY_DISADVANTAGED');
    // The demo's 35 and any commune another test classifies so (tests/awards.test.ts does one).
    const [classified] = await sql(`SELECT count(DISTINCT u.id)::int AS communes, count(v.id)::int AS villages FROM units.unit u
      JOIN units.unit p ON p.code = '06' AND p.valid_to = '2025-06-30' AND u.path <@ p.path
      LEFT JOIN units.unit v ON v.parent_id = u.id AND v.level = 'VILLAGE' AND (v.valid_from IS NULL OR v.valid_from <= '2025-06-30') AND v.valid_to >= '2025-06-30'
      WHERE u.level = 'COMMUNE' AND EXISTS (SELECT 1 FROM units.unit_classification c WHERE c.unit_id = u.id AND c.scheme = 'ESPECIALLY_DISADVANTAGED'
        AND (c.valid_from IS NULL OR c.valid_from <= '2025-06-30') AND (c.valid_to IS NULL OR c.valid_to >= '2025-06-30'))`);
    expect(edkTarget).toMatchObject({
      communes: classified.communes,
      denominator: classified.villages,
      target: 244,
      targetComparator: 'GTE',
    });
    expect(classified.communes).toBeGreaterThanOrEqual(35);
    expect(edkTarget.numerator).toBeGreaterThan(0);
    for (const year of [2021, 2024]) {
      const by = await figures(year);
      for (const code of [commune.code, commune.district, '06']) {
        const expected = await raw(code, year);
        expect(by[`${code}:VILLAGES_MODEL`]).toMatchObject({ numerator: expected.model, denominator: expected.villages });
        expect(by[`${code}:VILLAGES_NTM`]).toMatchObject({ numerator: expected.ntm, denominator: expected.villages });
      }
      expect(by[`06:VILLAGES_NTM`].numerator).toBeGreaterThan(0);
    }
  });

  it('moves VILLAGES_MODEL for the commune, its district and its province with a village assessment and a model-village recognition', async () => {
    const before = await figures(2021);
    const village = (await gql(CREATE, { i: { communeCode: commune.code, asOf: '2021-06-30', name: 'Kiểu Mẫu' } }, { token: communeAdmin }))
      .data.createVillage;
    const added = await figures(2021);
    for (const code of [commune.code, commune.district, '06']) {
      expect(added[`${code}:VILLAGES_MODEL`]).toMatchObject({
        numerator: before[`${code}:VILLAGES_MODEL`].numerator,
        denominator: before[`${code}:VILLAGES_MODEL`].denominator + 1,
      });
    }
    const [set] = await sql(`SELECT id FROM criteria.criteria_set WHERE code = 'VILLAGE-06-NTM-2021'`);
    const results = Array.from({ length: 16 }, (_, i) => ({ criterionNumber: i + 1, met: i < 13 }));
    const assessed = await gql(
      `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { metCount criteriaCount } }`,
      { i: { unitCode: village.code, criteriaSetId: String(set.id), year: 2021, results } },
      { token: communeAdmin },
    );
    expect(assessed.data.recordAssessment).toEqual({ metCount: 13, criteriaCount: 16 });
    const recognised = await gql(
      `mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { tier } }`,
      {
        i: {
          unitCode: village.code,
          tier: 'MODEL_VILLAGE',
          decisionNumber: '15/QĐ-UBND',
          decidedOn: '2021-11-15',
          issuingUnitCode: commune.code,
        },
      },
      { token: communeAdmin },
    );
    expect(recognised.errors, JSON.stringify(recognised.errors)).toBeUndefined();
    const after = await figures(2021);
    for (const code of [commune.code, commune.district, '06']) {
      const [was, now] = [added[`${code}:VILLAGES_MODEL`], after[`${code}:VILLAGES_MODEL`]];
      expect(now).toMatchObject({ numerator: was.numerator + 1, denominator: was.denominator });
      expect(now.actual).toBe(Math.round((10000 * now.numerator) / now.denominator) / 100);
      // A model village is a village at the standard too; the assessment adds 13 criteria met over one more village.
      expect(after[`${code}:VILLAGES_NTM`].numerator).toBe(added[`${code}:VILLAGES_NTM`].numerator + 1);
      const [avgWas, avgNow] = [added[`${code}:AVG_VILLAGE_CRITERIA_MET`], after[`${code}:AVG_VILLAGE_CRITERIA_MET`]];
      expect(avgNow).toMatchObject({ numerator: avgWas.numerator + 13, denominator: avgWas.denominator + 1 });
      expect(await raw(code, 2021)).toMatchObject({ model: now.numerator, villages: now.denominator });
    }
    // A recognition counts from its year on, not before.
    const progress = await gql(
      `query($c: String!) { progress(unitCode: $c, asOf: "2021-06-30", metric: "VILLAGES_MODEL", fromYear: 2021, toYear: 2022) { year numerator denominator } }`,
      { c: commune.code },
    );
    expect(progress.data.progress[0]).toMatchObject({ year: 2021, numerator: after[`${commune.code}:VILLAGES_MODEL`].numerator });
  });
});
