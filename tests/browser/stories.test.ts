import { describe, expect, it } from 'vitest';
import { signIn as login } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, expectReadable, shot } from './browser.js';
import { firstTimeUsers, pick } from './first-time.js';

/**
 * The stories of issue 14, each walked end to end by a first-time user who starts signed out, signs in through the
 * form with a demo account, and chooses units with the unit picker (never by typing a code). Each fails on a page
 * error, a console error, or text a person should not have to read (untranslated keys, raw codes). The provincial
 * administrator's story: `stories-admin.test.ts`; every page at each size: `pages-*.test.ts`.
 */
describe('first-time users', () => {
  const start = firstTimeUsers();

  it('the assessor finds a pre-2025 Bắc Kạn commune by name and records its 2024 assessment', async () => {
    const { page, problems } = await start('backan.assessor', 'demo-backan');
    // An assessor's menu has no audit log, and no campaign can be created.
    await expect(page.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Nhập kết quả đánh giá' }).first().click();
    await page.getByLabel('Năm', { exact: true }).fill('2024');
    // Xã Bằng Thành (01858), Pác Nặm, until 30 June 2025 — not the new Bằng Thành that reuses code 01864.
    await page.getByTestId('commune-picker').locator('input').fill('bang thanh');
    const option = page.locator('li[data-code="01858"]');
    await expect.poll(() => option.innerText()).toMatch(/Xã Bằng Thành \(01858\)[\s\S]*Huyện Pác Nặm · Tỉnh Bắc Kạn · trước 01\/07\/2025/);
    await expect.poll(() => page.locator('li[data-code="01864"]').count()).toBe(0);
    await expectReadable(page);
    await shot(page, 'story-assessor-01-picker');
    await option.click();
    await expect.poll(() => page.getByTestId('checklist-unit').innerText()).toBe('Xã Bằng Thành (01858) — Năm 2024');
    // The NTM set (not the advanced one) is chosen for a commune by default.
    await page.getByText('Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025').first().waitFor();
    await page.getByTestId('mark-all-met').click();
    await expectReadable(page);
    await shot(page, 'story-assessor-02-checklist');
    await page.getByTestId('save-assessment').click();
    await page.waitForURL(/#\/assessments\/.+\/show/);
    await page.getByText('Xã Bằng Thành').first().waitFor();
    await expectReadable(page);
    await shot(page, 'story-assessor-03-saved');
    const saved = await gql(
      '{ units(filter: { search: "01858", anyDate: true }) { nodes { id assessments(year: 2024) { metCount criteriaCount unit { code name } criteriaSet { code } } } } }',
    );
    const assessment = saved.data.units.nodes[0].assessments.find(
      (a: { criteriaSet: { code: string } }) => a.criteriaSet.code === 'COMMUNE-NTM-2021-2025',
    );
    expect(assessment).toMatchObject({ metCount: 19, criteriaCount: 19, unit: { code: '01858', name: 'Xã Bằng Thành' } });

    // Many communes of the district on one screen: untick criteria 1 and 2 of Bằng Thành with the keyboard and save.
    const district = (await gql('{ units(filter: { search: "pac nam", level: DISTRICT, asOf: "2024-06-30" }) { nodes { code } } }')).data
      .units.nodes[0].code;
    await page.goto(consoleUrl('assessments/create'));
    await page.getByTestId('mode-many').click();
    await page.getByLabel('Năm', { exact: true }).fill('2024');
    await pick(page, 'district-picker', 'pac nam', district);
    const row = page.getByTestId('bulk-grid').locator('tr[data-commune="01858"]');
    const first = row.locator('input[type="checkbox"]').first();
    await expect.poll(() => first.isChecked()).toBe(true);
    await first.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => row.locator('input[type="checkbox"]').nth(1).isChecked()).toBe(false);
    await expectReadable(page);
    await shot(page, 'story-assessor-04-many-communes');
    await page.getByTestId('save-bulk').click();
    await page.getByText('Đã lưu đánh giá 1 xã').waitFor();
    const after = await gql(
      '{ units(filter: { search: "01858", anyDate: true }) { nodes { assessments(year: 2024) { metCount criteriaSet { code } results { criterionNumber met } } } } }',
    );
    const updated = after.data.units.nodes[0].assessments.find(
      (a: { criteriaSet: { code: string } }) => a.criteriaSet.code === 'COMMUNE-NTM-2021-2025',
    );
    expect(updated.metCount).toBe(17);
    expect(updated.results.filter((r: { met: boolean }) => !r.met).map((r: { criterionNumber: number }) => r.criterionNumber)).toEqual([
      1, 2,
    ]);

    await page.goto(consoleUrl('campaigns'));
    await page.getByText('Phong trào thi đua').first().waitFor();
    await expect(page.getByRole('link', { name: 'Tạo mới' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the council takes a nomination from submitted to decided', async () => {
    // Khánh Hòa's administrator proposes a commune and submits it, through the API.
    const token = await login('khanhhoa.admin', 'demo-khanhhoa');
    const campaigns = await gql('{ campaigns(limit: 100) { nodes { id key } } }');
    const kh = campaigns.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025').id;
    const standards = await gql('query($c: ID!) { awardStandards(campaignId: $c) { id key } }', { c: kh });
    const standardId = standards.data.awardStandards.find((s: { key: string }) => s.key === 'khanh-hoa-commune').id;
    const communes = await gql(
      '{ units(filter: { withinCode: "56", level: COMMUNE, kind: COMMUNE, asOf: "2022-06-30" }, limit: 100, orderBy: CODE) { nodes { code name } } }',
    );
    const subject = communes.data.units.nodes[47];
    const created = await gql(
      'mutation($i: CreateNominationInput!) { createNomination(input: $i) { id version } }',
      {
        i: {
          standardId,
          subject: { unitCode: subject.code, asOf: '2022-06-30' },
          year: 2022,
          proposingUnitCode: '56',
          formCode: 'PROVINCE_CERTIFICATE',
        },
      },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createNomination.id;
    await gql(
      `mutation($id: ID!, $v: Int!) { updateNominationDossier(id: $id, expectedVersion: $v, items: [
      { item: PROPOSAL_LETTER, provided: true, documentReference: "TTr 21/TTr-UBND" }, { item: ACHIEVEMENT_SUMMARY, provided: true, documentReference: "BC thành tích" },
      { item: COUNCIL_MINUTES, provided: true, documentReference: "BB họp HĐTĐKT" }]) { id } }`,
      { id, v: created.data.createNomination.version },
      { token },
    );
    const submitted = await gql('mutation($id: ID!) { transitionNomination(id: $id, to: SUBMITTED) { status } }', { id }, { token });
    expect(submitted.errors).toBeUndefined();

    const { page, problems } = await start('khanhhoa.council', 'demo-council');
    // The dashboard lists it among the nominations waiting for the council.
    const waiting = page.getByTestId('dashboard-pending').getByRole('link', { name: `${subject.name} — 2022` });
    await waiting.click();
    await page.getByText('Đã trình', { exact: true }).first().waitFor();
    await expectReadable(page);
    await shot(page, 'story-council-01-submitted');
    for (const [step, status] of [
      ['Thẩm định', 'Đã thẩm định'],
      ['Hội đồng đã xét', 'Hội đồng đã xét'],
    ]) {
      await page.getByRole('button', { name: step, exact: true }).click();
      await page.getByTestId('confirm-step').click();
      await page.getByText(`Hồ sơ đã chuyển sang "${status}"`).waitFor();
    }
    await page.getByRole('button', { name: 'Ra quyết định' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Số quyết định').fill('QĐ 99/QĐ-UBND (câu chuyện)');
    await dialog.getByLabel('Người ký').fill('Chủ tịch UBND tỉnh');
    await expectReadable(page);
    await page.getByTestId('confirm-step').click();
    await page.getByText('Đã quyết định', { exact: true }).first().waitFor();
    await expectReadable(page);
    await shot(page, 'story-council-02-decided');
    const decided = await gql(
      'query($id: ID!) { nomination(id: $id) { status award { decisionNumber } transitions { to username } } }',
      { id },
      { token },
    );
    expect(decided.data.nomination).toMatchObject({ status: 'DECIDED', award: { decisionNumber: 'QĐ 99/QĐ-UBND (câu chuyện)' } });
    expect(decided.data.nomination.transitions.map((t: { to: string; username: string }) => `${t.to}:${t.username}`).slice(-3)).toEqual([
      'APPRAISED:khanhhoa.council',
      'COUNCIL_REVIEWED:khanhhoa.council',
      'DECIDED:khanhhoa.council',
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("the viewer compares all provinces for 2024 and Khánh Hòa's districts for 2025, and exports both", async () => {
    const { page, problems } = await start('viewer', 'demo-viewer');
    await expect(page.getByRole('link', { name: 'Tạo mới' }).count()).resolves.toBe(0);
    await page.getByRole('menuitem', { name: 'So sánh địa phương' }).click();
    await page.getByTestId('compare-table').waitFor();
    const downloads: { name: string; text: string }[] = [];
    const exportBoth = async () => {
      for (const format of ['csv', 'xlsx']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
        const path = await download.path();
        const { readFileSync } = await import('node:fs');
        downloads.push({ name: download.suggestedFilename(), text: format === 'csv' ? readFileSync(path, 'utf8') : '' });
      }
    };

    // All provinces, 2024.
    await page.getByLabel('Phạm vi so sánh').click();
    await page.getByRole('option', { name: 'Tất cả đơn vị một cấp' }).click();
    await page.getByLabel('Năm', { exact: true }).fill('2024');
    await page.getByLabel('Tại ngày', { exact: true }).fill('2024-06-30');
    await page.getByTestId('compare-run').click();
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBe(50);
    await page.getByText('Đơn vị 1–50 trên 63').waitFor();
    await expectReadable(page);
    await shot(page, 'story-viewer-01-provinces-2024');
    await exportBoth();

    // Khánh Hòa's districts in 2025: the districts existed until 30 June 2025, so codes are read on that day.
    await page.getByLabel('Phạm vi so sánh').click();
    await page.getByRole('option', { name: 'Các đơn vị trực thuộc' }).click();
    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByLabel('Tại ngày', { exact: true }).fill('2025-06-30');
    await pick(page, 'compare-parent', 'khanh hoa', '56');
    await page.getByTestId('compare-run').click();
    await page.getByTestId('compare-breadcrumbs').getByText('Tỉnh Khánh Hòa').waitFor();
    await expect.poll(() => page.getByTestId('compare-table').locator('tbody tr').count()).toBe(9);
    await page.getByTestId('compare-table').getByText('Huyện Diên Khánh').waitFor();
    await expectReadable(page);
    await shot(page, 'story-viewer-02-khanh-hoa-2025');
    await exportBoth();

    expect(downloads.map((d) => d.name)).toEqual(['so-sanh-2024.csv', 'so-sanh-2024.xlsx', 'so-sanh-2025.csv', 'so-sanh-2025.xlsx']);
    const [provinces, districts] = [downloads[0].text, downloads[2].text];
    expect(provinces.split('\r\n').filter((l) => l.includes(',Tỉnh,'))).toHaveLength(63 * 3);
    expect(districts).toContain('Huyện Diên Khánh,Huyện,Xã đạt chuẩn nông thôn mới');
    for (const text of [provinces, districts])
      expect(text).not.toMatch(/\b(PROVINCE|DISTRICT|PERCENT|COUNT|GTE|ALL_COMMUNES|COMMUNES_NTM)\b/);

    // Lists by keyboard: Tab from the search field reaches the rows; Enter opens a campaign's page, or unfolds a
    // award form's details in place.
    const tabToRow = async () => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        // The row's first filled cell: what the page it opens is named by.
        const first = await page.evaluate(() => {
          const row = document.activeElement;
          return row?.getAttribute('data-openable') === 'true'
            ? ([...(row as HTMLTableRowElement).cells].map((c) => c.innerText.trim()).find(Boolean) ?? '')
            : null;
        });
        if (first !== null) return first;
      }
      throw new Error(`no list row reached with Tab on ${page.url()}`);
    };
    await page.getByRole('menuitem', { name: 'Phong trào thi đua' }).click();
    await page.locator('tr[data-openable]').first().waitFor();
    await page.locator('input[name="q"]').focus();
    const campaignRow = await tabToRow();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/campaigns\/\d+\/show/);
    await page.getByText(campaignRow, { exact: true }).first().waitFor();
    await expectReadable(page);

    await page.goto(consoleUrl('awardForms'));
    await page.locator('tr[data-openable]').first().waitFor();
    await page.locator('input[name="q"]').focus();
    await tabToRow();
    await page.keyboard.press('Enter');
    await page.getByTestId('row-details').first().waitFor();
    await expectReadable(page);

    // A filter that hides everything is named, and removing it brings the records back; the viewer is offered no "Tạo mới".
    await page.locator('input[name="q"]').fill('khong co hinh thuc nay');
    await page.locator('[data-testid="list-empty"][data-empty="filtered"]').waitFor();
    await page.locator('[data-filter="q"]').getByText('Tìm kiếm').waitFor();
    await expectReadable(page);
    await shot(page, 'story-viewer-03-award-forms-filtered');
    await page.locator('[data-filter="q"] .MuiChip-deleteIcon').click();
    await page.locator('tr[data-openable]').first().waitFor();
    await expect(page.getByRole('link', { name: 'Tạo mới' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
