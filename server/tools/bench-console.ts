/**
 * `npm run bench:console`: the console as a first-time visitor meets it, on the built console served by a started
 * hub (demo profile, `dist/server/main.js` as `npm start` runs it), in headless Chromium (`playwright-core`, Debian's
 * `/usr/bin/chromium` or NTM_CHROMIUM). Per run, in a fresh browser context (empty cache): time from navigation to
 * the sign-in form, the JavaScript transferred until then (as sent — brotli — and as gzip would send it), time from
 * pressing "Đăng nhập" to the dashboard's figures, and the JavaScript that took; then a second visit in the same
 * context (cached assets). BENCH_CONSOLE_RUNS (default 5) runs; medians and the worst run go to docs/benchmarks.md
 * (section `console`).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { projectPath } from '../shared/project.js';
import { machineDescription, startHubProcess, writeBenchmarkSection } from './bench-support.js';

const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 5);
const CHROMIUM = process.env.NTM_CHROMIUM ?? '/usr/bin/chromium';
const ACCOUNT = { username: 'khanhhoa.admin', password: 'demo-khanhhoa' };
/** What the dashboard shows once its figures have arrived. */
const DASHBOARD_READY = '[data-testid="dashboard-ready"]';

if (!existsSync(projectPath('admin', 'dist', 'index.html')))
  throw new Error('The console is not built: run `npm run build` first (npm run bench:console does).');
if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set NTM_CHROMIUM.`);

interface Transfer {
  url: string;
  bytes: number;
}

/** JavaScript responses finished on the page so far, with their size on the wire (encoded body). */
function recordScripts(page: Page): Transfer[] {
  const scripts: Transfer[] = [];
  page.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'script') return;
    // A script read from the browser's cache has no body on the wire (the size is then reported as -1 or 0).
    const sizes = await request.sizes();
    if (sizes.responseBodySize > 0) scripts.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  return scripts;
}

/** What the same files weigh when the hub sends them gzip-compressed (a browser that does not accept brotli). */
async function gzipBytes(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    if (response.headers.get('content-encoding') !== 'gzip') throw new Error(`${url} was not sent gzip-compressed`);
    total += Number(response.headers.get('content-length'));
  }
  return total;
}

const sum = (items: Transfer[]) => items.reduce((total, item) => total + item.bytes, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const hub = await startHubProcess({
  PORT: '0',
  NTM_DATA_DIR: process.env.BENCH_CONSOLE_DATA_DIR ?? projectPath('.data', 'bench-console'),
  NTM_PG_PORT: process.env.BENCH_PG_PORT ?? '54393',
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const runs: { form: number; formJs: Transfer[]; signIn: number; signInJs: Transfer[]; warmForm: number; warmJs: Transfer[] }[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(`${hub.url}/admin/`);
    await page.locator('input[name="username"]').waitFor();
    // Milliseconds since navigation started, by the page's own clock.
    const form = await page.evaluate(() => performance.now());
    const formJs = [...scripts];
    await page.locator('input[name="username"]').fill(ACCOUNT.username);
    await page.locator('input[name="password"]').fill(ACCOUNT.password);
    const pressed = await page.evaluate(() => performance.now());
    await page.locator('button[type="submit"]').click();
    await page.locator(DASHBOARD_READY).waitFor({ timeout: 60_000 });
    const signIn = (await page.evaluate(() => performance.now())) - pressed;
    await page.waitForLoadState('networkidle');
    const signInJs = scripts.slice(formJs.length);
    // A second visit: the hashed assets come from the browser's cache.
    const warmPage = await context.newPage();
    const warmJs = recordScripts(warmPage);
    await warmPage.goto(`${hub.url}/admin/`);
    await warmPage.locator(DASHBOARD_READY).waitFor({ timeout: 60_000 });
    const warmForm = await warmPage.evaluate(() => performance.now());
    runs.push({ form, formJs, signIn, signInJs, warmForm, warmJs: [...warmJs] });
    await context.close();
    console.log(
      `run ${run + 1}: sign-in form ${ms(form)}, ${kB(sum(formJs))} JS; sign-in → dashboard ${ms(signIn)}, +${kB(sum(signInJs))} JS; warm visit ${ms(warmForm)}, ${kB(sum(warmJs))} JS from the network`,
    );
  }
  const formGzip = await gzipBytes(runs[0].formJs.map((s) => s.url));
  const dashboardGzip = await gzipBytes(runs[0].signInJs.map((s) => s.url));
  const forms = runs.map((r) => r.form);
  const signIns = runs.map((r) => r.signIn);
  const warm = runs.map((r) => r.warmForm);
  writeBenchmarkSection(
    'console',
    `
## Console: first visit (\`npm run bench:console\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()} (load average before the run ${load}); the built console served by a hub process (\`dist/server/main.js\`, demo profile, embedded PostgreSQL), headless Chromium at 1440×900, ${RUNS} runs each in a fresh browser context (empty cache), signing in as \`${ACCOUNT.username}\`.

| what | median | worst |
| --- | --- | --- |
| cold load: navigation → sign-in form shown | ${ms(median(forms))} | ${ms(Math.max(...forms))} |
| sign-in: "Đăng nhập" pressed → dashboard figures shown | ${ms(median(signIns))} | ${ms(Math.max(...signIns))} |
| second visit, signed in (assets from the cache): navigation → dashboard figures | ${ms(median(warm))} | ${ms(Math.max(...warm))} |

| JavaScript | files | brotli (as Chromium receives it) | gzip (same files) |
| --- | --- | --- | --- |
| before the sign-in form (initial) | ${runs[0].formJs.length} | ${kB(sum(runs[0].formJs))} | ${kB(formGzip)} |
| loaded after signing in, up to the dashboard | ${runs[0].signInJs.length} | ${kB(sum(runs[0].signInJs))} | ${kB(dashboardGzip)} |
| second visit, from the network | ${runs[0].warmJs.length} | ${kB(sum(runs[0].warmJs))} | — |

Goals: sign-in form within 2 s on a quiet machine; initial JavaScript ≤ 250 kB compressed. Every other page and the charts are separate chunks loaded when first opened.
`,
  );
  console.log('docs/benchmarks.md updated (section console)');
} finally {
  await browser.close();
  await hub.stop();
}
