import { request as httpRequest } from 'node:http';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from './support/auth.js';
import { gql } from './support/client.js';
import { rowCounts, sql } from './support/db.js';
import { commit, download, errorRows, readXlsx, sheetValues, upload, writeXlsx } from './support/imports.js';
import { hubUrl } from './support/hub.js';

/**
 * Declares a POST body of `declaredBytes` but sends only its first 64 kB, then reads the answer: a server that
 * refuses the file by its size before reading it answers without the rest.
 */
function postDeclaring(url: string, headers: Record<string, string>, declaredBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-length': String(declaredBytes) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: text });
      });
    });
    request.on('error', reject);
    request.write(Buffer.alloc(64 * 1024, 0x41));
  });
}

/**
 * Bulk import of assessments (issue 15, part 3), through the hub's HTTP routes as a locality would use them: Bắc Kạn's
 * 2024 assessments downloaded as the hub's template (filled with what is stored), edited, imported back.
 */
const TABLES = [
  'criteria.assessment',
  'criteria.assessment_result',
  'criteria.assessment_indicator_value',
  'criteria.assessment_change',
  'audit.audit_log',
];
const TEMPLATE = '/imports/assessments/template.xlsx?setCode=COMMUNE-NTM-2021-2025&year=2024&withinCode=06';
const AVG = `{ compare(input: { unitCodes: ["06"], asOf: "2024-06-30", year: 2024, metrics: ["AVG_CRITERIA_MET"] }) { rows { numerator denominator } } }`;

let assessor: string;
let template: Buffer;
let header: string[];

const column = (name: string) => header.findIndex((h) => h.startsWith(name)) + 1;

/** The template with `edit` applied to its first sheet. */
async function edited(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = await readXlsx(template);
  edit(workbook.worksheets[0]);
  return writeXlsx(workbook);
}

/** Flips TC1 and TC2 of the template's rows 2–11 (ten communes): the corrected edit every test builds on. */
const flipTen = (sheet: ExcelJS.Worksheet) => {
  for (let r = 2; r <= 11; r++) {
    for (const n of [1, 2]) {
      const cell = sheet.getRow(r).getCell(column(`TC${n}:`));
      cell.value = cell.value === 'Đạt' ? 'Không đạt' : 'Đạt';
    }
  }
};

beforeAll(async () => {
  assessor = await tokenFor('ASSESSOR', '06', '2024-01-01');
  template = await download(TEMPLATE, assessor);
  header = sheetValues(await readXlsx(template))[0];
});

describe('the assessments template', () => {
  it('names every column in Vietnamese and lists each Bắc Kạn commune of 2024 with its stored results and version', async () => {
    const rows = sheetValues(await readXlsx(template));
    expect(header.slice(0, 6)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Năm', 'Bộ tiêu chí', 'Ngày đọc mã', 'Phiên bản']);
    expect(header.filter((h) => /^TC\d+:/.test(h))).toHaveLength(19);
    const [{ n }] =
      await sql(`SELECT count(*)::int AS n FROM units.unit u JOIN units.unit p ON p.code = '06' AND p.valid_to = '2025-06-30' AND u.path <@ p.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND coalesce(u.valid_from, '2000-01-01') <= '2024-06-30' AND u.valid_to >= '2024-06-30'`);
    expect(rows.length - 1).toBe(n);
    const first = rows[1];
    const [stored] = await sql(
      `SELECT a.version, (SELECT met FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.criterion_number = 1) AS met
      FROM criteria.assessment a JOIN units.unit u ON u.id = a.unit_id WHERE u.code = $1 AND a.year = 2024 AND u.valid_to = '2025-06-30'`,
      [first[0]],
    );
    expect(Number(first[5])).toBe(stored.version);
    expect(first[column('TC1:') - 1]).toBe(stored.met ? 'Đạt' : 'Không đạt');
  });

  it('re-imports unchanged: the file the hub exported changes nothing', async () => {
    const before = await rowCounts(TABLES);
    const { job } = await upload('assessments', template, assessor);
    expect(job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, toUpdate: 0 });
    expect(job.unchanged).toBe(job.rowsRead);
    expect(await rowCounts(TABLES)).toEqual(before);
  });
});

