import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';
import { commit, download, errorRows, readXlsx, sheetValues, upload, writeXlsx } from './support/imports.js';

/**
 * Bulk import of campaign targets (issue 15, part 3) with the rules of createTarget/updateTarget: a district of Khánh
 * Hòa issues its own campaign (no other test writes its targets), its administrator imports the targets from a file.
 */
const TABLES = ['campaigns.target', 'audit.audit_log'];
const HEADER = 'Mã phong trào,Mã đơn vị,Mã chỉ số,Năm,Phép so sánh,Tính bằng,Giá trị,Cận dưới,Cận trên,Tăng thêm so với,Ghi chú';

let campaignId: string;
let communes: { code: string }[];
let admin: string;

beforeAll(async () => {
  communes = await sql(`SELECT c.code FROM units.unit c JOIN units.unit d ON d.id = c.parent_id AND d.code = '574' WHERE c.level = 'COMMUNE'
    AND coalesce(c.valid_from, '2000-01-01') <= '2021-01-01' AND coalesce(c.valid_to, '2100-01-01') >= '2021-01-01' ORDER BY c.code LIMIT 2`);
  admin = await tokenFor('UNIT_ADMIN', '574', '2024-01-01');
  const created = await gql(
    `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`,
    {
      i: {
        name: 'Phong trào nhập chỉ tiêu',
        issuerCode: '574',
        asOf: '2021-01-01',
        periodStart: '2021-01-01',
        periodEnd: '2025-12-31',
      },
    },
    { token: admin },
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  campaignId = created.data.createCampaign.id;
});

const targetsOf = async () =>
  (
    await gql(
      `query($c: ID!) { targets(filter: { campaignId: $c }, limit: 100) { nodes { id version unit { code } metric { code } year comparator valueUnit value valueMin valueMax isIncrement incrementOver note } } }`,
      { c: campaignId },
    )
  ).data.targets.nodes;

describe('importing campaign targets', () => {
  it('reports exactly the bad rows and writes nothing; the corrected file adds every target, audited once; again, it changes nothing', async () => {
    const [a, b] = communes;
    const bad = [
      HEADER,
      `${campaignId},574,COMMUNES_NTM,2023,Ít nhất,Số lượng,3,,,,Huyện`,
      `${campaignId},574,COMMUNES_NTM,2030,GTE,COUNT,4,,,,`,
      `${campaignId},${a.code},COMMUNES_NTM,2024,GTE,COUNT,2.5,,,,`,
      `${campaignId},${b.code},KHONG_CO,2024,GTE,COUNT,1,,,,`,
      `${campaignId},574,COMMUNES_NTM,2023,GTE,COUNT,3,,,,Huyện`,
      `${campaignId},${a.code},COMMUNES_NTM,2025,Hơn kém,COUNT,1,,,,`,
    ].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('targets', bad, admin);
    expect(job).toMatchObject({ status: 'INVALID', rowsRead: 6, errorCount: 5 });
    const errors = await errorRows('targets', job.id, admin);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['3', 'Năm', 'BAD_USER_INPUT'],
      ['4', 'Giá trị', 'BAD_USER_INPUT'],
      ['5', 'Mã chỉ số', 'NOT_FOUND'],
      ['6', 'Mã chỉ số', 'BAD_USER_INPUT'],
      ['7', 'Phép so sánh', 'BAD_USER_INPUT'],
    ]);
    expect(errors[0][3]).toContain('Năm 2030 nằm ngoài giai đoạn 2021–2025');
    expect(errors[1][3]).toContain('Số lượng phải là số nguyên không âm');
    expect(errors[3][3]).toContain('Trùng với dòng 2');
    expect(errors[4][3]).toContain('"Hơn kém" không phải một trong');
    expect(await rowCounts(TABLES)).toEqual(before);
    expect((await commit('targets', job.id, admin)).status).toBe(409);

    const good = [
      HEADER,
      `${campaignId},574,COMMUNES_NTM,2023,Ít nhất,Số lượng,3,,,,Huyện`,
      `${campaignId},${a.code},COMMUNES_NTM,2024,GTE,COUNT,,1,2,,`,
      `${campaignId},${b.code},COMMUNES_NTM,2025,GTE,COUNT,1,,,Cuối năm trước,`,
    ].join('\r\n');
    const checked = await upload('targets', good, admin);
    expect(checked.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 3, toUpdate: 0, unchanged: 0 });
    expect((await commit('targets', checked.job.id, admin)).job).toMatchObject({ status: 'COMMITTED', rowsWritten: 3, toCreate: 3 });
    const after = await rowCounts(TABLES);
    expect(after['campaigns.target']).toBe(before['campaigns.target'] + 3);
    expect(after['audit.audit_log']).toBe(before['audit.audit_log'] + 1);
    const [event] = await sql(`SELECT after FROM audit.audit_log WHERE entity = 'Import' AND entity_id = $1`, [checked.job.id]);
    expect(event.after).toMatchObject({ kind: 'targets', rows: 3, created: 3, updated: 0, checksum: checked.job.checksum });
    expect((await targetsOf()).map(({ id: _id, ...t }: { id: string }) => t)).toEqual([
      {
        version: 1,
        unit: { code: '574' },
        metric: { code: 'COMMUNES_NTM' },
        year: 2023,
        comparator: 'GTE',
        valueUnit: 'COUNT',
        value: 3,
        valueMin: null,
        valueMax: null,
        isIncrement: false,
        incrementOver: null,
        note: 'Huyện',
      },
      {
        version: 1,
        unit: { code: a.code },
        metric: { code: 'COMMUNES_NTM' },
        year: 2024,
        comparator: 'GTE',
        valueUnit: 'COUNT',
        value: null,
        valueMin: 1,
        valueMax: 2,
        isIncrement: false,
        incrementOver: null,
        note: null,
      },
      {
        version: 1,
        unit: { code: b.code },
        metric: { code: 'COMMUNES_NTM' },
        year: 2025,
        comparator: 'GTE',
        valueUnit: 'COUNT',
        value: 1,
        valueMin: null,
        valueMax: null,
        isIncrement: true,
        incrementOver: 'PREVIOUS_YEAR',
        note: null,
      },
    ]);

    const again = await upload('targets', good, admin);
    expect(again.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect((await commit('targets', again.job.id, admin)).job.status).toBe('COMMITTED');
    expect((await rowCounts(TABLES))['campaigns.target']).toBe(after['campaigns.target']);
  });

  it("exports a campaign's targets as the template, which re-imports unchanged; a changed value with its version updates that target", async () => {
    const file = await download(`/imports/targets/template.xlsx?campaignId=${campaignId}`, admin);
    const workbook = await readXlsx(file);
    const rows = sheetValues(workbook);
    expect(rows[0].slice(0, 6)).toEqual(['Mã phong trào', 'Mã chỉ tiêu', 'Phiên bản', 'Mã đơn vị', 'Tên đơn vị', 'Mã chỉ số']);
    const stored = await targetsOf();
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual(
      stored.map((t: { id: string; version: number; unit: { code: string } }) => [t.id, String(t.version), t.unit.code]),
    );
    // The console's choice, a territory and a year: the targets of every campaign the district issued running that year.
    const issued = sheetValues(await readXlsx(await download('/imports/targets/template.xlsx?year=2024&withinCode=574', admin)));
    expect(issued.filter((r) => r[0] === campaignId)).toEqual(rows.slice(1));
    const before = await rowCounts(TABLES);
    expect((await upload('targets', file, admin)).job).toMatchObject({
      status: 'VALIDATED',
      errorCount: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: stored.length,
    });

    // The first target (the district's, value 3) raised to 4 in the exported file.
    workbook.worksheets[0].getRow(2).getCell(11).value = 4;
    const edited = await writeXlsx(workbook);
    const checked = await upload('targets', edited, admin);
    expect(checked.job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, toUpdate: 1, unchanged: stored.length - 1 });
    expect((await commit('targets', checked.job.id, admin)).job).toMatchObject({ status: 'COMMITTED', rowsWritten: 1, toUpdate: 1 });
    const [first] = await targetsOf();
    expect(first).toMatchObject({ id: stored[0].id, version: 2, value: 4 });
    const after = await rowCounts(TABLES);
    expect(after).toEqual({ ...before, 'audit.audit_log': before['audit.audit_log'] + 1 });

    // The same edited file again: its version is now stale, yet the row equals what is stored — unchanged.
    expect((await upload('targets', edited, admin)).job).toMatchObject({ status: 'VALIDATED', toUpdate: 0, unchanged: stored.length });
    // The original export (version 1, value 3) no longer matches: refused as CONFLICT on that row.
    const stale = await upload('targets', file, admin);
    expect(stale.job).toMatchObject({ status: 'INVALID', errorCount: 1 });
    expect((await errorRows('targets', stale.job.id, admin)).map(([row, column, code]) => [row, column, code])).toEqual([
      ['2', 'Phiên bản', 'CONFLICT'],
    ]);
  });

  it("carries a target's quote, denominator description and dataset count; a column the file leaves out keeps what is stored", async () => {
    const FULL = `${HEADER},Mô tả mẫu số,Mẫu số theo dữ liệu,Trích dẫn`;
    const quote = 'Phấn đấu đến năm 2022 có thêm 2 xã đạt chuẩn nông thôn mới';
    const before = await rowCounts(TABLES);
    // A dataset count that is not a whole non-negative number: the row is refused on that column, nothing written.
    const bad = await upload(
      'targets',
      [
        FULL,
        `${campaignId},574,COMMUNES_NTM,2022,GTE,COUNT,2,,,,Huyện,các xã của huyện,-1,${quote}`,
        `${campaignId},574,COMMUNES_NTM,2021,GTE,COUNT,1,,,,,,1.5,`,
      ].join('\r\n'),
      admin,
    );
    expect(bad.job).toMatchObject({ status: 'INVALID', rowsRead: 2, errorCount: 2 });
    const errors = await errorRows('targets', bad.job.id, admin);
    expect(errors.map(([row, column, code]) => [row, column, code])).toEqual([
      ['2', 'Mẫu số theo dữ liệu', 'BAD_USER_INPUT'],
      ['3', 'Mẫu số theo dữ liệu', 'BAD_USER_INPUT'],
    ]);
    expect(errors[0][3]).toContain('datasetCount phải là số nguyên không âm');
    expect(await rowCounts(TABLES)).toEqual(before);

    const good = `${FULL}\r\n${campaignId},574,COMMUNES_NTM,2022,GTE,COUNT,2,,,,Huyện,các xã của huyện,12,${quote}`;
    const added = await upload('targets', good, admin, '&commit=true');
    expect(added.job).toMatchObject({ status: 'COMMITTED', toCreate: 1 });
    const read = async () =>
      (
        await gql(
          `query($c: ID!) { targets(filter: { campaignId: $c, search: "them 2 xa dat chuan" }) { nodes { id version value note basisNote datasetCount quote } } }`,
          { c: campaignId },
        )
      ).data.targets.nodes;
    const [stored] = await read();
    expect(stored).toMatchObject({ version: 1, value: 2, note: 'Huyện', basisNote: 'các xã của huyện', datasetCount: 12, quote });

    // The export carries the three columns, and re-imports unchanged.
    const exported = sheetValues(await readXlsx(await download(`/imports/targets/template.xlsx?campaignId=${campaignId}`, admin)));
    const at = (header: string) => exported[0].indexOf(header);
    const row = exported.find((r) => r[1] === stored.id)!;
    expect([row[at('Mô tả mẫu số')], row[at('Mẫu số theo dữ liệu')], row[at('Trích dẫn')]]).toEqual(['các xã của huyện', '12', quote]);

    // A file with none of the optional text columns: a new row equal on what it carries is the stored target, unchanged;
    // the same row with the target's id and a new value changes the value and keeps the note, description, count and quote.
    const SHORT = 'Mã phong trào,Mã chỉ tiêu,Phiên bản,Mã đơn vị,Mã chỉ số,Năm,Phép so sánh,Tính bằng,Giá trị';
    expect((await upload('targets', `${SHORT}\r\n${campaignId},,,574,COMMUNES_NTM,2022,GTE,COUNT,2`, admin)).job).toMatchObject({
      status: 'VALIDATED',
      toCreate: 0,
      unchanged: 1,
    });
    const changed = await upload(
      'targets',
      `${SHORT}\r\n${campaignId},${stored.id},1,574,COMMUNES_NTM,2022,GTE,COUNT,3`,
      admin,
      '&commit=true',
    );
    expect(changed.job).toMatchObject({ status: 'COMMITTED', toUpdate: 1 });
    expect(await read()).toEqual([{ ...stored, version: 2, value: 3 }]);
    expect((await rowCounts(TABLES))['campaigns.target']).toBe(before['campaigns.target'] + 1);
  });

  it("refuses the whole file when one row is a unit outside the importer's subtree", async () => {
    const [outside] =
      await sql(`SELECT c.code, c.name FROM units.unit c JOIN units.unit d ON d.id = c.parent_id AND d.code = '568' WHERE c.level = 'COMMUNE'
      AND coalesce(c.valid_from, '2000-01-01') <= '2021-01-01' AND coalesce(c.valid_to, '2100-01-01') >= '2021-01-01' ORDER BY c.code LIMIT 1`);
    const file = [
      HEADER,
      `${campaignId},${communes[0].code},COMMUNES_NTM,2022,GTE,COUNT,1,,,,`,
      `${campaignId},${outside.code},COMMUNES_NTM,2022,GTE,COUNT,1,,,,`,
    ].join('\r\n');
    const before = await rowCounts(TABLES);
    const { job } = await upload('targets', file, admin, '&commit=true');
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain(`Dòng 3: bạn không có quyền lập chỉ tiêu cho ${outside.name}`);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('answers 403 to a role that may not plan campaigns', async () => {
    const assessor = await tokenFor('ASSESSOR', '574', '2024-01-01');
    expect((await upload('targets', `${HEADER}\r\n${campaignId},574,COMMUNES_NTM,2022,GTE,COUNT,1,,,,`, assessor)).status).toBe(403);
  });
});
