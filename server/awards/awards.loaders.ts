import type { SubgraphContext } from '../shared/context.js';
import { itemLoader, listLoader } from '../shared/loaders.js';
import type { AwardForm, DossierRequirement } from './award-form.entity.js';
import { AwardStandard } from './award-standard.entity.js';
import type { Contributor } from './contribution.entity.js';
import { ContributionService } from './contribution.service.js';
import type { Award, NominationTransition } from './nomination.entity.js';
import { NominationService } from './nomination.service.js';
import { StandardService } from './standard.service.js';

export const formByCode = (ctx: SubgraphContext) =>
  itemLoader<string, AwardForm>(
    ctx,
    'formByCode',
    (codes) => new StandardService(ctx).formsByCodes(codes),
    (f) => f.code,
  );
export const contributorById = (ctx: SubgraphContext) =>
  itemLoader<number, Contributor>(
    ctx,
    'contributorById',
    (ids) => new ContributionService(ctx).contributorsByIds(ids),
    (c) => c.id,
  );
export const standardById = (ctx: SubgraphContext) =>
  itemLoader<number, AwardStandard>(
    ctx,
    'standardById',
    (ids) => ctx.em.find(AwardStandard, { id: { $in: [...ids] } }),
    (s) => s.id,
  );
export const transitionsOf = (ctx: SubgraphContext) =>
  listLoader<number, NominationTransition>(
    ctx,
    'transitionsOf',
    (ids) => new NominationService(ctx).transitionsOf(ids),
    (t) => t.nominationId,
  );
export const awardOfNomination = (ctx: SubgraphContext) =>
  itemLoader<number, Award>(
    ctx,
    'awardOfNomination',
    (ids) => new NominationService(ctx).awardsOfNominations(ids),
    (a) => a.nominationId!,
  );
export const dossierOfCampaign = (ctx: SubgraphContext) =>
  listLoader<number, DossierRequirement>(
    ctx,
    'dossierOfCampaign',
    (ids) => new StandardService(ctx).dossierRequirements(ids),
    (d) => d.campaignId,
  );
