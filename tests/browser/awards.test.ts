import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, launch, screenshot, signIn } from './browser.js';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
const counts = async (page: Page) => (await page.getByTestId('eligibility-count').innerText()).match(/(\d+)\/(\d+)/)!.slice(1).map(Number);

/**
 * The console's award actions in a real browser: Khánh Hòa's administrator records the no-debt precondition of a
 * commune recognised in the period (synthetic demo recognitions) and sees it become eligible for the province's
 * commune standard, creates a nomination from that row, and sorts and filters the standards list on the server.
 * Everything written here is Khánh Hòa's, which no other test reads for awards.
 */
describe('admin console: award nominations and preconditions', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let khanhHoa: string;
  let bacKan: string;
  let standardId: string;
  let subject: { code: string; name: string };

  beforeAll(async () => {
    const campaigns = (await gql(`{ campaigns(limit: 200) { nodes { id key } } }`)).data.campaigns.nodes as { id: string; key: string }[];
    khanhHoa = campaigns.find((c) => c.key === 'khanh-hoa-2021-2025')!.id;
    bacKan = campaigns.find((c) => c.key === 'bac-kan-2021-2025')!.id;
    const standards = await gql(`query($c: ID!) { awardStandardList(filter: { campaignId: $c, subjectType: COMMUNE, hasRule: true }) { nodes { id key } } }`, { c: khanhHoa });
    standardId = standards.data.awardStandardList.nodes.find((s: { key: string }) => s.key === 'khanh-hoa-commune').id;
    // A commune recognised in the period that fails only for want of the recorded precondition.
    const token = await tokenFor('UNIT_ADMIN', '56');
    const candidates = await gql(`query($s: ID!) { awardEligibilityList(standardId: $s, year: 2024, filter: { eligible: false }, orderBy: UNIT_CODE, limit: 500) {
      nodes { subject { name unit { code } } conditions { passed actual required } } } }`, { s: standardId }, { token });
    expect(candidates.errors).toBeUndefined();
    const found = candidates.data.awardEligibilityList.nodes.find((r: any) =>
      r.conditions.some((c: any) => c.passed && /^(NTM|ADVANCED)/.test(c.actual)) && r.conditions.some((c: any) => c.actual === 'chưa ghi nhận — not recorded'));
    expect(found, JSON.stringify(candidates.data.awardEligibilityList.nodes.slice(0, 2))).toBeDefined();
    subject = { code: found.subject.unit.code, name: found.subject.name };

    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: 'vi-VN' });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('records a precondition from the eligibility page and the subject becomes eligible', async () => {
    await page.goto(consoleUrl(`eligibility?campaign=${khanhHoa}&standard=${standardId}&year=2024`));
    const table = page.getByTestId('eligibility-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    // The search runs on the server, without accents.
    await page.getByLabel('eligibility-search').fill(fold(subject.name));
    const row = table.locator(`tr[data-subject="${subject.code}"]`).first();
    await expect.poll(() => row.getAttribute('data-eligible'), { timeout: 30_000 }).toBe('false');
    await expect.poll(() => table.locator('tbody tr[data-subject]').evaluateAll((rows) => rows.every((r) => r.textContent!.length > 0))).toBe(true);
    const [eligibleBefore, totalBefore] = await counts(page);
    expect(totalBefore).toBeGreaterThanOrEqual(1);

    await row.getByRole('button', { name: 'Điều kiện có/không' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Điều kiện có/không của ${subject.name} năm 2024`).waitFor();
    await dialog.getByText('Chưa ghi nhận điều kiện nào trong năm này').waitFor();
    await expect(dialog.getByRole('combobox').innerText()).resolves.toContain('NO_CAPITAL_CONSTRUCTION_DEBT');
    await dialog.getByLabel('precondition-evidence').fill('Báo cáo quyết toán của UBND huyện (kiểm thử giao diện)');
    await screenshot(page, 'awards-01-precondition-dialog');
    await dialog.getByTestId('save-precondition').click();
    await page.getByText(`Đã ghi nhận điều kiện NO_CAPITAL_CONSTRUCTION_DEBT cho ${subject.name}`).waitFor();
    const recorded = dialog.getByTestId('preconditions').locator('tr[data-key="NO_CAPITAL_CONSTRUCTION_DEBT"]');
    await expect(recorded.locator('td').allInnerTexts()).resolves.toEqual([
      'Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới (NO_CAPITAL_CONSTRUCTION_DEBT)', 'Có', 'Báo cáo quyết toán của UBND huyện (kiểm thử giao diện)',
    ]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    await expect.poll(() => row.getAttribute('data-eligible'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => counts(page)).toEqual([eligibleBefore + 1, totalBefore]);
    await screenshot(page, 'awards-02-eligible');
    const api = await gql(`query($s: ID!, $c: String!) { awardEligibilityList(standardId: $s, year: 2024, filter: { withinCode: $c }) { totalCount eligibleCount } }`,
      { s: standardId, c: subject.code });
    expect(api.data.awardEligibilityList).toEqual({ totalCount: 1, eligibleCount: 1 });
  });

  it('creates a nomination from the eligible row and lands on its show page', async () => {
    const row = page.getByTestId('eligibility-table').locator(`tr[data-subject="${subject.code}"]`).first();
    await row.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).click();
    await page.waitForURL(/#\/nominations\/create/);
    await expect(page.getByTestId('nomination-subject').innerText()).resolves.toBe(`${subject.name} (${subject.code})`);
    await expect(page.locator('input[name="year"]').inputValue()).resolves.toBe('2024');
    await expect.poll(() => page.getByLabel('Tiêu chuẩn').inputValue()).toMatch(/^Không theo đợt · Xã · /);
    // The standard names no form: one of the campaign's.
    await page.getByRole('combobox', { name: 'Hình thức' }).click();
    await page.getByRole('option', { name: 'Bằng khen của Chủ tịch UBND tỉnh' }).click();
    await page.getByLabel('Đơn vị trình').fill('Khanh Hoa');
    await page.getByRole('option', { name: /^Tỉnh Khánh H(oà|òa) \(56/ }).click();
    await screenshot(page, 'awards-03-nomination-create');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.waitForURL(/#\/nominations\/\d+\/show/);
    const id = page.url().match(/nominations\/(\d+)\/show/)![1];
    await page.getByText('Dự thảo', { exact: true }).first().waitFor();
    await page.getByText(`${subject.name} (${subject.code})`).first().waitFor();
    await screenshot(page, 'awards-04-nomination');
    const created = await gql(`query($id: ID!) { nomination(id: $id) { status year formCode subject { unit { code } } proposingUnit { code } standard { id } } }`, { id });
    expect(created.data.nomination).toEqual({
      status: 'DRAFT', year: 2024, formCode: 'PROVINCE_CERTIFICATE', subject: { unit: { code: subject.code } }, proposingUnit: { code: '56' }, standard: { id: standardId },
    });
  });

  it('filters the standards list by an accent-free search and sorts it by year on the server', async () => {
    const filter = { campaignId: bacKan, q: 'co so ha tang' };
    const expected = async (direction: string) => (await gql(`query($c: ID!, $d: SortDirection) {
      awardStandardList(filter: { campaignId: $c, search: "co so ha tang" }, orderBy: YEAR, direction: $d, limit: 25) { totalCount nodes { year } } }`, { c: bacKan, d: direction })).data.awardStandardList;
    const desc = await expected('DESC');
    expect(desc.totalCount).toBeGreaterThanOrEqual(3);
    await page.goto(consoleUrl(`awardStandards?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=year&order=DESC&page=1&perPage=25`));
    const years = () => page.locator('tbody tr td.column-year').allInnerTexts();
    await expect.poll(years).toEqual(desc.nodes.map((s: { year: number | null }) => (s.year === null ? '' : String(s.year))));
    // Desc: the three annual standards without a year first, then the 2023 mid-term ones.
    expect(desc.nodes.slice(0, 3).map((s: { year: number | null }) => s.year)).toEqual([null, null, null]);
    await screenshot(page, 'awards-05-standards-desc');

    // The column header sorts the other way, still on the server.
    await page.locator('thead').getByText('Năm của đợt').click();
    const asc = await expected('ASC');
    await expect.poll(years).toEqual(asc.nodes.map((s: { year: number | null }) => (s.year === null ? '' : String(s.year))));
    await expect.poll(() => page.url()).toMatch(/order=ASC/);
    expect(asc.nodes.map((s: { year: number | null }) => s.year)).not.toEqual(desc.nodes.map((s: { year: number | null }) => s.year));
  });

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
