import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const graphqlMain = require.resolve('graphql');

// Workers and the hubs and processes tests start load the same modules again and again: Node keeps their compiled code
// on disk (as `npm start` does), which spares a part of each start.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'ntm-node-compile-cache');

export default defineConfig({
  resolve: {
    // One graphql module (its CommonJS build) for our sources and the CommonJS Apollo packages alike.
    alias: [
      { find: /^graphql$/, replacement: graphqlMain },
      { find: /^graphql\/(.+?)(\.m?js)?$/, replacement: `${dirname(graphqlMain)}/$1.js` },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'server/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 60_000,
    // Browser tests poll the page for what the server sends back: allow a loaded machine (CI runs on 2 cores).
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 180_000,
    pool: 'forks',
    // Each file in a fresh module graph: sharing one worker's modules between files (isolate: false) imported the
    // server once per worker, but the memory limits (tests/limits.test.ts) then measured what earlier files left.
    // tests/support/setup.ts still closes and forgets, after each file, what support modules opened or cached.
    isolate: true,
    // tests/limits.test.ts collects garbage before it measures a request's memory.
    execArgv: ['--expose-gc'],
    // Files run side by side, each worker slot on its own hub and database cloned from one seeded template
    // (tests/support/global-setup.ts). Two workers suit the 2-core CI machine; NTM_TEST_WORKERS overrides.
    fileParallelism: true,
    maxWorkers: Number(process.env.NTM_TEST_WORKERS ?? 2),
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'tests/artifacts/junit.xml' },
  },
});
