import { describe, expect, it } from 'vitest';
import { errorCodes, gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';

const COUNT = `query Count($filter: UnitFilter) { units(filter: $filter, limit: 1) { totalCount } }`;
const count = async (filter: Record<string, unknown>) => {
  const result = await gql<{ units: { totalCount: number } }>(COUNT, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.units.totalCount;
};

describe('administrative units through the gateway', () => {
  it('holds both hierarchies: 63/696/10,035 before 1 July 2025, 34/3,321 after', async () => {
    expect(await count({ level: 'PROVINCE', asOf: '2024-01-01' })).toBe(63);
    expect(await count({ level: 'DISTRICT', asOf: '2024-01-01' })).toBe(696);
    expect(await count({ level: 'COMMUNE', asOf: '2024-01-01' })).toBe(10035);
    expect(await count({ level: 'PROVINCE', asOf: '2026-01-01' })).toBe(34);
    expect(await count({ level: 'DISTRICT', asOf: '2026-01-01' })).toBe(0);
    expect(await count({ level: 'COMMUNE', asOf: '2026-01-01' })).toBe(3321);
    // The day before and the day of the change.
    expect(await count({ level: 'PROVINCE', asOf: '2025-06-30' })).toBe(63);
    expect(await count({ level: 'PROVINCE', asOf: '2025-07-01' })).toBe(34);
  });

  it('gives the new Khánh Hòa the old Khánh Hòa and Ninh Thuận as FULL predecessors', async () => {
    const result = await gql(`{ unit(code: "56", asOf: "2026-01-01") { code level kind validFrom validTo
      predecessors { share unit { code name validTo successors { share unit { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    const unit = result.data.unit;
    expect(unit).toMatchObject({ code: '56', level: 'PROVINCE', kind: 'PROVINCE', validFrom: '2025-07-01', validTo: null });
    const predecessors = unit.predecessors.map((p: any) => [p.unit.code, p.unit.name.normalize('NFC'), p.share, p.unit.validTo]);
    expect(predecessors).toEqual([
      ['56', 'Tỉnh Khánh Hòa', 'FULL', '2025-06-30'],
      ['58', 'Tỉnh Ninh Thuận', 'FULL', '2025-06-30'],
    ]);
  });

  it('resolves a reused code to the unit valid on the date asked', async () => {
    const before = await gql(`{ unit(code: "00004", asOf: "2025-06-30") { name level parent { name } ancestors { level } } }`);
    const after = await gql(
      `{ unit(code: "00004", asOf: "2025-07-01") { name level parent { name } predecessors { share unit { name } } } }`,
    );
    expect(before.data.unit.name).toBe('Phường Trúc Bạch');
    expect(before.data.unit.parent.name).toBe('Quận Ba Đình');
    expect(before.data.unit.ancestors.map((a: any) => a.level)).toEqual(['NATION', 'PROVINCE', 'DISTRICT']);
    expect(after.data.unit.name).toBe('Phường Ba Đình');
    expect(after.data.unit.parent.name).toBe('Thành phố Hà Nội');
    expect(after.data.unit.predecessors).toContainEqual({ share: 'FULL', unit: { name: 'Phường Trúc Bạch' } });
    expect(after.data.unit.predecessors).toContainEqual({ share: 'PARTIAL', unit: { name: 'Phường Ngọc Hà' } });
  });

  it('searches names without accents or case', async () => {
    for (const search of ['khanh hoa', 'KHÁNH HÒA', 'Khánh Hoà', 'Khánh Hòa'.normalize('NFD')]) {
      const result = await gql(`query($s: String) { units(filter: { search: $s, level: PROVINCE }) { nodes { code name } } }`, {
        s: search,
      });
      expect(result.data.units.nodes.map((n: any) => n.code)).toEqual(['56']);
    }
    const dakLak = await gql(`{ units(filter: { search: "dak lak", level: PROVINCE, asOf: "2024-01-01" }) { nodes { name } } }`);
    expect(dakLak.data.units.nodes.map((n: any) => n.name)).toEqual(['Tỉnh Đắk Lắk']);
    // LIKE wildcards in the input are taken literally.
    expect(await count({ search: '%' })).toBe(0);
  });

  it('finds units by the start of their code, and on both sides of the 2025 reorganisation with anyDate', async () => {
    const byCode = await gql(
      '{ units(filter: { search: "0186", level: COMMUNE, asOf: "2024-01-01" }, orderBy: CODE) { nodes { code name } } }',
    );
    expect(byCode.data.units.nodes.map((n: any) => n.code).every((c: string) => c.startsWith('0186'))).toBe(true);
    expect(byCode.data.units.nodes).toContainEqual({ code: '01864', name: 'Xã Bộc Bố' });
    // 01864 was Bộc Bố until 30 June 2025 and is the new Bằng Thành since: both, told apart by their validity.
    const reused = await gql(
      '{ units(filter: { search: "01864", level: COMMUNE, anyDate: true }, orderBy: CODE) { nodes { id code name validFrom validTo } } }',
    );
    expect(reused.data.units.nodes.map((n: any) => [n.name, n.validFrom, n.validTo])).toEqual(
      expect.arrayContaining([
        ['Xã Bộc Bố', null, '2025-06-30'],
        ['Xã Bằng Thành', '2025-07-01', null],
      ]),
    );
    expect(reused.data.units.nodes).toHaveLength(2);
    const byName = await gql(
      '{ units(filter: { search: "bang thanh", level: COMMUNE, anyDate: true }, orderBy: CODE) { nodes { code validTo } } }',
    );
    expect(byName.data.units.nodes).toEqual([
      { code: '01858', validTo: '2025-06-30' },
      { code: '01864', validTo: null },
    ]);
    // Without anyDate only the units valid on the date are found.
    const today = await gql('{ units(filter: { search: "bang thanh", level: COMMUNE }) { nodes { code } } }');
    expect(today.data.units.nodes).toEqual([{ code: '01864' }]);
  });

  it('lists children, whole subtrees and kinds, paged and sorted in Vietnamese order', async () => {
    const [direct] = await sql<{ n: string }>(`SELECT count(*) AS n FROM units.unit c JOIN units.unit p ON c.path <@ p.path AND c.id <> p.id
      WHERE p.id = 1100056 AND c.level = 'COMMUNE'`);
    expect(await count({ withinCode: '56', level: 'COMMUNE', asOf: '2024-01-01' })).toBe(Number(direct.n));
    expect(await count({ parentCode: '56', asOf: '2024-01-01' })).toBe(9);
    expect(await count({ parentCode: '56', asOf: '2024-01-01', kind: 'RURAL_DISTRICT' })).toBe(6);

    const sorted = await gql(`{ units(filter: { parentCode: "56", asOf: "2024-01-01" }, orderBy: NAME) { nodes { shortName } } }`);
    expect(sorted.data.units.nodes.map((n: any) => n.shortName)).toEqual([
      'Cam Lâm',
      'Cam Ranh',
      'Diên Khánh',
      'Khánh Sơn',
      'Khánh Vĩnh',
      'Nha Trang',
      'Ninh Hòa',
      'Trường Sa',
      'Vạn Ninh',
    ]);
    const all = await gql(`{ units(filter: { level: PROVINCE, asOf: "2024-01-01" }, orderBy: NAME, limit: 100) { nodes { shortName } } }`);
    const names: string[] = all.data.units.nodes.map((n: any) => n.shortName.normalize('NFC'));
    const at = (name: string) => {
      expect(names).toContain(name);
      return names.indexOf(name);
    };
    // Vietnamese alphabet: a < ă < â, d < đ < e — a byte or root-locale order gets these wrong.
    expect(at('Bà Rịa - Vũng Tàu')).toBeLessThan(at('Bắc Giang'));
    expect(at('Bắc Ninh')).toBeLessThan(at('Bến Tre'));
    expect(at('Điện Biên')).toBeLessThan(at('Gia Lai'));
    expect(at('Cao Bằng')).toBeLessThan(at('Đà Nẵng'));

    const page1 = await gql(`{ units(filter: { level: PROVINCE }, limit: 20) { totalCount nodes { code } } }`);
    const page2 = await gql(`{ units(filter: { level: PROVINCE }, offset: 20, limit: 20) { totalCount nodes { code } } }`);
    const beyond = await gql(`{ units(filter: { level: PROVINCE }, offset: 100) { totalCount nodes { code } } }`);
    expect(page1.data.units.nodes).toHaveLength(20);
    expect(page2.data.units.nodes).toHaveLength(14);
    expect(new Set([...page1.data.units.nodes, ...page2.data.units.nodes].map((n: any) => n.code)).size).toBe(34);
    expect(beyond.data.units).toEqual({ totalCount: 34, nodes: [] });
  });

  it("keeps to the subtrees of given paths (withinPaths, the grants' paths the console offers units from)", async () => {
    const paths = await sql<{ code: string; path: string }>(`SELECT code, path::text AS path FROM units.unit
      WHERE code IN ('56', '06') AND level = 'PROVINCE' AND valid_to IS NOT NULL ORDER BY code`);
    expect(paths.map((p) => p.code)).toEqual(['06', '56']);
    const both = paths.map((p) => p.path);
    const [bacKan, khanhHoa] = await Promise.all(
      ['06', '56'].map((code) => count({ withinCode: code, level: 'COMMUNE', asOf: '2024-01-01' })),
    );
    expect(await count({ withinPaths: both, level: 'COMMUNE', asOf: '2024-01-01' })).toBe(bacKan + khanhHoa);
    // "At or below": the province itself is inside its own path; a commune of another province is not.
    expect(await count({ withinPaths: [paths[1].path], level: 'PROVINCE', asOf: '2024-01-01' })).toBe(1);
    expect(await count({ withinPaths: [paths[1].path], search: 'bang thanh', asOf: '2024-01-01' })).toBe(0);
    expect(await count({ withinPaths: [paths[0].path], search: 'bang thanh', level: 'COMMUNE', asOf: '2024-01-01' })).toBe(1);
    for (const withinPaths of [['1.x'], ['1;DROP'], Array.from({ length: 51 }, () => paths[0].path)]) {
      const refused = await gql(COUNT, { filter: { withinPaths } });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].message).toMatch(/^withinPaths: tối đa 50 .* — withinPaths: at most 50/);
    }
  });

  it('answers bad input with coded errors, never internal ones', async () => {
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      ['{ unit(code: "99999") { id } }', undefined, 'NOT_FOUND'],
      ['{ unit(code: "56", asOf: "2024-13-01") { id } }', undefined, 'BAD_USER_INPUT'],
      ['query($d: Date) { unit(code: "56", asOf: $d) { id } }', { d: '2024-02-30' }, 'BAD_USER_INPUT'],
      ['query($d: Date) { unit(code: "56", asOf: $d) { id } }', { d: 20240101 }, 'BAD_USER_INPUT'],
      ['{ units(limit: 501) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ units(limit: 0) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ units(offset: -1) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ units(filter: { parentCode: "nope" }) { totalCount } }', undefined, 'NOT_FOUND'],
      ['{ units(filter: { classification: "TERRAIN:VOLCANO" }) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ units(filter: { classification: "FOO" }) { totalCount } }', undefined, 'BAD_USER_INPUT'],
      ['{ units(filter: { search: "   " }) { totalCount } }', undefined, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, code] of cases) {
      const result = await gql(query, variables);
      expect(errorCodes(result), query).toEqual([code]);
      expect(result.errors![0].message).toMatch(/ — /);
    }
  });

  it('refuses classification changes to anonymous callers and writes nothing', async () => {
    const before = await rowCounts(['units.unit_classification']);
    const result = await gql(`mutation { setUnitClassification(input: { unitCode: "56", scheme: BORDER }) { id } }`);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts(['units.unit_classification'])).toEqual(before);
  });

  it('treats a subgraph reached directly as read-only anonymous without a token, and refuses forged ones', async () => {
    const path = '/subgraphs/units/graphql';
    const before = await rowCounts(['units.unit_classification']);
    const read = await gql(`{ unit(code: "56") { name } }`, undefined, { path });
    expect(read.data.unit.name.normalize('NFC')).toBe('Tỉnh Khánh Hoà'.normalize('NFC'));
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = encode({
      sub: '1',
      username: 'x',
      sv: 1,
      grants: [{ role: 'SYSTEM_ADMIN', unitId: 1, paths: ['1'] }],
      iss: 'ntm-hub',
      iat: 1,
      exp: 4102444800,
    });
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${claims}.`;
    const badSignature = `${encode({ alg: 'EdDSA', typ: 'JWT' })}.${claims}.${encode({ s: 'not a signature' })}`;
    // The header the gateway once signed identities with is ignored: the caller stays anonymous.
    const attempts: Record<string, string>[] = [
      {},
      { 'x-ntm-identity': claims },
      { authorization: `Bearer ${unsigned}` },
      { authorization: `Bearer ${badSignature}` },
    ];
    for (const headers of attempts) {
      const write = await gql(`mutation { setUnitClassification(input: { unitCode: "56", scheme: BORDER }) { id } }`, undefined, {
        path,
        headers,
      });
      expect(errorCodes(write)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await rowCounts(['units.unit_classification'])).toEqual(before);
  });
});

describe('unit classifications', () => {
  const SET = `mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id scheme value code validFrom } }`;
  // A commune of Thành phố Nha Trang (568), Khánh Hòa, before 2025.
  const commune = async () =>
    (await gql(`{ units(filter: { withinCode: "568", level: COMMUNE, asOf: "2024-01-01" }, limit: 1) { nodes { code } } }`)).data;

  it('lets a province administrator classify a unit of the province, and filters by it', async () => {
    const { tokenFor } = await import('./support/auth.js');
    const token = await tokenFor('UNIT_ADMIN', '56');
    const code = (await commune()).units.nodes[0].code;
    const result = await gql(
      SET,
      {
        i: {
          unitCode: code,
          asOf: '2024-01-01',
          scheme: 'TERRAIN',
          value: 'HIGH_MOUNTAIN',
          validFrom: '2021-01-01',
          validTo: '2025-06-30',
          source: 'test',
        },
      },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.setUnitClassification).toMatchObject({
      scheme: 'TERRAIN',
      value: 'HIGH_MOUNTAIN',
      code: 'TERRAIN:HIGH_MOUNTAIN',
      validFrom: '2021-01-01',
    });
    const filtered = await gql(
      `{ units(filter: { classification: "TERRAIN:HIGH_MOUNTAIN", asOf: "2024-01-01" }) { nodes { code classifications(asOf: "2024-01-01") { code } } } }`,
    );
    expect(filtered.data.units.nodes).toContainEqual({ code, classifications: [{ code: 'TERRAIN:HIGH_MOUNTAIN' }] });
    const later = await gql(`{ units(filter: { classification: "TERRAIN", asOf: "2025-07-01" }) { totalCount } }`);
    expect(later.data.units.totalCount).toBe(0);
  });

  it('refuses an administrator of another province (FORBIDDEN) and bad values (BAD_USER_INPUT), writing nothing', async () => {
    const { tokenFor } = await import('./support/auth.js');
    const code = (await commune()).units.nodes[0].code;
    const before = await rowCounts(['units.unit_classification']);
    const other = await tokenFor('UNIT_ADMIN', '06'); // Bắc Kạn
    const refused = await gql(SET, { i: { unitCode: code, asOf: '2024-01-01', scheme: 'BORDER' } }, { token: other });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const admin = await tokenFor('UNIT_ADMIN', '56');
    const badValue = await gql(SET, { i: { unitCode: code, asOf: '2024-01-01', scheme: 'COMMUNE_GROUP', value: '4' } }, { token: admin });
    expect(errorCodes(badValue)).toEqual(['BAD_USER_INPUT']);
    const badPeriod = await gql(
      SET,
      { i: { unitCode: code, asOf: '2024-01-01', scheme: 'BORDER', validFrom: '2025-01-01', validTo: '2024-01-01' } },
      { token: admin },
    );
    expect(errorCodes(badPeriod)).toEqual(['BAD_USER_INPUT']);
    const garbage = await gql(`{ units { totalCount } }`, undefined, { token: 'not-a-token' });
    expect(errorCodes(garbage)).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts(['units.unit_classification'])).toEqual(before);
  });
});
