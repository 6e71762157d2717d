import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaSubgraph } from '../server/criteria/index.js';
import { insightsExports, insightsSubgraph } from '../server/insights/index.js';
import { COMPARE_HEADERS, PROGRESS_HEADERS } from '../server/insights/export-rows.js';
import { buildSubgraph } from '../server/shared/subgraph.js';
import { createLocalExecutor } from '../server/shared/local-executor.js';
import type { SubgraphModule } from '../server/shared/subgraph-module.js';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { sql } from './support/db.js';
import { openSpecOrm, viaGateway } from './support/spec-context.js';

const COMPARE = `query($i: CompareInput!) { compare(input: $i) { year asOf approximate notes rows {
  unit { id name } unitCode unitName metric actual valueUnit count share numerator denominator denominatorBasis unitsWithData unitsInScope coverage partial
  target targetUnit targetBasis targetComparator targetActual gap onTrack rank approximate note } } }`;

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
  const [row] = await sql(
    `
    WITH c AS (SELECT u.id FROM units.unit u JOIN units.unit a ON a.id = $1 AND u.path <@ a.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND NOT u.placeholder AND (u.valid_from IS NULL OR u.valid_from <= make_date($2, 6, 30)) AND (u.valid_to IS NULL OR u.valid_to >= make_date($2, 6, 30))),
    a AS (SELECT DISTINCT ON (x.unit_id) x.unit_id, (SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = x.id AND r.met) AS met
      FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
      WHERE x.year = $2 AND x.unit_id IN (SELECT id FROM c) ORDER BY x.unit_id, x.set_id DESC),
    r AS (SELECT d.unit_id, max(CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END) AS rank
      FROM criteria.recognition_decision d WHERE d.unit_id IN (SELECT id FROM c) AND d.decided_on <= make_date($2, 12, 31)
        AND (d.revoked_on IS NULL OR d.revoked_on > make_date($2, 12, 31)) GROUP BY d.unit_id)
    SELECT (SELECT count(*) FROM c)::int AS communes, (SELECT count(*) FROM a)::int AS assessed, (SELECT COALESCE(sum(met), 0) FROM a)::int AS met,
      (SELECT count(*) FROM c WHERE c.id IN (SELECT unit_id FROM a) OR c.id IN (SELECT unit_id FROM r WHERE rank >= 1))::int AS "withData",
      (SELECT count(*) FROM a WHERE met < 15)::int AS under15,
      (SELECT count(*) FROM r WHERE rank >= 1)::int AS ntm, (SELECT count(*) FROM r WHERE rank >= 2)::int AS advanced, (SELECT count(*) FROM r WHERE rank >= 3)::int AS model`,
    [unitId, year],
  );
  return row as {
    communes: number;
    assessed: number;
    met: number;
    under15: number;
    ntm: number;
    advanced: number;
    model: number;
    withData: number;
  };
}

const unitId = async (code: string, asOf: string) =>
  Number(
    (
      await sql(
        `SELECT id FROM units.unit WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $2) AND (valid_to IS NULL OR valid_to >= $2)`,
        [code, asOf],
      )
    )[0].id,
  );

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

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Competition ranking ("1, 2, 2, 4") of values, best (highest) first: the hand computation of `rank`. */
const competitionRanks = (values: Map<string, number>) =>
  new Map([...values].map(([key, v]) => [key, 1 + [...values.values()].filter((w) => w > v).length]));

/**
 * The 2024 figures of every current province (34), by hand: the rural communes of 30 June 2024 whose successor
 * communes (the reorganisation's commune lineage) lie in it, which of them have data (an assessment that year, or a
 * recognition in force at its end) and how many are NTM.
 */
