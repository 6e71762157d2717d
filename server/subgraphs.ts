import type { SubgraphModule } from './shared/subgraph-module.js';
import { accountsSubgraph } from './accounts/index.js';
import { awardsSubgraph } from './awards/index.js';
import { campaignsSubgraph } from './campaigns/index.js';
import { criteriaSubgraph } from './criteria/index.js';
import { insightsSubgraph } from './insights/index.js';
import { unitsSubgraph } from './units/index.js';

/** The subgraphs bundled in this hub, in dependency order (a seed reads only earlier ones: see `seedsAfter`). */
export const bundledSubgraphs: SubgraphModule[] = [
  unitsSubgraph,
  accountsSubgraph,
  criteriaSubgraph,
  campaignsSubgraph,
  insightsSubgraph,
  awardsSubgraph,
];
