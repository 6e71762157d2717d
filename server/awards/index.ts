import type { SubgraphModule } from '../shared/subgraph-module.js';
import { AwardForm, CampaignAwardForm, DossierRequirement } from './award-form.entity.js';
import { AwardFormResolver } from './award-form.resolver.js';
import { AwardStandard } from './award-standard.entity.js';
import { seedAwards } from './awards.seed.js';
import { contributionImport } from './contribution.import.js';
import { Contribution, Contributor, SubjectPrecondition } from './contribution.entity.js';
import { ContributionResolver, ContributorFieldsResolver, PreconditionFieldsResolver } from './contribution.resolver.js';
import { Migration20261220000000_awards } from './migrations/Migration20261220000000_awards.js';
import { Migration20261230000000_award_lists } from './migrations/Migration20261230000000_award_lists.js';
import { Migration20270110000000_unique_nominations } from './migrations/Migration20270110000000_unique_nominations.js';
import { Migration20270106000000_nomination_levels } from './migrations/Migration20270106000000_nomination_levels.js';
import { Award, Nomination, NominationTransition, SubjectColumns } from './nomination.entity.js';
import { AwardFieldsResolver, NominationResolver, NominationTransitionResolver } from './nomination.resolver.js';
import { CampaignRef, UnitRef } from './awards.reference.js';
import { StandardResolver } from './standard.resolver.js';

/** Khen thưởng — award forms, standards as evaluable rules, contributions, eligibility, nominations and decisions. */
export const awardsSubgraph: SubgraphModule = {
  name: 'awards',
  dbSchema: 'awards',
  entities: [
    AwardForm,
    CampaignAwardForm,
    DossierRequirement,
    AwardStandard,
    Contributor,
    Contribution,
    SubjectPrecondition,
    SubjectColumns,
    Nomination,
    NominationTransition,
    Award,
  ],
  migrations: [
    { name: 'Migration20261220000000_awards', class: Migration20261220000000_awards },
    { name: 'Migration20261230000000_award_lists', class: Migration20261230000000_award_lists },
    { name: 'Migration20270110000000_unique_nominations', class: Migration20270110000000_unique_nominations },
    { name: 'Migration20270106000000_nomination_levels', class: Migration20270106000000_nomination_levels },
  ],
  resolvers: [
    AwardFormResolver,
    StandardResolver,
    ContributionResolver,
    ContributorFieldsResolver,
    PreconditionFieldsResolver,
    NominationResolver,
    NominationTransitionResolver,
    AwardFieldsResolver,
  ],
  orphanedTypes: [UnitRef, CampaignRef],
  seed: seedAwards,
  seedsAfter: ['units', 'criteria', 'campaigns'],
  imports: [contributionImport],
};
