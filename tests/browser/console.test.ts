import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUrl, launch, screenshot, signIn } from './browser.js';

/**
 * The admin console in a real browser against the real hub (demo profile): Khánh Hòa's administrator signs in,
 * switches language, derives a district campaign, edits a target and sees the comparison follow, records an assessment.
 */
describe('admin console', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in and shows Vietnamese by default', async () => {
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
    await expect(page.getByRole('menuitem', { name: 'Phong trào thi đua' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Quản trị tỉnh Khánh Hòa (demo)').first().isVisible()).resolves.toBe(true);
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
    await page.goto(consoleUrl('campaigns/5/show'));
    await page.getByText('Cả nước chung sức xây dựng nông thôn mới').first().waitFor();
    await screenshot(page, '05-campaign');
    await page.getByRole('button', { name: 'Lập phong trào cấp dưới' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().fill('Khánh Vĩnh');
    await page.getByRole('option', { name: /Huyện Khánh Vĩnh \(573/ }).click();
    await dialog.getByRole('button', { name: 'Lập phong trào cấp dưới' }).click();
    await page.getByText(/Đã lập phong trào/).waitFor();
    await page.waitForURL(/#\/campaigns\/\d+\/show/);
    expect(page.url()).not.toMatch(/#\/campaigns\/5\/show/);
    await page.getByText(/trên địa bàn .*Khánh Vĩnh/i).first().waitFor();
    await screenshot(page, '06-derived-campaign');
  });

  it('edits a target in the grid and the comparison shows it', async () => {
    const compare = consoleUrl('compare?scope=childrenOf&value=56&metrics=COMMUNES_NTM&year=2025&asOf=2025-06-30');
    const camLamTarget = () => page.getByTestId('compare-table').locator('tr', { hasText: 'Huyện Cam Lâm' }).locator('td').nth(2).innerText();
    await page.goto(compare);
    await page.getByTestId('compare-table').getByText('Huyện Cam Lâm').waitFor();
    expect(await camLamTarget()).toBe('12');

    await page.goto(consoleUrl('targets?campaign=5&metric=COMMUNES_NTM'));
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
    await page.goto(consoleUrl('targets?campaign=5&metric=COMMUNES_NTM'));
    await expect.poll(() => cell.inputValue(), { timeout: 20_000 }).toBe('14');
    await cell.fill('12');
    await cell.press('Enter');
    await page.getByText('Đã lưu chỉ tiêu Huyện Cam Lâm năm 2025').waitFor();
  });

  it('shows progress over the years with the yearly targets', async () => {
    await page.goto(consoleUrl('progress?unitCode=56&metric=COMMUNES_NTM&fromYear=2021&toYear=2025&asOf=2025-06-30'));
    await page.getByTestId('progress-chart').waitFor();
    await screenshot(page, '09-progress');
  });

  it('shows a criteria set with its criteria and effective thresholds', async () => {
    await page.goto(consoleUrl('criteriaSets/3/show'));
    await page.getByText('Tiêu chí 19').first().waitFor();
    await screenshot(page, '10-criteria-set');
  });

  it('records an assessment from the checklist, asking for a decision where no threshold applies', async () => {
    await page.goto(consoleUrl('assessments/create?unitCode=22435&criteriaSetId=3&year=2025'));
    await page.getByRole('button', { name: 'Mở phiếu đánh giá' }).click();
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

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