describe("importing a province's assessments", () => {
  it('reports exactly the 3 bad rows of a file and writes nothing', async () => {
    const bad = await edited((sheet) => {
      flipTen(sheet);
      sheet.getRow(3).getCell(column('TC5:')).value = 'Gần đạt';
      sheet.getRow(6).getCell(1).value = '99998';
      sheet.getRow(9).getCell(column('Năm')).value = 2031;
    });
    const before = await rowCounts(TABLES);
    const { job } = await upload('assessments', bad, assessor);
    expect(job).toMatchObject({ status: 'INVALID', errorCount: 3 });
    const errors = await errorRows('assessments', job.id, assessor);
    expect(errors.map((e) => [Number(e[0]), e[1], e[2]])).toEqual([
      [3, header[column('TC5:') - 1], 'BAD_USER_INPUT'],
      [6, 'Mã đơn vị', 'NOT_FOUND'],
      [9, 'Năm', 'BAD_USER_INPUT'],
    ]);
    expect(errors[0][3]).toContain('Gần đạt');
    expect(errors[0][4]).toContain('Đạt, Không đạt');
    expect(errors[2][3]).toContain('ngoài thời kỳ');
    expect(await rowCounts(TABLES)).toEqual(before);
    // A job with errors cannot be committed.
    expect((await commit('assessments', job.id, assessor)).status).toBe(409);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it('writes everything from the corrected file in one audited event, and the comparison follows at once', async () => {
    const before = (await gql(AVG)).data.compare.rows[0];
    const rows = sheetValues(await readXlsx(template)).slice(1, 11);
    // By hand: each of the 20 flipped cells moves the province's criteria met by one, up or down.
    const delta = rows.reduce((sum, row) => sum + [1, 2].reduce((s, n) => s + (row[column(`TC${n}:`) - 1] === 'Đạt' ? -1 : 1), 0), 0);
    const corrected = await edited(flipTen);
    const audit = await rowCounts(['audit.audit_log', 'criteria.assessment_change']);
    const { job } = await upload('assessments', corrected, assessor);
    expect(job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toCreate: 0, toUpdate: 10 });
    const done = await commit('assessments', job.id, assessor);
    expect(done.job).toMatchObject({ status: 'COMMITTED', rowsWritten: 10 });
    const after = (await gql(AVG)).data.compare.rows[0];
    expect(after).toEqual({ numerator: before.numerator + delta, denominator: before.denominator });
    expect(await rowCounts(['audit.audit_log', 'criteria.assessment_change'])).toEqual({
      'audit.audit_log': audit['audit.audit_log'] + 1,
      'criteria.assessment_change': audit['criteria.assessment_change'] + 10,
    });
    const [event] = await sql(`SELECT entity, entity_id, unit_path::text AS path, after FROM audit.audit_log ORDER BY id DESC LIMIT 1`);
    expect(event).toMatchObject({ entity: 'Import', entity_id: job.id });
    expect(event.after).toMatchObject({ kind: 'assessments', rows: job.rowsRead, updated: 10, created: 0, checksum: job.checksum });
    const [province] = await sql(`SELECT path::text AS path FROM units.unit WHERE code = '06' AND valid_to = '2025-06-30'`);
    expect(event.path).toBe(province.path);
    const [first] = await sql(
      `SELECT r.met, a.synthetic FROM criteria.assessment a JOIN criteria.assessment_result r ON r.assessment_id = a.id AND r.criterion_number = 1
      JOIN units.unit u ON u.id = a.unit_id WHERE u.code = $1 AND a.year = 2024 AND u.valid_to = '2025-06-30'`,
      [rows[0][0]],
    );
    expect(first).toEqual({ met: rows[0][column('TC1:') - 1] !== 'Đạt', synthetic: false });

    // The same file again: every row equals what is stored now, so nothing is rewritten (versions stay).
    const counts = await rowCounts(TABLES);
    const again = await upload('assessments', corrected, assessor, '&commit=true');
    expect(again.job).toMatchObject({ status: 'COMMITTED', toCreate: 0, toUpdate: 0, rowsWritten: 0, errorCount: 0 });
    expect(again.job.unchanged).toBe(again.job.rowsRead);
    expect(await rowCounts(TABLES)).toEqual({ ...counts, 'audit.audit_log': counts['audit.audit_log'] + 1 });
  });

  it('refuses a changed row whose version is stale, naming the version column', async () => {
    // The template read before the commit above is stale for its ten communes: each changed row is refused.
    const old = await upload('assessments', await edited(() => {}), assessor);
    expect(old.job).toMatchObject({ status: 'INVALID', errorCount: 10 });
    template = await download(TEMPLATE, assessor);
    const stale = await edited((sheet) => {
      const cell = sheet.getRow(12).getCell(column('TC3:'));
      cell.value = cell.value === 'Đạt' ? 'Không đạt' : 'Đạt';
      sheet.getRow(12).getCell(column('Phiên bản')).value = 999;
    });
    const before = await rowCounts(TABLES);
    const { job } = await upload('assessments', stale, assessor);
    expect(job).toMatchObject({ status: 'INVALID', errorCount: 1 });
    expect((await errorRows('assessments', job.id, assessor)).map((e) => [Number(e[0]), e[1], e[2]])).toEqual([
      [12, 'Phiên bản', 'CONFLICT'],
    ]);
    expect(await rowCounts(TABLES)).toEqual(before);
  });

  it("refuses the whole file when one row is a unit outside the importer's subtree", async () => {
    const khanhHoa =
      await sql(`SELECT u.code, u.name FROM units.unit u JOIN units.unit p ON p.code = '56' AND p.valid_to = '2025-06-30' AND u.path <@ p.path
      WHERE u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.code LIMIT 1`);
    const outside = await edited((sheet) => {
      flipTen(sheet);
      sheet.getRow(4).getCell(1).value = khanhHoa[0].code;
    });
    const before = await rowCounts(TABLES);
    const { job } = await upload('assessments', outside, assessor);
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain('Dòng 4');
    expect(job.message).toContain(khanhHoa[0].name);
    expect(await rowCounts(TABLES)).toEqual(before);
  });
});

describe('files that are not what the import expects', () => {
  it('refuses wrong columns, naming what is missing and unknown', async () => {
    const { job } = await upload('assessments', 'Mã xã,Tên,Điểm\r\n02287,Xã A,19\r\n', assessor);
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain('thiếu cột "Mã đơn vị", "Năm", "Bộ tiêu chí"');
    expect(job.message).toContain('"Mã xã"');
  });

  it('refuses a CSV that is not UTF-8, saying how to save it', async () => {
    const latin = Buffer.concat([
      Buffer.from('Mã đơn vị,Năm,Bộ tiêu chí\r\n', 'utf8'),
      Buffer.from([0x30, 0x32, 0x32, 0x38, 0x37, 0x2c, 0xe0, 0xe1, 0x0d, 0x0a]),
    ]);
    const { job } = await upload('assessments', latin, assessor);
    expect(job.status).toBe('REFUSED');
    expect(job.message).toContain('CSV UTF-8');
  });

  it('reads a CSV template the same as the XLSX one', async () => {
    const csv = await download(TEMPLATE.replace('.xlsx', '.csv'), assessor);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { job } = await upload('assessments', csv, assessor);
    expect(job).toMatchObject({ status: 'VALIDATED', errorCount: 0, toUpdate: 0, toCreate: 0 });
  });

  it('refuses a 50 MB file before reading it, and the old .xls format', async () => {
    const big = await postDeclaring(
      `${hubUrl()}/imports/assessments?wait=true`,
      { authorization: `Bearer ${assessor}`, 'content-type': 'application/octet-stream' },
      50 * 1024 * 1024,
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    const xls = await upload('assessments', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), assessor);
    expect(xls.status).toBe(415);
    expect(xls.body.errors[0].message).toContain('.xls');
  });

  it('answers 401 without a token and 403 to a role that may not record assessments', async () => {
    expect((await upload('assessments', template, undefined)).status).toBe(401);
    const viewer = await tokenFor('VIEWER', '06', '2024-01-01');
    expect((await upload('assessments', template, viewer)).status).toBe(403);
  });
});
