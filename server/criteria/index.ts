import type { SubgraphModule } from '../shared/subgraph-module.js';
import { Assessment, AssessmentChange } from './assessment.entity.js';
import {
  AssessmentFieldsResolver,
  CriterionResultFieldsResolver,
  RecognitionFieldsResolver,
  UnitFieldsResolver,
} from './assessment.fields.resolver.js';
import { AssessmentResolver } from './assessment.resolver.js';
import { assessmentImport } from './assessment.import.js';
import { CriteriaSet, Criterion, Indicator, Threshold } from './criteria-set.entity.js';
import {
  CriteriaSetFieldsResolver,
  CriterionFieldsResolver,
  IndicatorFieldsResolver,
  ThresholdFieldsResolver,
} from './criteria-set.fields.resolver.js';
import { CriteriaSetResolver } from './criteria-set.resolver.js';
import { seedCriteria } from './criteria.seed.js';
import { assessmentById, setById } from './criteria.loaders.js';
import { Migration20261201000000_criteria } from './migrations/Migration20261201000000_criteria.js';
import { Migration20261215000000_unit_codes } from './migrations/Migration20261215000000_unit_codes.js';
import { Migration20270115000000_figures_contract } from './migrations/Migration20270115000000_figures_contract.js';
import { Migration20270120000000_figures_contract_set_based } from './migrations/Migration20270120000000_figures_contract_set_based.js';
import { RecognitionDecision } from './recognition.entity.js';
import { RecognitionResolver } from './recognition.resolver.js';
import { backfillUnitCodes } from './unit-lookup.js';
import { resolveUnitReference } from './criteria.reference.js';

export { generateNationalAssessments } from './demo-assessments.js';

/** Bộ tiêu chí, đánh giá và công nhận — criteria sets with localised thresholds, assessments and recognition decisions. */
export const criteriaSubgraph: SubgraphModule = {
  name: 'criteria',
  dbSchema: 'criteria',
  unaudited: { figure_subscriber: 'bookkeeping: which functions the figures contract calls (insights registers its own at start)' },
  entities: [CriteriaSet, Criterion, Indicator, Threshold, Assessment, AssessmentChange, RecognitionDecision],
  migrations: [
    { name: 'Migration20261201000000_criteria', class: Migration20261201000000_criteria },
    { name: 'Migration20261215000000_unit_codes', class: Migration20261215000000_unit_codes },
    { name: 'Migration20270115000000_figures_contract', class: Migration20270115000000_figures_contract },
    { name: 'Migration20270120000000_figures_contract_set_based', class: Migration20270120000000_figures_contract_set_based },
  ],
  resolvers: [
    CriteriaSetResolver,
    CriteriaSetFieldsResolver,
    CriterionFieldsResolver,
    IndicatorFieldsResolver,
    ThresholdFieldsResolver,
    AssessmentResolver,
    AssessmentFieldsResolver,
    CriterionResultFieldsResolver,
    RecognitionResolver,
    RecognitionFieldsResolver,
    UnitFieldsResolver,
  ],
  referenceResolvers: {
    AdministrativeUnit: resolveUnitReference,
    CriteriaSet: (reference, ctx) => setById(ctx).load(Number(reference.id)),
    Assessment: (reference, ctx) => assessmentById(ctx).load(Number(reference.id)),
  },
  imports: [assessmentImport],
  seed: seedCriteria,
  seedsAfter: ['units'],
  start: (em, tools) => backfillUnitCodes(em, tools.units),
};
