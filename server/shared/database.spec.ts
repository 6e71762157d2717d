import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './database.js';
import { createLogger } from './logger.js';
import { projectPath } from './project.js';

const DATA_DIR = projectPath('.data', `spec-postgres-${process.pid}`);

afterAll(() => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  rmSync(`${DATA_DIR}.secret`, { force: true });
});

describe('startEmbeddedPostgres', () => {
  it('says why PostgreSQL did not start, with its own words, when the port is taken', async () => {
    // Something else holds the port (as an outgoing connection or a `listen(0)` server may, in Linux's ephemeral range).
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const started = startEmbeddedPostgres({ dataDir: DATA_DIR, port, databaseName: 'postgres' }, createLogger('silent'));
      await expect(started).rejects.toThrow(new RegExp(`PostgreSQL did not start on port ${port} .*(in use|could not (bind|create))`, 'i'));
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 60_000);
});
