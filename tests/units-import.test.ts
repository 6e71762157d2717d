import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';
import { commit, download, errorRows, readXlsx, sheetValues, upload } from './support/imports.js';

/**
 * Bulk imports the units subgraph owns (issue 15, part 3): villages with the rules of `createVillages`, classifications
 * with those of `setUnitClassification`. Lạng Sơn's last district by code (no other test writes there), its
 * administrator exporting the district's records and adding new ones from a file.
 */
const TABLES = ['units.unit', 'units.unit_lineage', 'audit.audit_log'];
const HEADER = 'Mã xã,Tên thôn,Loại,Hiệu lực đến,Ngày đọc mã xã';

let district: { code: string; path: string };
let communes: { code: string; name: string }[];
let admin: string;

beforeAll(async () => {
  [district] =
    await sql(`SELECT d.code, d.path::text AS path FROM units.unit d JOIN units.unit p ON p.id = d.parent_id AND p.code = '20' AND p.valid_to = '2025-06-30'
    WHERE d.level = 'DISTRICT' AND EXISTS (SELECT 1 FROM units.unit c WHERE c.parent_id = d.id AND c.kind = 'COMMUNE') ORDER BY d.code DESC LIMIT 1`);
  communes = await sql(
    `SELECT code, name FROM units.unit WHERE parent_id = (SELECT id FROM units.unit WHERE path = $1::ltree) AND kind = 'COMMUNE'
    AND valid_to = '2025-06-30' ORDER BY code LIMIT 2`,
    [district.path],
  );
  admin = await tokenFor('UNIT_ADMIN', district.code, '2024-01-01');
});

