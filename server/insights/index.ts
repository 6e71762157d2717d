import type { SubgraphModule } from '../shared/subgraph-module.js';
import { InsightsResolver, UnitInsightsResolver } from './insights.resolver.js';
import { unitRef } from './insights.types.js';
import { Migration20261210000000_insights } from './migrations/Migration20261210000000_insights.js';
import { Migration20261212000000_insights_bulk } from './migrations/Migration20261212000000_insights_bulk.js';
import { Migration20270105000000_insights_coverage } from './migrations/Migration20270105000000_insights_coverage.js';
import { loadUnitTree, unitCountNow } from './unit-tree.js';
import { UnitYearSummary } from './summary.entity.js';
import { insightsExports } from './exports.js';

export { insightsExports };

/** So sánh và tiến độ — cross-locality comparisons and progress, from summaries kept by triggers on criteria's tables. */
export const insightsSubgraph: SubgraphModule = {
  name: 'insights',
  dbSchema: 'insights',
  entities: [UnitYearSummary],
  migrations: [
    { name: 'Migration20261210000000_insights', class: Migration20261210000000_insights },
    { name: 'Migration20261212000000_insights_bulk', class: Migration20261212000000_insights_bulk },
    { name: 'Migration20270105000000_insights_coverage', class: Migration20270105000000_insights_coverage },
  ],
  resolvers: [InsightsResolver, UnitInsightsResolver],
  referenceResolvers: { AdministrativeUnit: (reference) => unitRef(Number(reference.id)) },
  http: { path: '/exports', router: insightsExports },
  async seed(em, { peers, log }) {
    const started = Date.now();
    const loaded = await loadUnitTree(em, peers);
    log.info({ ...loaded, ms: Date.now() - started }, 'insights: unit tree loaded, summaries rebuilt');
  },
  // Units change rarely: on each start, reload the tree when the units API reports another number of units.
  async start(em, { peers, log }) {
    const [state] = await em.execute('SELECT units FROM insights.tree_state WHERE id = 1');
    if (state && Number(state.units) === (await unitCountNow(peers))) return;
    const loaded = await loadUnitTree(em, peers);
    log.info(loaded, 'insights: unit tree reloaded (units changed)');
  },
};
