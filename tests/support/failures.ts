import type { Browser } from 'playwright-core';
import type { TestContext } from 'vitest';
import { projectPath } from '../../server/shared/project.js';

export const SCREENSHOTS = projectPath('tests', 'artifacts', 'screenshots');
/** Browsers the running file launched (tests/browser/browser.ts adds them): a failing test screenshots their open pages. */
export const launched = new Set<Browser>();

/** What the page looked like when a test failed, for each page still open (tests/artifacts/screenshots/FAILED-*). */
export function screenshotOnFailure({ task, onTestFailed }: TestContext): void {
  onTestFailed(async () => {
    const pages = [...launched].filter((b) => b.isConnected()).flatMap((b) => b.contexts().flatMap((c) => c.pages()));
    const name = `FAILED-${task.file.name.replace(/\W+/g, '-')}-${task.name.replace(/\W+/g, '-').slice(0, 80)}`;
    await Promise.all(
      pages.map((page, i) =>
        page
          .screenshot({ path: `${SCREENSHOTS}/${name}${pages.length > 1 ? `-${i + 1}` : ''}.png`, fullPage: true, timeout: 10_000 })
          .catch(() => undefined),
      ),
    );
  });
}
