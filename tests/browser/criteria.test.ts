import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, launch, openPage, release, screenshot, signIn } from './browser.js';

/**
 * Criteria sets, assessments and recognitions in the console: lists sorted and filtered by the API, and a set's
 * criteria and indicators added through dialogs — by Khánh Hòa's administrator, on records these tests create.
 */
describe('admin console: criteria, assessments and recognitions', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  /** A rural district of Khánh Hòa before the 2025 reorganisation. */
  let district: { code: string; name: string };

  beforeAll(async () => {
    const units = await gql(
      `{ units(filter: { parentCode: "56", level: DISTRICT, kind: RURAL_DISTRICT, asOf: "2024-06-30" }, limit: 1) { nodes { code name } } }`,
    );
    district = units.data.units.nodes[0];
    browser = await launch();
    page = await openPage(browser, errors);
    // The page's clock runs as usual until a test stops it (below: a message must not wait behind the one shown).
    await page.clock.install();
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
  });

  afterAll(async () => {
    await release(browser);
  });

  /** Unit codes of the assessments the API lists first for the district in 2024, in this order. */
  const firstCode = async (direction: 'ASC' | 'DESC') => {
    const result = await gql(
      `query($d: SortDirection, $w: String) { assessments(filter: { withinCode: $w, year: 2024 }, orderBy: UNIT_CODE, direction: $d, limit: 1) { totalCount nodes { unit { code } } } }`,
      { d: direction, w: district.code },
    );
    return { code: result.data.assessments.nodes[0].unit.code as string, total: result.data.assessments.totalCount as number };
  };
  /** The unit column's sort button (the first column). */
  const unitHeader = () => page.locator('thead th').first().getByRole('button');
  const rowCells = (column: number) => page.locator(`tbody tr td:nth-child(${column})`).allTextContents();
  /** The cells under the header that reads `name`. */
  const cellsNamed = async (name: string) =>
    rowCells(
      1 +
        (await page.locator('thead th').evaluateAll((cells, n) => cells.findIndex((c) => (c as HTMLElement).innerText.trim() === n), name)),
    );

  it("filters assessments by a district and sorts them by the unit's code on the server", async () => {
    await page.goto(consoleUrl('assessments?filter=%7B%22year%22%3A2024%7D'));
    await page.locator('tbody tr').first().waitFor();
    const within = page.getByLabel('Trong địa bàn');
    await within.fill(district.name.replace(/^Huyện /, ''));
    await page.getByRole('option', { name: new RegExp(`\\(${district.code}`) }).click();
    await expect
      .poll(async () => {
        const parents = await rowCells(2);
        return parents.length > 0 && parents.every((p) => p === district.name);
      })
      .toBe(true);
    const { code: lowest, total } = await firstCode('ASC');
    await expect.poll(async () => (await rowCells(1)).length).toBe(Math.min(total, 10));

    await unitHeader().click();
    await expect.poll(async () => (await rowCells(1))[0]).toContain(`(${lowest})`);
    await screenshot(page, 'criteria-01-assessments-by-district');
    await unitHeader().click();
    const { code: highest } = await firstCode('DESC');
    await expect.poll(async () => (await rowCells(1))[0]).toContain(`(${highest})`);
    expect(page.url()).toContain('order=DESC');
    expect((await rowCells(2)).every((p) => p === district.name)).toBe(true);
  });

  it('adds an indicator to a derived set through a dialog, checking its code first', async () => {
    const national = await gql(`{ criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } } }`);
    const code = `KH-BROWSER-${Date.now()}`;
    const derived = await gql(
      `mutation($i: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $i) { id } }`,
      {
        i: {
          parentId: national.data.criteriaSets.nodes[0].id,
          ownerCode: '56',
          code,
          nameVi: 'Bộ tiêu chí xã NTM Khánh Hòa (kiểm thử trình duyệt)',
        },
      },
      { token: await tokenFor('UNIT_ADMIN', '56') },
    );
    expect(derived.errors).toBeUndefined();
    await page.goto(consoleUrl(`criteriaSets/${derived.data.deriveCriteriaSet.id}/show`));
    await page.getByText('Tiêu chí 19').first().waitFor();
    // A derived set inherits its criteria: only indicators can be added.
    await expect(page.getByTestId('add-criterion').count()).resolves.toBe(0);
    await page.getByTestId('add-indicator').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Tiêu chí' }).click();
    await page.getByRole('option', { name: /^10\. Thu nhập/ }).click();
    const indicatorCode = `10.${Date.now() % 100_000}`;
    await dialog.getByLabel('Mã chỉ tiêu (ví dụ 2.1)').fill('3.9');
    await dialog.getByLabel('Nội dung chỉ tiêu').fill('Thu nhập bình quân đầu người của xã (kiểm thử trình duyệt)');
    await dialog.getByLabel('Đơn vị tính').fill('triệu đồng/người');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Mã chỉ tiêu của tiêu chí 10 phải có dạng "10.x"').waitFor();
    await dialog.getByLabel('Mã chỉ tiêu (ví dụ 2.1)').fill(indicatorCode);
    await screenshot(page, 'criteria-02-add-indicator');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm vào bộ tiêu chí').waitFor();
    await page.getByRole('button', { name: /^Tiêu chí 10 — Thu nhập/ }).click();
    await page.getByText(`${indicatorCode} Thu nhập bình quân đầu người của xã (kiểm thử trình duyệt)`).waitFor();
    await expect(dialog.count()).resolves.toBe(0);
  });

  it("adds a criterion to the province's root village set, showing the API's refusal of a number in use", async () => {
    const found = await gql(`{ criteriaSets(filter: { code: "VILLAGE-56-NTM-DBKK-2021-2025" }) { nodes { id criteria { number } } } }`);
    const set = found.data.criteriaSets.nodes[0];
    const next = Math.max(0, ...set.criteria.map((c: { number: number }) => c.number)) + 1;
    await page.goto(consoleUrl(`criteriaSets/${set.id}/show`));
    await page.getByTestId('add-criterion').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Số thứ tự tiêu chí').inputValue()).resolves.toBe(String(next));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Bắt buộc').first().waitFor();
    await dialog.getByLabel('Tên tiêu chí').fill('Chuyển đổi số (kiểm thử trình duyệt)');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm vào bộ tiêu chí').waitFor();
    await page.getByText(`Tiêu chí ${next}`).first().waitFor();
    await page.getByText('Chuyển đổi số (kiểm thử trình duyệt)').waitFor();
    await screenshot(page, 'criteria-03-criterion-added');

    // With the page's time stopped, "Đã thêm" never hides itself: the refusal must replace it at once rather than
    // wait its turn behind it (react-admin's own notification queues each message until the one before has hidden).
    await page.getByTestId('add-criterion').click();
    await dialog.getByLabel('Số thứ tự tiêu chí').fill(String(next));
    await dialog.getByLabel('Tên tiêu chí').fill('Trùng số (kiểm thử trình duyệt)');
    // A moment ahead of the page's clock, which runs with this process's (pausing at its own "now" could already be
    // in its past): the jump fires only timers due within it.
    await page.clock.pauseAt(Date.now() + 200);
    try {
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`Bộ tiêu chí đã có tiêu chí số ${next}`).waitFor();
      await expect(page.getByText('Đã thêm vào bộ tiêu chí').count()).resolves.toBe(0);
    } finally {
      await page.clock.resume();
    }
    // The dialog stays open on the refusal.
    await dialog.waitFor({ state: 'visible' });
  });

  it('sorts recognitions by decision number and searches criteria sets without accents', async () => {
    await page.goto(consoleUrl('recognitions'));
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('columnheader', { name: 'Số quyết định' }).getByRole('button').click();
    const first = await gql(`{ recognitionDecisions(orderBy: DECISION_NUMBER, limit: 1) { nodes { decisionNumber } } }`);
    await expect.poll(async () => (await cellsNamed('Số quyết định'))[0]).toBe(first.data.recognitionDecisions.nodes[0].decisionNumber);

    await page.goto(consoleUrl('criteriaSets'));
    await page.getByLabel('Tìm kiếm').fill('kieu mau');
    await expect
      .poll(async () => {
        const names = await rowCells(2);
        return names.length > 0 && names.every((n) => /kiểu mẫu/i.test(n));
      })
      .toBe(true);
    await screenshot(page, 'criteria-04-sets-search');
    expect(errors).toEqual([]);
  });
});
