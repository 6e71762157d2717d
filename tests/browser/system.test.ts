import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/client.js';
import { sql } from '../support/db.js';
import { TEST_ADMIN } from '../support/constants.js';
import { consoleUrl, launch, openPage, release, screenshot, signIn } from './browser.js';

/** The console's system pages: accounts (system administrators only) and the audit log, sorted and filtered on the server. */
describe('console: accounts and audit log', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const tag = `ui${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launch();
    page = await openPage(browser, errors);
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
  });

  afterAll(async () => {
    await release(browser);
  });

  it('creates an account with a grant through the form; a bad user name is refused before anything is written', async () => {
    await page.goto(consoleUrl('users/create'));
    await page.getByLabel('Tên đăng nhập').fill('có dấu');
    await page.getByLabel('Họ tên').fill('Đặng Thị Ánh');
    await page.getByRole('textbox', { name: 'Mật khẩu' }).fill('a-long-password-1');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Tên đăng nhập chỉ gồm chữ không dấu').waitFor();
    expect(await sql(`SELECT 1 FROM accounts.user_account WHERE display_name = 'Đặng Thị Ánh'`)).toHaveLength(0);

    await page.getByLabel('Tên đăng nhập').fill(`${tag}.anh`);
    const unit = page.getByLabel('Đơn vị phạm vi');
    await unit.fill('khanh hoa');
    await page.getByRole('option', { name: /Tỉnh Khánh Hoà \(56\)/ }).click();
    await screenshot(page, '40-user-create');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/#\/users(\?|$)/);
    const [row] = await sql(
      `SELECT u.display_name, g.role FROM accounts.user_account u JOIN accounts.role_grant g ON g.user_id = u.id WHERE u.username = $1`,
      [`${tag}.anh`],
    );
    expect(row).toEqual({ display_name: 'Đặng Thị Ánh', role: 'VIEWER' });
  });

  it('finds the account without accents, sorts by name in Vietnamese order and locks it', async () => {
    await page.goto(consoleUrl(`users?filter=${encodeURIComponent(JSON.stringify({ q: 'dang thi anh' }))}`));
    await page.getByText(`${tag}.anh`).waitFor();
    await page.getByRole('button', { name: 'Khóa' }).first().click();
    await page.getByText(`Đã khóa tài khoản ${tag}.anh`).waitFor();
    expect((await sql(`SELECT active FROM accounts.user_account WHERE username = $1`, [`${tag}.anh`]))[0].active).toBe(false);

    await page.goto(consoleUrl(`users?order=ASC&sort=displayName&perPage=50&filter=%7B%7D`));
    // The unfiltered page replaces the searched one (a single row) once the server answers.
    await expect.poll(() => page.locator('td.column-displayName').count()).toBeGreaterThan(2);
    const names = await page.locator('td.column-displayName').allInnerTexts();
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    await screenshot(page, '41-users');
  });

  it('classifies a commune as high mountain for a period and removes it again', async () => {
    const communes = await gql(
      `{ units(filter: { withinCode: "56", level: COMMUNE, kind: COMMUNE }, limit: 1, offset: 3) { nodes { id code name } } }`,
    );
    const commune = communes.data.units.nodes[0];
    await page.goto(consoleUrl(`units/${commune.id}/show/classifications`));
    await page.getByRole('button', { name: 'Thêm phân loại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Loại phân loại').click();
    await page.getByRole('option', { name: 'Địa hình' }).click();
    // The value is required for a terrain class: saving without it is stopped in the form.
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Bắt buộc').first().waitFor();
    await dialog.getByLabel('Giá trị').click();
    await page.getByRole('option', { name: 'Vùng núi cao' }).click();
    await dialog.getByLabel('Hiệu lực từ').fill('2026-01-01');
    await dialog.getByLabel('Nguồn').fill('QĐ kiểm thử giao diện');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu phân loại').waitFor();
    await page.getByTestId('classifications').getByText('Địa hình: Vùng núi cao').waitFor();
    const rows = () =>
      sql(
        `SELECT scheme, value, valid_from::text AS from, source FROM units.unit_classification WHERE unit_id = $1 AND source = 'QĐ kiểm thử giao diện'`,
        [Number(commune.id)],
      );
    expect(await rows()).toEqual([{ scheme: 'TERRAIN', value: 'HIGH_MOUNTAIN', from: '2026-01-01', source: 'QĐ kiểm thử giao diện' }]);
    await screenshot(page, '43-unit-classifications');

    await page.getByRole('button', { name: 'Xóa Địa hình: Vùng núi cao' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã xóa phân loại').waitFor();
    expect(await rows()).toEqual([]);
  });

  it("shows Quảng Nam's targets by class of commune under the comparison", async () => {
    await page.goto(consoleUrl('compare?scope=unitCodes&value=49&metrics=AVG_CRITERIA_MET&year=2025&asOf=2025-06-30'));
    const classes = page.getByTestId('class-targets');
    await classes.waitFor();
    const rows = await classes.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.includes('Miền núi cao'))).toMatch(/15,5/);
    expect(rows.find((r) => r.includes('Miền núi thấp'))).toMatch(/18,5/);
    expect(rows.find((r) => r.includes('Đồng bằng'))).toMatch(/19/);
    await screenshot(page, '44-class-targets');
    // The progress page lists them under the year they are due.
    await page.goto(consoleUrl('progress?unitCode=49&metric=AVG_CRITERIA_MET&fromYear=2021&toYear=2025&asOf=2025-06-30'));
    await page.getByTestId('progress-chart').waitFor();
    const yearly = page.getByTestId('class-targets');
    await expect.poll(() => yearly.locator('tbody tr').count()).toBe(3);
    expect((await yearly.locator('tbody tr').allInnerTexts()).every((r) => r.startsWith('2025'))).toBe(true);
  });

  it('compares all communes of the country a page of 50 at a time, ranked among all', async () => {
    const input = { level: 'COMMUNE', metrics: ['AVG_CRITERIA_MET'], year: 2025, asOf: '2025-06-30' };
    const api = await gql(`query($i: CompareInput!) { compare(input: $i) { unitCount rows { unitName rank } } }`, {
      i: { ...input, offset: 50, limit: 50 },
    });
    const { unitCount, rows } = api.data.compare;
    expect(unitCount).toBeGreaterThan(5000);
    await page.goto(consoleUrl('compare?scope=level&value=COMMUNE&metrics=AVG_CRITERIA_MET&year=2025&asOf=2025-06-30'));
    const table = page.getByTestId('compare-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await page
      .getByTestId('compare-pager')
      .getByText(`Đơn vị 1–50 trên ${new Intl.NumberFormat('vi-VN').format(unitCount)}`)
      .waitFor();
    await page
      .getByTestId('compare-pager')
      .getByRole('button', { name: /sau|next/i })
      .click();
    await expect.poll(async () => (await table.locator('tbody tr').first().innerText()).split('\t')[0]).toContain(rows[0].unitName);
    expect(page.url()).toContain('page=1');
  });

  it('sorts the audit log by user on the server and filters it by action', async () => {
    await page.goto(
      consoleUrl(
        `auditLog?order=ASC&sort=username&perPage=25&filter=${encodeURIComponent(JSON.stringify({ action: 'CREATE', entity: 'UserAccount' }))}`,
      ),
    );
    await page.locator('td.column-username').first().waitFor();
    const usernames = await page.locator('td.column-username').allInnerTexts();
    const [{ first }] = await sql(`SELECT min(username) AS first FROM audit.audit_log WHERE action = 'CREATE' AND entity = 'UserAccount'`);
    expect(usernames[0]).toBe(first);
    expect(usernames).toEqual([...usernames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(await page.locator('td.column-action').allInnerTexts())).toEqual(new Set(['Tạo mới']));
    await screenshot(page, '42-audit-log');
    expect(errors).toEqual([]);
  });
});
