import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaSubgraph } from '../server/criteria/index.js';
import { insightsExports, insightsSubgraph } from '../server/insights/index.js';
import { COMPARE_HEADERS, PROGRESS_HEADERS } from '../server/insights/export-labels.js';
import { buildSubgraph } from '../server/shared/subgraph.js';
import { createLocalExecutor } from '../server/shared/local-executor.js';
import type { SubgraphModule } from '../server/shared/subgraph-module.js';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { sql } from './support/db.js';
import { openSpecOrm, viaGateway } from './support/spec-context.js';

const COMPARE = `query($i: CompareInput!) { compare(input: $i) { year asOf approximate notes rows {
  unit { id name } unitCode unitName metric actual valueUnit numerator denominator denominatorBasis target targetComparator gap onTrack rank approximate note } } }`;

const compare = async (input: Record<string, unknown>) => {
  const result = await gql(COMPARE, { i: input });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.compare as { rows: any[]; approximate: boolean; notes: string[] };
};

/**
 * The raw aggregate over criteria's rows for the rural communes under a unit (by units' own ltree path) valid on
 * 30 June of the year: what the summaries must equal.
 */
async function rawFigures(unitId: number, year: number) {
  const [row] = await sql(`
    WITH c AS (SELECT u.id FROM units.unit u JOIN units.unit a ON a.id = $1 AND u.path <@ a.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND (u.valid_from IS NULL OR u.valid_from <= make_date($2, 6, 30)) AND (u.valid_to IS NULL OR u.valid_to >= make_date($2, 6, 30))),
    a AS (SELECT DISTINCT ON (x.unit_id) x.unit_id, (SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = x.id AND r.met) AS met
      FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
      WHERE x.year = $2 AND x.unit_id IN (SELECT id FROM c) ORDER BY x.unit_id, x.set_id DESC),
    r AS (SELECT d.unit_id, max(CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END) AS rank
      FROM criteria.recognition_decision d WHERE d.unit_id IN (SELECT id FROM c) AND d.decided_on <= make_date($2, 12, 31)
        AND (d.revoked_on IS NULL OR d.revoked_on > make_date($2, 12, 31)) GROUP BY d.unit_id)
    SELECT (SELECT count(*) FROM c)::int AS communes, (SELECT count(*) FROM a)::int AS assessed, (SELECT COALESCE(sum(met), 0) FROM a)::int AS met,
      (SELECT count(*) FROM a WHERE met < 15)::int AS under15,
      (SELECT count(*) FROM r WHERE rank >= 1)::int AS ntm, (SELECT count(*) FROM r WHERE rank >= 2)::int AS advanced, (SELECT count(*) FROM r WHERE rank >= 3)::int AS model`,
  [unitId, year]);
  return row as { communes: number; assessed: number; met: number; under15: number; ntm: number; advanced: number; model: number };
}

const unitId = async (code: string, asOf: string) =>
  Number((await sql(`SELECT id FROM units.unit WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2)`, [code, asOf]))[0].id);

const SIX = ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'COMMUNES_MODEL', 'AVG_CRITERIA_MET', 'COMMUNES_UNDER_15', 'VILLAGES_MODEL'];

/** Checks compare's numerators and denominators for a unit against the raw aggregate. */
async function expectMatchesRaw(code: string, asOf: string, year: number) {
  const raw = await rawFigures(await unitId(code, asOf), year);
  const { rows } = await compare({ unitCodes: [code], asOf, year, metrics: SIX });
  const by = Object.fromEntries(rows.map((r) => [r.metric, r]));
  expect(by.COMMUNES_NTM).toMatchObject({ numerator: raw.ntm });
  expect(by.COMMUNES_ADVANCED.numerator).toBe(raw.advanced);
  expect(by.COMMUNES_MODEL.numerator).toBe(raw.model);
  expect(by.AVG_CRITERIA_MET).toMatchObject({ numerator: raw.met, denominator: raw.assessed });
  expect(by.COMMUNES_UNDER_15).toMatchObject({ numerator: raw.under15, denominator: raw.assessed });
  if (by.COMMUNES_NTM.denominatorBasis === 'ALL_COMMUNES') expect(by.COMMUNES_NTM.denominator).toBe(raw.communes);
  return raw;
}

