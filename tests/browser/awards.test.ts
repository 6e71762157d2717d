import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, expectReadable, launch, openPage, release, screenshot, signIn } from './browser.js';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
const counts = async (page: Page) =>
  (await page.getByTestId('eligibility-count').innerText())
    .match(/(\d+)\/(\d+)/)!
    .slice(1)
    .map(Number);

/**
 * The console's award actions in a real browser: Khánh Hòa's administrator records the no-debt precondition of a
 * commune recognised in the period (synthetic demo recognitions) and sees it become eligible for the province's
 * commune standard, creates a nomination from that row, and sorts and filters the standards list on the server; then
 * the awards list (over two decisions made through the API), setting Khánh Hòa's forms on its campaign page (restored
 * afterwards) and the standard form offering only the campaign's forms.
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
    const standards = await gql(
      `query($c: ID!) { awardStandardList(filter: { campaignId: $c, subjectType: COMMUNE, hasRule: true }) { nodes { id key } } }`,
      { c: khanhHoa },
    );
    standardId = standards.data.awardStandardList.nodes.find((s: { key: string }) => s.key === 'khanh-hoa-commune').id;
    // A commune recognised in the period that fails only for want of the recorded precondition.
    const token = await tokenFor('UNIT_ADMIN', '56');
    const candidates = await gql(
      `query($s: ID!) { awardEligibilityList(standardId: $s, year: 2024, filter: { eligible: false }, orderBy: UNIT_CODE, limit: 500) {
      nodes { subject { name unit { code } } conditions { passed actual required } } } }`,
      { s: standardId },
      { token },
    );
    expect(candidates.errors).toBeUndefined();
    // Not a commune another test file has already nominated for 2024 (files run in any order).
    const nominated = await gql(
      `query($s: ID!) { nominations(filter: { standardId: $s, year: 2024 }, limit: 500) { nodes { subject { unit { code } } } } }`,
      { s: standardId },
      { token },
    );
    const taken = new Set(nominated.data.nominations.nodes.map((n: any) => n.subject.unit.code));
    const found = candidates.data.awardEligibilityList.nodes.find(
      (r: any) =>
        !taken.has(r.subject.unit.code) &&
        r.conditions.some((c: any) => c.passed && /^(đạt chuẩn nông thôn mới|nông thôn mới nâng cao) \(/.test(c.actual)) &&
        r.conditions.some((c: any) => c.actual === 'chưa ghi nhận — not recorded'),
    );
    expect(found, JSON.stringify(candidates.data.awardEligibilityList.nodes.slice(0, 2))).toBeDefined();
    subject = { code: found.subject.unit.code, name: found.subject.name };

    browser = await launch();
    page = await openPage(browser, errors, { width: 1500, height: 950 });
    await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
  });

  afterAll(async () => {
    await release(browser);
  });

  it('records a precondition from the eligibility page and the subject becomes eligible', async () => {
    await page.goto(consoleUrl(`eligibility?campaign=${khanhHoa}&standard=${standardId}&year=2024`));
    const table = page.getByTestId('eligibility-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    // The search runs on the server, without accents.
    await page.getByLabel('eligibility-search').fill(fold(subject.name));
    const row = table.locator(`tr[data-subject="${subject.code}"]`).first();
    await expect.poll(() => row.getAttribute('data-eligible'), { timeout: 30_000 }).toBe('false');
    await expect
      .poll(() => table.locator('tbody tr[data-subject]').evaluateAll((rows) => rows.every((r) => r.textContent!.length > 0)))
      .toBe(true);
    const [eligibleBefore, totalBefore] = await counts(page);
    expect(totalBefore).toBeGreaterThanOrEqual(1);

    await row.getByRole('button', { name: 'Điều kiện có/không' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Điều kiện có/không của ${subject.name} năm 2024`).waitFor();
    await dialog.getByText('Chưa ghi nhận điều kiện nào trong năm này').waitFor();
    // The rule's precondition, named by the plan's words (its key is for machines).
    await expect(dialog.getByRole('combobox').innerText()).resolves.toBe('Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới');
    await expectReadable(page);
    await dialog.getByLabel('precondition-evidence').fill('Báo cáo quyết toán của UBND huyện (kiểm thử giao diện)');
    await screenshot(page, 'awards-01-precondition-dialog');
    await dialog.getByTestId('save-precondition').click();
    await page.getByText(`Đã ghi nhận điều kiện Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới cho ${subject.name}`).waitFor();
    const recorded = dialog.getByTestId('preconditions').locator('tr[data-key="NO_CAPITAL_CONSTRUCTION_DEBT"]');
    await expect
      .poll(() => recorded.locator('td').allInnerTexts())
      .toEqual([
        'Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới',
        'Có',
        'Báo cáo quyết toán của UBND huyện (kiểm thử giao diện)',
      ]);
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    await expect.poll(() => row.getAttribute('data-eligible'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => counts(page)).toEqual([eligibleBefore + 1, totalBefore]);
    // Conditions, actual and required values read as words in the console's language: no tier code, no ISO date.
    await expectReadable(page);
    await expect(row.locator('td').allInnerTexts()).resolves.not.toContainEqual(expect.stringMatching(/\d{4}-\d{2}-\d{2}| — /));
    await screenshot(page, 'awards-02-eligible');
    const api = await gql(
      `query($s: ID!, $c: String!) { awardEligibilityList(standardId: $s, year: 2024, filter: { withinCode: $c }) { totalCount eligibleCount } }`,
      { s: standardId, c: subject.code },
    );
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
    const created = await gql(
      `query($id: ID!) { nomination(id: $id) { status year formCode subject { unit { code } } proposingUnit { code } standard { id } } }`,
      { id },
    );
    expect(created.data.nomination).toEqual({
      status: 'DRAFT',
      year: 2024,
      formCode: 'PROVINCE_CERTIFICATE',
      subject: { unit: { code: subject.code } },
      proposingUnit: { code: '56' },
      standard: { id: standardId },
    });
  });

  it('filters the standards list by an accent-free search and sorts it by year on the server', async () => {
    const filter = { campaignId: bacKan, q: 'co so ha tang' };
    const expected = async (direction: string) =>
      (
        await gql(
          `query($c: ID!, $d: SortDirection) {
      awardStandardList(filter: { campaignId: $c, search: "co so ha tang" }, orderBy: YEAR, direction: $d, limit: 25) { totalCount nodes { year } } }`,
          { c: bacKan, d: direction },
        )
      ).data.awardStandardList;
    const desc = await expected('DESC');
    expect(desc.totalCount).toBeGreaterThanOrEqual(3);
    await page.goto(
      consoleUrl(`awardStandards?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=year&order=DESC&page=1&perPage=25`),
    );
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

  describe('awards decided and the forms a campaign may confer', () => {
    let token: string;
    const AWARDS = `query($f: AwardFilter, $by: AwardOrderField, $d: SortDirection) {
      awards(filter: $f, orderBy: $by, direction: $d, limit: 25) { totalCount nodes { id nominationId decisionNumber year subject { unit { id code } } } } }`;
    const awards = async (filter: Record<string, unknown>, orderBy: string, direction: string) =>
      (await gql(AWARDS, { f: { campaignId: khanhHoa, ...filter }, by: orderBy, d: direction })).data.awards as {
        totalCount: number;
        nodes: any[];
      };
    const decisionNumbers = () => page.locator('tbody tr td.column-decisionNumber').allInnerTexts();
    const CAMPAIGN_FORMS = `query($c: ID!) { campaignAwardForms(campaignId: $c) { formCode asStated note source } }`;
    const campaignForms = async (campaignId: string) =>
      (await gql(CAMPAIGN_FORMS, { c: campaignId })).data.campaignAwardForms as {
        formCode: string;
        asStated: string | null;
        note: string | null;
        source: string | null;
      }[];
    const formOptions = async () => {
      await page.getByRole('combobox', { name: 'Hình thức khen thưởng' }).click();
      const options = await page.getByRole('listbox').getByRole('option').allInnerTexts();
      await page.keyboard.press('Escape');
      return options.map((o) => o.trim()).filter((o) => o && o !== '\u200b');
    };

    /**
     * Decides a nomination of Khánh Hòa's commune standard through the API, as the province's administrator (whose grant
     * covers the districts too): proposed by the unit that decides the form (docs/awards.md), the province or the district.
     */
    const decide = async (
      unitCode: string,
      proposingUnitCode: string,
      year: number,
      formCode: string,
      decisionNumber: string,
      decidedOn: string,
    ) => {
      const created = await gql(
        `mutation($i: CreateNominationInput!) { createNomination(input: $i) { id version dossier { item } } }`,
        { i: { standardId, subject: { unitCode, asOf: `${year}-06-30` }, year, formCode, proposingUnitCode } },
        { token },
      );
      expect(created.errors).toBeUndefined();
      const { id, version, dossier } = created.data.createNomination;
      const completed = await gql(
        `mutation($id: ID!, $v: Int!, $items: [DossierEntryInput!]!) { updateNominationDossier(id: $id, expectedVersion: $v, items: $items) { id } }`,
        {
          id,
          v: version,
          items: dossier.map((d: { item: string }) => ({
            item: d.item,
            provided: true,
            documentReference: `${d.item} (kiểm thử danh sách khen thưởng)`,
          })),
        },
        { token },
      );
      expect(completed.errors).toBeUndefined();
      for (const to of ['SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED']) {
        const moved = await gql(
          `mutation($id: ID!, $to: NominationStatus!) { transitionNomination(id: $id, to: $to) { status } }`,
          { id, to },
          { token },
        );
        expect(moved.errors, to).toBeUndefined();
      }
      const decided = await gql(
        `mutation($i: DecideNominationInput!) { decideNomination(input: $i) { status } }`,
        { i: { id, decisionNumber, decidedOn, signer: 'Chủ tịch UBND tỉnh (kiểm thử)' } },
        { token },
      );
      expect(decided.errors).toBeUndefined();
    };

    beforeAll(async () => {
      token = await tokenFor('UNIT_ADMIN', '56');
      // The seeds hold no award: two decisions whose order by date, newest first, is not their order by year, oldest first.
      const communes = (
        await gql(
          `{ units(filter: { withinCode: "56", level: COMMUNE, asOf: "2022-06-30" }, orderBy: CODE, limit: 2) { nodes { code parent { code } } } }`,
        )
      ).data.units.nodes;
      expect(communes).toHaveLength(2);
      await decide(communes[0].code, '56', 2022, 'PROVINCE_CERTIFICATE', '101/QĐ-UBND (kiểm thử)', '2022-12-20');
      await decide(communes[1].code, communes[1].parent.code, 2023, 'DISTRICT_CERTIFICATE', '202/QĐ-UBND (kiểm thử)', '2023-01-15');
    });

    it('lists the awards sorted and filtered on the server, linking the nomination and the subject unit', async () => {
      const byDate = await awards({}, 'DECIDED_ON', 'DESC');
      expect(byDate.totalCount).toBeGreaterThanOrEqual(2);
      await page.goto(
        consoleUrl(
          `awards?filter=${encodeURIComponent(JSON.stringify({ campaignId: khanhHoa }))}&sort=decidedOn&order=DESC&page=1&perPage=25`,
        ),
      );
      await expect.poll(decisionNumbers).toEqual(byDate.nodes.map((a) => a.decisionNumber));
      await screenshot(page, 'awards-06-awards-by-date');

      await page.locator('thead').getByText('Năm của đợt').click();
      const byYear = await awards({}, 'YEAR', 'ASC');
      expect(byYear.nodes.map((a) => a.decisionNumber)).not.toEqual(byDate.nodes.map((a) => a.decisionNumber));
      await expect.poll(decisionNumbers).toEqual(byYear.nodes.map((a) => a.decisionNumber));
      await expect.poll(() => page.url()).toMatch(/[?&]sort=year(&|$)/);
      expect(page.url()).toMatch(/order=ASC/);

      await page.locator('input[name="year"]').fill('2023');
      const in2023 = await awards({ year: 2023 }, 'YEAR', 'ASC');
      expect(in2023.totalCount).toBeGreaterThanOrEqual(1);
      await expect.poll(decisionNumbers).toEqual(in2023.nodes.map((a) => a.decisionNumber));
      await page.locator('input[name="year"]').fill('');
      await page.getByRole('combobox', { name: 'Hình thức khen thưởng' }).click();
      await page.getByRole('option', { name: 'Bằng khen của Chủ tịch UBND tỉnh' }).click();
      const provincial = await awards({ formCode: 'PROVINCE_CERTIFICATE' }, 'YEAR', 'ASC');
      await expect.poll(decisionNumbers).toEqual(provincial.nodes.map((a) => a.decisionNumber));
      expect(provincial.nodes.map((a) => a.decisionNumber)).toContain('101/QĐ-UBND (kiểm thử)');
      expect(provincial.nodes.map((a) => a.decisionNumber)).not.toContain('202/QĐ-UBND (kiểm thử)');
      await screenshot(page, 'awards-07-awards-filtered');

      const award = provincial.nodes.find((a) => a.decisionNumber === '101/QĐ-UBND (kiểm thử)');
      const row = page.locator('tbody tr', { hasText: '101/QĐ-UBND (kiểm thử)' });
      await expect(row.locator('td.column-subject a').getAttribute('href')).resolves.toBe(`#/units/${award.subject.unit.id}/show`);
      await row.locator('td.column-nominationId a').click();
      await page.waitForURL(new RegExp(`#/nominations/${award.nominationId}/show`));
      await page.getByText('101/QĐ-UBND (kiểm thử)', { exact: false }).first().waitFor();
    });

    it("sets a campaign's forms on its page, the standard form then offers only those, and another province's are read-only", async () => {
      const previous = await campaignForms(khanhHoa);
      expect(previous.map((f) => f.formCode)).toContain('LABOUR_ORDER');
      try {
        await page.goto(consoleUrl(`campaigns/${khanhHoa}/show/awardForms`));
        const table = page.getByTestId('campaign-award-forms');
        await expect.poll(() => table.locator('tr[data-offered="true"]').count()).toBe(previous.length);
        await table.locator('tr[data-form="LABOUR_ORDER"] input[type="checkbox"]').uncheck();
        await page.getByLabel('Cách kế hoạch ghi PM_CERTIFICATE').fill('Bằng khen của Thủ tướng Chính phủ (kiểm thử giao diện)');
        await screenshot(page, 'awards-08-campaign-forms');
        await page.getByTestId('save-campaign-forms').click();
        await page.getByText(`Đã lưu ${previous.length - 1} hình thức khen thưởng của phong trào`).waitFor();
        const saved = await campaignForms(khanhHoa);
        expect(saved).toEqual(
          previous
            .filter((f) => f.formCode !== 'LABOUR_ORDER')
            .map((f) =>
              f.formCode === 'PM_CERTIFICATE' ? { ...f, asStated: 'Bằng khen của Thủ tướng Chính phủ (kiểm thử giao diện)' } : f,
            ),
        );
        await expect.poll(() => table.locator('tr[data-form="LABOUR_ORDER"]').getAttribute('data-offered')).toBe('false');

        // A standard of this campaign is edited with these forms only.
        await page.goto(consoleUrl(`awardStandards/${standardId}/edit`));
        await expect
          .poll(formOptions)
          .toEqual([
            'Bằng khen của Thủ tướng Chính phủ',
            'Bằng khen cấp bộ, ban, ngành, đoàn thể Trung ương',
            'Bằng khen của Chủ tịch UBND tỉnh',
            'Giấy khen của Chủ tịch UBND huyện',
            'Giấy khen của Chủ tịch UBND xã',
          ]);
      } finally {
        const restored = await gql(
          `mutation($c: ID!, $f: [CampaignAwardFormInput!]!) { setCampaignAwardForms(campaignId: $c, forms: $f) { formCode } }`,
          { c: khanhHoa, f: previous },
          { token },
        );
        expect(restored.errors).toBeUndefined();
      }
      expect(await campaignForms(khanhHoa)).toEqual(previous);

      // Bắc Kạn's forms are not Khánh Hòa's administrator's to set: they are shown, but nothing can be ticked or saved.
      const bacKanForms = await campaignForms(bacKan);
      await page.goto(consoleUrl(`campaigns/${bacKan}/show/awardForms`));
      const table = page.getByTestId('campaign-award-forms');
      await expect.poll(() => table.locator('tr[data-offered="true"]').count()).toBe(bacKanForms.length);
      await expect(table.locator('tr[data-form="DISTRICT_CERTIFICATE"] input[type="checkbox"]').isDisabled()).resolves.toBe(true);
      await expect(page.getByTestId('save-campaign-forms').count()).resolves.toBe(0);
      expect(await campaignForms(bacKan)).toEqual(bacKanForms);
    });

    it("offers a new standard the chosen campaign's forms, or the whole catalogue with a hint when it lists none", async () => {
      const national = (
        (await gql(`{ campaigns(limit: 200) { nodes { id key name } } }`)).data.campaigns.nodes as {
          id: string;
          key: string;
          name: string;
        }[]
      ).find((c) => c.key === 'national-2021-2025')!;
      const bacKanForms = await campaignForms(bacKan);
      expect(bacKanForms.map((f) => f.formCode)).toEqual(['PROVINCE_CERTIFICATE']);
      expect(await campaignForms(national.id)).toEqual([]);

      await page.goto(consoleUrl(`awardStandards/create?source=${encodeURIComponent(JSON.stringify({ campaignId: bacKan }))}`));
      await expect.poll(formOptions).toEqual(['Bằng khen của Chủ tịch UBND tỉnh']);
      await page.getByText('Các hình thức phong trào được khen', { exact: false }).waitFor();
      await screenshot(page, 'awards-09-standard-campaign-forms');

      // Another campaign picked on the page: the national plan lists no form.
      await page.getByLabel('Phong trào').fill(national.name);
      await page.getByRole('option', { name: national.name, exact: true }).click();
      const catalogue = (await gql(`{ awardForms { nameVi } }`)).data.awardForms.map((f: { nameVi: string }) => f.nameVi);
      await expect.poll(formOptions).toEqual(catalogue);
      await page.getByText('Phong trào chưa nêu hình thức nào: chọn trong toàn bộ danh mục').waitFor();
    });
  });

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
