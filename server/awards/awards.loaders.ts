import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from '../shared/context.js';
import type { AwardForm, DossierRequirement } from './award-form.entity.js';
import { AwardStandard } from './award-standard.entity.js';
import type { Contributor } from './contribution.entity.js';
import { ContributionService } from './contribution.service.js';
import type { Award, NominationTransition } from './nomination.entity.js';
import { NominationService } from './nomination.service.js';
import { StandardService } from './standard.service.js';

const byKey = <K, T>(ctx: SubgraphContext, name: string, fetch: (keys: readonly K[]) => Promise<T[]>, key: (item: T) => K) =>
  loader(
    ctx,
    name,
    () =>
      new DataLoader<K, T | null>(async (keys) => {
        const found = new Map((await fetch(keys)).map((item) => [key(item), item]));
        return keys.map((k) => found.get(k) ?? null);
      }),
  );

const listByKey = <T>(ctx: SubgraphContext, name: string, fetch: (keys: readonly number[]) => Promise<T[]>, key: (item: T) => number) =>
  loader(
    ctx,
    name,
    () =>
      new DataLoader<number, T[]>(async (keys) => {
        const items = await fetch(keys);
        return keys.map((k) => items.filter((item) => key(item) === k));
      }),
  );

export const formByCode = (ctx: SubgraphContext) =>
  byKey<string, AwardForm>(
    ctx,
    'formByCode',
    (codes) => new StandardService(ctx).formsByCodes(codes),
    (f) => f.code,
  );
export const contributorById = (ctx: SubgraphContext) =>
  byKey<number, Contributor>(
    ctx,
    'contributorById',
    (ids) => new ContributionService(ctx).contributorsByIds(ids),
    (c) => c.id,
  );
export const standardById = (ctx: SubgraphContext) =>
  byKey<number, AwardStandard>(
    ctx,
    'standardById',
    (ids) => ctx.em.find(AwardStandard, { id: { $in: [...ids] } }),
    (s) => s.id,
  );
export const transitionsOf = (ctx: SubgraphContext) =>
  listByKey<NominationTransition>(
    ctx,
    'transitionsOf',
    (ids) => new NominationService(ctx).transitionsOf(ids),
    (t) => t.nominationId,
  );
export const awardOfNomination = (ctx: SubgraphContext) =>
  byKey<number, Award>(
    ctx,
    'awardOfNomination',
    (ids) => new NominationService(ctx).awardsOfNominations(ids),
    (a) => a.nominationId!,
  );
export const dossierOfCampaign = (ctx: SubgraphContext) =>
  listByKey<DossierRequirement>(
    ctx,
    'dossierOfCampaign',
    (ids) => new StandardService(ctx).dossierRequirements(ids),
    (d) => d.campaignId,
  );
