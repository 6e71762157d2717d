import { figuresContractProblem } from '../shared/figures-contract.js';
import type { SubgraphModule } from '../shared/subgraph-module.js';
import { InsightsResolver, UnitInsightsResolver } from './insights.resolver.js';
import { Migration20261210000000_insights } from './migrations/Migration20261210000000_insights.js';
import { Migration20261212000000_insights_bulk } from './migrations/Migration20261212000000_insights_bulk.js';
import { Migration20261213000000_insights_villages_lineage } from './migrations/Migration20261213000000_insights_villages_lineage.js';
import { Migration20270105000000_insights_coverage } from './migrations/Migration20270105000000_insights_coverage.js';
import { Migration20270112000000_insights_merge } from './migrations/Migration20270112000000_insights_merge.js';
import { Migration20270116000000_insights_figures_contract } from './migrations/Migration20270116000000_insights_figures_contract.js';
import { Migration20270121000000_insights_rebuild_writes_less } from './migrations/Migration20270121000000_insights_rebuild_writes_less.js';
import { Migration20270125000000_insights_rollup_less_work } from './migrations/Migration20270125000000_insights_rollup_less_work.js';
import { loadUnitTree, syncUnitTree } from './unit-tree.js';
import { UnitYearSummary } from './summary.entity.js';
import { insightsExports } from './exports.js';
import { unitRef } from './insights.reference.js';

export { insightsExports };

/** So sánh và tiến độ — cross-locality comparisons and progress, from summaries kept current through criteria's figures contract. */
export const insightsSubgraph: SubgraphModule = {
  name: 'insights',
  dbSchema: 'insights',
  // Everything insights stores is a copy or a computation of other subgraphs' audited records.
  unaudited: {
    unit: "derived: copy of the units subgraph's tree",
    unit_lineage: "derived: copy of the units subgraph's lineage",
    tree_state: 'derived: which units revision the copy has reached',
    fact: "derived: figures computed from criteria's contract",
    rollup: 'derived: figures rolled up the tree',
    summary: 'derived: per unit and year summaries',
  },
  entities: [UnitYearSummary],
  // Its functions read criteria's figures contract (criteria.unit_year_figures_v1).
  migratesAfter: ['criteria'],
  migrations: [
    { name: 'Migration20261210000000_insights', class: Migration20261210000000_insights },
    { name: 'Migration20261212000000_insights_bulk', class: Migration20261212000000_insights_bulk },
    { name: 'Migration20261213000000_insights_villages_lineage', class: Migration20261213000000_insights_villages_lineage },
    { name: 'Migration20270105000000_insights_coverage', class: Migration20270105000000_insights_coverage },
    { name: 'Migration20270112000000_insights_merge', class: Migration20270112000000_insights_merge },
    { name: 'Migration20270116000000_insights_figures_contract', class: Migration20270116000000_insights_figures_contract },
    { name: 'Migration20270121000000_insights_rebuild_writes_less', class: Migration20270121000000_insights_rebuild_writes_less },
    { name: 'Migration20270125000000_insights_rollup_less_work', class: Migration20270125000000_insights_rollup_less_work },
  ],
  resolvers: [InsightsResolver, UnitInsightsResolver],
  referenceResolvers: { AdministrativeUnit: (reference) => unitRef(Number(reference.id)) },
  http: { path: '/exports', router: insightsExports },
  // The units' tree is copied and rolled up while criteria seeds; the figures wait for criteria's records.
  seedsAfter: ['units'],
  async seed(em, { peers, log, seeded }) {
    const started = Date.now();
    const loaded = await loadUnitTree(em, peers, seeded('criteria'));
    log.info({ ...loaded, ms: Date.now() - started }, 'insights: unit tree loaded, summaries rebuilt');
  },
  // The copy follows the units subgraph's revision: on each start (and before each read) only what changed is applied.
  async start(em, { peers, log }) {
    const contract = await figuresContractProblem((sql) => em.execute(sql));
    if (contract) throw new Error(`insights cannot read criteria's figures: ${contract}`);
    const started = Date.now();
    const synced = await syncUnitTree(em, peers);
    if (synced) log.info({ ...synced, ms: Date.now() - started }, 'insights: unit tree brought up to date');
  },
};
