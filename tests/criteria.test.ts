import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';

const ASSESSMENT_TABLES = [
  'criteria.assessment',
  'criteria.assessment_result',
  'criteria.assessment_indicator_value',
  'criteria.assessment_change',
];

const setByCode = async (code: string) => {
  const result = await gql(`query($c: String) { criteriaSets(filter: { code: $c }) { nodes { id code version } } }`, { c: code });
  expect(result.errors).toBeUndefined();
  return result.data.criteriaSets.nodes[0] as { id: string; code: string; version: number };
};

/** Codes of rural communes (xã) in a province's subtree, valid on a date. */
const communes = async (provinceCode: string, asOf = '2024-01-01', limit = 5): Promise<string[]> => {
  const result = await gql(
    `query($p: String, $d: Date, $l: Int) { units(filter: { withinCode: $p, level: COMMUNE, kind: COMMUNE, asOf: $d }, limit: $l) { nodes { code } } }`,
    { p: provinceCode, d: asOf, l: limit },
  );
  return result.data.units.nodes.map((n: { code: string }) => n.code);
};

const RECORD = `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) {
  id year version metCount criteriaCount allMet synthetic
  results { criterionNumber met evaluatedMet overridden overrideReason criterion { name } indicators { code value threshold comparator passed } } } }`;

