import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const graphqlMain = require.resolve('graphql');

// Workers and the hubs and processes tests start load the same modules again and again: Node keeps their compiled code
// on disk (as `npm start` does), which spares a part of each start.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'ntm-node-compile-cache');

const resolve = {
  // One graphql module (its CommonJS build) for our sources and the CommonJS Apollo packages alike.
  alias: [
    { find: /^graphql$/, replacement: graphqlMain },
    { find: /^graphql\/(.+?)(\.m?js)?$/, replacement: `${dirname(graphqlMain)}/$1.js` },
  ],
};

/** What every test file runs with, in either project below. */
const files = {
  setupFiles: ['tests/support/setup.ts'],
  testTimeout: 60_000,
  // Browser tests poll the page for what the server sends back: allow a loaded machine (CI runs on 2 cores).
  expect: { poll: { timeout: 15_000, interval: 100 } },
  hookTimeout: 180_000,
  pool: 'forks' as const,
  // tests/limits.test.ts collects garbage before it measures a request's memory.
  execArgv: ['--expose-gc'],
};
/** tests/limits.test.ts runs a hub in its own worker and measures that process's memory. */
const MEASURES_ITS_PROCESS = ['tests/limits.test.ts'];

export default defineConfig({
  resolve,
  test: {
    // Run once, in the root project, for both projects below (they inherit what it provides): a PostgreSQL holding a
    // seeded template, and each worker slot's database and hub.
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        resolve,
        test: {
          ...files,
          name: 'shared',
          include: ['tests/**/*.test.ts', 'server/**/*.spec.ts'],
          exclude: MEASURES_ITS_PROCESS,
          // A worker keeps the modules it loaded from one file to the next: loading the server, its ORM and GraphQL
          // again for each of some 70 files was a third of the workers' processor time. tests/support/setup.ts
          // closes and forgets, after each file, what support modules opened or cached.
          isolate: false,
        },
      },
      {
        resolve,
        test: { ...files, name: 'isolated', include: MEASURES_ITS_PROCESS, isolate: true },
      },
    ],
    // Files run side by side, each worker slot on its own hub and database cloned from one seeded template
    // (tests/support/global-setup.ts). Three on the 2-core CI machine: files spend much of their time waiting (processes
    // starting, PostgreSQL restarting, pages drawing), and a third worker fills it — 226 s against 274 s with two, and
    // 229 s with four (docs/benchmarks.md). NTM_TEST_WORKERS overrides.
    fileParallelism: true,
    maxWorkers: Number(process.env.NTM_TEST_WORKERS ?? 3),
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'tests/artifacts/junit.xml' },
  },
});
