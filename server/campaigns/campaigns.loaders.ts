import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from '../shared/context.js';
import type { Campaign } from './campaign.entity.js';
import { CampaignService } from './campaign.service.js';
import type { Metric } from './metric.entity.js';
import { MetricService } from './metric.service.js';
import type { Milestone } from './milestone.entity.js';
import type { Responsibility } from './responsibility.entity.js';
import type { CampaignSubject } from './subject.entity.js';
import type { Target } from './target.entity.js';
import { TargetService } from './target.service.js';

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/** A loader of lists keyed by a number: one query for every key asked in the request. */
const listLoader = <T>(ctx: SubgraphContext, name: string, fetch: (ids: readonly number[]) => Promise<T[]>, key: (item: T) => number) =>
  loader(
    ctx,
    name,
    () =>
      new DataLoader<number, T[]>(async (ids) => {
        const groups = groupBy(await fetch(ids), key);
        return ids.map((id) => groups.get(id) ?? []);
      }),
  );

const campaigns = (ctx: SubgraphContext) => new CampaignService(ctx);

export const campaignById = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'campaignById',
    () =>
      new DataLoader<number, Campaign | null>(async (ids) => {
        const found = new Map((await campaigns(ctx).byIds(ids)).map((c) => [c.id, c]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );

export const metricByCode = (ctx: SubgraphContext) =>
  loader(
    ctx,
    'metricByCode',
    () =>
      new DataLoader<string, Metric | null>(async (codes) => {
        const found = new Map((await new MetricService(ctx).byCodes(codes)).map((m) => [m.code, m]));
        return codes.map((code) => found.get(code) ?? null);
      }),
  );

export const childrenOf = (ctx: SubgraphContext) =>
  listLoader(
    ctx,
    'campaignChildren',
    (ids) => campaigns(ctx).childrenOf(ids),
    (c) => c.parent!.id,
  );
export const campaignsIssuedBy = (ctx: SubgraphContext) =>
  listLoader(
    ctx,
    'campaignsIssuedBy',
    (ids) => campaigns(ctx).issuedBy(ids),
    (c) => c.issuerUnitId,
  );
export const milestonesOf = (ctx: SubgraphContext) =>
  listLoader<Milestone>(
    ctx,
    'milestonesOf',
    (ids) => campaigns(ctx).milestonesOf(ids),
    (m) => m.campaign.id,
  );
export const subjectsOf = (ctx: SubgraphContext) =>
  listLoader<CampaignSubject>(
    ctx,
    'subjectsOf',
    (ids) => campaigns(ctx).subjectsOf(ids),
    (s) => s.campaign.id,
  );
export const responsibilitiesOf = (ctx: SubgraphContext) =>
  listLoader<Responsibility>(
    ctx,
    'responsibilitiesOf',
    (ids) => campaigns(ctx).responsibilitiesOf(ids),
    (r) => r.campaign.id,
  );
export const targetsOf = (ctx: SubgraphContext) =>
  listLoader<Target>(
    ctx,
    'targetsOf',
    (ids) => new TargetService(ctx).byCampaigns(ids),
    (t) => t.campaign.id,
  );
