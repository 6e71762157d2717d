/**
 * `npm run seed:national`: the synthetic national dataset for the insights benchmark, in its own embedded
 * PostgreSQL (BENCH_DATA_DIR, default .data/national; port BENCH_PG_PORT, default 54392). Starts the hub in this
 * process (migrations, units, criteria sets and the seed plans with their targets), then writes assessments
 * 2021–2025 × 19 criteria for every rural commune of the country (criteria's `generateDemoAssessments`, replacing
 * earlier synthetic rows, so it can be re-run).
 *
 * Bulk mode: the transaction sets `insights.bulk = 'on'`, which insights' subscriber to criteria's change feed honours
 * (they skip their per-statement work), and rebuilds the summaries set-based once at the end with
 * `insights.rebuild(…)` IN THE SAME TRANSACTION — the figures are exact when it commits and no reader sees stale ones.
 */
import 'reflect-metadata';
import { startHub } from '../hub.js';
import { readConfig } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import { projectPath } from '../shared/project.js';
import { UnitDirectory } from '../shared/unit-directory.js';
import { generateDemoAssessments, type DemoSummary } from '../criteria/demo-assessments.js';
import { FIRST_YEAR, LAST_YEAR } from '../insights/unit-tree.js';

const NATIONAL_DATA_DIR = process.env.BENCH_DATA_DIR ?? projectPath('.data', 'national');
const NATIONAL_PG_PORT = process.env.BENCH_PG_PORT ?? '54392';

const started = Date.now();
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
// Bulk loading runs statements longer than a request's.
const config = {
  ...readConfig(
    {
      ...process.env,
      NTM_DEMO: '0',
      NTM_DATA_DIR: NATIONAL_DATA_DIR,
      NTM_PG_PORT: NATIONAL_PG_PORT,
      NTM_DB_STATEMENT_TIMEOUT_MS: '0',
      NTM_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
    },
    [],
  ),
  port: 0,
  host: '127.0.0.1',
};
const hub = await startHub(config, log);
const hubMs = Date.now() - started;
try {
  const units = new UnitDirectory(async (query, variables) => {
    const response = await fetch(`${hub.url}/subgraphs/units/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as any;
  });
  let rebuildMs = 0;
  const summary: DemoSummary = await hub.orms
    .get('criteria')!
    .em.fork()
    .transactional(async (tx) => {
      await tx.execute(`SET LOCAL insights.bulk = 'on'`);
      const generated = await generateDemoAssessments(tx, { units });
      const rebuilding = Date.now();
      await tx.execute(`SET LOCAL insights.bulk = 'off'`);
      await tx.execute('SELECT insights.rebuild(?, ?)', [FIRST_YEAR, LAST_YEAR]);
      rebuildMs = Date.now() - rebuilding;
      return generated;
    });
  const [targets] = await hub.orms.get('campaigns')!.em.fork().execute('SELECT count(*)::int AS n FROM campaigns.target');
  console.log(JSON.stringify({ ...summary, targets: targets.n, hubMs, rebuildMs, totalMs: Date.now() - started }));
} finally {
  await hub.stop();
}
