import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';
import { commit, download, errorRows, readXlsx, sheetValues, upload } from './support/imports.js';
import { hubUrl } from './support/hub.js';

/**
 * Bulk import of the contributions ledger (issue 15, part 3) with the rules of recordContribution: an assessor of a
 * Khánh Hòa district records its communes' contributions to the province's 2021–2025 campaign from a file.
 */
const TABLES = ['awards.contributor', 'awards.contribution', 'audit.audit_log'];
const HEADER =
  'Mã phong trào,Loại người đóng góp,Tên người đóng góp,Mã đơn vị,Ngày đóng góp,Loại đóng góp,Giá trị (đồng),Số lượng,Đơn vị số lượng,Đơn giá (đồng),Mô tả';

let campaignId: string;
let communes: { code: string; name: string }[];
let assessor: string;

beforeAll(async () => {
  const campaigns = await gql('{ campaigns(limit: 500) { nodes { id key } } }');
  campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025').id;
  communes =
    await sql(`SELECT c.code, c.name FROM units.unit c JOIN units.unit d ON d.id = c.parent_id AND d.code = '574' WHERE c.level = 'COMMUNE'
    AND coalesce(c.valid_from, '2000-01-01') <= '2024-03-01' AND coalesce(c.valid_to, '2100-01-01') >= '2024-12-31' ORDER BY c.code DESC LIMIT 2`);
  assessor = await tokenFor('ASSESSOR', '574', '2024-01-01');
});

