import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createTestUser, signIn as signInByApi } from '../support/auth.js';
import { gql } from '../support/client.js';
import { consoleUrl, launch, openPage, release, signIn } from './browser.js';

/** The console when its session is revoked on the server: the next request answers 401 and it signs out. */
describe('console: a revoked session', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await openPage(browser, errors);
  });

  afterAll(async () => {
    await release(browser);
  });

  it('signs out at its next request once a system administrator locks the account, and cannot sign in again', async () => {
    const user = await createTestUser('console-locked', [{ role: 'UNIT_ADMIN', unitCode: '56' }]);
    await signIn(page, user.username, user.password);
    const token = await signInByApi(user.username, user.password);
    await page.goto(consoleUrl('units'));
    await page.locator('td.column-name').first().waitFor();

    const locked = await gql(
      `mutation($id: ID!, $v: Int!) { setUserActive(id: $id, active: false, expectedVersion: $v) { active } }`,
      { id: user.id, v: user.version },
      { token: await adminToken() },
    );
    expect(locked.data.setUserActive).toEqual({ active: false });
    // The hub refuses the account's tokens once its session cache (2 s) lets go of the old state; the console then signs out.
    await expect.poll(async () => (await gql(`{ me { username } }`, {}, { token })).status, { timeout: 10_000 }).toBe(401);
    await page.goto(consoleUrl('campaigns'));
    await page.locator('input[name="username"]').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ntm.auth'))).toBeNull();

    await page.locator('input[name="username"]').fill(user.username);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
