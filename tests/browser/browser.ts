import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectPath } from '../../server/shared/project.js';
import '../support/provided-context.js';
import { launched, SCREENSHOTS } from '../support/failures.js';

export { SCREENSHOTS };
import { hubUrl } from '../support/hub.js';

/**
 * The browser NTM_CHROMIUM names, else Debian's Chromium headless shell (`apt-get install -y chromium-headless-shell`),
 * else Debian's Chromium. The shell draws the same pages with Chromium's engine without the browser's own UI layers:
 * it took about a quarter less processor time over the stories and the console tour.
 */
export const CHROMIUM =
  process.env.NTM_CHROMIUM ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';
/** `npm run screenshots` (NTM_SCREENSHOTS=1) saves every named step for the docs; the suite only saves failures. */
const DOCS_SCREENSHOTS = process.env.NTM_SCREENSHOTS === '1';
/** Chromium honours --lang only for a UI locale it ships (Debian: the chromium-l10n package); its headless shell always. */
const CHROMIUM_HAS_VI = existsSync('/usr/lib/chromium/locales/vi.pak') || CHROMIUM !== '/usr/bin/chromium';

/**
 * This worker's headless Chromium, launched by the first browser test file it runs: files on one worker run one after
 * another and share their modules (vitest.config.ts), so they share one browser too, each in contexts of its own that
 * `release` closes after it. Without Chromium the browser tests fail (they are not skipped) and say how to install it.
 */
let shared: Browser | undefined;
export async function launch(): Promise<Browser> {
  if (shared?.isConnected()) return shared;
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: the console's browser tests need one. Install it with \`apt-get install -y chromium-headless-shell\` (Debian/Ubuntu), or set NTM_CHROMIUM to a Chromium binary.`,
    );
  }
  if (!existsSync(projectPath('admin', 'dist', 'index.html'))) {
    throw new Error('The console is not built (admin/dist): run `npm run build:admin` (npm test does it in pretest).');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (!CHROMIUM_HAS_VI) {
    console.warn(
      'Chromium has no Vietnamese locale (chromium-l10n): --lang=vi-VN falls back to en-US and date inputs show mm/dd/yyyy. Install it with `apt-get install -y chromium-l10n`.',
    );
  }
  // --lang: the browser's own UI locale, which native date inputs follow (dd/mm/yyyy rather than mm/dd/yyyy).
  shared = await chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LANGUAGE: 'vi' },
    args: [
      '--lang=vi-VN',
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const browser = shared;
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  return browser;
}

/** What a file opened in the shared browser (its contexts and their pages), closed when the file is done. */
export async function release(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

/**
 * Animations and transitions run to their end at once: the pages are the same, but software rendering of spinners,
 * ripples and sliding drawers was most of the processor time of the browser tests.
 */
const NO_MOTION = `*, *::before, *::after { animation-duration: 0s !important; animation-delay: 0s !important;
  animation-iteration-count: 1 !important; transition-duration: 0s !important; transition-delay: 0s !important; }`;

/** A page in a context of its own, in Vietnamese, waiting up to 20 s by default; uncaught page errors go to `errors`. */
export async function openPage(browser: Browser, errors: string[], viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN', reducedMotion: 'reduce' });
  await page.addInitScript((css) => {
    const style = document.createElement('style');
    style.textContent = css;
    if (document.documentElement) document.documentElement.append(style);
    else document.addEventListener('DOMContentLoaded', () => document.head.append(style));
  }, NO_MOTION);
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** The console's URL for a route (hash routing), e.g. `consoleUrl(`campaigns/${id}/show`)`. */
export const consoleUrl = (route = '') => `${hubUrl()}/admin/${route ? `#/${route}` : ''}`;

/**
 * A named step worth a picture in the docs: saved by `npm run screenshots` only (once the page is quiet), since the
 * suite asserts what a page shows through waiting locators and saves a picture when a test fails.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!DOCS_SCREENSHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(consoleUrl());
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByText('Xin chào').waitFor();
}

/** i18n keys left untranslated (the console's namespaces, and the generic "word.word" shape), raw API codes, "||||" plural forms. */
const KEY = /\b(?:ra|app|resources|enums|insights|audit|awards)\.[A-Za-z_.]+/g;
const DOTTED = /\b[a-z]+\.[a-z_.]+\b/g;
const RAW_CODE = /(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])/g;
const RAW_WORD =
  /(?<![\w-])(?:ADVANCED|MODEL|ANY|PROVINCE|DISTRICT|PERCENT|GTE|DRAFT|SUBMITTED|APPRAISED|DECIDED|RETURNED|NATION|CREATE|UPDATE|DELETE)(?![\w-])/g;
/** English that react-admin or MUI would show in Vietnamese mode when a message is missing. */
const ENGLISH = /No options|\b\d+[–-]\d+ of \d+\b|Predecessors|Successors|\bId\b|Rows per page/g;
/** Demo user names are dotted words too: they are data, not keys. */
const USER_NAMES = new Set(['khanhhoa.admin', 'khanhhoa.council', 'quangnam.admin', 'backan.assessor']);

/** Collects what a story must never produce: uncaught page errors and console errors. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/**
 * Fails on text a person should not read: untranslated keys, raw codes, "||||", English in Vietnamese mode. `data`:
 * strings the page may show as they are (user names other test files made, such as `reorg.x1y2`).
 */
export async function expectReadable(page: Page, language: 'vi' | 'en' = 'vi', data: readonly string[] = []): Promise<void> {
  // innerText follows CSS text-transform: a button's "Create" reads "CREATE", like a raw code. Read the text as written.
  const text = await page.evaluate(() => {
    const asWritten = document.createElement('style');
    asWritten.textContent = '* { text-transform: none !important; }';
    document.head.appendChild(asWritten);
    try {
      return document.body.innerText;
    } finally {
      asWritten.remove();
    }
  });
  const found = [
    ...(text.match(KEY) ?? []),
    ...(text.match(DOTTED) ?? []).filter((m) => !USER_NAMES.has(m) && !data.some((d) => d.startsWith(m))),
    ...(text.match(RAW_CODE) ?? []),
    ...(text.match(RAW_WORD) ?? []),
    ...(text.includes('||||') ? ['||||'] : []),
    ...(language === 'vi' ? (text.match(ENGLISH) ?? []) : []),
  ];
  if (found.length) throw new Error(`unreadable text on ${page.url()}: ${[...new Set(found)].join(', ')}`);
}

/** At the current size nothing may scroll sideways (the phone width above all); a screenshot for the docs. */
export async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const { width, scrollWidth } = await page.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  if (scrollWidth > width) throw new Error(`${name}: the page is ${scrollWidth} px wide at ${width} px (${page.url()})`);
}
