import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { auditedSql, rowCounts } from './support/db.js';
import { hubUrl } from './support/hub.js';

/**
 * Every input has a domain and a size, and no stored row breaks a read: absurd numbers, huge texts and lists are
 * refused with BAD_USER_INPUT before anything is written; a stored ±Infinity, NaN or -1e308 reads as null.
 */
const ASOF = '2024-01-01';
const TABLES = [
  'campaigns.campaign',
  'campaigns.target',
  'awards.award_standard',
  'awards.contribution',
  'awards.contributor',
  'audit.audit_log',
];
let admin: string;
let campaignId: string;
let commune: string;

beforeAll(async () => {
  admin = await tokenFor('UNIT_ADMIN', '06');
  const campaigns = await gql(`{ campaigns(limit: 100) { nodes { id key } } }`);
  campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'bac-kan-2021-2025').id;
  const units = await gql(
    `{ units(filter: { withinCode: "06", level: COMMUNE, kind: COMMUNE, asOf: "${ASOF}" }, limit: 1, orderBy: CODE, direction: DESC) { nodes { code } } }`,
  );
  commune = units.data.units.nodes[0].code;
});

describe('numeric domains, sizes and dates of inputs', () => {
  it('refuses out-of-domain numbers, oversized texts and lists, and impossible years, writing nothing', async () => {
    const target = {
      campaignId,
      unitCode: '06',
      metric: 'AVG_CRITERIA_MET',
      comparator: 'GTE',
      valueUnit: 'METRIC',
      value: 15,
      year: 2025,
    };
    const createTarget = (change: Record<string, unknown>) =>
      gql(`mutation($i: CreateTargetInput!) { createTarget(input: $i) { id } }`, { i: { ...target, ...change } }, { token: admin });
    const campaign = {
      name: 'Phong trào kiểm thử miền giá trị',
      issuerCode: '06',
      asOf: ASOF,
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
    };
    const createCampaign = (change: Record<string, unknown>) =>
      gql(`mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`, { i: { ...campaign, ...change } }, { token: admin });
    const contribution = {
      campaignId,
      date: '2024-05-15',
      kind: 'MONEY',
      valueVnd: 1,
      contributor: { kind: 'HOUSEHOLD', name: 'Hộ kiểm thử miền', unitCode: commune, asOf: ASOF },
    };
    const record = (change: Record<string, unknown>) =>
      gql(
        `mutation($i: RecordContributionInput!) { recordContribution(input: $i) { id } }`,
        { i: { ...contribution, ...change } },
        { token: admin },
      );
    const condition = { precondition: { key: 'NO_DEBT', label: 'Không nợ' } };
    const standard = (rule: unknown) =>
      gql(
        `mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }`,
        {
          i: {
            campaignId,
            subjectType: 'COMMUNE',
            occasion: 'MID_TERM_REVIEW',
            year: 2023,
            formCode: 'PROVINCE_CERTIFICATE',
            criteriaText: 'Kiểm thử quy tắc lớn',
            rule,
          },
        },
        { token: admin },
      );

    const before = await rowCounts(TABLES);
    const cases: [string, Promise<any>, string?][] = [
      ['a target of -1e308', createTarget({ value: -1e308 }), 'CreateTargetInput.value'],
      ['a target of 1e16', createTarget({ value: 1e16 }), 'CreateTargetInput.value'],
      ['a share of 150 %', createTarget({ metric: 'COMMUNES_NTM', valueUnit: 'PERCENT', value: 150 }), 'value'],
      ['a negative datasetCount', createTarget({ datasetCount: -1 }), 'CreateTargetInput.datasetCount'],
      ['a negative denominator', createTarget({ numerator: 0, denominator: -5 }), 'CreateTargetInput.denominator'],
      ['a year 0100 campaign', createCampaign({ periodStart: '0100-01-01' })],
      ['a 900 KB campaign name', createCampaign({ name: 'x'.repeat(900_000) })],
      ['a 501-character campaign name', createCampaign({ name: 'Phong trào '.padEnd(501, 'x') })],
      ['a note of 10,001 characters', createCampaign({ note: 'n'.repeat(10_001) })],
      ['a contribution of 1e16 đồng', record({ valueVnd: 1e16 }), 'RecordContributionInput.valueVnd'],
      ['a negative contribution', record({ valueVnd: -1 }), 'RecordContributionInput.valueVnd'],
      ['a rule with 5,000 conditions', standard({ all: Array(5000).fill(condition) }), 'RuleInput.all'],
      ['a rule with 201 conditions in groups of 200 or fewer', standard({ all: [{ all: Array(200).fill(condition) }, condition] }), 'rule'],
      [
        'a list of 1,001 unit codes',
        gql(`query($c: [String!]) { compare(input: { unitCodes: $c, metrics: ["COMMUNES_NTM"], year: 2024 }) { unitCount } }`, {
          c: Array(1001).fill('06'),
        }),
      ],
    ];
    for (const [label, pending, field] of cases) {
      const result = await pending;
      expect(errorCodes(result), label).toEqual(['BAD_USER_INPUT']);
      if (field)
        expect(field.includes('.') ? result.errors[0].extensions.coordinate : result.errors[0].extensions.field, label).toBe(field);
      expect(result.errors[0].message, label).toMatch(/ — /);
    }
    expect(await rowCounts(TABLES)).toEqual(before);
    // What lies within the bounds still passes: a 500-character name, a 200-condition rule.
    const within = await standard({ all: Array(200).fill(condition) });
    expect(within.errors).toBeUndefined();
  });

  it('answers hostile values in any argument with BAD_USER_INPUT, never an internal error', async () => {
    const token = await tokenFor('SYSTEM_ADMIN');
    const nested = (depth: number): unknown => (depth ? { all: [nested(depth - 1)] } : { precondition: { key: 'A', label: 'b' } });
    const cases: [string, string, Record<string, unknown>?][] = [
      ['an id beyond int4', '{ campaign(id: "999999999999999") { id } }'],
      ['ids beyond int4', '{ unitsByIds(ids: ["999999999999999"]) { id } }'],
      ['a filter id beyond int4', '{ contributions(filter: { withinUnitId: "99999999999" }) { totalCount } }'],
      ['a list of ids beyond int4', '{ assessments(filter: { unitIds: ["1", "2147483648"] }) { totalCount } }'],
      [
        'a float literal 1e400',
        'mutation { recordContribution(input: { campaignId: "1", kind: LAND, quantity: 1e400, unitPriceVnd: 1, date: "2024-01-01", contributor: { kind: HOUSEHOLD, name: "x", unitCode: "568" } }) { id } }',
      ],
      [
        'a lone surrogate',
        'mutation($s: String) { setUnitClassification(input: { unitCode: "06", asOf: "2024-01-01", scheme: BORDER, source: $s }) { id } }',
        { s: 'x\ud800y' },
      ],
      [
        'variables nested 2,000 levels',
        'mutation($r: RuleInput) { createAwardStandard(input: { campaignId: "1", criteriaText: "x", subjectType: COMMUNE, occasion: ANNUAL, rule: $r }) { id } }',
        { r: nested(2000) },
      ],
    ];
    const before = await rowCounts(TABLES);
    for (const [label, query, variables] of cases) {
      const result = await gql(query, variables, { token });
      expect(result.status, label).toBeLessThan(500);
      expect(errorCodes(result), label).toEqual(['BAD_USER_INPUT']);
    }
    expect(await rowCounts(TABLES)).toEqual(before);
  });
});

