import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn as login } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, expectReadable, shot } from './browser.js';
import { firstTimeUsers, pick } from './first-time.js';

/**
 * The provincial administrator's story of issue 14 (the others: `stories.test.ts`), walked end to end by a first-time
 * user who starts signed out, signs in through the form with a demo account, and chooses units with the unit picker
 * (never by typing a code). A file of its own, the longest story, so that it runs beside the others.
 */
describe('a first-time provincial administrator', () => {
  const start = firstTimeUsers();

  it('the provincial administrator edits a district target with the keyboard and adds a localised threshold on a derived set', async () => {
    // A set Khánh Hòa derived from the national commune set, with one indicator of its own to set a threshold on.
    const token = await login('khanhhoa.admin', 'demo-khanhhoa');
    const national = await gql('{ criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } } }');
    const code = `COMMUNE-56-STORY-${Date.now()}`;
    const derived = await gql(
      'mutation($i: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $i) { id } }',
      {
        i: {
          parentId: national.data.criteriaSets.nodes[0].id,
          ownerCode: '56',
          code,
          nameVi: 'Bộ tiêu chí xã NTM tỉnh Khánh Hòa (câu chuyện người dùng)',
        },
      },
      { token },
    );
    expect(derived.errors).toBeUndefined();
    const setId = derived.data.deriveCriteriaSet.id;
    const added = await gql(
      'mutation($s: ID!) { addIndicator(input: { criteriaSetId: $s, criterionNumber: 10, code: "10.7", nameVi: "Thu nhập bình quân đầu người (câu chuyện)", unitOfMeasure: "triệu đồng/người", comparator: GTE }) { id } }',
      { s: setId },
      { token },
    );
    expect(added.errors).toBeUndefined();

    const { page, problems } = await start('khanhhoa.admin', 'demo-khanhhoa');

    // Targets grid: the campaign picked by name, a district's 2024 cell changed, Enter saves and moves down.
    const campaigns = await gql('{ campaigns(limit: 100) { nodes { id key name issuer { name } } } }');
    const kh = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025');
    await page.getByRole('menuitem', { name: 'Bảng chỉ tiêu đơn vị × năm' }).click();
    await page.getByTestId('campaign-picker').fill('khanh hoa');
    await page.getByRole('option', { name: `${kh.issuer.name} — ${kh.name}`, exact: true }).click();
    const cell = page.locator('input[data-cell="573-2024"]');
    /** Khánh Vĩnh's 2024 targets as the API holds them. */
    const stored = async () =>
      (
        await gql(
          `query($c: ID!) { targets(filter: { campaignId: $c, metric: "COMMUNES_NTM", unitCode: "573", year: 2024 }) { nodes { value } } }`,
          { c: kh.id },
        )
      ).data.targets.nodes.map((t: { value: number }) => t.value);
    await cell.waitFor();
    const before = await cell.inputValue();
    const next = String((Number(before) || 0) + 2);
    // The grid's targets come back slowly: "Đã lưu" must still mean the cell knows what it saved, so that clearing
    // or changing it at once (below) reaches the server.
    const slowTargets = async (route: Route) => {
      if (route.request().postData()?.includes('page: targets(')) await new Promise((r) => setTimeout(r, 1_500));
      await route.fallback();
    };
    await page.route('**/graphql', slowTargets);
    await cell.fill(next);
    await cell.press('Enter');
    await page.getByText('Đã lưu chỉ tiêu Huyện Khánh Vĩnh năm 2024').waitFor();
    // Enter moved to the row below, same year.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.col))
      .toBe(await cell.getAttribute('data-col'));
    await expect.poll(stored).toContain(Number(next));
    await expectReadable(page);
    await shot(page, 'story-admin-01-grid');
    // Put the figure back for the other tests.
    await cell.fill(before);
    await cell.press('Enter');
    await page
      .getByText(before ? 'Đã lưu chỉ tiêu Huyện Khánh Vĩnh năm 2024' : 'Đã xóa chỉ tiêu')
      .first()
      .waitFor();
    await page.unroute('**/graphql', slowTargets);
    await expect.poll(stored).toEqual(before ? [Number(before)] : []);

    // The national set is not the province's: no threshold can be set there.
    await page.goto(consoleUrl('criteriaSets'));
    await page.getByLabel('Tìm kiếm').fill('cau chuyen nguoi dung');
    // Once the search has narrowed the list (searching without accents), open the set from it.
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByText('Bộ tiêu chí xã NTM tỉnh Khánh Hòa (câu chuyện người dùng)').click();
    // Opened from the list: the page waits for the set's criteria instead of crashing.
    await page.getByText('Tiêu chí 19').first().waitFor();
    // Criterion 10 is open: it has an indicator.
    await expect(page.getByRole('button', { name: /^Tiêu chí 10 — Thu nhập/ }).getAttribute('aria-expanded')).resolves.toBe('true');
    // The set's own indicator (other tests may have added indicators the set inherits).
    await page
      .getByRole('row', { name: /10\.7 Thu nhập bình quân đầu người \(câu chuyện\)/ })
      .getByRole('button', { name: 'Đặt ngưỡng' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Giá trị ngưỡng').fill('55');
    await dialog.getByLabel('Chỉ áp dụng năm').fill('2024');
    await pick(page, 'unit-input-unitCode', 'dien khanh', '574');
    await expectReadable(page);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu ngưỡng').waitFor();
    await page.getByText('Huyện Diên Khánh').first().waitFor();
    const thresholds = await gql(
      'query($id: ID!) { criteriaSet(id: $id) { criteria { number indicators { code thresholds { value year owner { code } criteriaSet { id } } } } } }',
      { id: setId },
    );
    const own = thresholds.data.criteriaSet.criteria
      .find((c: { number: number }) => c.number === 10)
      .indicators.find((i: { code: string }) => i.code === '10.7').thresholds;
    expect(own).toEqual([{ value: 55, year: 2024, owner: { code: '574' }, criteriaSet: { id: setId } }]);

    // The effective threshold for a commune of Diên Khánh in 2024, found by name.
    await page.getByLabel('Năm', { exact: true }).first().fill('2024');
    const communes = await gql(
      '{ units(filter: { withinCode: "574", level: COMMUNE, kind: COMMUNE, asOf: "2024-06-30" }, limit: 1, orderBy: NAME) { nodes { code name } } }',
    );
    const commune = communes.data.units.nodes[0];
    await pick(page, 'effective-unit', commune.name.replace(/^Xã /, ''), commune.code);
    await page.getByRole('button', { name: 'Xem ngưỡng hiệu lực' }).click();
    await page.getByText('≥ 55').first().waitFor();
    await expectReadable(page);
    await shot(page, 'story-admin-02-threshold');

    const national2 = national.data.criteriaSets.nodes[0].id;
    await page.goto(consoleUrl(`criteriaSets/${national2}/show`));
    await page.getByText('Tiêu chí 19').first().waitFor();
    await expect(page.getByRole('button', { name: 'Đặt ngưỡng' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Sửa' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
