import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/auth.js';
import { gql } from '../support/client.js';
import { campaignId } from '../support/fixtures.js';
import { consoleUrl, launch, openPage, release, screenshot, signIn } from './browser.js';

/**
 * The admin console in a real browser against the real hub (demo profile): Khánh Hòa's administrator signs in,
 * switches language, derives a district campaign, edits a target and sees the comparison follow, records an assessment.
 */
describe('admin console', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let khanhHoa: string;

  beforeAll(async () => {
    khanhHoa = await campaignId('khanh-hoa-2021-2025');
    browser = await launch();
    page = await openPage(browser, errors);
  });

  afterAll(async () => {
    await release(browser);
  });

  it('signs in and shows Vietnamese by default', async () => {
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
    await page.getByRole('menuitem', { name: 'Phong trào thi đua' }).waitFor();
    await page.getByText('Quản trị tỉnh Khánh Hòa (demo)').first().waitFor();
    await screenshot(page, '01-dashboard');
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: /Tiếng Việt/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Campaigns' }).waitFor();
    await page.getByText('Hello').waitFor();
    await screenshot(page, '02-dashboard-en');
    await page.getByRole('button', { name: /English/i }).click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'Phong trào thi đua' }).waitFor();
  });

  it('lists units with an accent-insensitive search and shows one with its sub-units', async () => {
    await page.goto(consoleUrl('units?filter=%7B%22q%22%3A%22khanh%20hoa%22%2C%22level%22%3A%22PROVINCE%22%7D'));
    await page.getByText('Tỉnh Khánh Hoà').first().waitFor();
    await screenshot(page, '03-units');
    await page.getByText('Tỉnh Khánh Hoà').first().click();
    await page.getByRole('tab', { name: 'Đơn vị trực thuộc' }).click();
    await page.getByText('Xã Anh Dũng').first().waitFor();
    await screenshot(page, '04-unit-children');
  });

  it('derives a district campaign from the provincial one', async () => {
    await page.goto(consoleUrl(`campaigns/${khanhHoa}/show`));
    await page.getByText('Cả nước chung sức xây dựng nông thôn mới').first().waitFor();
    await screenshot(page, '05-campaign');
    await page.getByRole('button', { name: 'Lập phong trào cấp dưới' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().fill('Khánh Vĩnh');
    await page.getByRole('option', { name: /Huyện Khánh Vĩnh \(573/ }).click();
    await dialog.getByRole('button', { name: 'Lập phong trào cấp dưới' }).click();
    await page.getByText(/Đã lập phong trào/).waitFor();
    await page.waitForURL(/#\/campaigns\/\d+\/show/);
    expect(page.url()).not.toMatch(new RegExp(`#/campaigns/${khanhHoa}/show`));
    await page
      .getByText(/trên địa bàn .*Khánh Vĩnh/i)
      .first()
      .waitFor();
    await screenshot(page, '06-derived-campaign');
  });

  it('edits a target in the grid and the comparison shows it', async () => {
    const compare = consoleUrl('compare?scope=childrenOf&value=56&metrics=COMMUNES_NTM&year=2025&asOf=2025-06-30');
    const camLamTarget = () =>
      page.getByTestId('compare-table').locator('tr', { hasText: 'Huyện Cam Lâm' }).locator('td').nth(2).innerText();
    await page.goto(compare);
    await page.getByTestId('compare-table').getByText('Huyện Cam Lâm').waitFor();
    expect(await camLamTarget()).toBe('12');

    await page.goto(consoleUrl(`targets/grid?campaign=${khanhHoa}&metric=COMMUNES_NTM`));
    const cell = page.locator('input[data-cell="570-2025"]');
    await expect.poll(() => cell.inputValue(), { timeout: 20_000 }).toBe('12');
    await cell.fill('14');
    await cell.press('Enter');
    await page.getByText('Đã lưu chỉ tiêu Huyện Cam Lâm năm 2025').waitFor();
    await screenshot(page, '07-targets-grid');

    await page.goto(compare);
    await page.getByTestId('compare-table').getByText('Huyện Cam Lâm').waitFor();
    await expect.poll(camLamTarget, { timeout: 20_000 }).toBe('14');
    await page.getByTestId('compare-chart').waitFor();
    await screenshot(page, '08-compare');

    // Put the plan's figure back: other tests read the seeded targets.
    await page.goto(consoleUrl(`targets/grid?campaign=${khanhHoa}&metric=COMMUNES_NTM`));
    await expect.poll(() => cell.inputValue(), { timeout: 20_000 }).toBe('14');
    await cell.fill('12');
    await cell.press('Enter');
    await page.getByText('Đã lưu chỉ tiêu Huyện Cam Lâm năm 2025').waitFor();
  });

  it('shows progress over the years with the yearly targets', async () => {
    await page.goto(consoleUrl('progress?unitCode=56&metric=COMMUNES_NTM&fromYear=2021&toYear=2025&asOf=2025-06-30'));
    const chart = page.getByTestId('progress-chart');
    await chart.waitFor();
    // The lines themselves, not just the chart's frame: a drawn path per series and a mark per point.
    const line = chart.locator('path.MuiLineChart-line').first();
    await line.waitFor();
    expect(await line.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+[LC]/);
    await expect.poll(() => chart.locator('.MuiLineChart-mark').count()).toBeGreaterThanOrEqual(5);
    // Visible: the clip mask the line is drawn through has its full width (an animated mask starts at zero).
    const clipWidth = () =>
      line.evaluate((path) => {
        const id = path
          .closest('g[clip-path]')
          ?.getAttribute('clip-path')
          ?.match(/#([^)]+)/)?.[1];
        const rect = id ? document.getElementById(id)?.querySelector('rect') : null;
        return rect ? Math.min(Number(rect.getAttribute('width')), parseFloat(getComputedStyle(rect).width)) : Number.POSITIVE_INFINITY;
      });
    await expect.poll(clipWidth).toBeGreaterThan(500);
    await screenshot(page, '09-progress');
    // Native date inputs follow the browser's language (--lang=vi-VN, with Chromium's Vietnamese locale installed).
    await expect(page.locator('input[type=date]').first().inputValue()).resolves.toBe('2025-06-30');
  });

  it('shows a criteria set with its criteria and effective thresholds', async () => {
    await page.goto(consoleUrl('criteriaSets/3/show'));
    await page.getByText('Tiêu chí 19').first().waitFor();
    await screenshot(page, '10-criteria-set');
  });

  it('records an assessment from the checklist, asking for a decision where no threshold applies', async () => {
    // A link names the commune by code: the checklist opens by itself, headed by the commune's name.
    await page.goto(consoleUrl('assessments/create?unitCode=22435&criteriaSetId=3&year=2025'));
    await expect.poll(() => page.getByTestId('checklist-unit').innerText()).toBe('Xã Cam Tân (22435) — Năm 2025');
    const checklist = page.getByTestId('checklist');
    await checklist.locator('tr[data-criterion="19"]').waitFor();
    // Criterion 1 has no indicators: leaving it "by threshold" is refused with a message.
    await checklist.getByRole('combobox', { name: 'met-1', exact: true }).click();
    await page.getByRole('option', { name: 'Theo ngưỡng' }).click();
    await page.getByTestId('save-assessment').click();
    await checklist.getByText('Chưa có ngưỡng để tự đánh giá').first().waitFor();
    await checklist.getByRole('combobox', { name: 'met-1', exact: true }).click();
    await page.getByRole('option', { name: 'Đạt', exact: true }).click();
    await screenshot(page, '11-assessment-entry');
    await page.getByTestId('save-assessment').click();
    await page.getByText(/Đã ghi nhận đánh giá: \d+\/19 tiêu chí đạt/).waitFor();
    await page.waitForURL(/#\/assessments\/.+\/show/);
    await page.getByText('Xã Cam Tân').first().waitFor();
    await screenshot(page, '12-assessment');
  });

  describe('awards', () => {
    let context: BrowserContext;
    let admin: Page;
    let nominationId: string;
    let standardId: string;
    let campaignId: string;

    /** A nomination of a Bắc Kạn commune for the 2023 mid-term review, created, completed and submitted through the API. */
    beforeAll(async () => {
      const token = await tokenFor('UNIT_ADMIN', '06');
      const campaigns = await gql(`{ campaigns(limit: 200) { nodes { id key } } }`);
      campaignId = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'bac-kan-2021-2025').id;
      const standards = await gql(`query($c: ID!) { awardStandards(campaignId: $c) { id key } }`, { c: campaignId });
      standardId = standards.data.awardStandards.find((s: { key: string }) => s.key === 'bac-kan-mid-term-commune-effort').id;
      const communes = await gql(
        `{ units(filter: { withinCode: "06", level: COMMUNE, kind: COMMUNE, asOf: "2024-01-01" }, limit: 200) { nodes { code } } }`,
      );
      const subject = communes.data.units.nodes[60].code;
      const created = await gql(
        `mutation($i: CreateNominationInput!) { createNomination(input: $i) { id version } }`,
        { i: { standardId, subject: { unitCode: subject, asOf: '2024-01-01' }, year: 2023, proposingUnitCode: '06' } },
        { token },
      );
      expect(created.errors).toBeUndefined();
      nominationId = created.data.createNomination.id;
      const dossier = await gql(
        `mutation($id: ID!, $v: Int!) { updateNominationDossier(id: $id, expectedVersion: $v, items: [
        { item: PROPOSAL_LETTER, provided: true, documentReference: "TTr 15/TTr-UBND" }, { item: ACHIEVEMENT_SUMMARY, provided: true, documentReference: "BC thành tích (Mẫu 07)" },
        { item: COUNCIL_MINUTES, provided: true, documentReference: "BB họp HĐTĐKT" }]) { id } }`,
        { id: nominationId, v: created.data.createNomination.version },
        { token },
      );
      expect(dossier.errors).toBeUndefined();
      const submitted = await gql(
        `mutation($id: ID!) { transitionNomination(id: $id, to: SUBMITTED) { status } }`,
        { id: nominationId },
        { token },
      );
      expect(submitted.errors).toBeUndefined();

      admin = await openPage(browser, errors);
      context = admin.context();
      await signIn(admin, 'admin', 'ntm-demo-admin');
    });

    afterAll(async () => {
      await context?.close();
    });

    it('appraises a submitted nomination: the status and the history follow; returning asks for a reason', async () => {
      await admin.goto(consoleUrl(`nominations?filter=${encodeURIComponent(JSON.stringify({ campaignId, status: 'SUBMITTED' }))}`));
      await admin
        .locator('td', { hasText: new RegExp(`^${nominationId}$`) })
        .first()
        .waitFor();
      await admin.getByRole('menuitem', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
      await screenshot(admin, '13-nominations');

      await admin.goto(consoleUrl(`nominations/${nominationId}/show`));
      await admin.getByText('Đã trình', { exact: true }).first().waitFor();
      // Returning without a reason is stopped in the dialog.
      await admin.getByRole('button', { name: 'Trả lại' }).click();
      await admin.getByTestId('confirm-step').click();
      await admin.getByText('Trả lại hồ sơ phải nêu lý do').waitFor();
      await admin.getByRole('button', { name: 'Hủy' }).click();

      await admin.getByRole('button', { name: 'Thẩm định' }).click();
      await admin.getByRole('dialog').getByLabel('reason').fill('Đủ tiêu chuẩn (kiểm thử giao diện)');
      await admin.getByTestId('confirm-step').click();
      await admin.getByText('Hồ sơ đã chuyển sang "Đã thẩm định"').waitFor();
      await admin.getByText('Đã thẩm định', { exact: true }).first().waitFor();
      await admin.getByRole('button', { name: 'Hội đồng đã xét' }).waitFor();

      await admin.getByRole('tab', { name: 'Lịch sử xử lý' }).click();
      const last = admin.getByTestId('history').locator('tr[data-to="APPRAISED"]');
      await last.waitFor();
      const cells = await last.locator('td').allInnerTexts();
      // Who, the level that made the step (the province decides this form and holds the nomination), from, to, when received (submissions only), why.
      expect(cells.slice(1)).toEqual(['admin', 'Tỉnh Bắc Kạn', 'Đã trình', 'Đã thẩm định', '', 'Đủ tiêu chuẩn (kiểm thử giao diện)']);
      expect(cells[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}/);
      await expect(admin.getByTestId('history').locator('tbody tr').count()).resolves.toBe(3);
      await screenshot(admin, '14-nomination-history');

      await admin.getByRole('tab', { name: 'Thành phần hồ sơ' }).click();
      await admin.getByTestId('dossier').getByText('TTr 15/TTr-UBND').waitFor();
      await screenshot(admin, '15-nomination-dossier');
    });

    it('lists the candidates of a standard with each condition passed, actual and required', async () => {
      await admin.goto(consoleUrl(`eligibility?campaign=${campaignId}&standard=${standardId}&year=2023`));
      const table = admin.getByTestId('eligibility-table');
      await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
      await table
        .getByText(/Số tiêu chí đạt mới từ năm 2021/)
        .first()
        .waitFor();
      await expect(table.locator('tbody tr').first().locator('td').nth(1).innerText()).resolves.toMatch(/^[✓✗]/);
      await screenshot(admin, '16-eligibility');
    });

    it("shows a standard's rule in words and edits it with the rule builder", async () => {
      await admin.goto(consoleUrl(`awardStandards/${standardId}/show`));
      const rule = admin.getByTestId('rule-view');
      await rule.getByText('Số tiêu chí đạt mới từ năm 2021 ≥ 4').waitFor();
      await rule.getByText(/Xã đặc biệt khó khăn: ≥ 3/).waitFor();
      await screenshot(admin, '17-award-standard');

      await admin.goto(consoleUrl(`awardStandards/${standardId}/edit`));
      const builder = admin.getByTestId('rule-builder');
      await builder.locator('[data-condition="newlyMetCriteria"]').first().waitFor();
      await builder.locator('[data-condition="precondition"]').first().waitFor();
      await expect(builder.locator('[data-condition="newlyMetCriteria"] .MuiChip-label').allInnerTexts()).resolves.toEqual([
        '10. Thu nhập',
        '11. Nghèo đa chiều',
      ]);
      await screenshot(admin, '18-rule-builder');
    });
  });

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
