import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/client.js';
import { consoleUrl, launch, openPage, release, screenshot, signIn } from './browser.js';

/**
 * The console's targets and milestones in a real browser: the targets list sorts and filters on the server, the
 * unit × year grid finds its campaign by name and pages its units, and a campaign's milestones are added, edited and
 * deleted. Everything changed is put back or was created here.
 */
describe('targets and milestones in the console', () => {
  let browser: Browser;
  let page: Page;
  let kh: { id: string; name: string; issuer: { name: string } };
  const errors: string[] = [];

  const targetsOf = async (filter: Record<string, unknown>, orderBy: string, direction = 'ASC') =>
    (
      await gql(
        `query($f: TargetFilter, $by: TargetOrderField, $d: SortDirection) { targets(filter: $f, orderBy: $by, direction: $d, limit: 25) {
      totalCount nodes { id year value unit { code name } quote } } }`,
        { f: filter, by: orderBy, d: direction },
      )
    ).data.targets;
  /** The cells of one DataTable column, top to bottom. */
  const column = (index: number) =>
    page
      .locator('table tbody tr')
      .evaluateAll((rows, i) => rows.map((r) => (r.querySelectorAll('td')[i] as HTMLElement)?.innerText.trim()), index);
  /** The cells under the header that reads `name` (columns found by their header, not by position). */
  const columnNamed = async (name: string) =>
    column(
      await page
        .locator('table thead th')
        .evaluateAll((cells, n) => cells.findIndex((c) => (c as HTMLElement).innerText.trim() === n), name),
    );

  beforeAll(async () => {
    const campaigns = await gql(`{ campaigns(filter: { search: "khanh hoa" }, limit: 50) { nodes { id key name issuer { name } } } }`);
    kh = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025');
    browser = await launch();
    page = await openPage(browser, errors);
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
  });

  afterAll(async () => {
    await release(browser);
  });

  it('lists targets filtered and sorted by the server', async () => {
    const filter = { campaignId: kh.id, metric: 'COMMUNES_NTM' };
    await page.goto(consoleUrl(`targets?filter=${encodeURIComponent(JSON.stringify(filter))}`));
    await page.getByRole('menuitem', { name: 'Chỉ tiêu', exact: true }).waitFor();
    const all = await targetsOf(filter, 'CREATED');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(all.totalCount);

    // Sorting by value, ascending then descending: the rows follow the API's order.
    await page.getByRole('columnheader', { name: 'Giá trị' }).getByRole('button').click();
    const ascending = await targetsOf(filter, 'VALUE');
    await expect.poll(() => columnNamed('Đơn vị')).toEqual(ascending.nodes.map((t: any) => `${t.unit.name} (${t.unit.code})`));
    await page.getByRole('columnheader', { name: 'Giá trị' }).getByRole('button').click();
    const descending = await targetsOf(filter, 'VALUE', 'DESC');
    await expect.poll(() => columnNamed('Đơn vị')).toEqual(descending.nodes.map((t: any) => `${t.unit.name} (${t.unit.code})`));
    expect(descending.nodes[0].value).toBeGreaterThanOrEqual(ascending.nodes[0].value);
    await screenshot(page, '20-targets-list');

    // The search box, without accents, narrows to the province's 80 % target.
    await page.locator('input[name="q"]').fill('it nhat 80% so xa');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1);
    expect(await columnNamed('Trích dẫn')).toEqual(['có ít nhất 80% số xã đạt chuẩn nông thôn mới']);
    expect(await columnNamed('Đơn vị')).toEqual([expect.stringMatching(/\(56\)$/)]);
  });

  it('picks a campaign in the grid by name, pages its units and saves a cell', async () => {
    await page.goto(consoleUrl('targets/grid?metric=COMMUNES_NTM'));
    const picker = page.getByTestId('campaign-picker');
    await picker.fill('khanh hoa');
    await page.getByRole('option', { name: `${kh.issuer.name} — ${kh.name}`, exact: true }).click();
    await page.waitForURL(new RegExp(`campaign=${kh.id}`));

    const [target] = (await targetsOf({ campaignId: kh.id, metric: 'COMMUNES_NTM', unitCode: '571', year: 2025 }, 'CREATED')).nodes;
    const cell = page.locator('input[data-cell="571-2025"]');
    await expect.poll(() => cell.inputValue()).toBe(String(target.value));
    await cell.fill(String(target.value + 1));
    await cell.press('Enter');
    await page.getByText('Đã lưu chỉ tiêu Huyện Vạn Ninh năm 2025').waitFor();
    const saved = await gql(`query($id: ID!) { target(id: $id) { value } }`, { id: target.id });
    expect(saved.data.target.value).toBe(target.value + 1);
    await screenshot(page, '21-targets-grid');
    await cell.fill(String(target.value));
    await cell.press('Enter');
    await expect
      .poll(async () => (await gql(`query($id: ID!) { target(id: $id) { value } }`, { id: target.id })).data.target.value)
      .toBe(target.value);

    // The national campaign's 63 provinces fill three pages of 25: the second page starts with the 26th by name.
    const national = (
      await gql(`{ campaigns(filter: { rootOnly: true }, limit: 50) { nodes { key name issuer { name code } periodStart } } }`)
    ).data.campaigns.nodes.find((c: { key: string }) => c.key === 'national-2021-2025');
    const provinces = (
      await gql(
        `query($p: String, $d: Date) { units(filter: { parentCode: $p, asOf: $d }, orderBy: NAME, offset: 25, limit: 1) { totalCount nodes { code } } }`,
        { p: national.issuer.code, d: national.periodStart },
      )
    ).data.units;
    expect(provinces.totalCount).toBeGreaterThan(50);
    await picker.fill('ca nuoc chung suc');
    await page.getByRole('option', { name: `${national.issuer.name} — ${national.name}`, exact: true }).click();
    const grid = page.getByTestId('target-grid');
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(26);
    await page
      .getByTestId('grid-pager')
      .getByRole('button', { name: /next|sau/i })
      .click();
    await expect
      .poll(() => grid.locator('tbody tr').nth(1).locator('input[data-cell]').first().getAttribute('data-cell'))
      .toBe(`${provinces.nodes[0].code}-2021`);
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(26);
  });

  it("offers no cell to type into until the page's targets have arrived", async () => {
    // A first visit (a page of its own: nothing cached), the page's targets held on their way: meanwhile a cell typed
    // into would create a second target.
    const fresh = await openPage(browser, errors);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldRequests = 0;
    await fresh.route('**/graphql', async (route) => {
      if (/page: targets\(/.test(route.request().postData() ?? '') && heldRequests++ === 0) await held;
      await route.continue().catch(() => undefined);
    });
    try {
      await signIn(fresh, 'khanhhoa.admin', 'demo-khanhhoa');
      await fresh.goto(consoleUrl(`targets/grid?campaign=${kh.id}&metric=COMMUNES_NTM`));
      await expect.poll(() => heldRequests).toBeGreaterThan(0);
      await fresh.getByTestId('grid-loading').waitFor();
      expect(await fresh.locator('input[data-cell]').count()).toBe(0);
      release();
      const [target] = (await targetsOf({ campaignId: kh.id, metric: 'COMMUNES_NTM', unitCode: '571', year: 2025 }, 'CREATED')).nodes;
      await expect.poll(() => fresh.locator('input[data-cell="571-2025"]').inputValue()).toBe(String(target.value));
      await fresh.getByTestId('grid-loading').waitFor({ state: 'detached' });
    } finally {
      release();
      await fresh.context().close();
    }
  });

  it('adds, edits and deletes a milestone of a campaign', async () => {
    const milestones = async () =>
      (await gql(`query($id: ID!) { campaign(id: $id) { milestones { id description year } } }`, { id: kh.id })).data.campaign.milestones;
    const before = await milestones();
    const description = `Kiểm tra giữa kỳ (kiểm thử ${Date.now()})`;
    await page.goto(consoleUrl(`campaigns/${kh.id}/show/milestones`));
    const table = page.getByTestId('milestones');
    await table.waitFor();

    await page.getByRole('button', { name: 'Thêm mốc' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: 'Năm', exact: true }).fill('2030');
    await dialog.getByRole('textbox', { name: 'Nội dung' }).fill(description);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText(/2025/).first().waitFor(); // the year must lie in the period 2021–2025
    await dialog.getByRole('spinbutton', { name: 'Năm', exact: true }).fill('2024');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm mốc').waitFor();
    const row = table.locator('tr', { hasText: description });
    await row.waitFor();
    expect(await row.locator('td').nth(2).innerText()).toBe('2024');

    await row.getByRole('button', { name: /^Sửa mốc/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nội dung' }).fill(`${description} — đã sửa`);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu mốc').waitFor();
    await table.locator('tr', { hasText: `${description} — đã sửa` }).waitFor();
    expect((await milestones()).find((m: any) => m.description === `${description} — đã sửa`)).toMatchObject({ year: 2024 });
    await screenshot(page, '22-milestones');

    await table
      .locator('tr', { hasText: description })
      .getByRole('button', { name: /^Xóa mốc/ })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Xác nhận|Đồng ý|Confirm/ })
      .click();
    await page.getByText('Đã xóa mốc').waitFor();
    await expect.poll(() => table.locator('tr', { hasText: description }).count()).toBe(0);
    expect(await milestones()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