describe('importing contributions', () => {
  it('reports exactly the bad rows and writes nothing; the corrected file adds every contribution, audited once; again, it changes nothing', async () => {
    const [a, b] = communes;
    const bad = [
      HEADER,
      `${campaignId},Hộ gia đình,Nguyễn Văn Nhập,${a.code},15/03/2024,Tiền,5000000,,,,Làm đường`,
      `${campaignId},Hộ gia đình,Nguyễn Văn Nhập,${a.code},01/01/2019,Tiền,5000000,,,,`,
      `${campaignId},Cá nhân,Trần Thị Nhập,${a.code},16/03/2024,Tiền,5000000,2,,,`,
      `${campaignId},Doanh nghiệp,Công ty Nhập Khẩu,574,16/03/2024,Tiền,1000000,,,,`,
      `${campaignId},HOUSEHOLD,nguyễn văn nhập,${a.code},2024-03-15,MONEY,5000000,,,,Làm đường`,
      `${campaignId},Doanh nghiệp,Công ty Nhập Khẩu,${b.code},2024-04-01,Đất đai,,200,m2,,Hiến đất`,
    ].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('contributions', bad, assessor);
    expect(job).toMatchObject({ status: 'INVALID', rowsRead: 6, errorCount: 5 });
    const errors = await errorRows('contributions', job.id, assessor);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['3', 'Ngày đóng góp', 'BAD_USER_INPUT'],
      ['4', 'Số lượng', 'BAD_USER_INPUT'],
      ['5', 'Mã đơn vị', 'BAD_USER_INPUT'],
      ['6', 'Tên người đóng góp', 'BAD_USER_INPUT'],
      ['7', 'Đơn giá (đồng)', 'BAD_USER_INPUT'],
    ]);
    expect(errors[0][3]).toContain('Ngày đóng góp ngoài giai đoạn 2021-01-01 – 2025-12-31');
    expect(errors[1][3]).toContain('Đóng góp tiền ghi giá trị');
    expect(errors[2][3]).toContain('Người đóng góp thuộc xã hoặc thôn');
    expect(errors[3][3]).toContain('Trùng với dòng 2');
    expect(errors[4][3]).toContain('Cần cả số lượng và đơn giá');
    expect(await rowCounts(TABLES)).toEqual(before);

    const good = [
      HEADER,
      `${campaignId},Hộ gia đình,Nguyễn Văn Nhập,${a.code},15/03/2024,Tiền,5000000,,,,Làm đường`,
      `${campaignId},Doanh nghiệp,Công ty Nhập Khẩu,${b.code},2024-04-01,Đất đai,,200,m2,150000,Hiến đất`,
      `${campaignId},Hộ gia đình,Nguyễn Văn Nhập,${a.code},20/03/2024,Ngày công,,10,ngày công,200000,`,
    ].join('\r\n');
    const checked = await upload('contributions', good, assessor);
    expect(checked.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 3, unchanged: 0 });
    expect((await commit('contributions', checked.job.id, assessor)).job).toMatchObject({
      status: 'COMMITTED',
      rowsWritten: 3,
      toCreate: 3,
    });
    const after = await rowCounts(TABLES);
    // Two contributors (the household twice), three contributions, one audit event.
    expect(after).toEqual({
      'awards.contributor': before['awards.contributor'] + 2,
      'awards.contribution': before['awards.contribution'] + 3,
      'audit.audit_log': before['audit.audit_log'] + 1,
    });
    const [event] = await sql(`SELECT after FROM audit.audit_log WHERE entity = 'Import' AND entity_id = $1`, [checked.job.id]);
    expect(event.after).toMatchObject({ kind: 'contributions', rows: 3, created: 3, updated: 0, checksum: checked.job.checksum });
    const written = await sql(
      `SELECT p.name, p.kind AS who, c.contributed_on::text AS date, c.kind, c.value_vnd::float8 AS value, c.quantity, c.quantity_unit, c.unit_price_vnd::float8 AS price, c.description
      FROM awards.contribution c JOIN awards.contributor p ON p.id = c.contributor_id WHERE c.campaign_id = $1 AND p.name IN ('Nguyễn Văn Nhập', 'Công ty Nhập Khẩu') ORDER BY c.contributed_on`,
      [campaignId],
    );
    expect(written).toEqual([
      {
        name: 'Nguyễn Văn Nhập',
        who: 'HOUSEHOLD',
        date: '2024-03-15',
        kind: 'MONEY',
        value: 5_000_000,
        quantity: null,
        quantity_unit: null,
        price: null,
        description: 'Làm đường',
      },
      {
        name: 'Nguyễn Văn Nhập',
        who: 'HOUSEHOLD',
        date: '2024-03-20',
        kind: 'LABOUR',
        value: 2_000_000,
        quantity: 10,
        quantity_unit: 'ngày công',
        price: 200_000,
        description: null,
      },
      {
        name: 'Công ty Nhập Khẩu',
        who: 'ENTERPRISE',
        date: '2024-04-01',
        kind: 'LAND',
        value: 30_000_000,
        quantity: 200,
        quantity_unit: 'm2',
        price: 150_000,
        description: 'Hiến đất',
      },
    ]);

    const again = await upload('contributions', good, assessor);
    expect(again.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, unchanged: 3 });
    expect((await commit('contributions', again.job.id, assessor)).job.status).toBe('COMMITTED');
    expect((await rowCounts(TABLES))['awards.contribution']).toBe(after['awards.contribution']);
  });

  it('writes a file once when two imports of it are committed at the same moment', async () => {
    // The contributor exists already, so nothing else makes the two commits wait for each other.
    const known = [HEADER, `${campaignId},Hộ gia đình,Phạm Văn Đồng Thời,${communes[0].code},2024-05-01,Tiền,1000000,,,,`].join('\r\n');
    expect((await commit('contributions', (await upload('contributions', known, assessor)).job.id, assessor)).job.status).toBe('COMMITTED');
    const file = [HEADER, `${campaignId},Hộ gia đình,Phạm Văn Đồng Thời,${communes[0].code},2024-06-01,Tiền,3000000,,,,Cùng lúc`].join(
      '\r\n',
    );
    const [first, second] = await Promise.all([upload('contributions', file, assessor), upload('contributions', file, assessor)]);
    expect([first.job.toCreate, second.job.toCreate]).toEqual([1, 1]);
    const before = await rowCounts(TABLES);
    const committed = await Promise.all([
      commit('contributions', first.job.id, assessor),
      commit('contributions', second.job.id, assessor),
    ]);
    expect(committed.map((c) => c.job.status)).toEqual(['COMMITTED', 'COMMITTED']);
    const after = await rowCounts(TABLES);
    // One contribution, and each import audited as its own event.
    expect(after).toEqual({
      'awards.contributor': before['awards.contributor'],
      'awards.contribution': before['awards.contribution'] + 1,
      'audit.audit_log': before['audit.audit_log'] + 2,
    });
  });

  it('records who mobilised a contribution, found or added by kind, name and unit; a stored contribution keeps its mobiliser', async () => {
    const [a, b] = communes;
    const WITH_MOBILISER = `${HEADER},Loại người vận động,Tên người vận động,Mã đơn vị người vận động`;
    const before = await rowCounts(TABLES);
    const bad = [
      WITH_MOBILISER,
      `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},02/05/2024,Tiền,30000000,,,,,Cá nhân,,`,
      `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},03/05/2024,Tiền,30000000,,,,,Hộ gia đình,lê văn được vận động,`,
      `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},04/05/2024,Tiền,30000000,,,,,Cá nhân,Hoàng Văn Vận,574`,
      `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},05/05/2024,Tiền,30000000,,,,,Cá nhân,Hoàng Văn Vận,99999`,
    ].join('\r\n');
    const { job } = await upload('contributions', bad, assessor);
    expect(job).toMatchObject({ status: 'INVALID', rowsRead: 4, errorCount: 4 });
    const errors = await errorRows('contributions', job.id, assessor);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['2', 'Tên người vận động', 'BAD_USER_INPUT'],
      ['3', 'Tên người vận động', 'BAD_USER_INPUT'],
      ['4', 'Mã đơn vị người vận động', 'BAD_USER_INPUT'],
      ['5', 'Mã đơn vị người vận động', 'NOT_FOUND'],
    ]);
    expect(errors[0][3]).toContain('Cần tên người vận động');
    expect(errors[1][3]).toContain('Người vận động là người khác với người đóng góp');
    expect(errors[2][3]).toContain('Người đóng góp thuộc xã hoặc thôn');
    expect(await rowCounts(TABLES)).toEqual(before);

    // The village head of commune a mobilised a household there (unit left empty: the contributor's) and an enterprise
    // of commune b (his unit given): one mobiliser, added once.
    const good = [
      WITH_MOBILISER,
      `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},02/05/2024,Tiền,30000000,,,,,Cá nhân,Hoàng Văn Vận,`,
      `${campaignId},Doanh nghiệp,Công ty Được Vận Động,${b.code},06/05/2024,Tiền,120000000,,,,,Cá nhân,hoàng văn vận,${a.code}`,
    ].join('\r\n');
    const added = await upload('contributions', good, assessor, '&commit=true');
    expect(added.job).toMatchObject({ status: 'COMMITTED', toCreate: 2, rowsWritten: 2 });
    expect(await rowCounts(TABLES)).toEqual({
      'awards.contributor': before['awards.contributor'] + 3,
      'awards.contribution': before['awards.contribution'] + 2,
      'audit.audit_log': before['audit.audit_log'] + 1,
    });
    const written = await sql(
      `SELECT p.name, m.name AS mobiliser, m.kind AS "mobiliserKind", mu.code AS "mobiliserUnit"
       FROM awards.contribution c JOIN awards.contributor p ON p.id = c.contributor_id
       JOIN awards.contributor m ON m.id = c.mobilised_by_id JOIN units.unit mu ON mu.id = m.unit_id
       WHERE c.campaign_id = $1 AND p.name LIKE '%Được Vận Động' ORDER BY c.contributed_on`,
      [campaignId],
    );
    expect(written).toEqual([
      { name: 'Lê Văn Được Vận Động', mobiliser: 'Hoàng Văn Vận', mobiliserKind: 'INDIVIDUAL', mobiliserUnit: a.code },
      { name: 'Công ty Được Vận Động', mobiliser: 'Hoàng Văn Vận', mobiliserKind: 'INDIVIDUAL', mobiliserUnit: a.code },
    ]);

    // The same contribution: with its mobiliser or none, unchanged; with another one, a conflict (the import only adds).
    const same = `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},02/05/2024,Tiền,30000000,,,,`;
    expect((await upload('contributions', `${WITH_MOBILISER}\r\n${same},,,`, assessor)).job).toMatchObject({
      status: 'VALIDATED',
      unchanged: 1,
    });
    const other = await upload('contributions', `${WITH_MOBILISER}\r\n${same},Cá nhân,Đinh Văn Khác,`, assessor);
    expect(other.job).toMatchObject({ status: 'INVALID', errorCount: 1 });
    const [conflict] = await errorRows('contributions', other.job.id, assessor);
    expect(conflict.slice(0, 3)).toEqual(['2', 'Tên người vận động', 'CONFLICT']);
    expect(conflict[3]).toContain('đã ghi với người vận động khác');

    // A mobiliser from another district: outside the district assessor's rights (the whole file refused); the province's
    // assessor records him.
    const [elsewhere] =
      await sql(`SELECT c.code FROM units.unit c JOIN units.unit d ON d.id = c.parent_id AND d.code = '568' WHERE c.level = 'COMMUNE'
      AND coalesce(c.valid_from, '2000-01-01') <= '2024-03-01' AND coalesce(c.valid_to, '2100-01-01') >= '2024-12-31' ORDER BY c.code LIMIT 1`);
    const far = `${campaignId},Hộ gia đình,Lê Văn Được Vận Động,${a.code},07/05/2024,Tiền,10000000,,,,,Cá nhân,Trương Thị Xa,${elsewhere.code}`;
    const refused = await upload('contributions', `${WITH_MOBILISER}\r\n${far}`, assessor, '&commit=true');
    expect(refused.job.status).toBe('REFUSED');
    expect(refused.job.message).toContain('Dòng 2: bạn không có quyền ghi người vận động ở');
    const province = await tokenFor('ASSESSOR', '56', '2024-01-01');
    expect((await upload('contributions', `${WITH_MOBILISER}\r\n${far}`, province, '&commit=true')).job).toMatchObject({
      status: 'COMMITTED',
      toCreate: 1,
    });

    // The export names the mobiliser, and his unit where it is not the contributor's; a person mobilising from a unit
    // the caller holds no role over stays unnamed (the district's export), as the API hides such names.
    const mobiliserCells = async (token: string, name: string, date: string) => {
      const exported = sheetValues(await readXlsx(await download('/imports/contributions/template.xlsx?year=2024&withinCode=574', token)));
      const at = (header: string) => exported[0].indexOf(header);
      const row = exported.find((r) => r[at('Tên người đóng góp')] === name && r[at('Ngày đóng góp')] === date)!;
      return [row[at('Loại người vận động')] ?? '', row[at('Tên người vận động')] ?? '', row[at('Mã đơn vị người vận động')] ?? ''];
    };
    expect(await mobiliserCells(assessor, 'Lê Văn Được Vận Động', '2024-05-02')).toEqual(['Cá nhân', 'Hoàng Văn Vận', '']);
    expect(await mobiliserCells(assessor, 'Công ty Được Vận Động', '2024-05-06')).toEqual(['Cá nhân', 'Hoàng Văn Vận', a.code]);
    expect(await mobiliserCells(assessor, 'Lê Văn Được Vận Động', '2024-05-07')).toEqual(['', '', '']);
    expect(await mobiliserCells(province, 'Lê Văn Được Vận Động', '2024-05-07')).toEqual(['Cá nhân', 'Trương Thị Xa', elsewhere.code]);
  });

  it("exports a district's contributions of a year as the template, which re-imports unchanged", async () => {
    const file = await download('/imports/contributions/template.xlsx?year=2024&withinCode=574', assessor);
    const rows = sheetValues(await readXlsx(file));
    expect(rows[0].slice(0, 4)).toEqual(['Mã phong trào', 'Loại người đóng góp', 'Tên người đóng góp', 'Mã đơn vị']);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM awards.contribution c JOIN awards.contributor p ON p.id = c.contributor_id
      WHERE p.unit_path <@ (SELECT path FROM units.unit WHERE code = '574' AND level = 'DISTRICT') AND extract(year FROM c.contributed_on) = 2024`);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(rows.length - 1).toBe(n);
    expect(rows.slice(1).find((r) => r[2] === 'Công ty Nhập Khẩu')).toEqual([
      campaignId,
      'Doanh nghiệp',
      'Công ty Nhập Khẩu',
      communes[1].code,
      communes[1].name,
      '2024-04-01',
      'Đất đai',
      '30000000',
      '200',
      'm2',
      '150000',
      'Hiến đất',
    ]);
    const before = await rowCounts(TABLES);
    expect((await upload('contributions', file, assessor)).job).toMatchObject({
      status: 'VALIDATED',
      errorCount: 0,
      toCreate: 0,
      unchanged: n,
    });
    expect(await rowCounts(TABLES)).toEqual(before);
    // Personal data: only those who may record contributions there get the export.
    const other = await tokenFor('ASSESSOR', '06', '2024-01-01');
    expect(
      (
        await fetch(`${hubUrl()}/imports/contributions/template.xlsx?year=2024&withinCode=574`, {
          headers: { authorization: `Bearer ${other}` },
        })
      ).status,
    ).toBe(403);
  });

  it("refuses the whole file when one row is a unit outside the importer's subtree", async () => {
    const [outside] =
      await sql(`SELECT c.code, c.name FROM units.unit c JOIN units.unit d ON d.id = c.parent_id AND d.code = '568' WHERE c.level = 'COMMUNE'
      AND coalesce(c.valid_from, '2000-01-01') <= '2024-03-01' AND coalesce(c.valid_to, '2100-01-01') >= '2024-12-31' ORDER BY c.code LIMIT 1`);
    const file = [
      HEADER,
      `${campaignId},Hộ gia đình,Lê Văn Ngoài,${communes[0].code},2024-05-01,Tiền,1000,,,,`,
      `${campaignId},Hộ gia đình,Lê Văn Ngoài,${outside.code},2024-05-01,Tiền,1000,,,,`,
    ].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('contributions', file, assessor, '&commit=true');
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain(`Dòng 3: bạn không có quyền ghi đóng góp ở ${outside.name}`);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('answers 403 to a role that may not record contributions', async () => {
    const viewer = await tokenFor('VIEWER', '574', '2024-01-01');
    expect(
      (
        await upload(
          'contributions',
          `${HEADER}\r\n${campaignId},Hộ gia đình,Lê Văn Xem,${communes[0].code},2024-05-01,Tiền,1000,,,,`,
          viewer,
        )
      ).status,
    ).toBe(403);
  });
});
