import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_HEADERS, PROGRESS_HEADERS } from '../../server/insights/export-rows.js';
import { gql } from '../support/client.js';
import { consoleUrl, launch, openPage, release, screenshot, signIn } from './browser.js';

/** How the console writes numbers in Vietnamese (vi-VN: 1.234,56): the display rule, applied to the API's figures. */
const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

const FIGURES =
  'actual valueUnit count share numerator denominator unitsWithData unitsInScope coverage partial target targetUnit targetActual gap onTrack note';

/** The text the console must show for a figure: "51/96 · 53,13 %", an average, or "— chưa có số liệu" — never a 0 that is not there. */
const actualText = (r: any) =>
  r.actual == null
    ? '— chưa có số liệu'
    : r.count != null
      ? `${vi.format(r.count)}/${vi.format(r.denominator)}${r.share != null ? ` · ${vi.format(r.share)} %` : ''}`
      : `${vi.format(r.actual)}${r.valueUnit === 'PERCENT' ? ' %' : ''}`;
const coverageText = (r: any) => `${vi.format(r.unitsWithData)}/${vi.format(r.unitsInScope)}${r.partial ? ' chưa đủ số liệu' : ''}`;

/** Splits one CSV line into cells (quoted cells may hold commas). */
const csvCells = (line: string) =>
  line
    .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
    .slice(0, -1)
    .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));

/** The table cells of the page's rows, by the text of their first cell. */
async function tableRows(page: Page, testId?: string): Promise<Map<string, string[]>> {
  const table = testId ? page.getByTestId(testId) : page.locator('table').first();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
  return new Map(rows.map((cells) => [cells[0], cells]));
}

/**
 * The comparison and progress pages and their downloads show the API's figures: missing data as "—" with "chưa có số
 * liệu" (never 0) and unranked, coverage beside every figure, count and share together, targets in their own unit.
 */
describe('figures in the console and the downloads', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await openPage(browser, errors);
    await signIn(page, 'viewer', 'demo-viewer');
  });

  afterAll(async () => {
    await release(browser);
  });

  it('compares the 34 provinces in 2024 as the API does: blanks unranked, coverage shown, the download the same', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const input = { level: 'PROVINCE', metrics: ['COMMUNES_NTM'], year: 2024, asOf: today };
    const api = (await gql(`query($i: CompareInput!) { compare(input: $i) { rows { unitCode unitName rank ${FIGURES} } } }`, { i: input }))
      .data.compare.rows as any[];
    expect(api).toHaveLength(34);
    expect(api.some((r) => r.actual === null)).toBe(true);
    expect(api.some((r) => r.partial)).toBe(true);

    await page.goto(consoleUrl(`compare?scope=level&value=PROVINCE&metrics=COMMUNES_NTM&year=2024&asOf=${today}`));
    const table = page.getByTestId('compare-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(34);
    const shown = await tableRows(page, 'compare-table');
    for (const r of api) {
      const cells = [...shown.values()].find((c) => c[0].startsWith(r.unitName))!;
      expect(cells, r.unitName).toBeDefined();
      // unit, actual, target, gap, rank, coverage
      expect([cells[1], cells[4], cells[5]], r.unitName).toEqual([actualText(r), r.rank == null ? '—' : String(r.rank), coverageText(r)]);
    }
    const haNoi = [...shown.values()].find((c) => c[0].startsWith('Thành phố Hà Nội'))!;
    expect(haNoi[1]).toBe('— chưa có số liệu');
    await screenshot(page, '50-compare-coverage');

    // The page's own CSV link downloads the same figures.
    const href = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = (await (await fetch(href!)).text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map(csvCells);
    expect(csv[0]).toEqual(COMPARE_HEADERS.vi);
    const at = (cells: string[], header: string) => cells[COMPARE_HEADERS.vi.indexOf(header)];
    const cell = (v: number | null) => (v == null ? '' : String(v));
    for (const r of api) {
      const line = csv.find((c) => c[0] === r.unitCode)!;
      expect(
        [
          at(line, 'Giá trị'),
          at(line, 'Số lượng'),
          at(line, 'Tỷ lệ (%)'),
          at(line, 'Đơn vị có số liệu'),
          at(line, 'Đơn vị trong phạm vi'),
          at(line, 'Xếp hạng'),
          at(line, 'Chưa đủ số liệu'),
        ],
        r.unitCode,
      ).toEqual([
        cell(r.actual),
        cell(r.count),
        cell(r.share),
        String(r.unitsWithData),
        String(r.unitsInScope),
        cell(r.rank),
        r.partial ? 'Có' : 'Không',
      ]);
    }
  });

  it("shows Bắc Kạn's progress with counts beside shares and the accumulated targets, like the API and the download", async () => {
    const api = (
      await gql(
        `{ progress(unitCode: "06", asOf: "2024-06-30", metric: "COMMUNES_NTM", fromYear: 2021, toYear: 2025) { year ${FIGURES} } }`,
      )
    ).data.progress as any[];
    expect(api.map((p) => p.target)).toEqual([null, 30, 39, 49, 61]);
    await page.goto(consoleUrl('progress?unitCode=06&metric=COMMUNES_NTM&fromYear=2021&toYear=2025&asOf=2024-06-30'));
    await page.getByTestId('progress-chart').waitFor();
    await expect.poll(async () => (await tableRows(page)).size).toBe(5);
    const shown = await tableRows(page);
    for (const p of api) {
      // year, actual, target, gap, on track, coverage
      const cells = shown.get(String(p.year))!;
      expect([cells[1], cells[2], cells[3], cells[5]], String(p.year)).toEqual([
        actualText(p),
        p.target == null ? '—' : vi.format(p.target),
        p.gap == null ? '—' : vi.format(p.gap),
        coverageText(p),
      ]);
    }
    await screenshot(page, '51-progress-targets');
    const href = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = (await (await fetch(href!)).text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map(csvCells);
    expect(csv[0]).toEqual(PROGRESS_HEADERS.vi);
    const at = (cells: string[], header: string) => cells[PROGRESS_HEADERS.vi.indexOf(header)];
    expect(csv.slice(1).map((c) => [at(c, 'Năm'), at(c, 'Số lượng'), at(c, 'Chỉ tiêu'), at(c, 'Đơn vị chỉ tiêu')])).toEqual(
      api.map((p) => [
        String(p.year),
        String(p.count),
        p.target == null ? '' : String(p.target),
        p.targetUnit == null ? '' : ({ COUNT: 'số lượng', PERCENT: '%', METRIC: 'giá trị chỉ số' } as Record<string, string>)[p.targetUnit],
      ]),
    );
    expect(errors).toEqual([]);
  });
});
