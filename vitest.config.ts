import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module for our sources and the CommonJS Apollo packages alike.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['tests/**/*.test.ts', 'server/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'tests/artifacts/junit.xml' },
  },
});
