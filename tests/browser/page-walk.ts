import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as login } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, expectReadable, launch, openPage, release, shot, signIn, watch } from './browser.js';

/** The sizes and languages every page is walked at, each a test file of its own (pages-*.test.ts) so they run side by side. */
const SIZES = {
  desktop: { width: 1440, height: 900, language: 'vi' },
  phone: { width: 390, height: 844, language: 'vi' },
  'desktop-en': { width: 1440, height: 900, language: 'en' },
} as const;
export type Size = keyof typeof SIZES;
/** The Khánh Hòa commune (by code order) whose draft nomination each walk shows: one each, so walks on one database never clash. */
const SUBJECT: Record<Size, number> = { desktop: 48, phone: 49, 'desktop-en': 50 };

/**
 * Every page of the console as the Khánh Hòa administrator sees it, signed in through the form, at one size: on the
 * desktop and on a phone in Vietnamese, and on the desktop in English. A page must draw, a list show records or its
 * empty state (a simple list on the phone), nothing scroll sideways, and no text be unreadable.
 */
export function walkEveryPage(size: Size): void {
  const { width, height, language } = SIZES[size];
  describe(`every page at ${width}×${height}${language === 'en' ? ' in English' : ''}`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await release(browser);
    });

    it(`draws each page${size === 'phone' ? ', with nothing scrolling sideways,' : ''} and shows only readable text`, async () => {
      const ids = await gql(`{ units(filter: { search: "khanh hoa", level: PROVINCE }) { nodes { id } }
        campaigns(limit: 100) { nodes { id key } }
        criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } }
        assessments(filter: { withinCode: "56", year: 2024, asOf: "2024-06-30" }, limit: 1) { nodes { id } }
        awardStandardList(limit: 1) { nodes { id } } }`);
      const admin = await login('khanhhoa.admin', 'demo-khanhhoa');
      const kh = ids.data.campaigns.nodes.find((c: { key: string }) => c.key === 'khanh-hoa-2021-2025').id;
      // A nomination to show: a draft of a Khánh Hòa commune this test proposes.
      const standards = await gql('query($c: ID!) { awardStandards(campaignId: $c) { id key } }', { c: kh });
      const communes = await gql(
        '{ units(filter: { withinCode: "56", level: COMMUNE, kind: COMMUNE, asOf: "2022-06-30" }, limit: 100, orderBy: CODE) { nodes { code } } }',
      );
      const draft = await gql(
        'mutation($i: CreateNominationInput!) { createNomination(input: $i) { id } }',
        {
          i: {
            standardId: standards.data.awardStandards.find((x: { key: string }) => x.key === 'khanh-hoa-commune').id,
            subject: { unitCode: communes.data.units.nodes[SUBJECT[size]].code, asOf: '2022-06-30' },
            year: 2022,
            proposingUnitCode: '56',
            formCode: 'PROVINCE_CERTIFICATE',
          },
        },
        { token: admin },
      );
      expect(draft.errors).toBeUndefined();
      const nomination = draft.data.createNomination;
      const pages: [string, string][] = [
        ['dashboard', ''],
        ['units', 'units'],
        ['unit', `units/${ids.data.units.nodes[0].id}/show`],
        ['campaigns', 'campaigns'],
        ['campaign', `campaigns/${kh}/show`],
        ['targets', 'targets'],
        ['targets-grid', `targets/grid?campaign=${kh}&metric=COMMUNES_NTM`],
        ['criteria-sets', 'criteriaSets'],
        ['criteria-set', `criteriaSets/${ids.data.criteriaSets.nodes[0].id}/show`],
        ['assessments', 'assessments'],
        ['assessment', `assessments/${ids.data.assessments.nodes[0].id}/show`],
        ['assessment-entry', 'assessments/create'],
        ['recognitions', 'recognitions'],
        ['award-forms', 'awardForms'],
        ['award-standards', 'awardStandards'],
        ['award-standard', `awardStandards/${ids.data.awardStandardList.nodes[0].id}/show`],
        ['eligibility', 'eligibility'],
        ['contributions', 'contributions'],
        ['contribution-new', 'contributions/create'],
        ['nominations', 'nominations'],
        ['nomination', `nominations/${nomination.id}/show`],
        ['awards', 'awards'],
        ['compare', 'compare'],
        ['progress', 'progress'],
        ['audit-log', 'auditLog'],
        ['accounts', 'users'],
        ['reorganisations', 'reorganisations'],
      ];
      /** The resource lists: a table on the desktop, a simple list (or its empty state) on the phone. */
      const lists = new Set([
        'units',
        'campaigns',
        'targets',
        'criteria-sets',
        'assessments',
        'recognitions',
        'award-forms',
        'award-standards',
        'contributions',
        'nominations',
        'awards',
        'audit-log',
        'accounts',
        'reorganisations',
      ]);
      // Accounts other test files made on this database are listed under their (dotted) names: data, not keys.
      const usernames: string[] = [];
      for (let offset = 0, total = 1; offset < total; offset += 500) {
        const users = await gql(
          'query($o: Int) { users(limit: 500, offset: $o) { totalCount nodes { username } } }',
          { o: offset },
          { token: admin },
        );
        expect(users.errors).toBeUndefined();
        total = users.data.users.totalCount;
        usernames.push(...users.data.users.nodes.map((u: { username: string }) => u.username));
      }
      const failures: string[] = [];
      const page = await openPage(browser, [], { width, height });
      const problems = watch(page);
      await signIn(page, 'khanhhoa.admin', 'demo-khanhhoa');
      if (language === 'en') {
        await page.getByRole('button', { name: /Tiếng Việt/i }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await page.getByRole('menuitem', { name: 'Campaigns' }).waitFor();
      }
      for (const [name, route] of pages) {
        await page.goto(consoleUrl(route));
        // A page's chunk may arrive after the network first falls idle: wait until it draws something of its own.
        await page
          .waitForFunction(() => (document.getElementById('main-content')?.innerText.trim().length ?? 0) > 20, undefined, {
            timeout: 15_000,
          })
          .catch(() => failures.push(`${name}-${size}: the page drew nothing`));
        // Loading shows as react-admin's indicator or an indeterminate bar; a determinate bar is a figure (the
        // dashboard's share of each target) and stays.
        await page
          .locator('.RaLoadingIndicator-loader, .MuiLinearProgress-indeterminate')
          .first()
          .waitFor({ state: 'detached', timeout: 5_000 })
          .catch(() => undefined);
        // Then its data: the text read below is the page as loaded.
        await page.waitForLoadState('networkidle');
        if (lists.has(name)) {
          const shown = page.locator(
            size === 'phone'
              ? '[data-testid="phone-list"] li[data-record], [data-testid="list-empty"]'
              : 'tr[data-openable], [data-testid="list-empty"]',
          );
          await shown
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(() => failures.push(`${name}-${size}: neither records nor an empty state`));
          if (size === 'phone' && (await page.locator('.RaList-main table').count()))
            failures.push(`${name}-phone: a table rather than a simple list`);
        }
        // A title longer than the app bar leaves room for is cut with an ellipsis, inside its slot.
        const title = await page.evaluate(() => {
          const slot = document.getElementById('react-admin-title');
          const text = slot?.firstElementChild;
          if (!slot || !text || text.scrollWidth <= slot.clientWidth) return 'fits';
          const within = text.getBoundingClientRect().width <= slot.getBoundingClientRect().width + 1;
          return within && getComputedStyle(text).textOverflow === 'ellipsis' ? 'cut with an ellipsis' : `cut short: "${text.textContent}"`;
        });
        if (title.startsWith('cut short')) failures.push(`${name}-${size}: the title is ${title}`);
        await shot(page, `page-${name}-${size}`).catch((error: Error) => failures.push(error.message));
        await expectReadable(page, language, usernames).catch((error: Error) => failures.push(`${name}-${size}: ${error.message}`));
      }
      expect(problems).toEqual([]);
      await page.context().close();
      expect(failures).toEqual([]);
    }, 600_000);
  });
}
