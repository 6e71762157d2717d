import { gql } from './client';
import { cleanFilter, pagedList, pick, type ResourceAdapter, type Row } from './adapter';
import {
  ADD_CRITERION,
  ADD_INDICATOR,
  ASSESSMENT_BY_ID,
  ASSESSMENT_BY_KEY,
  ASSESSMENT_COVERAGE,
  ASSESSMENT_LIST,
  ASSESSMENT_SECTION,
  COMMUNE_CRITERIA,
  CRITERIA_SET,
  CRITERIA_SET_LIST,
  DERIVE_CRITERIA_SET,
  EFFECTIVE_THRESHOLDS,
  OVERRIDE_THRESHOLD,
  RECOGNITION,
  RECOGNITION_LIST,
  RECORD_ASSESSMENT,
  RECORD_ASSESSMENT_VERSION,
  RECORD_RECOGNITION,
  REVOKE_RECOGNITION,
  UPDATE_CRITERIA_SET,
} from './documents/criteria';

/** The API's order field for each sortable column; other columns are not sortable. */
const SET_ORDER: Record<string, string> = { code: 'CODE', name: 'NAME', tier: 'TIER', periodStart: 'PERIOD_START', id: 'CREATED' };

/** Criteria sets (bộ tiêu chí): national sets and the ones localities derive from them. */
export const criteriaSets: ResourceAdapter = {
  getList: pagedList(CRITERIA_SET_LIST, {
    order: SET_ORDER,
    fallback: 'PERIOD_START',
    filters: ['code', 'tier', 'appliesTo', 'year', 'ownerId', 'parentId', 'search'],
  }),
  async getOne(id) {
    return (await gql<{ criteriaSet: Row }>(CRITERIA_SET, { id: String(id) })).criteriaSet;
  },
  /** Creating a set is deriving it from a parent set. */
  async create(data) {
    const input = pick(data, ['parentId', 'ownerCode', 'ownerAsOf', 'code', 'nameVi', 'nameEn', 'periodStart', 'periodEnd', 'source']);
    return (await gql<{ deriveCriteriaSet: Row }>(DERIVE_CRITERIA_SET, { input })).deriveCriteriaSet;
  },
  async update(id, data, previous) {
    const input = {
      id: String(id),
      expectedVersion: previous.version,
      nameVi: data.name,
      nameEn: data.nameEn || null,
      source: data.source || null,
      note: data.note || null,
    };
    return (await gql<{ updateCriteriaSet: Row }>(UPDATE_CRITERIA_SET, { input })).updateCriteriaSet;
  },
};

export interface OverrideThresholdInput {
  criteriaSetId: string;
  indicatorCode: string;
  value: number;
  unitCode?: string | null;
  unitClass?: string | null;
  communeGroup?: number | null;
  year?: number | null;
  source?: string | null;
  expectedVersion?: number | null;
}
export interface AddCriterionInput {
  criteriaSetId: string;
  number: number;
  nameVi: string;
  nameEn?: string | null;
  source?: string | null;
}
export interface AddIndicatorInput {
  criteriaSetId: string;
  criterionNumber: number;
  code: string;
  nameVi: string;
  nameEn?: string | null;
  unitOfMeasure?: string | null;
  comparator: string;
  source?: string | null;
}
export interface Criterion {
  number: number;
  name: string;
  nameEn: string | null;
}
/** One commune of the many-communes grid and its assessment (if any) for the set and year. */
export interface SectionCommune {
  id: string;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}
/** One criterion's result in an assessment, as the assessment's document selects it. */
export interface AssessmentResult {
  criterionNumber: number;
  met: boolean;
  evaluatedMet: boolean | null;
  overridden: boolean;
  overrideReason: string | null;
  criterion: { name: string; nameEn: string | null } | null;
  indicators: {
    code: string;
    value: number | null;
    evidence: string | null;
    threshold: number | null;
    comparator: string;
    passed: boolean | null;
  }[];
}
export interface SectionAssessment {
  version: number;
  unit: { id: string };
  results: { criterionNumber: number; met: boolean }[];
}
export interface Coverage {
  communeCount: number;
  assessedCount: number;
  missingCount: number;
  missing: { id: string; code: string; name: string }[];
}

