import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/client.js';
import { sql } from '../support/db.js';
import { readXlsx, sheetValues, writeXlsx } from '../support/imports.js';
import { consoleUrl, expectReadable, launch, openPage, release, screenshot, signIn } from './browser.js';

/**
 * The import page (issue 15): Quảng Nam's administrator downloads the 2024 template of one district filled with what
 * is stored, flips criterion 1 of three communes and mistypes a cell, uploads it and sees that row's error, corrects
 * it, commits, and the comparison shows the district's new figures. The district is Quảng Nam's last one by code,
 * which no other test writes.
 */
describe('admin console: importing assessments from a file', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let district: { code: string; name: string };
  const AVG = `query($c: String!) { compare(input: { unitCodes: [$c], asOf: "2024-06-30", year: 2024, metrics: ["AVG_CRITERIA_MET"] }) { rows { numerator denominator } } }`;

  beforeAll(async () => {
    [district] =
      await sql(`SELECT d.code, d.name FROM units.unit d JOIN units.unit p ON p.id = d.parent_id AND p.code = '49' AND p.valid_to = '2025-06-30'
      WHERE d.level = 'DISTRICT' AND EXISTS (SELECT 1 FROM units.unit c WHERE c.parent_id = d.id AND c.kind = 'COMMUNE') ORDER BY d.code DESC LIMIT 1`);
    browser = await launch();
    page = await openPage(browser, errors);
    await signIn(page, 'quangnam.admin', 'demo-quangnam');
  });

  afterAll(async () => {
    await release(browser);
  });

  /** Sets the page's file input to these bytes and asks for the dry run. */
  async function check(bytes: Buffer, name: string) {
    await page
      .getByTestId('import-file')
      .setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  }

  it("downloads the filled template, shows the dry run's errors, commits, and the comparison shows the new figures", async () => {
    await page.goto(consoleUrl());
    await page.getByRole('menuitem', { name: 'Nhập dữ liệu từ tệp' }).click();
    await page.getByText('Tải mẫu, điền hoặc sửa trong Excel').waitFor();
    // An administrator may import classifications, villages, targets and contributions too: the kinds come from the capability table.
    await page.getByTestId('import-kind').getByRole('combobox').click();
    expect(await page.getByRole('option').allTextContents()).toEqual([
      'Phân loại đơn vị',
      'Thôn, tổ dân phố',
      'Chỉ tiêu',
      'Kết quả đánh giá',
      'Đóng góp',
    ]);
    await page.getByRole('option', { name: 'Kết quả đánh giá' }).click();
    await page.getByTestId('import-year').fill('2024');
    const picker = page.getByTestId('import-territory').locator('input');
    await picker.fill(district.code);
    await page.locator(`li[data-code="${district.code}"]`).first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải mẫu XLSX' }).click()]);
    const template = await readFile((await download.path())!);
    const workbook = await readXlsx(template);
    const rows = sheetValues(workbook);
    const tc1 = rows[0].findIndex((h) => h.startsWith('TC1:')) + 1;
    const tc5 = rows[0].findIndex((h) => h.startsWith('TC5:')) + 1;
    expect(rows.length).toBeGreaterThan(4);
    const sheet = workbook.worksheets[0];
    // By hand: flipping criterion 1 of three communes moves the district's criteria met by one each, up or down.
    let delta = 0;
    for (let r = 2; r <= 4; r++) {
      const cell = sheet.getRow(r).getCell(tc1);
      delta += cell.value === 'Đạt' ? -1 : 1;
      cell.value = cell.value === 'Đạt' ? 'Không đạt' : 'Đạt';
    }
    const before = (await gql(AVG, { c: district.code })).data.compare.rows[0];
    const original = sheet.getRow(3).getCell(tc5).value;
    sheet.getRow(3).getCell(tc5).value = 'Đạt một phần';
    await check(await writeXlsx(workbook), 'danh-gia-loi.xlsx');
    const job = page.getByTestId('import-job');
    await expect.poll(() => job.getAttribute('data-status')).toBe('INVALID');
    const table = page.getByTestId('import-errors');
    await table.getByText('"Đạt một phần" không phải Đạt/Không đạt').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr td').first().textContent()).toBe('3');
    await expectReadable(page);
    await screenshot(page, 'import-01-errors');
    const [errorFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).last().click()]);
    expect((await readFile((await errorFile.path())!)).toString('utf8')).toContain('Đạt một phần');
    expect((await gql(AVG, { c: district.code })).data.compare.rows[0]).toEqual(before);

    sheet.getRow(3).getCell(tc5).value = original;
    await check(await writeXlsx(workbook), 'danh-gia.xlsx');
    await expect.poll(() => job.getAttribute('data-status')).toBe('VALIDATED');
    await page.getByText('sửa 3, không đổi').waitFor();
    await page.getByTestId('import-commit').click();
    await expect.poll(() => job.getAttribute('data-status')).toBe('COMMITTED');
    await page.getByText('Đã ghi: thêm mới 0, sửa 3').waitFor();
    await screenshot(page, 'import-02-committed');

    const after = (await gql(AVG, { c: district.code })).data.compare.rows[0];
    expect(after).toEqual({ numerator: before.numerator + delta, denominator: before.denominator });
    await page.getByTestId('import-job').getByRole('link', { name: 'So sánh địa phương' }).waitFor();
    await page.goto(consoleUrl(`compare?scope=unitCodes&value=${district.code}&metrics=AVG_CRITERIA_MET&year=2024&asOf=2024-06-30`));
    await page.getByTestId('compare-table').locator(`span[title="${after.numerator}/${after.denominator}"]`).waitFor();
    await screenshot(page, 'import-03-compare');
    expect(errors).toEqual([]);
  });
});
