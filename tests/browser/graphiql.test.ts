import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../server/gateway/examples.js';
import { launch, openPage, release, screenshot } from './browser.js';
import { hubUrl } from '../support/hub.js';

/**
 * GraphiQL in Chromium with every request to another host refused (as on a government network without internet):
 * it loads, opens the example tabs, browses the documentation explorer and runs an example — asking nothing of any
 * other address.
 */
describe('GraphiQL in a browser without internet', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await openPage(browser, errors);
    const hub = new URL(hubUrl());
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'blob:' || url.protocol === 'data:' || url.host === hub.host) return route.continue();
      elsewhere.push(url.href);
      return route.abort();
    });
  });
  afterAll(async () => {
    await release(browser);
  });

  it('opens with the example tabs, browses the schema and runs the first example', async () => {
    await page.goto(`${hubUrl()}/graphql`);
    await page.locator('.graphiql-container').first().waitFor();
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(EXAMPLES.length);
    expect(await page.locator('.graphiql-tab').first().innerText()).toContain('CompareProvinces');

    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByText('Query', { exact: true }).first().click();
    await expect.poll(() => explorer.innerText()).toMatch(/compare[^]*progress/);

    await page.locator('button.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('unitCount');
    expect(await page.locator('.graphiql-response').innerText()).toContain('Tỉnh');
    await screenshot(page, '90-graphiql');

    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
});
