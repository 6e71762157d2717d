import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProcess } from './support/process.js';

/**
 * The hub's first start on a machine, as `npm start` does it: no DATABASE_URL, so it initialises its embedded
 * PostgreSQL, migrates and seeds; a second start keeps what the first wrote. A file of its own (not in
 * tests/process.test.ts): the longest test of the suite then runs beside the drain test instead of after it.
 */
describe('the hub process on its own PostgreSQL', () => {
  it('runs on its embedded PostgreSQL, seeded on first start, and keeps the data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ntm-process-'));
    const env = {
      NTM_DATA_DIR: join(dataDir, 'postgres'),
      NTM_PG_PORT: process.env.NTM_PROCESS_PG_PORT ?? '25397',
      NTM_ADMIN_USERNAME: 'boss',
      NTM_ADMIN_PASSWORD: 'boss-password-1',
    };
    const call = async (url: string, query: string, token?: string) =>
      (await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        })
      ).json()) as any;
    try {
      const first = startProcess(env);
      const url1 = await first.url;
      expect((await call(url1, '{ units(filter: { level: PROVINCE }) { totalCount } }')).data.units.totalCount).toBe(34);
      const { token } = (await call(url1, 'mutation { login(username: "boss", password: "boss-password-1") { token } }')).data.login;
      const written = await call(
        url1,
        'mutation { setUnitClassification(input: { unitCode: "56", scheme: COASTAL, source: "kept" }) { id } }',
        token,
      );
      expect(written.errors).toBeUndefined();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = startProcess(env);
      const url2 = await second.url;
      expect(second.output()).not.toContain('seeded administrative units');
      const read = await call(url2, '{ unit(code: "56") { classifications { code source } } }');
      expect(read.data.unit.classifications).toContainEqual({ code: 'COASTAL', source: 'kept' });
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A new cluster: initdb, migrations and seeds of 10,035 units, twice a start and a stop, beside other test files.
  }, 240_000);
});