describe('criteria sets through the gateway', () => {
  it('lists the 19 criteria of the 2021–2025 commune set and the 10 of 2026–2030, in order, in Vietnamese', async () => {
    const query = `query($id: ID!) { criteriaSet(id: $id) { code name tier appliesTo owner { id name } legalBasis { number date }
      criteria { number name } } }`;
    const old = await gql(query, { id: (await setByCode('COMMUNE-NTM-2021-2025')).id });
    expect(old.errors).toBeUndefined();
    const set = old.data.criteriaSet;
    expect(set).toMatchObject({
      tier: 'STANDARD',
      appliesTo: 'COMMUNE',
      owner: { id: '1', name: 'Việt Nam' },
      legalBasis: { number: '318/QĐ-TTg', date: '2022-03-08' },
    });
    expect(set.criteria.map((c: any) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(set.criteria[0].name).toBe('Quy hoạch');
    expect(set.criteria[9].name).toBe('Thu nhập');
    expect(set.criteria[10].name).toBe('Nghèo đa chiều');
    expect(set.criteria[18].name).toBe('Quốc phòng và An ninh');

    const next = await gql(query, { id: (await setByCode('COMMUNE-NTM-2026-2030')).id });
    expect(next.data.criteriaSet.criteria.map((c: any) => c.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(next.data.criteriaSet.criteria[1].name).toBe('Hạ tầng kinh tế - xã hội');
  });

  it('filters sets by level and year, paged', async () => {
    const result = await gql(
      `{ criteriaSets(filter: { appliesTo: VILLAGE, year: 2023 }, limit: 2) { totalCount nodes { code appliesTo owner { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.criteriaSets.totalCount).toBe(5);
    expect(result.data.criteriaSets.nodes).toHaveLength(2);
  });
});

describe('localised thresholds, assessments and recognition', () => {
  let national: { id: string };
  let derived: { id: string };
  let khanhHoa: string[];
  let haTinh: string[];

  beforeAll(async () => {
    national = await setByCode('COMMUNE-NTM-2021-2025');
    khanhHoa = await communes('56');
    haTinh = await communes('42');
    const vn = await tokenFor('UNIT_ADMIN', 'VN');
    const added = await gql(
      `mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { code comparator } }`,
      {
        i: {
          criteriaSetId: national.id,
          criterionNumber: 10,
          code: '10.1',
          nameVi: 'Thu nhập bình quân đầu người (chỉ tiêu kiểm thử)',
          unitOfMeasure: 'triệu đồng/người',
          comparator: 'GTE',
        },
      },
      { token: vn },
    );
    expect(added.errors).toBeUndefined();
    const base = await gql(
      `mutation($i: OverrideThresholdInput!) { overrideThreshold(input: $i) { value version } }`,
      { i: { criteriaSetId: national.id, indicatorCode: '10.1', value: 50, source: 'test value, not official' } },
      { token: vn },
    );
    expect(base.errors).toBeUndefined();
    const admin56 = await tokenFor('UNIT_ADMIN', '56');
    const derive = await gql(
      `mutation($i: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $i) { id code tier appliesTo parent { code } owner { id } criteria { number } } }`,
      {
        i: {
          parentId: national.id,
          ownerCode: '56',
          code: 'COMMUNE-NTM-2021-2025-KH-TEST',
          nameVi: 'Bộ tiêu chí xã NTM tỉnh Khánh Hòa (kiểm thử)',
        },
      },
      { token: admin56 },
    );
    expect(derive.errors).toBeUndefined();
    expect(derive.data.deriveCriteriaSet).toMatchObject({
      tier: 'STANDARD',
      appliesTo: 'COMMUNE',
      parent: { code: 'COMMUNE-NTM-2021-2025' },
      owner: { id: '1100056' },
    });
    expect(derive.data.deriveCriteriaSet.criteria).toHaveLength(19);
    derived = derive.data.deriveCriteriaSet;
    const local = await gql(
      `mutation($i: OverrideThresholdInput!) { overrideThreshold(input: $i) { value owner { id } } }`,
      { i: { criteriaSetId: derived.id, indicatorCode: '10.1', value: 60 } },
      { token: admin56 },
    );
    expect(local.errors).toBeUndefined();
  });

  const effective = async (setId: string, unitCode: string) => {
    const result = await gql(
      `query($id: ID!, $u: String!) { criteriaSet(id: $id) { criteria { number indicators { code
      effectiveThreshold(unitCode: $u, year: 2024) { value comparator applied { value } chain { rank applied threshold { value owner { id } criteriaSet { code } } } } } } } }`,
      { id: setId, u: unitCode },
    );
    expect(result.errors).toBeUndefined();
    return result.data.criteriaSet.criteria[9].indicators[0].effectiveThreshold;
  };

  it("a province's override changes the effective threshold for its communes and not another province's", async () => {
    const own = await effective(derived.id, khanhHoa[0]);
    expect(own.value).toBe(60);
    expect(own.chain.map((c: any) => [c.rank, c.applied, c.threshold.value, c.threshold.owner.id])).toEqual([
      [1, true, 60, '1100056'],
      [2, false, 50, '1'],
    ]);
    expect((await effective(derived.id, haTinh[0])).value).toBe(50);
    expect((await effective(national.id, haTinh[0])).value).toBe(50);
  });

  it("refuses another province's administrator and anonymous callers", async () => {
    const other = await tokenFor('UNIT_ADMIN', '42');
    const refused = await gql(
      `mutation($i: OverrideThresholdInput!) { overrideThreshold(input: $i) { value } }`,
      { i: { criteriaSetId: derived.id, indicatorCode: '10.1', value: 1, year: 2024 } },
      { token: other },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const anonymous = await gql(`mutation($i: OverrideThresholdInput!) { overrideThreshold(input: $i) { value } }`, {
      i: { criteriaSetId: derived.id, indicatorCode: '10.1', value: 1 },
    });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('evaluates met from indicator values and the effective threshold, and keeps the history', async () => {
    const token = await tokenFor('ASSESSOR', '56');
    const input = { unitCode: khanhHoa[1], criteriaSetId: derived.id, year: 2024 };
    const first = await gql(
      RECORD,
      {
        i: {
          ...input,
          results: [
            { criterionNumber: 10, indicators: [{ code: '10.1', value: 55, evidence: 'Báo cáo thống kê' }] },
            { criterionNumber: 1, met: true },
          ],
        },
      },
      { token },
    );
    expect(first.errors).toBeUndefined();
    const recorded = first.data.recordAssessment;
    expect(recorded).toMatchObject({ year: 2024, version: 1, metCount: 1, criteriaCount: 19, allMet: false, synthetic: false });
    expect(recorded.results).toEqual([
      {
        criterionNumber: 1,
        met: true,
        evaluatedMet: null,
        overridden: false,
        overrideReason: null,
        criterion: { name: 'Quy hoạch' },
        indicators: [],
      },
      {
        criterionNumber: 10,
        met: false,
        evaluatedMet: false,
        overridden: false,
        overrideReason: null,
        criterion: { name: 'Thu nhập' },
        indicators: [{ code: '10.1', value: 55, threshold: 60, comparator: 'GTE', passed: false }],
      },
    ]);

    const stale = await gql(
      RECORD,
      { i: { ...input, results: [{ criterionNumber: 10, indicators: [{ code: '10.1', value: 65 }] }] } },
      { token },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const second = await gql(
      RECORD,
      { i: { ...input, expectedVersion: 1, results: [{ criterionNumber: 10, indicators: [{ code: '10.1', value: 65 }] }] } },
      { token },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data.recordAssessment).toMatchObject({ version: 2, metCount: 2 });

    const overridden = await gql(
      RECORD,
      {
        i: {
          ...input,
          expectedVersion: 2,
          results: [
            { criterionNumber: 10, met: false, overrideReason: 'Số liệu chưa được thẩm định', indicators: [{ code: '10.1', value: 65 }] },
          ],
        },
      },
      { token },
    );
    expect(overridden.errors).toBeUndefined();
    expect(overridden.data.recordAssessment.results[1]).toMatchObject({
      met: false,
      evaluatedMet: true,
      overridden: true,
      overrideReason: 'Số liệu chưa được thẩm định',
    });

    const read = await gql(
      `query($u: String!, $s: ID!) { assessment(unitCode: $u, criteriaSetId: $s, year: 2024) { version metCount
      history { totalCount nodes { username before after } } unit { id code } } }`,
      { u: input.unitCode, s: derived.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.assessment).toMatchObject({ version: 3, metCount: 1, unit: { code: input.unitCode } });
    const history = read.data.assessment.history;
    expect(history.totalCount).toBe(3);
    expect(history.nodes[2].before).toBeNull();
    expect(history.nodes[0].before.version).toBe(2);
    expect(history.nodes[0].after.results[1]).toMatchObject({ criterionNumber: 10, met: false, evaluatedMet: true });
  });

  it('rejects invalid input with BAD_USER_INPUT and writes nothing', async () => {
    const token = await tokenFor('UNIT_ADMIN', '56');
    const unitCode = khanhHoa[2];
    // A commune abolished in the 2025 reorganisation, assessed for 2026 against the 2026–2030 set.
    const abolished = await (async () => {
      for (const code of await communes('56', '2024-01-01', 100)) {
        if (errorCodes(await gql(`query($c: String!) { unit(code: $c, asOf: "2026-06-30") { id } }`, { c: code })).includes('NOT_FOUND'))
          return code;
      }
      throw new Error('no commune of Khánh Hòa abolished in 2025');
    })();
    const next = await setByCode('COMMUNE-NTM-2026-2030');
    const ward = (await gql(`{ units(filter: { withinCode: "56", kind: WARD, asOf: "2024-01-01" }, limit: 1) { nodes { code } } }`)).data
      .units.nodes[0].code;
    const before = await rowCounts(ASSESSMENT_TABLES);
    const cases: [string, Record<string, unknown>][] = [
      ['criterion not in the set', { unitCode, criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 20, met: true }] }],
      [
        'indicator of another criterion',
        {
          unitCode,
          criteriaSetId: derived.id,
          year: 2024,
          results: [{ criterionNumber: 9, indicators: [{ code: '10.1', value: 70 }], met: true }],
        },
      ],
      ['year outside the period', { unitCode, criteriaSetId: derived.id, year: 2020, results: [{ criterionNumber: 1, met: true }] }],
      [
        'unit not valid that year',
        { unitCode: abolished, criteriaSetId: next.id, year: 2026, results: [{ criterionNumber: 1, met: true }] },
      ],
      ['unit of the wrong level', { unitCode: '568', criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 1, met: true }] }],
      [
        'a ward, not a rural commune',
        { unitCode: ward, criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 1, met: true }] },
      ],
      [
        'override without a reason',
        {
          unitCode,
          criteriaSetId: derived.id,
          year: 2024,
          results: [{ criterionNumber: 10, met: true, indicators: [{ code: '10.1', value: 10 }] }],
        },
      ],
      ['neither met nor enough to evaluate', { unitCode, criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 3 }] }],
      [
        'the same criterion twice',
        {
          unitCode,
          criteriaSetId: derived.id,
          year: 2024,
          results: [
            { criterionNumber: 1, met: true },
            { criterionNumber: 1, met: false },
          ],
        },
      ],
      [
        'asOf outside the year',
        { unitCode, asOf: '2023-01-01', criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 1, met: true }] },
      ],
    ];
    for (const [label, input] of cases) {
      const result = await gql(RECORD, { i: input }, { token });
      expect(errorCodes(result), label).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message, label).toMatch(/ — /);
    }
    // A province's set does not apply outside its territory.
    const admin42 = await tokenFor('UNIT_ADMIN', '42');
    const elsewhere = await gql(
      RECORD,
      { i: { unitCode: haTinh[1], criteriaSetId: derived.id, year: 2024, results: [{ criterionNumber: 1, met: true }] } },
      { token: admin42 },
    );
    expect(errorCodes(elsewhere)).toEqual(['BAD_USER_INPUT']);
    expect(await rowCounts(ASSESSMENT_TABLES)).toEqual(before);
  });

  it("refuses another province's assessor or administrator (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", async () => {
    const before = await rowCounts(ASSESSMENT_TABLES);
    const input = { unitCode: khanhHoa[3], criteriaSetId: national.id, year: 2023, results: [{ criterionNumber: 1, met: true }] };
    for (const role of ['ASSESSOR', 'UNIT_ADMIN', 'VIEWER'] as const) {
      expect(errorCodes(await gql(RECORD, { i: input }, { token: await tokenFor(role, '42') })), role).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await gql(RECORD, { i: input }))).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts(ASSESSMENT_TABLES)).toEqual(before);
  });
});

describe('progress over years and recognition', () => {
  // Communes outside the five seed provinces carry no synthetic demo data.
  let commune: string;
  let national: { id: string };
  beforeAll(async () => {
    national = await setByCode('COMMUNE-NTM-2021-2025');
    commune = (await communes('26'))[0]; // Vĩnh Phúc
  });

  it('lists the criteria newly met since a base year', async () => {
    const token = await tokenFor('ASSESSOR', '26');
    const record = (year: number, met: number[]) =>
      gql(
        RECORD,
        {
          i: {
            unitCode: commune,
            criteriaSetId: national.id,
            year,
            results: Array.from({ length: 19 }, (_, i) => ({ criterionNumber: i + 1, met: met.includes(i + 1) })),
          },
        },
        { token },
      );
    const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(
      (
        await record(
          2021,
          range(12).filter((n) => n !== 10),
        )
      ).errors,
    ).toBeUndefined();
    expect((await record(2024, [...range(15), 17])).errors).toBeUndefined();
    const result = await gql(
      `query($u: String!, $s: ID!) { later: assessment(unitCode: $u, criteriaSetId: $s, year: 2024) { metCount allMet
        newlyMetSince(baseYear: 2021) { number name } none: newlyMetSince(baseYear: 2019) { number } }
      unit(code: $u, asOf: "2024-06-30") { assessments { year metCount } } }`,
      { u: commune, s: national.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.later.metCount).toBe(16);
    expect(result.data.later.newlyMetSince).toEqual([
      { number: 10, name: 'Thu nhập' },
      { number: 13, name: 'Tổ chức sản xuất và phát triển kinh tế nông thôn' },
      { number: 14, name: 'Giáo dục và Đào tạo' },
      { number: 15, name: 'Y tế' },
      { number: 17, name: 'Môi trường và an toàn thực phẩm' },
    ]);
    expect(result.data.later.none).toBeNull();
    expect(result.data.unit.assessments).toEqual([
      { year: 2024, metCount: 16 },
      { year: 2021, metCount: 11 },
    ]);
  });

  it("derives a unit's recognition per year from its decisions, respecting revocation", async () => {
    const admin = await tokenFor('UNIT_ADMIN', '26');
    const RECOGNISE = `mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { id tier version decidedOn synthetic issuingUnit { id } } }`;
    const ntm = await gql(
      RECOGNISE,
      {
        i: {
          unitCode: commune,
          tier: 'NTM',
          decisionNumber: '123/QĐ-UBND',
          decidedOn: '2022-10-01',
          issuingUnitCode: '26',
          criteriaSetId: national.id,
        },
      },
      { token: admin },
    );
    expect(ntm.errors).toBeUndefined();
    expect(ntm.data.recordRecognition).toMatchObject({ tier: 'NTM', synthetic: false, issuingUnit: { id: '1100026' } });
    const council = await tokenFor('COUNCIL', '26');
    const advanced = await gql(
      RECOGNISE,
      { i: { unitCode: commune, tier: 'ADVANCED', decisionNumber: '456/QĐ-UBND', decidedOn: '2024-05-01', issuingUnitCode: '26' } },
      { token: council },
    );
    expect(advanced.errors).toBeUndefined();

    const status = async () => {
      const result = await gql(
        `query($u: String!) { unit(code: $u, asOf: "2024-06-30") {
        y2021: recognition(year: 2021) { tier } y2022: recognition(year: 2022) { tier decisionNumber }
        y2024: recognition(year: 2024) { tier } y2025: recognition(year: 2025) { tier } } }`,
        { u: commune },
      );
      expect(result.errors).toBeUndefined();
      const u = result.data.unit;
      return [u.y2021?.tier ?? null, u.y2022?.tier ?? null, u.y2024?.tier ?? null, u.y2025?.tier ?? null];
    };
    expect(await status()).toEqual([null, 'NTM', 'ADVANCED', 'ADVANCED']);

    const REVOKE = `mutation($i: RevokeRecognitionInput!) { revokeRecognition(input: $i) { revokedOn version } }`;
    const id = advanced.data.recordRecognition.id;
    expect(
      errorCodes(
        await gql(
          REVOKE,
          { i: { id, expectedVersion: 1, revokedOn: '2025-03-01', reason: 'x' } },
          { token: await tokenFor('ASSESSOR', '26') },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(REVOKE, { i: { id, expectedVersion: 1, revokedOn: '2024-01-01', reason: 'Trước ngày quyết định' } }, { token: admin }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await gql(REVOKE, { i: { id, expectedVersion: 1, revokedOn: '2025-03-01', reason: '  ' } }, { token: admin })),
    ).toEqual(['BAD_USER_INPUT']);
    const revoked = await gql(
      REVOKE,
      { i: { id, expectedVersion: 1, revokedOn: '2025-03-01', reason: 'Không duy trì tiêu chí Môi trường' } },
      { token: admin },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeRecognition).toEqual({ revokedOn: '2025-03-01', version: 2 });
    expect(
      errorCodes(await gql(REVOKE, { i: { id, expectedVersion: 1, revokedOn: '2025-03-01', reason: 'again' } }, { token: admin })),
    ).toEqual(['CONFLICT']);
    expect(await status()).toEqual([null, 'NTM', 'ADVANCED', 'NTM']);

    const before = await rowCounts(['criteria.recognition_decision']);
    const bad: [Record<string, unknown>, string][] = [
      [{ unitCode: commune, tier: 'MODEL_VILLAGE', decisionNumber: '1', decidedOn: '2023-01-01', issuingUnitCode: '26' }, 'BAD_USER_INPUT'],
      [{ unitCode: commune, tier: 'NTM', decisionNumber: '1', decidedOn: '2023-01-01', issuingUnitCode: commune }, 'BAD_USER_INPUT'],
      [{ unitCode: commune, tier: 'NTM', decisionNumber: '123/QĐ-UBND', decidedOn: '2022-10-01', issuingUnitCode: '26' }, 'CONFLICT'],
      [{ unitCode: commune, tier: 'NTM', decisionNumber: '9', decidedOn: '2023-01-01', issuingUnitCode: '42' }, 'FORBIDDEN'],
    ];
    for (const [input, code] of bad)
      expect(errorCodes(await gql(RECOGNISE, { i: input }, { token: admin })), JSON.stringify(input)).toEqual([code]);
    expect(errorCodes(await gql(RECOGNISE, { i: bad[0][0] }))).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts(['criteria.recognition_decision'])).toEqual(before);
  });
});

describe('criteria mutations under hostile input', () => {
  it("refuses every set mutation to another province's administrator and writes nothing", async () => {
    const admin56 = await tokenFor('UNIT_ADMIN', '56');
    const village = (
      await gql(`{ criteriaSets(filter: { code: "VILLAGE-56-NTM-DBKK-2021-2025" }) { nodes { id version criteria { number } } } }`)
    ).data.criteriaSets.nodes[0];
    // The next free criterion number (the console's browser test may have added one to this set).
    const number = Math.max(0, ...village.criteria.map((c: { number: number }) => c.number)) + 1;
    const intruder = await tokenFor('UNIT_ADMIN', '06');
    const tables = ['criteria.criteria_set', 'criteria.criterion', 'criteria.indicator', 'criteria.threshold'];
    const before = await rowCounts(tables);
    const cases: [string, Record<string, unknown>][] = [
      [
        'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }',
        { i: { criteriaSetId: village.id, number, nameVi: 'Giao thông' } },
      ],
      [
        'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id } }',
        { i: { criteriaSetId: village.id, criterionNumber: 1, code: '1.1', nameVi: 'x', comparator: 'BOOL' } },
      ],
      [
        'mutation($i: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $i) { id } }',
        { i: { id: village.id, expectedVersion: village.version, note: 'x' } },
      ],
      [
        'mutation($i: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $i) { id } }',
        { i: { parentId: village.id, ownerCode: '568', code: 'X-568', nameVi: 'x' } },
      ],
    ];
    for (const [query, variables] of cases)
      expect(errorCodes(await gql(query, variables, { token: intruder })), query).toEqual(['FORBIDDEN']);
    expect(await rowCounts(tables)).toEqual(before);

    // The owner may enter its village criteria, and a stale version is refused.
    const added = await gql(cases[0][0], cases[0][1], { token: admin56 });
    expect(added.errors).toBeUndefined();
    const updated = await gql(cases[2][0], cases[2][1], { token: admin56 });
    expect(updated.errors).toBeUndefined();
    expect(errorCodes(await gql(cases[2][0], cases[2][1], { token: admin56 }))).toEqual(['CONFLICT']);
  });

  it('answers malformed values with coded errors, never internal ones', async () => {
    const token = await tokenFor('UNIT_ADMIN', '56');
    const hostile = ['\u0000', "'; DROP TABLE criteria.assessment; --", '99999999999999999999', '-1', ''];
    for (const value of hostile) {
      const results = [
        await gql(
          RECORD,
          {
            i: {
              unitCode: value,
              criteriaSetId: '1',
              year: 2024,
              results: [{ criterionNumber: 1, met: true, indicators: [{ code: value, value: 1, evidence: value }] }],
            },
          },
          { token },
        ),
        await gql(RECORD, { i: { unitCode: '56', criteriaSetId: value, year: 2024, results: [] } }, { token }),
        await gql(`query($id: ID!) { criteriaSet(id: $id) { id } }`, { id: value }),
        await gql(
          `mutation($i: RecordRecognitionInput!) { recordRecognition(input: $i) { id } }`,
          { i: { unitCode: value, tier: 'NTM', decisionNumber: value, decidedOn: '2024-01-01', issuingUnitCode: '56' } },
          { token },
        ),
        await gql(
          `mutation($i: RevokeRecognitionInput!) { revokeRecognition(input: $i) { id } }`,
          { i: { id: value, expectedVersion: 1, revokedOn: '2024-01-01', reason: value } },
          { token },
        ),
      ];
      for (const result of results) {
        expect(result.status, value).toBeLessThan(500);
        expect(errorCodes(result).length, value).toBeGreaterThan(0);
        expect(errorCodes(result), value).not.toContain('INTERNAL_SERVER_ERROR');
      }
    }
  });
});

describe('criteria lists sorted, filtered and paged on the server', () => {
  /** A rural district of Quảng Nam (49, a demo province no other test writes to) and its ltree path. */
  let district: { code: string; path: string };

  beforeAll(async () => {
    const result = await gql(
      `{ units(filter: { parentCode: "49", level: DISTRICT, kind: RURAL_DISTRICT, asOf: "2024-06-30" }, limit: 1) { nodes { code path } } }`,
    );
    expect(result.errors).toBeUndefined();
    district = result.data.units.nodes[0];
  });

  const codesOf = async (orderBy: string, direction: string) => {
    const result = await gql(
      `query($o: CriteriaSetOrderField, $d: SortDirection) {
      criteriaSets(filter: { ownerId: "1" }, orderBy: $o, direction: $d, limit: 500) { totalCount nodes { code name tier } } }`,
      { o: orderBy, d: direction },
    );
    expect(result.errors).toBeUndefined();
    return result.data.criteriaSets.nodes as { code: string; name: string; tier: string }[];
  };

  it('sorts criteria sets by code, Vietnamese name and tier, keeping the default order', async () => {
    const national = await sql<{ code: string }>(`SELECT code FROM criteria.criteria_set WHERE owner_unit_id = 1 ORDER BY code`);
    expect(national.length).toBeGreaterThanOrEqual(5);
    expect((await codesOf('CODE', 'ASC')).map((s) => s.code)).toEqual(national.map((r) => r.code));
    expect((await codesOf('CODE', 'DESC')).map((s) => s.code)).toEqual(national.map((r) => r.code).reverse());
    const byName = await sql<{ code: string }>(
      `SELECT code FROM criteria.criteria_set WHERE owner_unit_id = 1 ORDER BY name_vi COLLATE "vi-x-icu", id`,
    );
    expect((await codesOf('NAME', 'ASC')).map((s) => s.code)).toEqual(byName.map((r) => r.code));
    // "Bộ …" sorts before "Xã …" in Vietnamese order; the model set is the only national one named "Xã …".
    expect((await codesOf('NAME', 'DESC'))[0].code).toBe('COMMUNE-MODEL-2021-2025');
    expect((await codesOf('TIER', 'ASC'))[0].tier).toBe('STANDARD');
    expect((await codesOf('TIER', 'DESC'))[0].tier).toBe('MODEL');
    const plain = await gql(`{ criteriaSets(filter: { ownerId: "1" }, limit: 500) { nodes { code } } }`);
    expect(plain.data.criteriaSets.nodes.map((n: any) => n.code)).toEqual((await codesOf('PERIOD_START', 'ASC')).map((s) => s.code));
  });

  it('searches criteria sets by code and name without accents or case', async () => {
    const all = await gql(`{ criteriaSets(limit: 500) { nodes { code name nameEn } } }`);
    const fold = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
    const expected = all.data.criteriaSets.nodes
      .filter((n: any) => fold(`${n.code} ${n.name} ${n.nameEn ?? ''}`).includes('kieu mau'))
      .map((n: any) => n.code)
      .sort();
    expect(expected).toContain('COMMUNE-MODEL-2021-2025');
    const found = await gql(`{ criteriaSets(filter: { search: "KIEU MAU" }, orderBy: CODE, limit: 500) { totalCount nodes { code } } }`);
    expect(found.errors).toBeUndefined();
    expect(found.data.criteriaSets.nodes.map((n: any) => n.code)).toEqual(expected);
    expect(found.data.criteriaSets.totalCount).toBe(expected.length);
    const byCode = await gql(`{ criteriaSets(filter: { search: "district-ntm" }) { nodes { code } } }`);
    expect(byCode.data.criteriaSets.nodes.map((n: any) => n.code)).toEqual(['DISTRICT-NTM-2021-2025']);
    expect(errorCodes(await gql(`{ criteriaSets(filter: { search: "   " }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  const ASSESSMENTS = `query($f: AssessmentFilter, $o: AssessmentOrderField, $d: SortDirection, $offset: Int, $l: Int) {
    assessments(filter: $f, orderBy: $o, direction: $d, offset: $offset, limit: $l) { totalCount nodes { id year metCount updatedAt unit { code parent { code } } } } }`;

  it("keeps only a district's communes with withinCode, as many as the database holds", async () => {
    const [{ n }] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM criteria.assessment a JOIN units.unit u ON u.id = a.unit_id
      WHERE u.path <@ $1::ltree AND a.year = 2024`,
      [district.path],
    );
    expect(Number(n)).toBeGreaterThan(0);
    const result = await gql(ASSESSMENTS, { f: { withinCode: district.code, year: 2024 }, o: 'UNIT_CODE', d: 'DESC', l: 500 });
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.assessments;
    expect(totalCount).toBe(Number(n));
    expect(nodes).toHaveLength(Number(n));
    expect(new Set(nodes.map((a: any) => a.unit.parent.code))).toEqual(new Set([district.code]));
    const codes = nodes.map((a: any) => a.unit.code);
    expect(codes).toEqual([...codes].sort().reverse());

    const [{ max }] = await sql<{ max: number }>(
      `SELECT max((SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.met))::int AS max
      FROM criteria.assessment a JOIN units.unit u ON u.id = a.unit_id WHERE u.path <@ $1::ltree AND a.year = 2024`,
      [district.path],
    );
    const top = await gql(ASSESSMENTS, { f: { withinCode: district.code, year: 2024 }, o: 'MET_COUNT', d: 'DESC', l: 1 });
    expect(top.data.assessments.nodes[0].metCount).toBe(max);
    const bottom = await gql(ASSESSMENTS, { f: { withinCode: district.code, year: 2024 }, o: 'MET_COUNT', d: 'ASC', l: 1 });
    expect(bottom.data.assessments.nodes[0].metCount).toBeLessThanOrEqual(max);

    // Without a year the district is read today, when it no longer exists: a clear error, not an empty page.
    const gone = await gql(ASSESSMENTS, { f: { withinCode: district.code } });
    expect(errorCodes(gone)).toEqual(['BAD_USER_INPUT']);
    expect(gone.errors![0].message).toMatch(/^Không có đơn vị mã .* — No unit with code/);
    const atDate = await gql(ASSESSMENTS, { f: { withinCode: district.code, asOf: '2024-06-30' }, l: 1 });
    expect(atDate.data.assessments.totalCount).toBeGreaterThan(Number(n));
  });

  it('pages through a sort with many ties without losing or repeating rows', async () => {
    const filter = { withinCode: '49', year: 2023 };
    const whole = await gql(ASSESSMENTS, { f: filter, o: 'MET_COUNT', d: 'ASC', l: 500 });
    expect(whole.errors).toBeUndefined();
    const total = whole.data.assessments.totalCount;
    expect(total).toBeGreaterThan(40);
    const ids: string[] = [];
    for (let offset = 0; offset < 40; offset += 8) {
      const page = await gql(ASSESSMENTS, { f: filter, o: 'MET_COUNT', d: 'ASC', offset, l: 8 });
      expect(page.data.assessments.totalCount).toBe(total);
      ids.push(...page.data.assessments.nodes.map((a: any) => a.id));
    }
    expect(ids).toEqual(whole.data.assessments.nodes.slice(0, 40).map((a: any) => a.id));
    const counts = whole.data.assessments.nodes.map((a: any) => a.metCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM criteria.assessment a JOIN units.unit u ON u.id = a.unit_id
      WHERE u.path <@ (SELECT path FROM units.unit WHERE code = '49' AND level = 'PROVINCE' AND valid_to < '2025-07-01') AND a.year = 2023`);
    expect(total).toBe(Number(n));
  });

  const RECOGNITIONS = `query($f: RecognitionFilter, $o: RecognitionOrderField, $d: SortDirection, $l: Int) {
    recognitionDecisions(filter: $f, orderBy: $o, direction: $d, limit: $l) { totalCount nodes { id tier decisionNumber decidedOn unit { code ancestors { code } } } } }`;

  it("keeps only a district's recognitions with withinCode, sorted by unit code or decision date", async () => {
    const [{ n }] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM criteria.recognition_decision d JOIN units.unit u ON u.id = d.unit_id
      WHERE u.path <@ $1::ltree`,
      [district.path],
    );
    expect(Number(n)).toBeGreaterThan(0);
    const byCode = await gql(RECOGNITIONS, { f: { withinCode: district.code, asOf: '2024-06-30' }, o: 'UNIT_CODE', d: 'ASC', l: 500 });
    expect(byCode.errors).toBeUndefined();
    expect(byCode.data.recognitionDecisions.totalCount).toBe(Number(n));
    const nodes = byCode.data.recognitionDecisions.nodes;
    // Communes of the district and their villages.
    expect(nodes.every((d: any) => d.unit.ancestors.some((a: any) => a.code === district.code))).toBe(true);
    expect(nodes.map((d: any) => d.unit.code)).toEqual(nodes.map((d: any) => d.unit.code).sort());
    const latest = await gql(RECOGNITIONS, { f: { withinCode: district.code, validInYear: 2025 }, o: 'DECIDED_ON', d: 'DESC', l: 1 });
    const [{ max }] = await sql<{ max: string }>(
      `SELECT to_char(max(decided_on), 'YYYY-MM-DD') AS max FROM criteria.recognition_decision d
      JOIN units.unit u ON u.id = d.unit_id WHERE u.path <@ $1::ltree AND d.decided_on <= '2025-12-31' AND (d.revoked_on IS NULL OR d.revoked_on > '2025-12-31')`,
      [district.path],
    );
    expect(latest.data.recognitionDecisions.nodes[0].decidedOn).toBe(max);
    expect(errorCodes(await gql(RECOGNITIONS, { f: { withinCode: '99999', asOf: '2024-06-30' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('reads one assessment and one recognition decision by id', async () => {
    const list = await gql(ASSESSMENTS, { f: { withinCode: district.code, year: 2022 }, l: 1 });
    const listed = list.data.assessments.nodes[0];
    const one = await gql(`query($id: ID!) { assessmentById(id: $id) { id year metCount unit { code } } }`, { id: listed.id });
    expect(one.errors).toBeUndefined();
    expect(one.data.assessmentById).toEqual({ id: listed.id, year: 2022, metCount: listed.metCount, unit: { code: listed.unit.code } });
    const decisions = await gql(RECOGNITIONS, { f: { withinCode: district.code, asOf: '2024-06-30' }, l: 1 });
    const decision = decisions.data.recognitionDecisions.nodes[0];
    const read = await gql(`query($id: ID!) { recognitionDecision(id: $id) { id tier decisionNumber unit { code } } }`, {
      id: decision.id,
    });
    expect(read.data.recognitionDecision).toEqual({
      id: decision.id,
      tier: decision.tier,
      decisionNumber: decision.decisionNumber,
      unit: { code: decision.unit.code },
    });

    for (const query of ['assessmentById', 'recognitionDecision']) {
      const bad = await gql(`query($id: ID!) { ${query}(id: $id) { id } }`, { id: 'abc' });
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0].message).toContain('Mã định danh không hợp lệ');
      expect(errorCodes(await gql(`query($id: ID!) { ${query}(id: $id) { id } }`, { id: '987654321' }))).toEqual(['NOT_FOUND']);
    }
  });

  it('refuses more than 500 rows a page on every criteria list', async () => {
    for (const list of ['criteriaSets', 'assessments', 'recognitionDecisions']) {
      const result = await gql(`{ ${list}(limit: 501) { totalCount } }`);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe('limit');
    }
  });
});