describe('comparisons through the gateway', () => {
  it('matches hand computations for Khánh Hòa\'s districts against their 2025 targets', async () => {
    const asOf = '2025-06-30';
    const { rows } = await compare({ childrenOf: '56', asOf, year: 2025, metrics: ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'COMMUNES_MODEL'] });
    const dienKhanh = rows.find((r) => r.unitCode === '574' && r.metric === 'COMMUNES_NTM');
    const raw = await rawFigures(await unitId('574', asOf), 2025);
    // "Huyện Diên Khánh: Có 16/16 xã đạt chuẩn nông thôn mới" — a COUNT target, EQ 16.
    expect(dienKhanh).toMatchObject({ unitName: 'Huyện Diên Khánh', unit: { name: 'Huyện Diên Khánh' }, valueUnit: 'COUNT', target: 16, targetComparator: 'EQ',
      actual: raw.ntm, numerator: raw.ntm, denominator: raw.communes, gap: raw.ntm - 16, onTrack: raw.ntm === 16, approximate: false });
    expect(raw.communes).toBe(16);
    const advanced = rows.find((r) => r.unitCode === '574' && r.metric === 'COMMUNES_ADVANCED');
    expect(advanced).toMatchObject({ target: 8, targetComparator: 'GTE', actual: raw.advanced, onTrack: raw.advanced >= 8 });
    for (const row of rows) {
      const r = await rawFigures(Number(row.unit.id), 2025);
      const numerator = row.metric === 'COMMUNES_NTM' ? r.ntm : row.metric === 'COMMUNES_ADVANCED' ? r.advanced : r.model;
      expect(row.numerator, `${row.unitCode} ${row.metric}`).toBe(numerator);
    }
    // Ranks: competition ranking on the share, best first.
    const ntm = rows.filter((r) => r.metric === 'COMMUNES_NTM' && r.rank !== null);
    for (let i = 1; i < ntm.length; i++) expect(ntm[i].rank).toBeGreaterThanOrEqual(ntm[i - 1].rank);
  });

  it('gives the province its share target and the seed provinces figures equal to the raw aggregate', async () => {
    const { rows } = await compare({ unitCodes: ['56'], asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM', 'COMMUNES_UNDER_15'] });
    const ntm = rows.find((r) => r.metric === 'COMMUNES_NTM');
    expect(ntm).toMatchObject({ valueUnit: 'PERCENT', target: 80, targetComparator: 'GTE', denominatorBasis: 'ALL_COMMUNES' });
    expect(ntm.actual).toBeCloseTo((100 * ntm.numerator) / ntm.denominator, 2);
    expect(rows.find((r) => r.metric === 'COMMUNES_UNDER_15')).toMatchObject({ valueUnit: 'COUNT', target: 0, targetComparator: 'EQ' });
    for (const code of ['42', '20', '06', '56', '49']) for (const year of [2021, 2023, 2025]) await expectMatchesRaw(code, '2024-06-30', year);
  });

  it('resolves Bắc Kạn\'s yearly increments into cumulative targets in progress', async () => {
    const result = await gql(`{ progress(unitCode: "06", asOf: "2024-06-30", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) { year actual target valueUnit numerator onTrack note } }`);
    expect(result.errors).toBeUndefined();
    const points = result.data.progress;
    expect(points.map((p: any) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const base = points[0].numerator;
    expect(points[0].target).toBeNull();
    expect(points[1]).toMatchObject({ valueUnit: 'COUNT', target: base + 9 });
    expect(points[2].target).toBe(base + 18);
    expect(points[3].target).toBe(base + 28);
    // 2025 has absolute targets too (≥ 61 communes): an exact figure is preferred over an increment.
    expect(points[4]).toMatchObject({ valueUnit: 'COUNT', target: 61 });
  });

  it('rolls the 63 old provinces up to the 34 current ones for 2024, exactly for whole-province merges', async () => {
    const now = await compare({ level: 'PROVINCE', year: 2024, metrics: ['COMMUNES_NTM', 'AVG_CRITERIA_MET'] });
    expect(new Set(now.rows.map((r) => r.unitCode)).size).toBe(34);
    const khanhHoa = now.rows.find((r) => r.unitCode === '56' && r.metric === 'COMMUNES_NTM');
    const old = await compare({ unitCodes: ['56', '58'], asOf: '2024-06-30', year: 2024, metrics: ['COMMUNES_NTM'] });
    expect(khanhHoa.numerator).toBe(old.rows.reduce((s, r) => s + r.numerator, 0));
    expect(khanhHoa.denominator).toBe(old.rows.reduce((s, r) => s + r.denominator, 0));
    expect(khanhHoa.approximate).toBe(false);
    // New communes formed from parts of old ones are approximate, and the response says so.
    const communes = await compare({ childrenOf: '56', year: 2024, metrics: ['COMMUNES_NTM'] });
    if (communes.rows.some((r) => r.approximate)) {
      expect(communes.approximate).toBe(true);
      expect(communes.notes.join(' ')).toMatch(/approximate/);
      expect(communes.rows.find((r) => r.approximate).note).toMatch(/Ước tính/);
    }
  });

  it('answers bad input with BAD_USER_INPUT or NOT_FOUND', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 'PROVINCE', year: 2024, metrics: ['NO_SUCH_METRIC'] }, 'BAD_USER_INPUT'],
      [{ level: 'PROVINCE', year: 2024, metrics: [] }, 'BAD_USER_INPUT'],
      [{ level: 'PROVINCE', childrenOf: '56', year: 2024, metrics: ['COMMUNES_NTM'] }, 'BAD_USER_INPUT'],
      [{ year: 2024, metrics: ['COMMUNES_NTM'] }, 'BAD_USER_INPUT'],
      [{ level: 'PROVINCE', year: 1999, metrics: ['COMMUNES_NTM'] }, 'BAD_USER_INPUT'],
      [{ unitCodes: ['99999'], year: 2024, metrics: ['COMMUNES_NTM'] }, 'NOT_FOUND'],
      [{ childrenOf: 'XX', year: 2024, metrics: ['COMMUNES_NTM'] }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) expect(errorCodes(await gql(COMPARE, { i: input })), JSON.stringify(input)).toEqual([code]);
    const progress = await gql(`{ progress(unitCode: "06", metric: "COMMUNES_NTM", fromYear: 2025, toYear: 2021) { year } }`);
    expect(errorCodes(progress)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a changed target on the very next comparison (targets cached under the campaigns\' targetsRevision)', async () => {
    const input = { childrenOf: '56', asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM'] };
    const dienKhanh = async () => (await compare(input)).rows.find((r) => r.unitCode === '574');
    const revision = async () => (await gql('{ targetsRevision }')).data.targetsRevision as string;
    const before = await dienKhanh();
    expect(before.target).toBe(16);
    const r0 = await revision();
    expect(await revision()).toBe(r0);
    const { campaigns } = (await gql(`{ campaigns(filter: { issuerCode: "56" }, limit: 50) { nodes { id targets(unitCode: "574", metric: "COMMUNES_NTM") { id version value numerator } } } }`)).data;
    const target = campaigns.nodes.flatMap((c: any) => c.targets).find((t: any) => t.value === 16);
    const token = await tokenFor('UNIT_ADMIN', '56', '2024-01-01');
    const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $i) { version } }`;
    const changed = await gql(UPDATE, { id: target.id, v: target.version, i: { value: 15, numerator: 15 } }, { token });
    expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined();
    try {
      expect(await revision()).not.toBe(r0);
      expect(await dienKhanh()).toMatchObject({ target: 15, gap: before.actual - 15 });
    } finally {
      const restored = await gql(UPDATE, { id: target.id, v: changed.data.updateTarget.version, i: { value: 16, numerator: 16 } }, { token });
      expect(restored.errors, JSON.stringify(restored.errors)).toBeUndefined();
    }
    expect((await dienKhanh()).target).toBe(16);
  });
});

describe('a comparison a page of units at a time', () => {
  const PAGED = `query($i: CompareInput!) { compare(input: $i) { unitCount rows { unitCode metric rank actual } } }`;

  it('ranks among all units and returns the rows of the page\'s units for every metric', async () => {
    const input = { level: 'DISTRICT', asOf: '2024-06-30', year: 2024, metrics: ['COMMUNES_NTM', 'AVG_CRITERIA_MET'] };
    const all = await gql(PAGED, { i: input });
    expect(all.errors).toBeUndefined();
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM units.unit WHERE level = 'DISTRICT' AND (valid_from IS NULL OR valid_from <= '2024-06-30') AND (valid_to IS NULL OR valid_to >= '2024-06-30')`);
    expect(all.data.compare.unitCount).toBe(n);
    expect(all.data.compare.rows).toHaveLength(2 * n);
    const order = all.data.compare.rows.filter((r: any) => r.metric === 'COMMUNES_NTM').map((r: any) => r.unitCode);

    const second = await gql(PAGED, { i: { ...input, offset: 50, limit: 50 } });
    expect(second.errors).toBeUndefined();
    expect(second.data.compare.unitCount).toBe(n);
    const page = second.data.compare.rows;
    expect(page).toHaveLength(100);
    expect(page.filter((r: any) => r.metric === 'COMMUNES_NTM').map((r: any) => r.unitCode)).toEqual(order.slice(50, 100));
    // The other metric's rows are those of the same units, with their ranks among all districts.
    const units = new Set(order.slice(50, 100));
    const avg = page.filter((r: any) => r.metric === 'AVG_CRITERIA_MET');
    expect(avg.every((r: any) => units.has(r.unitCode))).toBe(true);
    const fullAvg = new Map(all.data.compare.rows.filter((r: any) => r.metric === 'AVG_CRITERIA_MET').map((r: any) => [r.unitCode, r.rank]));
    expect(avg.every((r: any) => fullAvg.get(r.unitCode) === r.rank)).toBe(true);

    const past = await gql(PAGED, { i: { ...input, offset: n + 10, limit: 50 } });
    expect(past.data.compare).toEqual({ unitCount: n, rows: [] });
    for (const bad of [{ limit: 0 }, { limit: 501 }, { offset: -1 }]) {
      expect(errorCodes(await gql(PAGED, { i: { ...input, ...bad } })), JSON.stringify(bad)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('targets restricted to a class of communes', () => {
  const CLASS_COMPARE = `query($i: CompareInput!) { compare(input: $i) { rows { unitCode metric target classTargets {
    unitClass communes actual numerator denominator target targetComparator gap onTrack targetQuote note } } } }`;
  const quangNam = async () => {
    const result = await gql(CLASS_COMPARE, { i: { unitCodes: ['49'], asOf: '2025-06-30', year: 2025, metrics: ['AVG_CRITERIA_MET'] } });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data.compare.rows[0];
  };

  it('measures Quảng Nam\'s terrain averages over the communes classified so, and follows a new classification', async () => {
    const before = await quangNam();
    expect(before.target).toBe(17.5);
    const byClass = Object.fromEntries(before.classTargets.map((c: any) => [c.unitClass, c]));
    expect(Object.keys(byClass)).toEqual(['HIGH_MOUNTAIN', 'LOWLAND', 'LOW_MOUNTAIN']);
    expect(byClass.HIGH_MOUNTAIN).toMatchObject({ target: 15.5, targetComparator: 'GTE', targetQuote: 'Khu vực miền núi cao: Bình quân 15,5 tiêu chí/xã' });
    expect(byClass.LOW_MOUNTAIN.target).toBe(18.5);
    expect(byClass.LOWLAND.target).toBe(19);
    const highBefore = byClass.HIGH_MOUNTAIN.communes as number;

    // Classify three assessed Quảng Nam communes as high mountain (the units subgraph's classifications).
    const communes = await sql(`SELECT u.id, u.code FROM units.unit u JOIN units.unit p ON p.code = '49' AND p.level = 'PROVINCE' AND u.path <@ p.path
      WHERE u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' AND EXISTS (SELECT 1 FROM criteria.assessment a WHERE a.unit_id = u.id AND a.year = 2025)
        AND NOT EXISTS (SELECT 1 FROM units.unit_classification c WHERE c.unit_id = u.id AND c.scheme = 'TERRAIN')
      ORDER BY u.code LIMIT 3`);
    expect(communes).toHaveLength(3);
    const token = await tokenFor('UNIT_ADMIN', '49', '2024-01-01');
    const ids: string[] = [];
    try {
      for (const c of communes) {
        const set = await gql(`mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }`,
          { i: { unitCode: c.code, asOf: '2025-06-30', scheme: 'TERRAIN', value: 'HIGH_MOUNTAIN', validFrom: '2021-01-01', source: 'Kiểm thử chỉ tiêu theo loại xã' } }, { token });
        expect(set.errors, JSON.stringify(set.errors)).toBeUndefined();
        ids.push(set.data.setUnitClassification.id);
      }
      const [raw] = await sql(`SELECT count(*)::int AS assessed, sum((SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.met))::int AS met
        FROM criteria.assessment a JOIN criteria.criteria_set s ON s.id = a.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        WHERE a.year = 2025 AND a.unit_id = ANY($1::int[])`, [communes.map((c: any) => Number(c.id))]);
      const high = (await quangNam()).classTargets.find((c: any) => c.unitClass === 'HIGH_MOUNTAIN');
      const actual = Math.round((raw.met / raw.assessed) * 100) / 100;
      expect(high).toMatchObject({ communes: highBefore + 3, target: 15.5 });
      if (highBefore === 0) {
        expect(high).toMatchObject({ numerator: raw.met, denominator: raw.assessed, actual, gap: Math.round((actual - 15.5) * 100) / 100, onTrack: actual >= 15.5 });
      }
    } finally {
      for (const id of ids) {
        const removed = await gql(`mutation($id: ID!) { removeUnitClassification(id: $id) }`, { id }, { token });
        expect(removed.errors, JSON.stringify(removed.errors)).toBeUndefined();
      }
    }
    const after = (await quangNam()).classTargets.find((c: any) => c.unitClass === 'HIGH_MOUNTAIN');
    expect(after.communes).toBe(highBefore);
  });

  it('says so when no commune carries the class, in comparisons and in progress', async () => {
    const lowland = (await quangNam()).classTargets.find((c: any) => c.unitClass === 'LOWLAND');
    expect(lowland).toMatchObject({ communes: 0, actual: null, gap: null, onTrack: null });
    expect(lowland.note).toMatch(/Chưa có xã nào được phân loại/);
    const progress = await gql(`{ progress(unitCode: "49", asOf: "2025-06-30", metric: "AVG_CRITERIA_MET", fromYear: 2023, toYear: 2025) {
      year classTargets { unitClass target communes actual } } }`);
    expect(progress.errors).toBeUndefined();
    const byYear = Object.fromEntries(progress.data.progress.map((p: any) => [p.year, p.classTargets]));
    expect(byYear[2023]).toEqual([]);
    expect(byYear[2024]).toEqual([]);
    expect(byYear[2025].map((c: any) => [c.unitClass, c.target])).toEqual([['HIGH_MOUNTAIN', 15.5], ['LOWLAND', 19], ['LOW_MOUNTAIN', 18.5]]);
  });
});

describe('summaries kept in the same transaction as the writes', () => {
  let assessor: string;
  let council: string;
  let setId: string;
  beforeAll(async () => {
    assessor = await tokenFor('ASSESSOR', '56');
    council = await tokenFor('UNIT_ADMIN', '56');
    setId = String((await sql(`SELECT id FROM criteria.criteria_set WHERE code = 'COMMUNE-NTM-2021-2025'`))[0].id);
  });

  it('equal the raw aggregate after random assessment and recognition writes, and a read right after a write reflects it', async () => {
    const communes = await sql(`SELECT u.id, u.code, d.code AS district FROM units.unit u JOIN units.unit d ON d.id = u.parent_id
      JOIN units.unit p ON p.id = d.parent_id AND p.code = '56' AND p.valid_to = '2025-06-30'
      WHERE u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.id`);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 12; i++) {
      const commune = communes[Math.floor(random() * communes.length)];
      const year = 2022 + Math.floor(random() * 3);
      if (random() < 0.7) {
        const [existing] = await sql(`SELECT version FROM criteria.assessment WHERE unit_id = $1 AND set_id = $2 AND year = $3`, [commune.id, setId, year]);
        const results = Array.from({ length: 19 }, (_, n) => ({ criterionNumber: n + 1, met: random() < 0.7 }));
        const write = await gql(`mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { metCount } }`,
          { i: { unitCode: commune.code, criteriaSetId: setId, year, results, expectedVersion: existing?.version } }, { token: assessor });
        expect(write.errors, JSON.stringify(write.errors)).toBeUndefined();
      } else {
        const tier = ['NTM', 'ADVANCED', 'MODEL'][Math.floor(random() * 3)];
        const write = await gql(`mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { id } }`,
          { i: { unitCode: commune.code, tier, decisionNumber: `INS-${i}-${commune.code}`, decidedOn: `${year}-06-15`, issuingUnitCode: '56' } }, { token: council });
        expect(write.errors, JSON.stringify(write.errors)).toBeUndefined();
      }
      // The very next read sees the write, at the commune, its district and the province.
      await expectMatchesRaw(commune.district, '2024-06-30', year);
    }
    for (const year of [2022, 2023, 2024, 2025]) await expectMatchesRaw('56', '2024-06-30', year);
    // …and the current province (old Khánh Hòa + Ninh Thuận) and the nation follow.
    const [now] = (await compare({ unitCodes: ['56'], year: 2024, metrics: ['AVG_CRITERIA_MET'] })).rows;
    const [kh, nt] = [await rawFigures(await unitId('56', '2024-06-30'), 2024), await rawFigures(await unitId('58', '2024-06-30'), 2024)];
    expect(now).toMatchObject({ numerator: kh.met + nt.met, denominator: kh.assessed + nt.assessed });
    await expectMatchesRaw('VN', '2024-06-30', 2024);
  });
});

describe('nested reads', () => {
  /** Runs an operation on one subgraph in this process, counting the SQL statements its ORM sends. */
  async function counted(module: SubgraphModule) {
    const { orm, context } = await openSpecOrm(module);
    const built = await buildSubgraph(module);
    const execute = createLocalExecutor(built.schema);
    let statements = 0;
    const logger = orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (ctx) => { statements++; original(ctx); };
    return {
      orm,
      async run(query: string, variables: Record<string, unknown>) {
        statements = 0;
        const result = await execute(query, variables, context());
        expect(result.errors).toBeUndefined();
        return { data: result.data as any, statements };
      },
    };
  }

  it('runs the same number of statements for a small and a large province (province → districts → communes → assessments)', async () => {
    const insights = await counted(insightsSubgraph);
    const criteria = await counted(criteriaSubgraph);
    try {
      const tree = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { subunits(asOf: "2024-06-30") { id subunits(asOf: "2024-06-30") { id } } } } }`;
      const assessments = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { assessments(year: 2024) { metCount } } } }`;
      const counts = [];
      // Once per process the insights subgraph reads the revision its copy of the unit tree is at; afterwards a read
      // only asks the units subgraph's revision (not an insights statement). Measure the steady state.
      await insights.run(tree, { r: [{ __typename: 'AdministrativeUnit', id: String(await unitId('06', '2024-06-30')) }] });
      for (const code of ['06', '42']) {
        const { data, statements } = await insights.run(tree, { r: [{ __typename: 'AdministrativeUnit', id: String(await unitId(code, '2024-06-30')) }] });
        const communeIds = data._entities[0].subunits.flatMap((d: any) => d.subunits.map((c: any) => c.id));
        const read = await criteria.run(assessments, { r: communeIds.map((id: string) => ({ __typename: 'AdministrativeUnit', id })) });
        expect(read.data._entities.length).toBe(communeIds.length);
        counts.push({ communes: communeIds.length, insights: statements, criteria: read.statements });
      }
      expect(counts[1].communes).toBeGreaterThan(counts[0].communes * 1.5);
      expect(counts[1].insights).toBe(counts[0].insights);
      expect(counts[1].criteria).toBe(counts[0].criteria);
      expect(counts[0].insights).toBeLessThanOrEqual(2);
    } finally {
      await insights.orm.close(true);
      await criteria.orm.close(true);
    }
  });

  it('serves the nested read through the gateway', async () => {
    const result = await gql(`{ unit(code: "06", asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name assessments(year: 2024) { metCount } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.subunits.length).toBeGreaterThan(5);
    expect(result.data.unit.subunits[0].subunits[0].name).toBeTruthy();
  });
});

/** The cells of the first sheet, row by row, as exceljs reads them back (numbers stay numbers). */
async function sheetRows(buffer: Buffer): Promise<{ rows: unknown[][]; bold: boolean; widths: number[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => { rows.push((row.values as unknown[]).slice(1)); });
  return { rows, bold: Boolean(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold), widths: sheet.columns.map((c) => c.width ?? 0) };
}

describe('exports', () => {
  let base: string;
  let server: ReturnType<express.Express['listen']>;
  beforeAll(async () => {
    const app = express().use('/exports', insightsExports(viaGateway));
    server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exports`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads the comparison as CSV with Vietnamese headers and numbers as numbers', async () => {
    const response = await fetch(`${base}/compare.csv?childrenOf=56&asOf=2025-06-30&year=2025&metrics=COMMUNES_NTM,AVG_CRITERIA_MET`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const text = (await response.text()).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(COMPARE_HEADERS.vi.join(','));
    const { rows } = await compare({ childrenOf: '56', asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM', 'AVG_CRITERIA_MET'] });
    expect(lines.length - 1).toBe(rows.length);
    // Codes are written out for the reader: the level, the metric's name, the unit of value, the denominator.
    const dienKhanh = lines.find((l) => l.startsWith('574,') && l.includes('Xã đạt chuẩn nông thôn mới,'))!.split(',');
    const row = rows.find((r) => r.unitCode === '574' && r.metric === 'COMMUNES_NTM');
    expect(dienKhanh.slice(0, 10)).toEqual(['574', 'Huyện Diên Khánh', 'Huyện', 'Xã đạt chuẩn nông thôn mới', '2025', String(row.actual), 'số lượng',
      String(row.numerator), String(row.denominator), 'tất cả các xã']);
    expect(text).not.toMatch(/\b(DISTRICT|COMMUNES_NTM|COUNT|PERCENT|ALL_COMMUNES|GTE)\b/);
  });

  it('writes the same download in English with lang=en', async () => {
    const text = (await (await fetch(`${base}/compare.csv?childrenOf=56&asOf=2025-06-30&year=2025&metrics=COMMUNES_NTM&lang=en`)).text()).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(COMPARE_HEADERS.en.join(','));
    expect(lines.find((l) => l.startsWith('574,'))!.split(',').slice(0, 4)).toEqual(['574', 'Huyện Diên Khánh', 'District', 'Communes meeting the NTM standard (advanced and model included)']);
  });

  it('downloads progress as XLSX that parses back', async () => {
    const response = await fetch(`${base}/progress.xlsx?unitCode=06&asOf=2024-06-30&metric=COMMUNES_NTM&fromYear=2021&toYear=2025`);
    expect(response.status).toBe(200);
    const { rows, bold, widths } = await sheetRows(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(PROGRESS_HEADERS.vi);
    expect(bold).toBe(true);
    expect(widths.every((w) => w >= 8)).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(typeof rows[2][1]).toBe('number');
    expect(typeof rows[2][2]).toBe('number');
    const { progress } = (await gql(`{ progress(unitCode: "06", asOf: "2024-06-30", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) { actual target } }`)).data;
    expect(rows.slice(1).map((r) => [r[1] ?? null, r[2] ?? null])).toEqual(progress.map((p: any) => [p.actual, p.target]));
  });

  it('answers bad parameters with 400 or 404 and the coded message', async () => {
    expect((await fetch(`${base}/compare.csv?level=PROVINCE&year=2024&metrics=NOPE`)).status).toBe(400);
    expect((await fetch(`${base}/progress.csv?unitCode=XX&metric=COMMUNES_NTM&fromYear=2021&toYear=2022`)).status).toBe(404);
  });
});