async function provinces2024() {
  const rows = await sql(`
    WITH cur AS (SELECT id, code, path FROM units.unit WHERE level = 'PROVINCE' AND valid_from IS NOT NULL),
    c AS (SELECT DISTINCT cur.code AS province, u.id FROM cur JOIN units.unit n ON n.path <@ cur.path AND n.level = 'COMMUNE'
      JOIN units.unit_lineage l ON l.successor_id = n.id JOIN units.unit u ON u.id = l.predecessor_id
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND (u.valid_from IS NULL OR u.valid_from <= '2024-06-30') AND (u.valid_to IS NULL OR u.valid_to >= '2024-06-30')),
    a AS (SELECT DISTINCT x.unit_id FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE' WHERE x.year = 2024),
    r AS (SELECT d.unit_id, max(CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END) AS rank FROM criteria.recognition_decision d
      WHERE d.decided_on <= '2024-12-31' AND (d.revoked_on IS NULL OR d.revoked_on > '2024-12-31') GROUP BY d.unit_id)
    SELECT c.province, count(*)::int AS communes, count(*) FILTER (WHERE a.unit_id IS NOT NULL OR r.rank >= 1)::int AS "withData",
      count(*) FILTER (WHERE r.rank >= 1)::int AS ntm
    FROM c LEFT JOIN a ON a.unit_id = c.id LEFT JOIN r ON r.unit_id = c.id GROUP BY c.province`);
  return new Map(rows.map((r: any) => [r.province as string, r as { communes: number; withData: number; ntm: number }]));
}

