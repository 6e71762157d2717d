import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expectReadable, launch, openPage, release, signIn, watch } from './browser.js';

/** Picks a unit in a picker: types part of its name without accents, then chooses the option with that code. */
export async function pick(page: Page, testId: string, typed: string, code: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.fill(typed);
  await page.locator(`li[data-code="${code}"]`).first().click();
}

/**
 * A first-time user's page: signed out in a context of its own, signed in through the form, the dashboard drawn and
 * readable; `problems` collects page and console errors.
 */
export async function startAs(browser: Browser, username: string, password: string): Promise<{ page: Page; problems: string[] }> {
  const page = await openPage(browser, []);
  const problems = watch(page);
  await signIn(page, username, password);
  await page.getByTestId('dashboard-ready').waitFor();
  await expectReadable(page);
  return { page, problems };
}

/**
 * For a describe block of stories: the worker's browser, launched before its tests and released after them, and how
 * each story starts its user's page (`startAs`).
 */
export function firstTimeUsers(): (username: string, password: string) => Promise<{ page: Page; problems: string[] }> {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await release(browser);
  });
  return (username, password) => startAs(browser, username, password);
}
