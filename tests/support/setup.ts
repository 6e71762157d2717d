import 'reflect-metadata';
import { afterAll, beforeEach } from 'vitest';
import { resetTestAccounts } from './auth.js';
import { closePool } from './db.js';
import { screenshotOnFailure } from './failures.js';
import { closeSpecAuth } from './spec-context.js';

// Run before every test file. Whether or not a worker keeps its modules from one file to the next (vitest `isolate`),
// what a file opened is closed after it and what it cached forgotten.
beforeEach(screenshotOnFailure);
afterAll(async () => {
  resetTestAccounts();
  await closePool();
  await closeSpecAuth();
});
