import 'reflect-metadata';
import { afterAll, beforeEach } from 'vitest';
import { resetTestAccounts } from './auth.js';
import { closePool } from './db.js';
import { screenshotOnFailure } from './failures.js';

// Run before every test file: what a file opened through these support modules is closed after it and what it cached
// forgotten (tests/support/spec-context.ts closes its own token service, for the spec files that use it).
beforeEach(screenshotOnFailure);
afterAll(async () => {
  resetTestAccounts();
  await closePool();
});