describe('comparisons through the gateway', () => {
  it('compares the 34 provinces in 2024: no data is blank and unranked, partial data is flagged, every row carries its coverage', async () => {
    const { rows, notes } = await compare({ level: 'PROVINCE', year: 2024, metrics: ['COMMUNES_NTM'] });
    const hand = await provinces2024();
    expect(rows).toHaveLength(34);
    expect(hand.size).toBe(34);
    const full = new Map<string, number>();
    for (const [code, h] of hand) if (h.withData === h.communes && h.communes > 0) full.set(code, round2((100 * h.ntm) / h.communes));
    const ranks = competitionRanks(full);
    for (const row of rows) {
      const h = hand.get(row.unitCode)!;
      expect(row, row.unitName).toMatchObject({
        unitsInScope: h.communes,
        unitsWithData: h.withData,
        coverage: round2((100 * h.withData) / h.communes),
        valueUnit: 'PERCENT',
      });
      if (h.withData === 0) {
        // Hà Nội and every province without assessments: no figure, no rank — not "0 %".
        expect(row, row.unitName).toMatchObject({
          actual: null,
          count: null,
          share: null,
          rank: null,
          partial: false,
          gap: null,
          onTrack: null,
        });
        expect(row.note).toMatch(/^Chưa có số liệu/);
      } else {
        const share = round2((100 * h.ntm) / h.communes);
        expect(row, row.unitName).toMatchObject({ actual: share, count: h.ntm, share, numerator: h.ntm, denominator: h.communes });
        expect(row.partial, row.unitName).toBe(h.withData < h.communes);
        expect(row.rank, row.unitName).toBe(full.has(row.unitCode) ? ranks.get(row.unitCode) : null);
        if (row.partial) expect(row.note).toMatch(/Chưa đủ số liệu: \d+\/\d+ xã có số liệu/);
      }
    }
    const byCode = Object.fromEntries(rows.map((r) => [r.unitCode, r]));
    expect(byCode['01']).toMatchObject({ unitName: 'Thành phố Hà Nội', actual: null, rank: null, unitsWithData: 0 });
    // New Thái Nguyên = old Thái Nguyên (no data) + Bắc Kạn (synthetic data): flagged partial, not ranked.
    expect(byCode['19']).toMatchObject({ partial: true, rank: null, unitsWithData: hand.get('19')!.withData });
    expect(byCode['42']).toMatchObject({ partial: false, rank: ranks.get('42') });
    expect(byCode['20']).toMatchObject({ partial: false, rank: ranks.get('20') });
    expect(notes.join(' ')).toMatch(/chưa có số liệu: để trống \(không phải 0\), không xếp hạng/);
    // Ranked rows first, in rank order.
    const ranked = rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.unitCode)).toEqual(rows.slice(0, ranked.length).map((r) => r.unitCode));
    expect(ranked.length).toBe(full.size);
  });

  it("matches hand computations for Khánh Hòa's districts against their 2025 targets, counts and shares side by side", async () => {
    const asOf = '2025-06-30';
    const { rows } = await compare({
      childrenOf: '56',
      asOf,
      year: 2025,
      metrics: ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'COMMUNES_MODEL'],
    });
    const stated = await sql(`SELECT u.code, t.metric_code AS metric, t.value, t.comparator FROM campaigns.target t
      JOIN campaigns.campaign c ON c.id = t.campaign_id AND c.key = 'khanh-hoa-2021-2025' JOIN units.unit u ON u.id = t.unit_id
      WHERE u.level = 'DISTRICT' AND t.value_unit = 'COUNT' AND NOT t.is_increment AND COALESCE(t.year, 2025) = 2025 AND t.metric_code LIKE 'COMMUNES_%'`);
    expect(stated.length).toBeGreaterThanOrEqual(20);
    for (const metric of ['COMMUNES_NTM', 'COMMUNES_ADVANCED', 'COMMUNES_MODEL'] as const) {
      const group = rows.filter((r) => r.metric === metric);
      expect(group).toHaveLength(9);
      const shares = new Map<string, number>();
      for (const row of group) {
        const raw = await rawFigures(Number(row.unit.id), 2025);
        const count = metric === 'COMMUNES_NTM' ? raw.ntm : metric === 'COMMUNES_ADVANCED' ? raw.advanced : raw.model;
        const share = raw.communes ? round2((100 * count) / raw.communes) : null;
        // One unit per column: actual is always the share; the count stands beside it.
        const partial = raw.withData < raw.communes;
        expect(row, `${row.unitCode} ${metric}`).toMatchObject({
          valueUnit: 'PERCENT',
          actual: share,
          share,
          count,
          numerator: count,
          denominator: raw.communes,
          unitsWithData: raw.withData,
          unitsInScope: raw.communes,
          coverage: raw.communes ? round2((100 * raw.withData) / raw.communes) : null,
          partial,
          approximate: false,
        });
        const target = stated.find((t: any) => t.code === row.unitCode && t.metric === metric);
        if (target && !partial) {
          const value = Number(target.value);
          const met = target.comparator === 'EQ' ? count === value : count >= value;
          // A count target is compared with the count.
          expect(row, `${row.unitCode} ${metric}`).toMatchObject({
            target: value,
            targetUnit: 'COUNT',
            targetComparator: target.comparator,
            targetActual: count,
            gap: count - value,
            onTrack: met,
          });
        }
        if (share !== null && !partial) shares.set(row.unitCode, share);
      }
      const ranks = competitionRanks(shares);
      for (const row of group) expect(row.rank, `${row.unitCode} ${metric}`).toBe(ranks.get(row.unitCode) ?? null);
    }
    // "Huyện Diên Khánh: Có 16/16 xã đạt chuẩn nông thôn mới" — a COUNT target, EQ 16, over 16 communes.
    expect(rows.find((r) => r.unitCode === '574' && r.metric === 'COMMUNES_NTM')).toMatchObject({
      unitName: 'Huyện Diên Khánh',
      unit: { name: 'Huyện Diên Khánh' },
      target: 16,
      denominator: 16,
    });
  });

  it('gives the province its share target and the seed provinces figures equal to the raw aggregate', async () => {
    const { rows } = await compare({ unitCodes: ['56'], asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM', 'COMMUNES_UNDER_15'] });
    const raw = await rawFigures(await unitId('56', '2025-06-30'), 2025);
    const share = round2((100 * raw.ntm) / raw.communes);
    // "ít nhất 80% số xã đạt chuẩn nông thôn mới": a share target, compared with the share.
    expect(rows.find((r) => r.metric === 'COMMUNES_NTM')).toMatchObject({
      valueUnit: 'PERCENT',
      actual: share,
      count: raw.ntm,
      target: 80,
      targetUnit: 'PERCENT',
      targetBasis: 'ALL_COMMUNES',
      targetComparator: 'GTE',
      targetActual: share,
      gap: round2(share - 80),
      onTrack: share >= 80,
      denominatorBasis: 'ALL_COMMUNES',
    });
    expect(rows.find((r) => r.metric === 'COMMUNES_UNDER_15')).toMatchObject({
      valueUnit: 'COUNT',
      actual: raw.under15,
      count: raw.under15,
      target: 0,
      targetComparator: 'EQ',
      targetActual: raw.under15,
      onTrack: raw.under15 === 0,
    });
    for (const code of ['42', '20', '06', '56', '49'])
      for (const year of [2021, 2023, 2025]) await expectMatchesRaw(code, '2024-06-30', year);
  });

  it("accumulates Bắc Kạn's yearly increments from the plan's own baseline: a series ending at the plan's 61 that never decreases", async () => {
    const result = await gql(`{ progress(unitCode: "06", asOf: "2024-06-30", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) {
      year actual count share unitsWithData unitsInScope partial target targetUnit targetActual targetIncrement baselineYear baseline baselineSource gap onTrack note } }`);
    expect(result.errors).toBeUndefined();
    const points = result.data.progress;
    expect(points.map((p: any) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    // The plan: 61 communes by 2025 (§I.1 ¶2) and yearly increases for 2022–2025 (§I.1 ¶2 +1…+4), read from the seeded targets.
    const targets = await sql(`SELECT t.year, t.value, t.is_increment, t.increment_over FROM campaigns.target t
      JOIN campaigns.campaign c ON c.id = t.campaign_id AND c.key = 'bac-kan-2021-2025' WHERE t.metric_code = 'COMMUNES_NTM' AND t.value_unit = 'COUNT' AND t.unit_class IS NULL`);
    const end = Number(targets.find((t: any) => !t.is_increment)?.value ?? NaN);
    const step = new Map(targets.filter((t: any) => t.increment_over === 'PREVIOUS_YEAR').map((t: any) => [t.year, Number(t.value)]));
    expect([end, ...[2022, 2023, 2024, 2025].map((y) => step.get(y))]).toEqual([61, 9, 9, 10, 12]);
    const increases = (from: number, to: number) => [...step].filter(([y]) => y >= from && y <= to).reduce((sum, [, v]) => sum + v, 0);
    const baseline = end - increases(2022, 2025); // 61 − 40 = 21 in 2021
    const expected = [2022, 2023, 2024, 2025].map((y) => baseline + increases(2022, y));
    expect(expected).toEqual([30, 39, 49, 61]);
    expect(points.slice(1).map((p: any) => p.target)).toEqual(expected);
    for (let i = 2; i < points.length; i++) expect(points[i].target).toBeGreaterThanOrEqual(points[i - 1].target);
    expect(points[0]).toMatchObject({ target: null, targetUnit: null });
    expect(points[1]).toMatchObject({
      targetUnit: 'COUNT',
      targetIncrement: 9,
      baselineYear: 2021,
      baseline: 21,
      baselineSource: 'PLAN_IMPLIED',
    });
    expect(points[1].note).toMatch(/suy ra từ chỉ tiêu 61 năm 2025/);
    expect(points[4]).toMatchObject({ target: 61, baselineSource: null });
    const raw = await Promise.all([2021, 2022, 2023, 2024, 2025].map(async (y) => rawFigures(await unitId('06', '2024-06-30'), y)));
    points.forEach((p: any, i: number) => {
      // The count target is compared with the count, never with the share — when every commune has data (other test
      // files may leave some without, and a partial figure is not checked against its target).
      const partial = raw[i].withData < raw[i].communes;
      expect(p, String(p.year)).toMatchObject({
        count: raw[i].ntm,
        share: round2((100 * raw[i].ntm) / raw[i].communes),
        actual: round2((100 * raw[i].ntm) / raw[i].communes),
        unitsWithData: raw[i].withData,
        unitsInScope: raw[i].communes,
        partial,
      });
      if (p.target !== null) {
        expect(p, String(p.year)).toMatchObject(
          partial
            ? { targetActual: raw[i].ntm, gap: null, onTrack: null }
            : { targetActual: raw[i].ntm, gap: raw[i].ntm - p.target, onTrack: raw[i].ntm >= p.target },
        );
      }
    });
  });

  it('gives no absolute target for an increment whose plan states no baseline, and says so', async () => {
    // Chi Lăng's unnamed commune: "công nhận mới 02 - 03 khu dân cư" over the period, with no count for 2020.
    const [row] =
      await sql(`SELECT t.unit_id FROM campaigns.target t JOIN campaigns.campaign c ON c.id = t.campaign_id AND c.key = 'chi-lang-unnamed-commune-2021-2025'
      WHERE t.metric_code = 'VILLAGES_MODEL'`);
    const [unit] = await sql(`SELECT code FROM units.unit WHERE id = $1`, [row.unit_id]);
    const result = await gql(
      `query($c: String!) { progress(unitCode: $c, asOf: "2024-06-30", metric: "VILLAGES_MODEL", fromYear: 2025, toYear: 2025) {
      target targetIncrement baselineYear baseline baselineSource note } }`,
      { c: unit.code },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data.progress[0]).toMatchObject({
      target: null,
      targetIncrement: 2,
      baselineYear: 2020,
      baseline: null,
      baselineSource: 'NONE',
    });
    expect(result.data.progress[0].note).toMatch(/không tự đặt mốc từ số liệu thực tế/);
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

  it("shows a changed target on the very next comparison (targets cached under the campaigns' targetsRevision)", async () => {
    const input = { childrenOf: '56', asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM'] };
    const dienKhanh = async () => (await compare(input)).rows.find((r) => r.unitCode === '574');
    const revision = async () => (await gql('{ targetsRevision }')).data.targetsRevision as string;
    const before = await dienKhanh();
    expect(before.target).toBe(16);
    const r0 = await revision();
    expect(await revision()).toBe(r0);
    const { campaigns } = (
      await gql(
        `{ campaigns(filter: { issuerCode: "56" }, limit: 50) { nodes { id targets(unitCode: "574", metric: "COMMUNES_NTM") { id version value numerator } } } }`,
      )
    ).data;
    const target = campaigns.nodes.flatMap((c: any) => c.targets).find((t: any) => t.value === 16);
    const token = await tokenFor('UNIT_ADMIN', '56', '2024-01-01');
    const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $i) { version } }`;
    const changed = await gql(UPDATE, { id: target.id, v: target.version, i: { value: 15, numerator: 15 } }, { token });
    expect(changed.errors, JSON.stringify(changed.errors)).toBeUndefined();
    try {
      expect(await revision()).not.toBe(r0);
      expect(await dienKhanh()).toMatchObject({ target: 15, gap: before.targetActual - 15 });
    } finally {
      const restored = await gql(
        UPDATE,
        { id: target.id, v: changed.data.updateTarget.version, i: { value: 16, numerator: 16 } },
        { token },
      );
      expect(restored.errors, JSON.stringify(restored.errors)).toBeUndefined();
    }
    expect((await dienKhanh()).target).toBe(16);
  });
});

describe('a comparison a page of units at a time', () => {
  const PAGED = `query($i: CompareInput!) { compare(input: $i) { unitCount rows { unitCode metric rank actual } } }`;

  it("ranks among all units and returns the rows of the page's units for every metric", async () => {
    const input = { level: 'DISTRICT', asOf: '2024-06-30', year: 2024, metrics: ['COMMUNES_NTM', 'AVG_CRITERIA_MET'] };
    const all = await gql(PAGED, { i: input });
    expect(all.errors).toBeUndefined();
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM units.unit WHERE level = 'DISTRICT' AND (valid_from IS NULL OR valid_from <= '2024-06-30') AND (valid_to IS NULL OR valid_to >= '2024-06-30')`,
    );
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
    const fullAvg = new Map(
      all.data.compare.rows.filter((r: any) => r.metric === 'AVG_CRITERIA_MET').map((r: any) => [r.unitCode, r.rank]),
    );
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

  it("measures Quảng Nam's terrain averages over the communes classified so, and follows a new classification", async () => {
    const before = await quangNam();
    expect(before.target).toBe(17.5);
    const byClass = Object.fromEntries(before.classTargets.map((c: any) => [c.unitClass, c]));
    expect(Object.keys(byClass)).toEqual(['HIGH_MOUNTAIN', 'LOWLAND', 'LOW_MOUNTAIN']);
    expect(byClass.HIGH_MOUNTAIN).toMatchObject({
      target: 15.5,
      targetComparator: 'GTE',
      targetQuote: 'Khu vực miền núi cao: Bình quân 15,5 tiêu chí/xã',
    });
    expect(byClass.LOW_MOUNTAIN.target).toBe(18.5);
    expect(byClass.LOWLAND.target).toBe(19);
    const highBefore = byClass.HIGH_MOUNTAIN.communes as number;

    // Classify three assessed Quảng Nam communes as high mountain (the units subgraph's classifications).
    const communes =
      await sql(`SELECT u.id, u.code FROM units.unit u JOIN units.unit p ON p.code = '49' AND p.level = 'PROVINCE' AND u.path <@ p.path
      WHERE u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' AND EXISTS (SELECT 1 FROM criteria.assessment a WHERE a.unit_id = u.id AND a.year = 2025)
        AND NOT EXISTS (SELECT 1 FROM units.unit_classification c WHERE c.unit_id = u.id AND c.scheme = 'TERRAIN')
      ORDER BY u.code LIMIT 3`);
    expect(communes).toHaveLength(3);
    const token = await tokenFor('UNIT_ADMIN', '49', '2024-01-01');
    const ids: string[] = [];
    try {
      for (const c of communes) {
        const set = await gql(
          `mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }`,
          {
            i: {
              unitCode: c.code,
              asOf: '2025-06-30',
              scheme: 'TERRAIN',
              value: 'HIGH_MOUNTAIN',
              validFrom: '2021-01-01',
              source: 'Kiểm thử chỉ tiêu theo loại xã',
            },
          },
          { token },
        );
        expect(set.errors, JSON.stringify(set.errors)).toBeUndefined();
        ids.push(set.data.setUnitClassification.id);
      }
      const [raw] = await sql(
        `SELECT count(*)::int AS assessed, sum((SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.met))::int AS met
        FROM criteria.assessment a JOIN criteria.criteria_set s ON s.id = a.set_id AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        WHERE a.year = 2025 AND a.unit_id = ANY($1::int[])`,
        [communes.map((c: any) => Number(c.id))],
      );
      const high = (await quangNam()).classTargets.find((c: any) => c.unitClass === 'HIGH_MOUNTAIN');
      const actual = Math.round((raw.met / raw.assessed) * 100) / 100;
      expect(high).toMatchObject({ communes: highBefore + 3, target: 15.5 });
      if (highBefore === 0) {
        expect(high).toMatchObject({
          numerator: raw.met,
          denominator: raw.assessed,
          actual,
          gap: Math.round((actual - 15.5) * 100) / 100,
          onTrack: actual >= 15.5,
        });
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
    expect(byYear[2025].map((c: any) => [c.unitClass, c.target])).toEqual([
      ['HIGH_MOUNTAIN', 15.5],
      ['LOWLAND', 19],
      ['LOW_MOUNTAIN', 18.5],
    ]);
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
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 12; i++) {
      const commune = communes[Math.floor(random() * communes.length)];
      const year = 2022 + Math.floor(random() * 3);
      if (random() < 0.7) {
        const [existing] = await sql(`SELECT version FROM criteria.assessment WHERE unit_id = $1 AND set_id = $2 AND year = $3`, [
          commune.id,
          setId,
          year,
        ]);
        const results = Array.from({ length: 19 }, (_, n) => ({ criterionNumber: n + 1, met: random() < 0.7 }));
        const write = await gql(
          `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { metCount } }`,
          { i: { unitCode: commune.code, criteriaSetId: setId, year, results, expectedVersion: existing?.version } },
          { token: assessor },
        );
        expect(write.errors, JSON.stringify(write.errors)).toBeUndefined();
      } else {
        const tier = ['NTM', 'ADVANCED', 'MODEL'][Math.floor(random() * 3)];
        const write = await gql(
          `mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { id } }`,
          {
            i: {
              unitCode: commune.code,
              tier,
              decisionNumber: `INS-${i}-${commune.code}`,
              decidedOn: `${year}-06-15`,
              issuingUnitCode: '56',
            },
          },
          { token: council },
        );
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
    logger.logQuery = (ctx) => {
      statements++;
      original(ctx);
    };
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
        const { data, statements } = await insights.run(tree, {
          r: [{ __typename: 'AdministrativeUnit', id: String(await unitId(code, '2024-06-30')) }],
        });
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
    const result = await gql(
      `{ unit(code: "06", asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name subunits(asOf: "2024-06-30") { name assessments(year: 2024) { metCount } } } } }`,
    );
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
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  // exceljs writes no width for a column of the default width (9), and reads it back as undefined.
  return {
    rows,
    bold: Boolean(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold),
    widths: sheet.columns.map((c) => c.width ?? 9),
  };
}

describe('exports', () => {
  let base: string;
  let server: ReturnType<express.Express['listen']>;
  beforeAll(async () => {
    const app = express().use('/exports', insightsExports(viaGateway));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/exports`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("downloads the comparison as CSV with the API's figures: one unit per column, blank where there is no data", async () => {
    const response = await fetch(`${base}/compare.csv?childrenOf=56&asOf=2025-06-30&year=2025&metrics=COMMUNES_NTM,AVG_CRITERIA_MET`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const text = (await response.text()).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(COMPARE_HEADERS.vi.join(','));
    const { rows } = await compare({ childrenOf: '56', asOf: '2025-06-30', year: 2025, metrics: ['COMMUNES_NTM', 'AVG_CRITERIA_MET'] });
    expect(lines.length - 1).toBe(rows.length);
    // Codes are written out for the reader (level, metric, units of value, denominators); one unit per column.
    const cells = (line: string) => Object.fromEntries(COMPARE_HEADERS.vi.map((h, i) => [h, line.split(',')[i]]));
    const dienKhanh = cells(lines.find((l) => l.startsWith('574,') && l.includes(',Xã đạt chuẩn nông thôn mới,'))!);
    const row = rows.find((r) => r.unitCode === '574' && r.metric === 'COMMUNES_NTM');
    expect(dienKhanh).toMatchObject({
      'Mã đơn vị': '574',
      'Tên đơn vị': 'Huyện Diên Khánh',
      Cấp: 'Huyện',
      'Chỉ số': 'Xã đạt chuẩn nông thôn mới',
      'Giá trị': String(row.actual),
      'Đơn vị tính': '%',
      'Số lượng': String(row.count),
      'Tỷ lệ (%)': String(row.share),
      'Mẫu số': '16',
      'Cơ sở mẫu số': 'tất cả các xã',
      'Đơn vị có số liệu': '16',
      'Đơn vị trong phạm vi': '16',
      'Chỉ tiêu': '16',
      'Đơn vị chỉ tiêu': 'số lượng',
      'Phép so sánh': { GTE: '≥', GT: '>', EQ: '=', LTE: '≤', LT: '<' }[row.targetComparator as string],
      'Thực hiện theo chỉ tiêu': String(row.count),
      'Xếp hạng': String(row.rank),
    });
    expect(text).not.toMatch(
      /\b(DISTRICT|COMMUNES_NTM|AVG_CRITERIA_MET|COUNT|PERCENT|METRIC|ALL_COMMUNES|ASSESSED_COMMUNES|GTE|PLAN_IMPLIED|PLAN_STATED)\b/,
    );
  });

  it('writes the same download in English with lang=en', async () => {
    const text = (
      await (await fetch(`${base}/compare.csv?childrenOf=56&asOf=2025-06-30&year=2025&metrics=COMMUNES_NTM&lang=en`)).text()
    ).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(COMPARE_HEADERS.en.join(','));
    const cells = Object.fromEntries(COMPARE_HEADERS.en.map((h, i) => [h, lines.find((l) => l.startsWith('574,'))!.split(',')[i]]));
    expect(cells).toMatchObject({
      'Unit code': '574',
      Unit: 'Huyện Diên Khánh',
      Level: 'District',
      Metric: 'Communes meeting the NTM standard (advanced and model included)',
      'Unit of value': '%',
      'Denominator basis': 'all communes',
      'Target unit': 'count',
      'Partial data': 'No',
    });
  });

  it('leaves cells empty, never 0, for provinces without data', async () => {
    const response = await fetch(`${base}/compare.csv?level=PROVINCE&year=2024&metrics=COMMUNES_NTM`);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    // Hà Nội's row: value, count, share, rank empty; coverage 0 of its communes; the note says there is no data.
    const haNoi = lines.find((l) => l.startsWith('01,'))!;
    const cells = haNoi.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const at = (header: string) => cells[COMPARE_HEADERS.vi.indexOf(header)];
    expect([at('Giá trị'), at('Số lượng'), at('Tỷ lệ (%)'), at('Xếp hạng'), at('Đơn vị có số liệu')]).toEqual(['', '', '', '', '0']);
    expect(Number(at('Đơn vị trong phạm vi'))).toBeGreaterThan(0);
    expect(at('Ghi chú')).toMatch(/^"?Chưa có số liệu/);
  });

  it("downloads progress as XLSX that parses back to the API's figures", async () => {
    const response = await fetch(`${base}/progress.xlsx?unitCode=06&asOf=2024-06-30&metric=COMMUNES_NTM&fromYear=2021&toYear=2025`);
    expect(response.status).toBe(200);
    const { rows, bold, widths } = await sheetRows(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(PROGRESS_HEADERS.vi);
    expect(bold).toBe(true);
    expect(
      widths.every((w) => w >= 8),
      JSON.stringify(widths),
    ).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toEqual([2021, 2022, 2023, 2024, 2025]);
    const col = (header: string) => PROGRESS_HEADERS.vi.indexOf(header);
    expect(typeof rows[2][col('Giá trị')]).toBe('number');
    expect(typeof rows[2][col('Chỉ tiêu')]).toBe('number');
    const { progress } = (
      await gql(
        `{ progress(unitCode: "06", asOf: "2024-06-30", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) { actual count share target targetActual } }`,
      )
    ).data;
    const read = (r: unknown[], header: string) => r[col(header)] ?? null;
    expect(
      rows
        .slice(1)
        .map((r) => [
          read(r, 'Giá trị'),
          read(r, 'Số lượng'),
          read(r, 'Tỷ lệ (%)'),
          read(r, 'Chỉ tiêu'),
          read(r, 'Thực hiện theo chỉ tiêu'),
        ]),
    ).toEqual(progress.map((p: any) => [p.actual, p.count, p.share, p.target, p.targetActual]));
  });

  it('answers bad parameters with 400 or 404 and the coded message', async () => {
    expect((await fetch(`${base}/compare.csv?level=PROVINCE&year=2024&metrics=NOPE`)).status).toBe(400);
    expect((await fetch(`${base}/progress.csv?unitCode=XX&metric=COMMUNES_NTM&fromYear=2021&toYear=2022`)).status).toBe(404);
  });
});