describe('stored absurd values', () => {
  let absurdCampaign: string;
  afterAll(async () => {
    if (absurdCampaign) await auditedSql('campaigns', 'DELETE FROM campaigns.campaign WHERE id = $1', [absurdCampaign]);
  });

  it('reads a target stored as Infinity, NaN or -1e308 as null in campaigns, comparisons, progress and exports', async () => {
    const created = await gql(
      `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`,
      { i: { name: 'Phong trào có giá trị vô lý', issuerCode: commune, asOf: ASOF, periodStart: '2021-01-01', periodEnd: '2025-12-31' } },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    absurdCampaign = created.data.createCampaign.id;
    const unitId = (await gql(`query($c: String!) { unit(code: $c, asOf: "${ASOF}") { id } }`, { c: commune })).data.unit.id;
    // Written straight into the table, as a row from before inputs were bounded, or from another writer, would be.
    for (const [year, value] of [
      [2022, 'Infinity'],
      [2023, 'NaN'],
      [2024, '-1e308'],
    ] as const) {
      await auditedSql(
        'campaigns',
        `INSERT INTO campaigns.target (campaign_id, unit_id, metric_code, year, comparator, value_unit, value) VALUES ($1, $2, 'COMMUNES_NTM', $3, 'GTE', 'COUNT', $4::float8)`,
        [absurdCampaign, unitId, year, value],
      );
    }
    const targets = await gql(`query($id: ID!) { campaign(id: $id) { targets { year value } } }`, { id: absurdCampaign });
    expect(targets.errors).toBeUndefined();
    expect(targets.data.campaign.targets.map((t: any) => [t.year, t.value])).toEqual([
      [2022, null],
      [2023, null],
      [2024, -1e308],
    ]);

    for (const year of [2022, 2023, 2024]) {
      const compared = await gql(
        `query($c: [String!], $y: Int!) { compare(input: { unitCodes: $c, metrics: ["COMMUNES_NTM"], year: $y, asOf: "${ASOF}" }) { rows { actual target gap onTrack } } }`,
        { c: [commune], y: year },
      );
      expect(compared.errors, `compare ${year}`).toBeUndefined();
      expect(compared.data.compare.rows).toHaveLength(1);
    }
    const progress = await gql(
      `query($c: String!) { progress(unitCode: $c, metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025, asOf: "${ASOF}") { year actual target gap } }`,
      { c: commune },
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data.progress.map((p: any) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const point of progress.data.progress)
      for (const v of [point.target, point.gap]) if (v !== null) expect(Number.isFinite(v)).toBe(true);

    for (const format of ['csv', 'xlsx']) {
      const response = await fetch(
        `${hubUrl()}/exports/progress.${format}?unitCode=${commune}&metric=COMMUNES_NTM&fromYear=2021&toYear=2025&asOf=${ASOF}`,
      );
      expect(response.status, format).toBe(200);
      if (format === 'csv') expect(await response.text()).not.toMatch(/Infinity|NaN/);
    }
  });
});

describe('staff names in workflow history', () => {
  it('shows who moved a nomination only to callers with a role over the unit; others see the role', async () => {
    const standard = await gql(
      `mutation($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { id } }`,
      {
        i: {
          campaignId,
          subjectType: 'COMMUNE',
          occasion: 'MID_TERM_REVIEW',
          year: 2023,
          formCode: 'PROVINCE_CERTIFICATE',
          criteriaText: 'Kiểm thử tên cán bộ',
        },
      },
      { token: admin },
    );
    const created = await gql(
      `mutation($i: CreateNominationInput!) { createNomination(input: $i) { id transitions { username } } }`,
      {
        i: {
          standardId: standard.data.createAwardStandard.id,
          subject: { unitCode: commune, asOf: ASOF },
          year: 2023,
          proposingUnitCode: '06',
        },
      },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createNomination;
    const staff = created.data.createNomination.transitions[0].username as string;
    expect(staff).toMatch(/^test-unit_admin-06-/);
    const read = (token?: string) => gql(`query($id: ID!) { nomination(id: $id) { transitions { username } } }`, { id }, { token });

    const anonymous = await read();
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.nomination.transitions).toEqual([{ username: 'Cán bộ đơn vị trình — staff of the proposing unit' }]);
    expect((await read(await tokenFor('VIEWER', '56'))).data.nomination.transitions[0].username).not.toBe(staff);
    expect((await read(await tokenFor('VIEWER', '06'))).data.nomination.transitions[0].username).toBe(staff);
  });
});
