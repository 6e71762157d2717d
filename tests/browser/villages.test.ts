import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/client.js';
import { TEST_ADMIN } from '../support/constants.js';
import { sql } from '../support/db.js';
import { consoleUrl, expectReadable, launch, openPage, release, screenshot, signIn } from './browser.js';

const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-01-01`;

/**
 * Villages and reorganisations in the console: a Bắc Kạn commune's administrator adds and renames a village on the
 * commune's page; a system administrator withdraws a future reorganisation from its page and sees on which day the
 * record form reads each of its units. What is written here is a commune no other test file uses (by position) and a
 * village of Khánh Hòa's second-to-last current commune.
 */
describe('admin console: villages and reorganisations', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let commune: { id: string; code: string };
  let admin: string;
  const username = `thon.${Date.now().toString(36)}`;

  beforeAll(async () => {
    admin = (
      await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
        u: TEST_ADMIN.username,
        p: TEST_ADMIN.password,
      })
    ).data.login.token;
    const [row] =
      await sql(`SELECT u.id, u.code FROM units.unit u JOIN units.unit d ON d.id = u.parent_id JOIN units.unit p ON p.id = d.parent_id AND p.code = '06' AND p.valid_to = '2025-06-30'
      WHERE u.kind = 'COMMUNE' AND u.valid_to = '2025-06-30' ORDER BY u.code OFFSET 30 LIMIT 1`);
    commune = { id: String(row.id), code: row.code };
    const created = await gql(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          username,
          displayName: 'Cán bộ xã (kiểm thử thôn)',
          password: 'a-long-password',
          grants: [{ role: 'UNIT_ADMIN', unitCode: commune.code, asOf: '2024-01-01' }],
        },
      },
      { token: admin },
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    browser = await launch();
    page = await openPage(browser, errors);
    await signIn(page, username, 'a-long-password');
  });

  afterAll(async () => {
    await release(browser);
  });

  it("adds a village on the commune's page and renames it", async () => {
    await page.goto(consoleUrl(`units/${commune.id}/show/villages`));
    const villages = page.getByTestId('villages');
    await villages.locator('tbody tr').first().waitFor();
    await page.getByTestId('add-village').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên thôn').fill('Khuổi Trình');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm thôn').waitFor();
    await villages.getByText('Thôn Khuổi Trình').waitFor();
    await screenshot(page, 'villages-01-added');
    const found = await gql(
      `query($c: String!) { units(filter: { parentCode: $c, asOf: "2024-01-01", search: "khuoi trinh" }) { nodes { code name version } } }`,
      { c: commune.code },
    );
    const [village] = found.data.units.nodes;
    expect(village).toMatchObject({ name: 'Thôn Khuổi Trình', version: 1 });
    expect(village.code).toMatch(new RegExp(`^${commune.code}-\\d{3}$`));

    await villages.getByRole('row').filter({ hasText: 'Thôn Khuổi Trình' }).getByRole('button', { name: 'Đổi tên' }).click();
    const rename = page.getByRole('dialog');
    await rename.getByLabel('Tên thôn').fill('Khuổi Trình Mới');
    await rename.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã đổi tên thôn').waitFor();
    await villages.getByText('Thôn Khuổi Trình Mới').waitFor();
    const renamed = await gql(`query($c: String!) { unit(code: $c, asOf: "2024-01-01") { name version } }`, { c: village.code });
    expect(renamed.data.unit).toEqual({ name: 'Thôn Khuổi Trình Mới', version: 2 });
  });

  it('shows a future reorganisation and lets a system administrator withdraw it', async () => {
    const [current] =
      await sql(`SELECT u.code FROM units.unit u JOIN units.unit p ON p.id = u.parent_id AND p.code = '56' AND p.valid_from = '2025-07-01'
      WHERE u.kind = 'COMMUNE' AND u.valid_to IS NULL AND NOT u.withdrawn ORDER BY u.code DESC OFFSET 1 LIMIT 1`);
    const village = await gql(
      `mutation($c: String!) { createVillage(input: { communeCode: $c, validFrom: "2026-01-01", name: "Trình Duyệt" }) { code } }`,
      { c: current.code },
      { token: admin },
    );
    expect(village.errors, JSON.stringify(village.errors)).toBeUndefined();
    const recorded = await gql(
      `mutation($i: RecordReorganisationInput!) { recordReorganisation(input: $i) { id } }`,
      {
        i: {
          kind: 'RENAME',
          effectiveOn: NEXT_YEAR,
          resolutionNumber: 'TRINH-DUYET/NQ',
          resolutionDate: '2026-01-01',
          sources: [{ unitCode: village.data.createVillage.code, share: 'FULL' }],
          results: [{ code: village.data.createVillage.code, name: 'Trình Duyệt Mới', kind: 'VILLAGE', parentCode: current.code }],
        },
      },
      { token: admin },
    );
    expect(recorded.errors, JSON.stringify(recorded.errors)).toBeUndefined();
    const id = recorded.data.recordReorganisation.id;

    const system = await openPage(browser, errors);
    await signIn(system, TEST_ADMIN.username, TEST_ADMIN.password);
    await system.goto(consoleUrl('reorganisations'));
    await system.getByText('TRINH-DUYET/NQ').first().click();
    await system.getByText('Thôn Trình Duyệt Mới').first().waitFor();
    await screenshot(system, 'villages-02-reorganisation');
    await system.getByTestId('withdraw-reorganisation').click();
    const dialog = system.getByRole('dialog');
    await dialog.getByLabel('Lý do').fill('Kiểm thử giao diện');
    await dialog.getByRole('button', { name: 'Hủy sắp xếp' }).click();
    await system.getByText('Đã hủy sắp xếp').first().waitFor();
    const state = await gql(`{ reorganisation(id: "${id}") { status withdrawalReason } }`);
    expect(state.data.reorganisation).toEqual({ status: 'WITHDRAWN', withdrawalReason: 'Kiểm thử giao diện' });
  });

  it("asks for a reorganisation's units on the days the event reads them", async () => {
    const system = await openPage(browser, errors);
    await signIn(system, TEST_ADMIN.username, TEST_ADMIN.password);
    await system.goto(consoleUrl('reorganisations/create'));
    await system.getByLabel('Ngày có hiệu lực').fill('2027-03-01');
    // Each source's share is labelled in Vietnamese, as every other field (it once read "Share").
    await expect.poll(() => system.getByRole('combobox', { name: /^Phần/ }).count()).toBe(2);
    await expectReadable(system);
    // What a unit picker says below its field, the day its codes are read on among it.
    const readOn = async (label: RegExp) => {
      const described = await system.getByLabel(label).first().getAttribute('aria-describedby');
      return system.locator(`[id="${described}"]`).innerText();
    };
    // Sources and units that continue are read the day before the event (across the month's end); a parent on its day.
    expect(await readOn(/^Đơn vị nguồn/)).toContain('đơn vị tại ngày 28/02/2027');
    expect(await readOn(/^Đơn vị có sẵn \(tiếp tục\)/)).toContain('đơn vị tại ngày 28/02/2027');
    expect(await readOn(/^Đơn vị cấp trên/)).toContain('đơn vị tại ngày 01/03/2027');
    await system.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