/** The data provider's criteria, assessment and recognition methods beyond react-admin's own. */
export const criteriaMethods = {
  async overrideThreshold(input: OverrideThresholdInput): Promise<Row> {
    return (await gql<{ overrideThreshold: Row }>(OVERRIDE_THRESHOLD, { input })).overrideThreshold;
  },
  /** Adds a criterion to a root (not derived) set. */
  async addCriterion(input: AddCriterionInput): Promise<Row> {
    return (await gql<{ addCriterion: Row }>(ADD_CRITERION, { input })).addCriterion;
  },
  /** Adds an indicator to one of a set's criteria (a derived set adds its own to inherited criteria). */
  async addIndicator(input: AddIndicatorInput): Promise<Row> {
    return (await gql<{ addIndicator: Row }>(ADD_INDICATOR, { input })).addIndicator;
  },
  /** Every indicator of a set with the threshold that applies to a unit in a year, and the chain it was chosen from. */
  async effectiveThresholds(setId: string, unitCode: string, year: number, asOf?: string): Promise<Row> {
    return (await gql<{ criteriaSet: Row }>(EFFECTIVE_THRESHOLDS, { id: setId, unitCode, year, asOf: asOf || null })).criteriaSet;
  },
  /** The 19 criteria of the 2021–2025 commune set, by number, which award rules name. */
  async communeCriteria(): Promise<Criterion[]> {
    const { criteriaSets } = await gql<{ criteriaSets: { nodes: { criteria: Criterion[] }[] } }>(COMMUNE_CRITERIA);
    return criteriaSets.nodes[0]?.criteria ?? [];
  },
  /** A district's communes on `asOf` and their assessments for a set and year (the many-communes grid). */
  async assessmentSection(
    districtCode: string,
    year: number,
    setId: string,
    asOf: string,
  ): Promise<{ communes: SectionCommune[]; assessments: SectionAssessment[] }> {
    const { units, assessments } = await gql<{ units: { nodes: SectionCommune[] }; assessments: { nodes: SectionAssessment[] } }>(
      ASSESSMENT_SECTION,
      { d: districtCode, y: year, s: setId, asOf },
    );
    return { communes: units.nodes, assessments: assessments.nodes };
  },
  /** Records one commune's criteria (met or not) and returns the new version. */
  async recordAssessmentResults(input: Record<string, unknown>): Promise<number> {
    return (await gql<{ recordAssessment: { version: number } }>(RECORD_ASSESSMENT_VERSION, { input })).recordAssessment.version;
  },
  async assessmentCoverage(withinCode: string, year: number, asOf: string): Promise<Coverage> {
    return (await gql<{ assessmentCoverage: Coverage }>(ASSESSMENT_COVERAGE, { c: withinCode, y: year, d: asOf })).assessmentCoverage;
  },
  async revokeRecognition(input: { id: string; expectedVersion: number; revokedOn: string; reason: string }): Promise<Row> {
    return (await gql<{ revokeRecognition: Row }>(REVOKE_RECOGNITION, { input })).revokeRecognition;
  },
};

/** The list filter of a unit-keyed list: react-admin's `unitId` (a reference's target) becomes the API's `unitIds`. */
const unitKeyed = (allowed: string[]) => (raFilter: Record<string, unknown> | undefined) => {
  const filter = cleanFilter(raFilter, [...allowed, 'unitIds', 'unitId', 'synthetic', 'withinCode', 'asOf']);
  if (filter.unitId) {
    filter.unitIds = [String(filter.unitId)];
    delete filter.unitId;
  }
  return filter;
};

const ASSESSMENT_ORDER: Record<string, string> = {
  year: 'YEAR',
  unit: 'UNIT_CODE',
  metCount: 'MET_COUNT',
  updatedAt: 'UPDATED_AT',
  id: 'CREATED',
};

/** Assessments (đánh giá) of units against a set, per year. */
export const assessments: ResourceAdapter = {
  getList: pagedList(ASSESSMENT_LIST, {
    order: ASSESSMENT_ORDER,
    fallback: 'YEAR',
    filters: unitKeyed(['criteriaSetId', 'year', 'allMet']),
  }),
  /** By id, or by the `set:year:unitCode` key (null-safe: an unknown key is "no such record"). */
  async getOne(id) {
    const key = String(id).split(':');
    const assessment =
      key.length === 3
        ? (await gql<{ assessment: Row | null }>(ASSESSMENT_BY_KEY, { setId: key[0], year: Number(key[1]), unitCode: key[2] })).assessment
        : (await gql<{ assessmentById: Row }>(ASSESSMENT_BY_ID, { id: String(id) })).assessmentById;
    if (!assessment) throw new Error('ra.notification.item_doesnt_exist');
    return assessment;
  },
  /** Records (or re-records, with the version read) an assessment. */
  async create(data) {
    const input = pick(data, ['unitCode', 'asOf', 'criteriaSetId', 'year', 'results', 'expectedVersion']);
    return (await gql<{ recordAssessment: Row }>(RECORD_ASSESSMENT, { input })).recordAssessment;
  },
};

const RECOGNITION_ORDER: Record<string, string> = {
  decidedOn: 'DECIDED_ON',
  tier: 'TIER',
  unit: 'UNIT_CODE',
  decisionNumber: 'DECISION_NUMBER',
  id: 'CREATED',
};

/** Recognition decisions (quyết định công nhận). */
export const recognitions: ResourceAdapter = {
  getList: pagedList(RECOGNITION_LIST, { order: RECOGNITION_ORDER, fallback: 'DECIDED_ON', filters: unitKeyed(['tier', 'validInYear']) }),
  async getOne(id) {
    return (await gql<{ recognitionDecision: Row }>(RECOGNITION, { id: String(id) })).recognitionDecision;
  },
  async create(data) {
    const input = pick(data, ['unitCode', 'tier', 'decisionNumber', 'decidedOn', 'issuingUnitCode', 'criteriaSetId']);
    return (await gql<{ recordRecognition: Row }>(RECORD_RECOGNITION, { input })).recordRecognition;
  },
};
