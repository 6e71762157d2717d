import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort, startDeploymentProcess } from '../server/tools/split-deployment.js';
import { projectPath } from '../server/shared/project.js';
import { gql } from './support/client.js';
import { databaseUrl } from './support/hub.js';

/**
 * Two processes of one subgraph (`--only units`, as the split deployment runs it) starting at once on a new database:
 * apart from tests/split.test.ts, which starts the whole deployment once for its file, so the two run side by side.
 */
describe('start-up on a fresh database', () => {
  it('seeds once when two processes of one subgraph start at the same moment', async () => {
    const name = `ntm_split_start_${Date.now().toString(36)}`;
    const server = new URL(databaseUrl());
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    server.pathname = `/${name}`;
    try {
      const [a, b] = await Promise.all([freePort(), freePort()]);
      const env = { DATABASE_URL: server.toString(), NTM_DEMO: '0', NTM_INTERNAL_SECRET: 'start-up', LOG_LEVEL: 'warn' };
      const args = [projectPath('dist', 'server', 'main.js'), '--only', 'units'];
      const processes = await Promise.all([
        startDeploymentProcess('units', args, `http://127.0.0.1:${a}`, { ...env, PORT: String(a), HOST: '127.0.0.1' }),
        startDeploymentProcess('units#2', args, `http://127.0.0.1:${b}`, { ...env, PORT: String(b), HOST: '127.0.0.1' }),
      ]);
      const fresh = new pg.Client({ connectionString: server.toString() });
      await fresh.connect();
      try {
        const counts =
          await fresh.query(`SELECT (SELECT count(*)::int FROM units.unit) AS units, (SELECT count(*)::int FROM public.ntm_seed_log) AS seeded,
          (SELECT count(*)::int FROM units.mikro_orm_migrations) AS migrations, (SELECT count(DISTINCT name)::int FROM units.mikro_orm_migrations) AS distinct_migrations`);
        expect(counts.rows[0]).toMatchObject({ units: 14151, seeded: 1 });
        expect(counts.rows[0].migrations).toBe(counts.rows[0].distinct_migrations);
      } finally {
        await fresh.end();
      }
      for (const p of processes) {
        const answer = await gql(`{ units(filter: { level: PROVINCE }) { totalCount } }`, {}, { url: `${p.url}/subgraphs/units/graphql` });
        expect(answer.data).toEqual({ units: { totalCount: 34 } });
      }
      expect(await Promise.all(processes.map((p) => p.stop()))).toEqual([0, 0]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
    // Two processes migrate and seed a new database (14,151 units) beside other test files on a loaded machine.
  }, 180_000);
});