describe('importing villages', () => {
  it("exports a district's villages as the template, which re-imports unchanged", async () => {
    const file = await download(`/imports/villages/template.xlsx?year=2024&withinCode=${district.code}`, admin);
    const rows = sheetValues(await readXlsx(file));
    expect(rows[0]).toEqual(['Mã xã', 'Tên xã', 'Tên thôn', 'Loại', 'Mã thôn', 'Hiệu lực từ', 'Hiệu lực đến', 'Ngày đọc mã xã']);
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM units.unit WHERE level = 'VILLAGE' AND NOT withdrawn AND path <@ $1::ltree
      AND coalesce(valid_from, '2000-01-01') <= '2024-06-30' AND coalesce(valid_to, '2100-01-01') >= '2024-06-30'`,
      [district.path],
    );
    expect(n).toBeGreaterThan(10);
    expect(rows.length - 1).toBe(n);
    const [first] = await sql(
      `SELECT v.code, v.short_name, c.code AS commune FROM units.unit v JOIN units.unit c ON c.id = v.parent_id WHERE v.code = $1`,
      [rows[1][4]],
    );
    expect([rows[1][0], rows[1][2]]).toEqual([first.commune, first.short_name]);
    const before = await rowCounts(TABLES);
    const { job } = await upload('villages', file, admin);
    expect(job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, rowsRead: n, unchanged: n });
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('reports exactly the bad rows and writes nothing; the corrected file adds every village, audited once; again, it changes nothing', async () => {
    const [a, b] = communes;
    const bad = [
      HEADER,
      `${a.code},Nhập Một,Bản,,2024-01-01`,
      `${a.code},Nhập Hai,Phường,,2024-01-01`,
      `${b.code},Nhập Ba,,2026-12-31,2024-01-01`,
      `${a.code},nhập một,Thôn,,2024-01-01`,
    ].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('villages', bad, admin);
    expect(job).toMatchObject({ status: 'INVALID', rowsRead: 4, errorCount: 3 });
    const errors = await errorRows('villages', job.id, admin);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['3', 'Loại', 'BAD_USER_INPUT'],
      ['4', 'Hiệu lực đến', 'BAD_USER_INPUT'],
      ['5', 'Tên thôn', 'BAD_USER_INPUT'],
    ]);
    expect(errors[0][3]).toContain('"Phường" không phải một trong');
    expect(errors[1][3]).toContain('vượt ngoài thời gian hiệu lực');
    expect(errors[2][3]).toContain('trùng với dòng 2');
    expect(await rowCounts(TABLES)).toEqual(before);
    expect((await commit('villages', job.id, admin)).status).toBe(409);

    const [{ n: last }] = await sql(`SELECT max(split_part(code, '-', 2)::int) AS n FROM units.unit WHERE code LIKE $1 || '-%'`, [a.code]);
    const good = [
      HEADER,
      `${a.code},Nhập Một,Bản,,2024-01-01`,
      `${a.code},Nhập Hai,,,2024-01-01`,
      `${b.code},Thôn Nhập Ba,,2024-12-31,2024-01-01`,
    ].join('\r\n');
    const checked = await upload('villages', good, admin);
    expect(checked.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 3, unchanged: 0 });
    const done = await commit('villages', checked.job.id, admin);
    expect(done.job).toMatchObject({ status: 'COMMITTED', rowsWritten: 3, toCreate: 3 });
    const after = await rowCounts(TABLES);
    expect(after['units.unit']).toBe(before['units.unit'] + 3);
    expect(after['audit.audit_log']).toBe(before['audit.audit_log'] + 1);
    const [event] = await sql(`SELECT entity, after FROM audit.audit_log WHERE entity = 'Import' AND entity_id = $1`, [checked.job.id]);
    expect(event.after).toMatchObject({ kind: 'villages', rows: 3, created: 3, updated: 0, checksum: checked.job.checksum });
    const number = (n: number) => `${a.code}-${String(Number(last ?? 0) + n).padStart(3, '0')}`;
    const read = await gql(
      `query($a: String!, $b: String!) { one: unit(code: $a, asOf: "2024-06-30") { name kind parent { code } } two: unit(code: $b, asOf: "2024-06-30") { name kind } }`,
      { a: number(1), b: number(2) },
    );
    expect(read.data).toEqual({
      one: { name: 'Bản Nhập Một', kind: 'BAN', parent: { code: a.code } },
      two: { name: 'Thôn Nhập Hai', kind: 'VILLAGE' },
    });
    const [third] = await sql(
      `SELECT v.name, v.valid_to::text AS valid_to FROM units.unit v JOIN units.unit c ON c.id = v.parent_id WHERE c.code = $1 AND v.short_name = 'Nhập Ba'`,
      [b.code],
    );
    expect(third).toEqual({ name: 'Thôn Nhập Ba', valid_to: '2024-12-31' });

    const again = await upload('villages', good, admin);
    expect(again.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, unchanged: 3 });
    expect((await commit('villages', again.job.id, admin)).job.status).toBe('COMMITTED');
    const unchanged = await rowCounts(TABLES);
    expect(unchanged['units.unit']).toBe(after['units.unit']);
  });

  it("refuses the whole file when one row is a commune outside the importer's subtree", async () => {
    const [khanhHoa] =
      await sql(`SELECT u.code, u.name FROM units.unit u JOIN units.unit p ON p.code = '56' AND p.valid_to = '2025-06-30' AND u.path <@ p.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.code LIMIT 1`);
    const file = [HEADER, `${communes[0].code},Nhập Bốn,,,2024-01-01`, `${khanhHoa.code},Nhập Năm,,,2024-01-01`].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('villages', file, admin, '&commit=true');
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain(`Dòng 3: bạn không có quyền thêm thôn cho ${khanhHoa.name}`);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('answers 403 to a role that may not add villages', async () => {
    const assessor = await tokenFor('ASSESSOR', district.code, '2024-01-01');
    expect((await upload('villages', `${HEADER}\r\n${communes[0].code},Nhập Sáu,,,2024-01-01`, assessor)).status).toBe(403);
  });
});

describe('importing unit classifications', () => {
  const CLASSES = ['units.unit_classification', 'audit.audit_log'];
  const HEAD = 'Mã đơn vị,Loại phân loại,Giá trị,Áp dụng từ,Áp dụng đến,Căn cứ,Ngày đọc mã';

  it('reports exactly the bad rows and writes nothing; the corrected file adds them, audited once; its export re-imports unchanged', async () => {
    const [a, b] = communes;
    const bad = [
      HEAD,
      `${a.code},Bãi ngang ven biển,,01/01/2019,31/12/2019,QĐ 1/2019,2024-01-01`,
      `${a.code},Địa hình,Cao nguyên,2019-01-01,2019-12-31,,2024-01-01`,
      `${b.code},Nhóm xã,2,2019-12-31,2019-01-01,,2024-01-01`,
      `${b.code},Biên giới,1,2019-01-01,2019-12-31,,2024-01-01`,
      `${a.code},COASTAL,,2019-01-01,2019-12-31,,2024-01-01`,
      `99999,Hải đảo,,,,,2024-01-01`,
    ].join('\r\n');
    const before = await rowCounts(CLASSES);
    const { job } = await upload('classifications', bad, admin);
    expect(job).toMatchObject({ status: 'INVALID', rowsRead: 6, errorCount: 5 });
    const errors = await errorRows('classifications', job.id, admin);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['3', 'Giá trị', 'BAD_USER_INPUT'],
      ['4', 'Áp dụng đến', 'BAD_USER_INPUT'],
      ['5', 'Giá trị', 'BAD_USER_INPUT'],
      ['6', 'Loại phân loại', 'BAD_USER_INPUT'],
      ['7', 'Mã đơn vị', 'NOT_FOUND'],
    ]);
    expect(errors[1][3]).toContain('Ngày bắt đầu phải trước ngày kết thúc');
    expect(errors[2][3]).toContain('Giá trị phân loại không hợp lệ cho BORDER');
    expect(errors[3][3]).toContain('Trùng với dòng 2');
    expect(await rowCounts(CLASSES)).toEqual(before);

    const good = [
      HEAD,
      `${a.code},Bãi ngang ven biển,,01/01/2019,31/12/2019,QĐ 1/2019,2024-01-01`,
      `${a.code},Địa hình,Miền núi thấp,2019-01-01,2019-12-31,,2024-01-01`,
      `${b.code},COMMUNE_GROUP,2,2019-01-01,2019-12-31,,2024-01-01`,
    ].join('\r\n');
    const checked = await upload('classifications', good, admin);
    expect(checked.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 3, unchanged: 0 });
    expect((await commit('classifications', checked.job.id, admin)).job).toMatchObject({
      status: 'COMMITTED',
      rowsWritten: 3,
      toCreate: 3,
    });
    const after = await rowCounts(CLASSES);
    expect(after['units.unit_classification']).toBe(before['units.unit_classification'] + 3);
    expect(after['audit.audit_log']).toBe(before['audit.audit_log'] + 1);
    const read = await gql(
      `query($c: String!) { unit(code: $c, asOf: "2024-06-30") { classifications { scheme value validFrom validTo source } } }`,
      { c: a.code },
    );
    expect(read.data.unit.classifications.filter((c: { validFrom: string | null }) => c.validFrom === '2019-01-01')).toEqual([
      { scheme: 'COASTAL', value: null, validFrom: '2019-01-01', validTo: '2019-12-31', source: 'QĐ 1/2019' },
      { scheme: 'TERRAIN', value: 'LOW_MOUNTAIN', validFrom: '2019-01-01', validTo: '2019-12-31', source: null },
    ]);

    expect((await upload('classifications', good, admin)).job).toMatchObject({ status: 'VALIDATED', toCreate: 0, unchanged: 3 });
    const exported = await download(`/imports/classifications/template.xlsx?year=2024&withinCode=${district.code}`, admin);
    const rows = sheetValues(await readXlsx(exported));
    expect(rows[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Loại phân loại', 'Giá trị', 'Áp dụng từ', 'Áp dụng đến', 'Căn cứ', 'Ngày đọc mã']);
    expect(rows).toContainEqual([a.code, a.name, 'Địa hình', 'Miền núi thấp', '2019-01-01', '2019-12-31', '', '2024-06-30']);
    const again = await upload('classifications', exported, admin);
    expect(again.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, unchanged: rows.length - 1 });
    expect(await rowCounts(CLASSES)).toEqual(after);
  });

  it("refuses the whole file when one row is a unit outside the importer's subtree", async () => {
    const [khanhHoa] =
      await sql(`SELECT u.code, u.name FROM units.unit u JOIN units.unit p ON p.code = '56' AND p.valid_to = '2025-06-30' AND u.path <@ p.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.code LIMIT 1`);
    const file = [
      HEAD,
      `${communes[0].code},Hải đảo,,2018-01-01,2018-12-31,,2024-01-01`,
      `${khanhHoa.code},Hải đảo,,2018-01-01,2018-12-31,,2024-01-01`,
    ].join('\r\n');
    const before = await rowCounts(CLASSES);
    const { job } = await upload('classifications', file, admin, '&commit=true');
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain(`Dòng 3: bạn không có quyền phân loại ${khanhHoa.name}`);
    expect(await rowCounts(CLASSES)).toEqual(before);
  });
});
