import type { SubgraphModule } from '../shared/subgraph-module.js';
import { AdministrativeUnitRef } from './campaigns.reference.js';
import { CampaignFieldsResolver } from './campaign.fields.resolver.js';
import { Campaign } from './campaign.entity.js';
import { resolveCampaignReference, resolveMetricReference, resolveUnitReference } from './campaigns.reference.js';
import { CampaignResolver } from './campaign.resolver.js';
import { seedCampaigns } from './campaigns.seed.js';
import { Metric } from './metric.entity.js';
import { MetricResolver } from './metric.resolver.js';
import { Migration20261123000000_campaigns } from './migrations/Migration20261123000000_campaigns.js';
import { Migration20261212000000_targets_revision } from './migrations/Migration20261212000000_targets_revision.js';
import { Migration20270107000000_responsibilities } from './migrations/Migration20270107000000_responsibilities.js';
import { Milestone } from './milestone.entity.js';
import { MilestoneResolver } from './milestone.resolver.js';
import { Responsibility } from './responsibility.entity.js';
import { CampaignSubject } from './subject.entity.js';
import { TargetFieldsResolver } from './target.fields.resolver.js';
import { targetImport } from './target.import.js';
import { Target } from './target.entity.js';
import { TargetResolver } from './target.resolver.js';
import { UnitCampaignsResolver } from './unit.fields.resolver.js';

/** Phong trào thi đua — campaigns and their plans, typed targets, milestones, subjects and the metric catalogue. */
export const campaignsSubgraph: SubgraphModule = {
  name: 'campaigns',
  dbSchema: 'campaigns',
  unaudited: { targets_revision: "derived: the targets' revision counter, moved by triggers on audited writes to targets" },
  entities: [Campaign, Target, Milestone, CampaignSubject, Responsibility, Metric],
  migrations: [
    { name: 'Migration20261123000000_campaigns', class: Migration20261123000000_campaigns },
    { name: 'Migration20261212000000_targets_revision', class: Migration20261212000000_targets_revision },
    { name: 'Migration20270107000000_responsibilities', class: Migration20270107000000_responsibilities },
  ],
  resolvers: [
    CampaignResolver,
    CampaignFieldsResolver,
    TargetResolver,
    TargetFieldsResolver,
    MilestoneResolver,
    MetricResolver,
    UnitCampaignsResolver,
  ],
  orphanedTypes: [AdministrativeUnitRef],
  referenceResolvers: { Campaign: resolveCampaignReference, Metric: resolveMetricReference, AdministrativeUnit: resolveUnitReference },
  seed: seedCampaigns,
  seedsAfter: ['units'],
  imports: [targetImport],
};
