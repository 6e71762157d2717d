import type { SubgraphContext } from '../shared/context.js';
import { itemLoader, listLoader } from '../shared/loaders.js';
import type { Campaign } from './campaign.entity.js';
import { CampaignService } from './campaign.service.js';
import type { Metric } from './metric.entity.js';
import { MetricService } from './metric.service.js';
import type { Milestone } from './milestone.entity.js';
import type { Responsibility } from './responsibility.entity.js';
import type { CampaignSubject } from './subject.entity.js';
import type { Target } from './target.entity.js';
import { TargetService } from './target.service.js';

const campaigns = (ctx: SubgraphContext) => new CampaignService(ctx);

export const campaignById = (ctx: SubgraphContext) =>
  itemLoader<number, Campaign>(
    ctx,
    'campaignById',
    (ids) => campaigns(ctx).byIds(ids),
    (c) => c.id,
  );

export const metricByCode = (ctx: SubgraphContext) =>
  itemLoader<string, Metric>(
    ctx,
    'metricByCode',
    (codes) => new MetricService(ctx).byCodes(codes),
    (m) => m.code,
  );

export const childrenOf = (ctx: SubgraphContext) =>
  listLoader<number, Campaign>(
    ctx,
    'campaignChildren',
    (ids) => campaigns(ctx).childrenOf(ids),
    (c) => c.parent!.id,
  );
export const campaignsIssuedBy = (ctx: SubgraphContext) =>
  listLoader<number, Campaign>(
    ctx,
    'campaignsIssuedBy',
    (ids) => campaigns(ctx).issuedBy(ids),
    (c) => c.issuerUnitId,
  );
export const milestonesOf = (ctx: SubgraphContext) =>
  listLoader<number, Milestone>(
    ctx,
    'milestonesOf',
    (ids) => campaigns(ctx).milestonesOf(ids),
    (m) => m.campaign.id,
  );
export const subjectsOf = (ctx: SubgraphContext) =>
  listLoader<number, CampaignSubject>(
    ctx,
    'subjectsOf',
    (ids) => campaigns(ctx).subjectsOf(ids),
    (s) => s.campaign.id,
  );
export const responsibilitiesOf = (ctx: SubgraphContext) =>
  listLoader<number, Responsibility>(
    ctx,
    'responsibilitiesOf',
    (ids) => campaigns(ctx).responsibilitiesOf(ids),
    (r) => r.campaign.id,
  );
export const targetsOf = (ctx: SubgraphContext) =>
  listLoader<number, Target>(
    ctx,
    'targetsOf',
    (ids) => new TargetService(ctx).byCampaigns(ids),
    (t) => t.campaign.id,
  );
