import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seedNote } from '../server/shared/errors.js';
import { projectPath } from '../server/shared/project.js';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';

const TABLES = ['campaigns.campaign', 'campaigns.target', 'campaigns.milestone', 'campaigns.subject', 'campaigns.metric'];
const TARGET_FIELDS = `id key unit { id code name } metric { code unitOfMeasure kind } yearFrom year comparator valueUnit value valueMin valueMax
  numerator denominator denominatorBasis basisNote unitClass isIncrement incrementOver status quote note source version`;

/** A seeded campaign by its seed key, with everything the document tests look at. */
async function seeded(key: string) {
  const list = await gql(`{ campaigns(limit: 100) { nodes { id key } } }`);
  const id = list.data.campaigns.nodes.find((c: any) => c.key === key)?.id;
  expect(id, key).toBeDefined();
  const result = await gql(
    `query($id: ID!) { campaign(id: $id) { id key name slogan periodStart periodEnd status version issuerUnidentified issuerNote
    issuer { id code name level } parent { key } children { key }
    plan { number date dateText signer issuingBody sourceFile legalBases { number date issuer } parentPlanRef { number date issuer } }
    milestones { kind recurrence year deadline deadlineDay deadlineMonth description source }
    subjects { type label criteriaText source } subMovements { name kind }
    targets { ${TARGET_FIELDS} } } }`,
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data.campaign;
}

const byKey = (campaign: any, key: string) => {
  const target = campaign.targets.find((t: any) => t.key === key);
  expect(target, key).toBeDefined();
  return target;
};

describe('the seed plans, read back through the gateway', () => {
  const files = readdirSync(projectPath('seeds', 'plans')).filter((f) => f.endsWith('.yaml'));

  it('holds every target of every plan file with its values and source', async () => {
    expect(files).toHaveLength(6);
    for (const file of files) {
      const doc = parse(readFileSync(projectPath('seeds', 'plans', file), 'utf8'));
      const campaign = await seeded(doc.campaign.key);
      expect(
        campaign.targets.map((t: any) => t.key),
        file,
      ).toEqual(doc.targets.map((t: any) => t.key));
      for (const expected of doc.targets) {
        const actual = byKey(campaign, expected.key);
        const fields = [
          'year',
          'comparator',
          'valueUnit',
          'value',
          'numerator',
          'denominator',
          'denominatorBasis',
          'unitClass',
          'isIncrement',
          'status',
          'quote',
          'source',
        ];
        expect({ ...actual, metric: actual.metric.code }, `${file} ${expected.key}`).toMatchObject({
          ...Object.fromEntries(fields.map((f) => [f, expected[f]])),
          metric: expected.metric,
          valueMin: expected.valueMin ?? null,
          valueMax: expected.valueMax ?? null,
          yearFrom: expected.yearFrom ?? null,
          incrementOver: expected.incrementOver ?? null,
        });
        expect(actual.unit.code).toBe(expected.unit.code ?? campaign.issuer.code);
        expect(actual.source).toMatch(/^\d{3}_[0-9a-f]{16}\.txt §/);
      }
      expect(campaign.milestones, file).toHaveLength(doc.milestones.length);
      expect(
        campaign.subjects.map((s: any) => s.type),
        file,
      ).toEqual(doc.subjects.map((s: any) => s.type));
    }
  });

  it("reads every plan's duties as data with their clauses: who receives, appraises and submits the dossiers, who reports", async () => {
    const DUTIES = `query($id: ID!) { campaign(id: $id) { responsibilities { kind actor recipient recurrence deadlineText quote note source } } }`;
    let total = 0;
    for (const file of files) {
      const doc = parse(readFileSync(projectPath('seeds', 'plans', file), 'utf8'));
      const { id } = await seeded(doc.campaign.key);
      const result = await gql(DUTIES, { id });
      expect(result.errors, file).toBeUndefined();
      // A note is kept as "Tiếng Việt — English" when the file gives its English original (noteEn).
      expect(result.data.campaign.responsibilities, file).toEqual(
        doc.responsibilities.map((r: any, i: number) => seedNote(r, `${file} responsibilities[${i}]`)),
      );
      total += doc.responsibilities.length;
    }
    expect(total).toBeGreaterThanOrEqual(30);
    const cx = (await gql(DUTIES, { id: (await seeded('cam-xuyen-2021-2025')).id })).data.campaign.responsibilities;
    expect(
      cx.filter((r: any) => ['RECEIVES_DOSSIERS', 'APPRAISES', 'COUNCIL_REVIEW'].includes(r.kind)).map((r: any) => [r.kind, r.source]),
    ).toEqual([
      ['COUNCIL_REVIEW', '000_7e6f6704cb344e2e.txt §V.4.b'],
      ['RECEIVES_DOSSIERS', '000_7e6f6704cb344e2e.txt §VI.5'],
      ['APPRAISES', '000_7e6f6704cb344e2e.txt §VI.6'],
      ['COUNCIL_REVIEW', '000_7e6f6704cb344e2e.txt §VI.6'],
    ]);
    expect(cx.find((r: any) => r.deadlineText === 'trước ngày 15/12')).toMatchObject({
      kind: 'PROPOSES',
      recurrence: 'ANNUAL',
      recipient: expect.stringMatching(/^Chủ tịch UBND tỉnh/),
    });
    expect(cx.find((r: any) => r.deadlineText === 'trước ngày 15/12').note).toBe(
      'Khen thưởng hằng năm. "Trước ngày 15/12": ngày cuối cùng được nộp là 14/12 (hạn của mốc khen hằng năm). — Annual awards. "Trước ngày 15/12": the last day allowed is 14/12 (the ANNUAL milestone\'s deadline).',
    );
  });

  it('places the national campaign at the root with the five plans below it', async () => {
    const national = await seeded('national-2021-2025');
    expect(national).toMatchObject({
      parent: null,
      issuer: { code: 'VN', level: 'NATION' },
      plan: { number: '587/QĐ-TTg', date: '2022-05-18' },
    });
    expect(national.children.map((c: any) => c.key).sort()).toEqual([
      'bac-kan-2021-2025',
      'cam-xuyen-2021-2025',
      'chi-lang-unnamed-commune-2021-2025',
      'khanh-hoa-2021-2025',
      'quang-nam-2021-2025',
    ]);
  });

  it('003 Khánh Hòa: province shares and per-district fractions (Diên Khánh 16/16, 08/16, 03/16) with status years', async () => {
    const kh = await seeded('khanh-hoa-2021-2025');
    expect(kh.issuer).toMatchObject({ id: '1100056', code: '56', level: 'PROVINCE' });
    expect(byKey(kh, 'kh-province-communes-ntm-pct')).toMatchObject({
      comparator: 'GTE',
      valueUnit: 'PERCENT',
      value: 80,
      denominatorBasis: 'ALL_COMMUNES',
      unit: { code: '56' },
    });
    const dienKhanh = await gql(
      `query($id: ID!) { campaign(id: $id) { targets(unitCode: "574") { key metric { code } year comparator value numerator denominator status source } } }`,
      { id: kh.id },
    );
    const targets = dienKhanh.data.campaign.targets;
    expect(targets.map((t: any) => [t.metric.code, t.comparator, t.numerator, t.denominator, t.year, t.status])).toEqual([
      ['COMMUNES_NTM', 'EQ', 16, 16, 2025, null],
      ['COMMUNES_ADVANCED', 'GTE', 8, 16, 2025, null],
      ['COMMUNES_MODEL', 'GTE', 3, 16, 2025, null],
      ['UNIT_STATUS', 'EQ', null, null, 2023, 'NTM'],
      ['UNIT_STATUS', 'EQ', null, null, 2025, 'ADVANCED'],
    ]);
    expect(targets[1].source).toBe('003_a6acb2b6647a6e7e.txt §I.1.b ¶1');
    const in2023 = await gql(
      `query($id: ID!) { campaign(id: $id) { targets(year: 2023, metric: "UNIT_STATUS") { unit { code } status } } }`,
      { id: kh.id },
    );
    expect(in2023.data.campaign.targets).toEqual([{ unit: { code: '574' }, status: 'NTM' }]);
  });

  it('002 Bắc Kạn: year-by-year increments and running averages, 61/96 communes, 244/406 villages', async () => {
    const bk = await seeded('bac-kan-2021-2025');
    const yearly = (metric: string, increment: boolean) =>
      bk.targets
        .filter(
          (t: any) =>
            t.metric.code === metric &&
            t.isIncrement === increment &&
            t.incrementOver !== 'PERIOD_START' &&
            t.year !== null &&
            t.key.match(/^bk-20/),
        )
        .map((t: any) => [t.year, t.value]);
    expect(yearly('COMMUNES_NTM', true)).toEqual([
      [2022, 9],
      [2023, 9],
      [2024, 10],
      [2025, 12],
    ]);
    expect(yearly('COMMUNES_ADVANCED', true)).toEqual([
      [2022, 2],
      [2023, 4],
      [2024, 3],
      [2025, 6],
    ]);
    expect(yearly('AVG_CRITERIA_MET', false)).toEqual([
      [2022, 13.5],
      [2023, 14],
      [2024, 14.5],
      [2025, 15],
    ]);
    expect(byKey(bk, 'bk-2022-communes-ntm-increase')).toMatchObject({ isIncrement: true, incrementOver: 'PREVIOUS_YEAR' });
    expect(byKey(bk, 'bk-period-communes-ntm-pct')).toMatchObject({
      comparator: 'GT',
      value: 63,
      numerator: 61,
      denominator: 96,
      valueUnit: 'PERCENT',
    });
    expect(byKey(bk, 'bk-period-villages-ntm-pct')).toMatchObject({
      numerator: 244,
      denominator: 406,
      denominatorBasis: 'VILLAGES_OF_EDK_COMMUNES',
      unitClass: 'ESPECIALLY_DISADVANTAGED',
    });
    expect(byKey(bk, 'bk-2022-bac-kan-city-status')).toMatchObject({ unit: { code: '058' }, status: 'NTM', year: 2022 });
  });

  it('004 Quảng Nam: terrain-class averages 15.5 / 18.5 / 19, shares of NTM communes, ranges, draft status', async () => {
    const qn = await seeded('quang-nam-2021-2025');
    expect(qn.status).toBe('DRAFT');
    const averages = qn.targets
      .filter((t: any) => t.metric.code === 'AVG_CRITERIA_MET')
      .map((t: any) => [t.unitClass, t.comparator, t.value]);
    expect(averages).toEqual([
      [null, 'GT', 17.5],
      ['HIGH_MOUNTAIN', 'GTE', 15.5],
      ['LOW_MOUNTAIN', 'GTE', 18.5],
      ['LOWLAND', 'GTE', 19],
    ]);
    expect(byKey(qn, 'qn-communes-advanced-pct')).toMatchObject({
      value: 40,
      valueUnit: 'PERCENT',
      numerator: 64,
      denominator: null,
      denominatorBasis: 'NTM_COMMUNES',
    });
    expect(byKey(qn, 'qn-communes-model-pct')).toMatchObject({ value: 10, denominatorBasis: 'NTM_COMMUNES' });
    expect(byKey(qn, 'qn-districts-ntm')).toMatchObject({ value: null, valueMin: 8, valueMax: 9, comparator: 'GTE' });
    expect(byKey(qn, 'qn-city-tasks-completed-increase')).toMatchObject({ yearFrom: 2023, year: 2024 });
    expect(qn.subMovements.length).toBe(28);
  });

  it('000 Cẩm Xuyên: socio-economic indicators with units of measure and the annual deadline "trước ngày 15/12" — 14/12 the last day', async () => {
    const cx = await seeded('cam-xuyen-2021-2025');
    expect(byKey(cx, 'cx-income-per-capita-2025')).toMatchObject({
      comparator: 'GT',
      value: 70,
      valueUnit: 'METRIC',
      metric: { code: 'INCOME_PER_CAPITA', unitOfMeasure: 'triệu đồng/người/năm' },
    });
    expect(byKey(cx, 'cx-production-value-per-ha')).toMatchObject({
      comparator: 'GT',
      value: 120,
      metric: { unitOfMeasure: 'triệu đồng/ha' },
    });
    expect(byKey(cx, 'cx-ocop-3star-products')).toMatchObject({ comparator: 'GTE', value: 35, valueUnit: 'COUNT' });
    expect(byKey(cx, 'cx-health-insurance')).toMatchObject({ comparator: 'GT', value: 95, denominatorBasis: 'POPULATION' });
    expect(byKey(cx, 'cx-communes-advanced-pct')).toMatchObject({ comparator: 'GTE', value: 50, valueUnit: 'PERCENT' });
    expect(byKey(cx, 'cx-town-thien-cam-status')).toMatchObject({ unit: { code: '18676' }, status: 'CIVILISED_URBAN' });
    expect(cx.milestones[0]).toMatchObject({ kind: 'ANNUAL', recurrence: 'ANNUAL', deadline: null, deadlineDay: 14, deadlineMonth: 12 });
    expect(cx.milestones[0].description).toContain('trước ngày 15/12');
  });

  it('001 the unnamed commune: issued by a placeholder commune within Chi Lăng, never by the district; a 02–03 range and the cited district plan', async () => {
    const cl = await seeded('chi-lang-unnamed-commune-2021-2025');
    expect(cl).toMatchObject({
      issuerUnidentified: true,
      issuerNote: 'Một xã thuộc huyện Chi Lăng (không nêu tên trong văn bản)',
      issuer: { code: '187-X01', name: 'Xã chưa xác định thuộc huyện Chi Lăng', level: 'COMMUNE' },
      plan: { number: null, parentPlanRef: { number: '219/KH-UBND', date: '2022-08-03', issuer: 'UBND huyện Chi Lăng' } },
    });
    expect(byKey(cl, 'cl-villages-model-new')).toMatchObject({
      value: null,
      valueMin: 2,
      valueMax: 3,
      isIncrement: true,
      unit: { code: '187-X01' },
    });
    expect(byKey(cl, 'cl-commune-status-2025')).toMatchObject({ status: 'ADVANCED', year: 2025, unit: { code: '187-X01' } });
    // The placeholder is a commune of Chi Lăng, flagged, and no list of units (nor any figure) counts it.
    const unit = await gql(`{ unit(code: "187-X01", asOf: "2024-06-30") { level kind placeholder note parent { code name } } }`);
    expect(unit.data.unit).toMatchObject({
      level: 'COMMUNE',
      kind: 'COMMUNE',
      placeholder: true,
      parent: { code: '187', name: 'Huyện Chi Lăng' },
    });
    const children = await gql(`{ units(filter: { parentCode: "187", asOf: "2024-06-30" }, limit: 100) { totalCount nodes { code } } }`);
    expect(children.data.units.nodes.map((u: any) => u.code)).not.toContain('187-X01');
    expect(children.data.units.totalCount).toBe(20);
    const placeholders = await gql(`{ units(filter: { withinCode: "20", asOf: "2024-06-30", placeholder: true }) { nodes { code } } }`);
    expect(placeholders.data.units.nodes).toEqual([{ code: '187-X01' }]);
    // Huyện Chi Lăng carries none of the commune's targets: a district comparison does not apply "02 - 03 khu dân cư" to it.
    const district = await gql(
      `{ compare(input: { childrenOf: "20", asOf: "2025-06-30", year: 2025, metrics: ["VILLAGES_MODEL"] }) { rows { unitCode target } } }`,
    );
    expect(district.data.compare.rows.find((r: any) => r.unitCode === '187')).toEqual({ unitCode: '187', target: null });
    const communes = await gql(
      `{ compare(input: { childrenOf: "187", asOf: "2025-06-30", year: 2025, metrics: ["COMMUNES_NTM"] }) { unitCount rows { unitCode } } }`,
    );
    expect(communes.data.compare.rows.map((r: any) => r.unitCode)).not.toContain('187-X01');
  });

  it('lets a district administrator name the commune a placeholder stood for: the campaign and its targets move to it', async () => {
    const district = await tokenFor('UNIT_ADMIN', '187', '2024-01-01');
    // A campaign of its own on the placeholder (the seeded one stays as the document has it).
    const created = await gql(
      `mutation { createCampaign(input: { name: "Phong trào của xã chưa xác định (kiểm thử)", issuerCode: "187-X01", asOf: "2024-01-01",
      issuerUnidentified: true, periodStart: "2022-01-01", periodEnd: "2025-12-31" }) { id version issuer { code } } }`,
      undefined,
      { token: district },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const { id, version } = created.data.createCampaign;
    const target = await gql(
      `mutation($c: ID!) { createTarget(input: { campaignId: $c, unitCode: "187-X01", unitAsOf: "2024-01-01", metric: "UNIT_STATUS", year: 2025, comparator: EQ, valueUnit: NONE, status: ADVANCED }) { id } }`,
      { c: id },
      { token: district },
    );
    expect(target.errors, JSON.stringify(target.errors)).toBeUndefined();
    const [{ code }] =
      await sql(`SELECT u.code FROM units.unit u JOIN units.unit d ON d.id = u.parent_id AND d.code = '187' AND d.valid_to = '2025-06-30'
      WHERE u.kind = 'COMMUNE' AND NOT u.placeholder AND u.valid_to = '2025-06-30' ORDER BY u.code LIMIT 1`);
    const IDENTIFY = `mutation($id: ID!, $v: Int!, $c: String!) { identifyCampaignIssuer(id: $id, expectedVersion: $v, unitCode: $c) {
      version issuerUnidentified issuer { code level } targets { unit { code } } } }`;
    const before = await rowCounts(TABLES);
    expect(errorCodes(await gql(IDENTIFY, { id, v: version, c: code }, { token: await tokenFor('UNIT_ADMIN', '06') }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await gql(IDENTIFY, { id, v: version, c: '187' }, { token: district }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(IDENTIFY, { id, v: version + 5, c: code }, { token: district }))).toEqual(['CONFLICT']);
    expect(await rowCounts(TABLES)).toEqual(before);
    const named = await gql(IDENTIFY, { id, v: version, c: code }, { token: district });
    expect(named.errors, JSON.stringify(named.errors)).toBeUndefined();
    expect(named.data.identifyCampaignIssuer).toMatchObject({
      issuerUnidentified: false,
      issuer: { code, level: 'COMMUNE' },
      targets: [{ unit: { code } }],
    });
    // Identified once: it is an ordinary issuer now.
    const again = await gql(IDENTIFY, { id, v: named.data.identifyCampaignIssuer.version, c: code }, { token: district });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(
      (
        await gql(
          `mutation($id: ID!, $v: Int!) { deleteCampaign(id: $id, expectedVersion: $v) }`,
          { id, v: named.data.identifyCampaignIssuer.version },
          { token: district },
        )
      ).data,
    ).toEqual({ deleteCampaign: true });
  });

  it('lists campaigns by issuer code, parent and accent-insensitive search, paged; units gain `campaigns` through federation', async () => {
    const national = await seeded('national-2021-2025');
    const list = async (filter: Record<string, unknown>, extra = '') =>
      (await gql(`query($f: CampaignFilter) { campaigns(filter: $f${extra}) { totalCount nodes { key } } }`, { f: filter })).data.campaigns;
    expect((await list({ issuerCode: '56' })).nodes.map((n: any) => n.key)).toEqual(['khanh-hoa-2021-2025']);
    expect((await list({ search: 'bac kan' })).nodes.map((n: any) => n.key)).toEqual(['bac-kan-2021-2025']);
    expect((await list({ search: 'LẠNG SƠN' })).nodes.map((n: any) => n.key)).toEqual(['chi-lang-unnamed-commune-2021-2025']);
    expect((await list({ parentId: national.id })).totalCount).toBe(5);
    const page = await list({ parentId: national.id }, ', offset: 4, limit: 2, orderBy: NAME');
    expect(page).toMatchObject({ totalCount: 5 });
    expect(page.nodes).toHaveLength(1);
    const unit = await gql(`{ unit(code: "56", asOf: "2024-01-01") { name campaigns { key issuer { name } } } }`);
    expect(unit.errors).toBeUndefined();
    expect(unit.data.unit.campaigns).toEqual([{ key: 'khanh-hoa-2021-2025', issuer: { name: 'Tỉnh Khánh Hòa' } }]);
    expect(errorCodes(await gql(`{ campaign(id: "999999") { id } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(`{ campaigns(filter: { search: "  " }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(`query($s: String) { campaigns(filter: { search: $s }) { totalCount } }`, { s: 'x\u0000' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gql(`{ campaigns(filter: { parentId: "abc" }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('serves the metric catalogue', async () => {
    const result = await gql(
      `{ metrics(limit: 100) { totalCount nodes { code nameVi unitOfMeasure kind aggregation computable reportedAt } } }`,
    );
    const catalogue = parse(readFileSync(projectPath('seeds', 'metrics', 'metrics.yaml'), 'utf8'));
    expect(result.data.metrics.totalCount).toBe(catalogue.length);
    expect(result.data.metrics.nodes.find((m: any) => m.code === 'COMMUNES_NTM')).toMatchObject({
      kind: 'COUNT',
      aggregation: 'SUM',
      computable: true,
      reportedAt: ['NATION', 'PROVINCE', 'DISTRICT'],
    });
  });
});

describe('consistency report', () => {
  it("sets Khánh Hòa's province-wide shares against the sum of its per-district fractions", async () => {
    const kh = await seeded('khanh-hoa-2021-2025');
    const result = await gql(
      `query($id: ID!) { campaignConsistency(id: $id) { campaign { key } weakerTargets { message }
      rollups { target { key } parts { key unit { code } numerator denominator } partsNumerator partsDenominator partsShare consistent message } } }`,
      { id: kh.id },
    );
    expect(result.errors).toBeUndefined();
    const report = result.data.campaignConsistency;
    const ntm = report.rollups.find((r: any) => r.target.key === 'kh-province-communes-ntm-pct');
    expect(ntm.parts.map((p: any) => `${p.unit.code}:${p.numerator}/${p.denominator}`).sort()).toEqual([
      '568:7/7',
      '569:6/6',
      '570:12/12',
      '571:11/11',
      '572:20/20',
      '573:2/13',
      '574:16/16',
      '575:1/7',
    ]);
    expect(ntm).toMatchObject({ partsNumerator: 75, partsDenominator: 92, consistent: true });
    expect(ntm.partsShare).toBeCloseTo(81.52, 1);
    expect(ntm.message).toMatch(/75\/92.* — /);
    const advanced = report.rollups.find((r: any) => r.target.key === 'kh-province-communes-advanced-pct');
    expect(advanced).toMatchObject({ partsNumerator: 37, partsDenominator: 92, consistent: true });
    expect(report.rollups.find((r: any) => r.target.key === 'kh-province-communes-model-pct')).toMatchObject({
      partsNumerator: 10,
      partsDenominator: 92,
    });
    expect(report.weakerTargets).toEqual([]);
  });
});

describe('contradictions inside a plan', () => {
  const WARNINGS = `query($id: ID!) { campaignConsistency(id: $id) { warnings { kind targets { key numerator denominator value } sources message } } }`;

  it('warns that meeting Quảng Nam\'s own 155 of 194 communes fails its "≥ 80 %", with the clause', async () => {
    const qn = await seeded('quang-nam-2021-2025');
    const result = await gql(WARNINGS, { id: qn.id });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const warnings = result.data.campaignConsistency.warnings;
    const share = warnings.find((w: any) => w.kind === 'STATED_FRACTION_MISSES_SHARE' && w.targets[0].key === 'qn-communes-ntm-pct');
    const { value, numerator, denominator } = share.targets[0];
    // By hand: 155/194 = 79.896… %, one decimal 79.9 %, below 80.
    expect([value, numerator, denominator]).toEqual([80, 155, 194]);
    const stated = Math.round((1000 * numerator) / denominator) / 10;
    expect(stated).toBe(79.9);
    expect(share.message).toContain(`${numerator}/${denominator} chỉ là ${String(stated).replace('.', ',')} %`);
    expect(share.message).toContain(`${numerator}/${denominator} is ${stated} %`);
    expect(share.sources).toEqual(['004_c88bf12968662cf0.txt §I.1.b ¶1 +1']);
    expect(share.message).toContain('(004_c88bf12968662cf0.txt §I.1.b ¶1 +1)');
  });

  it("warns that Bắc Kạn's +46 over the period exceeds the sum of its yearly increases, naming the clauses", async () => {
    const bk = await seeded('bac-kan-2021-2025');
    const result = await gql(WARNINGS, { id: bk.id });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const increments = await sql(
      `SELECT key, year, value, increment_over FROM campaigns.target WHERE campaign_id = $1 AND metric_code = 'COMMUNES_NTM' AND is_increment ORDER BY year`,
      [bk.id],
    );
    const period = increments.find((t: any) => t.increment_over === 'PERIOD_START');
    if (!period) throw new Error('Bắc Kạn has no increment over the period start');
    const yearly = increments.filter((t: any) => t.increment_over === 'PREVIOUS_YEAR');
    const sum = yearly.reduce((total: number, t: any) => total + Number(t.value), 0);
    expect([Number(period.value), sum]).toEqual([46, 40]);
    const warning = result.data.campaignConsistency.warnings.find(
      (w: any) => w.kind === 'INCREMENTS_DISAGREE' && w.targets[0].key === period.key,
    );
    expect(warning.targets.map((t: any) => t.key)).toEqual([period.key, ...yearly.map((t: any) => t.key)]);
    expect(warning.message).toContain(
      `là 46 nhưng các mức tăng từng năm 2022–2025 cộng lại 9 + 9 + 10 + 12 = ${sum}; ${46 - sum} không thuộc năm nào kế hoạch nêu`,
    );
    expect(warning.message).toContain('(002_87d73be3bd6a39be.txt §I.1 ¶2; §I.1 ¶2 +1; §I.1 ¶2 +2; §I.1 ¶2 +3; §I.1 ¶2 +4)');
    // The advanced communes agree (+15 = 2 + 4 + 3 + 6): no warning for them.
    expect(result.data.campaignConsistency.warnings.filter((w: any) => w.kind === 'INCREMENTS_DISAGREE')).toHaveLength(1);
  });
});

describe('writing campaigns, targets and milestones', () => {
  const CREATE_TARGET = `mutation($i: CreateTargetInput!) { createTarget(input: $i) { ${TARGET_FIELDS} } }`;

  it("refuses anonymous callers and other provinces' administrators, writing nothing", async () => {
    const kh = await seeded('khanh-hoa-2021-2025');
    const before = await rowCounts(TABLES);
    const input = { campaignId: kh.id, unitCode: '574', metric: 'COMMUNES_NTM', comparator: 'GTE', valueUnit: 'COUNT', value: 10 };
    expect(errorCodes(await gql(CREATE_TARGET, { i: input }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(
        await gql(
          `mutation { createCampaign(input: { name: "x", issuerCode: "56", periodStart: "2021-01-01", periodEnd: "2025-12-31" }) { id } }`,
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    const bacKanAdmin = await tokenFor('UNIT_ADMIN', '06');
    expect(errorCodes(await gql(CREATE_TARGET, { i: input }, { token: bacKanAdmin }))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(
          `mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id } }`,
          { i: { parentId: kh.id, issuerCode: '574' } },
          { token: bacKanAdmin },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const viewer = await tokenFor('VIEWER', '56');
    expect(
      errorCodes(await gql(`mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 1) }`, { id: kh.id }, { token: viewer })),
    ).toEqual(['FORBIDDEN']);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('rejects invalid targets with BAD_USER_INPUT or NOT_FOUND and writes nothing', async () => {
    const kh = await seeded('khanh-hoa-2021-2025');
    const token = await tokenFor('UNIT_ADMIN', '56');
    const base = {
      campaignId: kh.id,
      unitCode: '574',
      metric: 'COMMUNES_ADVANCED',
      comparator: 'GTE',
      valueUnit: 'COUNT',
      value: 8,
      year: 2025,
    };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ unitCode: '063' }, 'BAD_USER_INPUT', 'unitCode'], // Bạch Thông, Bắc Kạn: outside the issuer's subtree
      [{ year: 2030 }, 'BAD_USER_INPUT', 'year'], // outside the period
      [{ numerator: 9, denominator: 8 }, 'BAD_USER_INPUT', 'denominator'], // denominator < numerator
      [{ numerator: -1, denominator: 8 }, 'BAD_USER_INPUT', 'numerator'],
      [{ value: null, valueMin: 3, valueMax: 2 }, 'BAD_USER_INPUT', 'valueMin'],
      [{ valueMin: 2, valueMax: 3 }, 'BAD_USER_INPUT', 'value'], // value and range both
      [{ value: null }, 'BAD_USER_INPUT', 'value'], // neither
      [{ metric: 'NO_SUCH_METRIC' }, 'BAD_USER_INPUT', 'metric'],
      [{ metric: 'UNIT_STATUS', valueUnit: 'NONE', value: null }, 'BAD_USER_INPUT', 'status'],
      [{ valueUnit: 'PERCENT', value: 120 }, 'BAD_USER_INPUT', 'value'],
      [{ valueUnit: 'METRIC' }, 'BAD_USER_INPUT', 'valueUnit'], // a count is a count or a share
      [{ isIncrement: false, incrementOver: 'PREVIOUS_YEAR' }, 'BAD_USER_INPUT', 'incrementOver'],
      [{ quote: 'a\u0000b' }, 'BAD_USER_INPUT'],
      [{ unitCode: '99999' }, 'NOT_FOUND'],
      [{ campaignId: '999999' }, 'NOT_FOUND'],
    ];
    const before = await rowCounts([...TABLES, 'audit.audit_log']);
    for (const [change, code, field] of cases) {
      const result = await gql(CREATE_TARGET, { i: { ...base, ...change } }, { token });
      expect(errorCodes(result), JSON.stringify(change)).toEqual([code]);
      if (field) expect(result.errors![0].extensions!.field, JSON.stringify(change)).toBe(field);
      expect(result.errors![0].message).toMatch(/ — /);
    }
    expect(await rowCounts([...TABLES, 'audit.audit_log'])).toEqual(before);
  });

  it("derives Diên Khánh's campaign from Khánh Hòa's, edits a target with optimistic locking, and flags a weaker child target", async () => {
    const kh = await seeded('khanh-hoa-2021-2025');
    const province = await tokenFor('UNIT_ADMIN', '56');
    const district = await tokenFor('UNIT_ADMIN', '574');
    const before = await rowCounts(TABLES);

    // The issuer must lie strictly below the parent's: Khánh Hòa cannot derive from itself.
    expect(
      errorCodes(
        await gql(
          `mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id } }`,
          { i: { parentId: kh.id, issuerCode: '56' } },
          { token: province },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await gql(
          `mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id } }`,
          { i: { parentId: kh.id, issuerCode: '574', periodEnd: '2026-12-31' } },
          { token: district },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(await rowCounts(TABLES)).toEqual(before);

    const derived = await gql(
      `mutation($i: DeriveCampaignInput!) { deriveCampaign(input: $i) { id name slogan status periodStart periodEnd version
      issuer { code name } parent { key } milestones { kind year } subjects { type criteriaText } targets { id } } }`,
      { i: { parentId: kh.id, issuerCode: '574' } },
      { token: district },
    );
    expect(derived.errors).toBeUndefined();
    const child = derived.data.deriveCampaign;
    expect(child).toMatchObject({
      name: 'Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025 trên địa bàn huyện Diên Khánh',
      slogan: kh.slogan,
      status: 'DRAFT',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      version: 1,
      issuer: { code: '574', name: 'Huyện Diên Khánh' },
      parent: { key: 'khanh-hoa-2021-2025' },
      targets: [],
    });
    expect(child.milestones).toEqual(kh.milestones.map((m: any) => ({ kind: m.kind, year: m.year })));
    expect(child.subjects).toEqual(kh.subjects.map((s: any) => ({ type: s.type, criteriaText: s.criteriaText })));

    const created = await gql(
      CREATE_TARGET,
      {
        i: {
          campaignId: child.id,
          unitCode: '574',
          metric: 'COMMUNES_ADVANCED',
          year: 2025,
          comparator: 'GTE',
          valueUnit: 'COUNT',
          value: 6,
          numerator: 6,
          denominator: 16,
          denominatorBasis: 'ALL_COMMUNES',
          source: 'test',
        },
      },
      { token: district },
    );
    expect(created.errors).toBeUndefined();
    const target = created.data.createTarget;
    expect(target).toMatchObject({ version: 1, unit: { code: '574', name: 'Huyện Diên Khánh' }, metric: { code: 'COMMUNES_ADVANCED' } });
    // Written through the ORM, so the audit log has who did it and where, in the same transaction.
    const audit = await sql(
      `SELECT action, unit_id, unit_path::text, username FROM audit.audit_log WHERE subgraph = 'campaigns' AND entity = 'Target' AND entity_id = $1`,
      [target.id],
    );
    expect(audit).toEqual([
      { action: 'CREATE', unit_id: 1200574, unit_path: '1.1100056.1200574', username: expect.stringMatching(/^test-unit_admin-574-/) },
    ]);

    const report = await gql(
      `query($id: ID!) { campaignConsistency(id: $id) { weakerTargets { parentTarget { key } childTarget { id } message } } }`,
      { id: kh.id },
    );
    expect(report.data.campaignConsistency.weakerTargets).toEqual([
      {
        parentTarget: { key: 'kh-dien-khanh-communes-advanced' },
        childTarget: { id: target.id },
        message: expect.stringMatching(/≥ 6 .*≥ 8 /),
      },
    ]);

    const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateTargetInput!) { updateTarget(id: $id, expectedVersion: $v, input: $i) { value numerator version } }`;
    const updated = await gql(UPDATE, { id: target.id, v: 1, i: { value: 9, numerator: 9 } }, { token: district });
    expect(updated.data.updateTarget).toEqual({ value: 9, numerator: 9, version: 2 });
    const stale = await gql(UPDATE, { id: target.id, v: 1, i: { value: 10 } }, { token: district });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(errorCodes(await gql(UPDATE, { id: target.id, v: 2, i: { numerator: 17 } }, { token: district }))).toEqual(['BAD_USER_INPUT']);
    const cleared = await gql(UPDATE, { id: target.id, v: 2, i: { numerator: null, denominator: null } }, { token: district });
    expect(cleared.data.updateTarget).toEqual({ value: 9, numerator: null, version: 3 });
    const after = await gql(`query($id: ID!) { campaignConsistency(id: $id) { weakerTargets { message } } }`, { id: kh.id });
    expect(after.data.campaignConsistency.weakerTargets).toEqual([]);

    // The parent cannot go while it has children; the child goes with its targets, milestones and subjects.
    const khVersion = (await seeded('khanh-hoa-2021-2025')).version;
    expect(
      errorCodes(
        await gql(
          `mutation($id: ID!, $v: Int!) { deleteCampaign(id: $id, expectedVersion: $v) }`,
          { id: kh.id, v: khVersion },
          { token: province },
        ),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(await gql(`mutation($id: ID!) { deleteTarget(id: $id, expectedVersion: 1) }`, { id: target.id }, { token: district })),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(await gql(`mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 7) }`, { id: child.id }, { token: district })),
    ).toEqual(['CONFLICT']);
    expect(
      (await gql(`mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 1) }`, { id: child.id }, { token: district })).data,
    ).toEqual({ deleteCampaign: true });
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('creates, updates and deletes a campaign and its milestones', async () => {
    const national = await seeded('national-2021-2025');
    const token = await tokenFor('UNIT_ADMIN', '56');
    const before = await rowCounts(TABLES);
    const created = await gql(
      `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id name version status issuer { code } parent { key }
      plan { number date signer legalBases { number date } parentPlanRef { number } } } }`,
      {
        i: {
          name: 'Phong trào thử nghiệm',
          issuerCode: '56',
          asOf: '2023-01-01',
          parentId: national.id,
          periodStart: '2023-01-01',
          periodEnd: '2025-12-31',
          plan: {
            number: '99/KH-UBND',
            date: '2023-02-01',
            signer: 'Người Ký',
            legalBases: [{ number: '587/QĐ-TTg', date: '2022-05-18' }],
            parentPlanRef: { number: '587/QĐ-TTg' },
          },
        },
      },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const campaign = created.data.createCampaign;
    expect(campaign).toMatchObject({
      version: 1,
      status: 'DRAFT',
      issuer: { code: '56' },
      parent: { key: 'national-2021-2025' },
      plan: {
        number: '99/KH-UBND',
        date: '2023-02-01',
        legalBases: [{ number: '587/QĐ-TTg', date: '2022-05-18' }],
        parentPlanRef: { number: '587/QĐ-TTg' },
      },
    });

    const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateCampaignInput!) { updateCampaign(id: $id, expectedVersion: $v, input: $i) { name status version plan { number signer } } }`;
    const updated = await gql(UPDATE, { id: campaign.id, v: 1, i: { status: 'ACTIVE', plan: { signer: 'Người Khác' } } }, { token });
    expect(updated.data.updateCampaign).toEqual({
      name: 'Phong trào thử nghiệm',
      status: 'ACTIVE',
      version: 2,
      plan: { number: '99/KH-UBND', signer: 'Người Khác' },
    });
    expect(errorCodes(await gql(UPDATE, { id: campaign.id, v: 1, i: { name: 'x' } }, { token }))).toEqual(['CONFLICT']);
    expect(errorCodes(await gql(UPDATE, { id: campaign.id, v: 2, i: { periodEnd: '2022-12-31' } }, { token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(UPDATE, { id: campaign.id, v: 2, i: { periodEnd: '2026-12-31' } }, { token }))).toEqual(['BAD_USER_INPUT']);

    const MILESTONE = `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id kind recurrence year deadlineDay deadlineMonth version } }`;
    const annual = await gql(
      MILESTONE,
      { i: { campaignId: campaign.id, kind: 'ANNUAL', deadlineDay: 15, deadlineMonth: 12, description: 'Hồ sơ trước 15/12' } },
      { token },
    );
    expect(annual.data.createMilestone).toMatchObject({
      kind: 'ANNUAL',
      recurrence: 'ANNUAL',
      deadlineDay: 15,
      deadlineMonth: 12,
      version: 1,
    });
    const invalid: Record<string, unknown>[] = [
      { kind: 'ANNUAL', deadlineDay: 31, deadlineMonth: 2, description: 'x' },
      { kind: 'MID_TERM_REVIEW', year: 2021, description: 'x' },
      { kind: 'MID_TERM_REVIEW', deadlineDay: 1, deadlineMonth: 1, description: 'x' },
      { kind: 'FINAL_REVIEW', year: 2025, description: '  ' },
    ];
    const middle = await rowCounts(TABLES);
    for (const input of invalid)
      expect(errorCodes(await gql(MILESTONE, { i: { campaignId: campaign.id, ...input } }, { token })), JSON.stringify(input)).toEqual([
        'BAD_USER_INPUT',
      ]);
    expect(await rowCounts(TABLES)).toEqual(middle);
    const moved = await gql(
      `mutation($id: ID!, $i: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: 1, input: $i) { deadlineDay version } }`,
      { id: annual.data.createMilestone.id, i: { deadlineDay: 10 } },
      { token },
    );
    expect(moved.data.updateMilestone).toEqual({ deadlineDay: 10, version: 2 });
    expect(
      errorCodes(
        await gql(`mutation($id: ID!) { deleteMilestone(id: $id, expectedVersion: 1) }`, { id: annual.data.createMilestone.id }, { token }),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      (await gql(`mutation($id: ID!) { deleteMilestone(id: $id, expectedVersion: 2) }`, { id: annual.data.createMilestone.id }, { token }))
        .data,
    ).toEqual({ deleteMilestone: true });
    expect((await gql(`mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 2) }`, { id: campaign.id }, { token })).data).toEqual({
      deleteCampaign: true,
    });
    expect(await rowCounts(TABLES)).toEqual(before);
    expect(
      errorCodes(await gql(`mutation($id: ID!) { deleteCampaign(id: $id, expectedVersion: 2) }`, { id: campaign.id }, { token })),
    ).toEqual(['NOT_FOUND']);
  });

  it('lets administrators of the nation extend the metric catalogue', async () => {
    const CREATE = `mutation($i: CreateMetricInput!) { createMetric(input: $i) { code nameVi kind computable reportedAt } }`;
    const input = {
      code: 'HOUSEHOLDS_SOLAR',
      nameVi: 'Tỷ lệ hộ dùng điện mặt trời',
      nameEn: 'Share of households with solar power',
      unitOfMeasure: '%',
      kind: 'SHARE',
      aggregation: 'RATIO',
      appliesTo: 'HOUSEHOLD',
      reportedAt: ['PROVINCE'],
    };
    const before = await rowCounts(TABLES);
    expect(errorCodes(await gql(CREATE, { i: input }, { token: await tokenFor('UNIT_ADMIN', '56') }))).toEqual(['FORBIDDEN']);
    const nation = await tokenFor('UNIT_ADMIN', 'VN');
    expect(errorCodes(await gql(CREATE, { i: { ...input, code: 'bad code' } }, { token: nation }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(CREATE, { i: { ...input, code: 'COMMUNES_NTM' } }, { token: nation }))).toEqual(['CONFLICT']);
    expect(await rowCounts(TABLES)).toEqual(before);
    const created = await gql(CREATE, { i: input }, { token: nation });
    expect(created.data.createMetric).toEqual({
      code: 'HOUSEHOLDS_SOLAR',
      nameVi: input.nameVi,
      kind: 'SHARE',
      computable: false,
      reportedAt: ['PROVINCE'],
    });
    const found = await gql(`{ metrics(filter: { search: "dien mat troi" }) { nodes { code } } }`);
    expect(found.data.metrics.nodes).toEqual([{ code: 'HOUSEHOLDS_SOLAR' }]);
  });
});

describe('the targets list: filters, sorting and paging on the server', () => {
  const LIST = `query($f: TargetFilter, $o: Int, $l: Int, $by: TargetOrderField, $d: SortDirection) {
    targets(filter: $f, offset: $o, limit: $l, orderBy: $by, direction: $d) { totalCount nodes { id key year value valueMin quote note source unit { code } metric { code } campaign { key } } } }`;
  const list = async (variables: Record<string, unknown>) => {
    const result = await gql(LIST, variables);
    expect(result.errors, JSON.stringify(variables)).toBeUndefined();
    return result.data.targets as { totalCount: number; nodes: any[] };
  };
  /** The seed file's targets, with the unit each one is on. */
  const plan = (file: string) => {
    const doc = parse(readFileSync(projectPath('seeds', 'plans', file), 'utf8'));
    return (doc.targets as any[]).map((t) => ({ ...t, unitCode: t.unit?.code ?? doc.campaign.issuer.code }));
  };
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const campaignId = async (key: string) => (await seeded(key)).id as string;

  it("filters by campaign and metric, by unit codes and by a unit's subtree", async () => {
    const kh = await campaignId('khanh-hoa-2021-2025');
    const khPlan = plan('003-khanh-hoa.yaml');
    const ntm = await list({ f: { campaignId: kh, metric: 'COMMUNES_NTM' }, l: 100 });
    expect(ntm.totalCount).toBe(9);
    expect(ntm.nodes.map((t) => t.key)).toEqual(khPlan.filter((t) => t.metric === 'COMMUNES_NTM').map((t) => t.key));
    expect(new Set(ntm.nodes.map((t) => `${t.campaign.key} ${t.metric.code}`))).toEqual(new Set(['khanh-hoa-2021-2025 COMMUNES_NTM']));

    const rows = await list({ f: { campaignId: kh, unitCodes: ['570', '571'] }, l: 100 });
    expect(rows.totalCount).toBe(8);
    expect(new Set(rows.nodes.map((t) => t.unit.code))).toEqual(new Set(['570', '571']));

    // Diên Khánh's subtree in Khánh Hòa's plan: its own five targets, not the province's or other districts'.
    const dienKhanh = await list({ f: { campaignId: kh, withinCode: '574' }, l: 100 });
    expect(dienKhanh.nodes.map((t) => t.key)).toEqual(khPlan.filter((t) => t.unitCode === '574').map((t) => t.key));
    expect(dienKhanh.totalCount).toBe(5);

    // Cẩm Xuyên (district 446): the district's targets and those of its communes Cẩm Thành (18673) and Cẩm Thăng (18676).
    const camXuyen = await list({ f: { withinCode: '446', asOf: '2021-01-01' }, l: 100 });
    expect(camXuyen.nodes.filter((t) => t.campaign.key === 'cam-xuyen-2021-2025')).toHaveLength(23);
    expect(new Set(camXuyen.nodes.map((t) => t.unit.code))).toEqual(new Set(['446', '18673', '18676']));
    const commune = await list({ f: { withinCode: '18673', asOf: '2021-01-01' } });
    expect(commune.nodes.map((t) => t.unit.code)).toEqual(commune.nodes.map(() => '18673'));
    expect(commune.totalCount).toBeGreaterThanOrEqual(1);
    expect(commune.totalCount).toBeLessThan(camXuyen.totalCount);

    const bacKan2023 = await list({ f: { campaignId: await campaignId('bac-kan-2021-2025'), metric: 'COMMUNES_NTM', year: 2023 }, l: 100 });
    expect(bacKan2023.nodes.map((t) => t.year)).toEqual(bacKan2023.nodes.map(() => 2023));
    expect(bacKan2023.totalCount).toBe(plan('002-bac-kan.yaml').filter((t) => t.metric === 'COMMUNES_NTM' && t.year === 2023).length);
  });

  it('sorts by year, value and unit code with the period end last and ties by id', async () => {
    const kh = await campaignId('khanh-hoa-2021-2025');
    const khPlan = plan('003-khanh-hoa.yaml').map((t, index) => ({ ...t, index }));
    const latest = await list({ f: { campaignId: kh }, by: 'YEAR', d: 'DESC', l: 3 });
    const byYearDesc = [...khPlan].sort((a, b) => (b.year ?? 9999) - (a.year ?? 9999) || b.index - a.index);
    expect(latest.nodes.map((t) => t.key)).toEqual(byYearDesc.slice(0, 3).map((t) => t.key));
    expect(latest.totalCount).toBe(30);
    const earliest = await list({ f: { campaignId: kh }, by: 'YEAR', d: 'ASC', l: 100 });
    const years = earliest.nodes.map((t) => t.year ?? Infinity);
    expect(years).toEqual([...years].sort((a, b) => a - b));

    const lowest = await list({ f: { campaignId: kh, metric: 'COMMUNES_NTM' }, by: 'VALUE', d: 'ASC', l: 100 });
    const values = lowest.nodes.map((t) => t.value ?? t.valueMin);
    const seededValues = khPlan
      .filter((t) => t.metric === 'COMMUNES_NTM')
      .map((t) => t.value ?? t.valueMin)
      .sort((a, b) => a - b);
    expect(values).toEqual(seededValues);

    const byCode = await list({ f: { campaignId: kh }, by: 'UNIT_CODE', l: 100 });
    const codes = byCode.nodes.map((t) => t.unit.code);
    expect(codes[0]).toBe('56');
    expect(codes).toEqual([...codes].sort());
    expect((await list({ f: { campaignId: kh }, by: 'UNIT_CODE', d: 'DESC', l: 1 })).nodes[0].unit.code).toBe('575');

    const metrics = await gql(`{ metrics(orderBy: NAME_VI, limit: 500) { nodes { nameVi } } }`);
    const names = metrics.data.metrics.nodes.map((m: any) => m.nameVi);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    const byKind = await gql(`{ metrics(orderBy: KIND, direction: DESC, limit: 500) { nodes { kind code } } }`);
    const kinds = byKind.data.metrics.nodes.map((m: any) => m.kind);
    expect(kinds).toEqual([...kinds].sort().reverse());
  });

  it('pages consistently: the pages add up to the whole, each with the same total', async () => {
    const kh = await campaignId('khanh-hoa-2021-2025');
    const pages = [];
    for (let offset = 0; offset < 30; offset += 7) pages.push(await list({ f: { campaignId: kh }, by: 'CAMPAIGN', o: offset, l: 7 }));
    expect(pages.map((p) => p.totalCount)).toEqual(pages.map(() => 30));
    expect(pages.flatMap((p) => p.nodes.map((t) => t.key))).toEqual(plan('003-khanh-hoa.yaml').map((t) => t.key));
    expect(await list({ f: { campaignId: kh }, o: 30, l: 7 })).toEqual({ totalCount: 30, nodes: [] });
  });

  it('searches quote, note and source without accents', async () => {
    const found = await list({ f: { search: 'it nhat 80% so xa dat chuan' }, l: 100 });
    expect(found.nodes.map((t) => t.key)).toContain('kh-province-communes-ntm-pct');
    for (const t of found.nodes)
      expect(fold([t.quote, t.note, t.source].filter(Boolean).join(' '))).toContain('it nhat 80% so xa dat chuan');
    expect((await list({ f: { search: 'dien khanh', campaignId: await campaignId('bac-kan-2021-2025') } })).totalCount).toBe(0);
  });

  it('reads one target by id and refuses bad ids, unit codes and page sizes', async () => {
    const [first] = (await list({ f: { campaignId: await campaignId('khanh-hoa-2021-2025') }, l: 1 })).nodes;
    const one = await gql(`query($id: ID!) { target(id: $id) { id key unit { code } metric { code } } }`, { id: first.id });
    expect(one.data.target).toEqual({
      id: first.id,
      key: 'kh-province-communes-ntm-pct',
      unit: { code: '56' },
      metric: { code: 'COMMUNES_NTM' },
    });
    expect(errorCodes(await gql(`{ target(id: "abc") { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(`{ target(id: "999999") { id } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(LIST, { l: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(LIST, { l: 501 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(LIST, { f: { campaignId: 'x' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(LIST, { f: { search: '  ' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(LIST, { f: { unitCodes: Array.from({ length: 101 }, (_, i) => String(i)) } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(LIST, { f: { withinCode: '99999' } }))).toEqual(['NOT_FOUND']);
  });
});
