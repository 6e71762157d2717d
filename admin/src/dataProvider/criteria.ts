import { gql } from './client';
import { cleanFilter, pagedList, pick, type ResourceAdapter, type Row } from './adapter';

const SET_FIELDS = 'id code name nameEn tier appliesTo periodStart periodEnd synthetic source note version legalBasis { number date issuer title } parent { id code name } owner { id code name path }';
const THRESHOLD_FIELDS = 'id value unitClass region communeGroup year source version owner { id code name } criteriaSet { id code }';
const SET_DETAIL = `${SET_FIELDS}
  criteria { id number name nameEn source indicators { id code name nameEn unit comparator source thresholds { ${THRESHOLD_FIELDS} } } }`;

/** The API's order field for each sortable column; other columns are not sortable. */
const SET_ORDER: Record<string, string> = { code: 'CODE', name: 'NAME', tier: 'TIER', periodStart: 'PERIOD_START', id: 'CREATED' };

/** Criteria sets (bộ tiêu chí): national sets and the ones localities derive from them. */
export const criteriaSets: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'criteriaSets', filterType: 'CriteriaSetFilter', orderType: 'CriteriaSetOrderField', fields: SET_FIELDS,
    order: SET_ORDER, fallback: 'PERIOD_START', filters: ['code', 'tier', 'appliesTo', 'year', 'ownerId', 'parentId', 'search'],
  }, params),
  async getOne(id) {
    const { criteriaSet } = await gql<{ criteriaSet: Row }>(`query Set($id: ID!) { criteriaSet(id: $id) { ${SET_DETAIL} } }`, { id: String(id) });
    return criteriaSet;
  },
  async getMany(ids) {
    return Promise.all(ids.map((id) => criteriaSets.getOne!(id)));
  },
  /** Creating a set is deriving it from a parent set. */
  async create(data) {
    const input = pick(data, ['parentId', 'ownerCode', 'ownerAsOf', 'code', 'nameVi', 'nameEn', 'periodStart', 'periodEnd', 'source']);
    const { deriveCriteriaSet } = await gql<{ deriveCriteriaSet: Row }>(`mutation Derive($input: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $input) { ${SET_FIELDS} } }`, { input });
    return deriveCriteriaSet;
  },
  async update(id, data, previous) {
    const input = { id: String(id), expectedVersion: previous.version, nameVi: data.name, nameEn: data.nameEn || null, source: data.source || null, note: data.note || null };
    const { updateCriteriaSet } = await gql<{ updateCriteriaSet: Row }>(`mutation Update($input: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $input) { ${SET_DETAIL} } }`, { input });
    return updateCriteriaSet;
  },
};

export interface OverrideThresholdInput {
  criteriaSetId: string; indicatorCode: string; value: number; unitCode?: string | null; unitClass?: string | null;
  communeGroup?: number | null; year?: number | null; source?: string | null; expectedVersion?: number | null;
}

export async function overrideThreshold(input: OverrideThresholdInput): Promise<Row> {
  const { overrideThreshold } = await gql<{ overrideThreshold: Row }>(`mutation Override($input: OverrideThresholdInput!) { overrideThreshold(input: $input) { ${THRESHOLD_FIELDS} } }`, { input });
  return overrideThreshold;
}

export interface AddCriterionInput { criteriaSetId: string; number: number; nameVi: string; nameEn?: string | null; source?: string | null }

/** Adds a criterion to a root (not derived) set. */
export async function addCriterion(input: AddCriterionInput): Promise<Row> {
  const { addCriterion } = await gql<{ addCriterion: Row }>(`mutation AddCriterion($input: AddCriterionInput!) { addCriterion(input: $input) { id number name } }`, { input });
  return addCriterion;
}

export interface AddIndicatorInput {
  criteriaSetId: string; criterionNumber: number; code: string; nameVi: string; nameEn?: string | null; unitOfMeasure?: string | null; comparator: string; source?: string | null;
}

/** Adds an indicator to one of a set's criteria (a derived set adds its own to inherited criteria). */
export async function addIndicator(input: AddIndicatorInput): Promise<Row> {
  const { addIndicator } = await gql<{ addIndicator: Row }>(`mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id code name } }`, { input });
  return addIndicator;
}

/** Every indicator of a set with the threshold that applies to a unit in a year, and the chain it was chosen from. */
export async function effectiveThresholds(setId: string, unitCode: string, year: number, asOf?: string): Promise<Row> {
  const { criteriaSet } = await gql<{ criteriaSet: Row }>(
    `query Effective($id: ID!, $unitCode: String!, $year: Int!, $asOf: Date) { criteriaSet(id: $id) { id criteria { number indicators { code
      effectiveThreshold(unitCode: $unitCode, year: $year, asOf: $asOf) { value comparator unit { code name } chain { rank applied threshold { ${THRESHOLD_FIELDS} } } } } } } }`,
    { id: setId, unitCode, year, asOf: asOf || null },
  );
  return criteriaSet;
}

const ASSESSMENT_FIELDS = `id year synthetic version recordedAt updatedAt metCount criteriaCount allMet
  unit { id code name validTo path parent { name } } criteriaSet { id code name }`;
const ASSESSMENT_DETAIL = `${ASSESSMENT_FIELDS}
  results { criterionNumber met evaluatedMet overridden overrideReason criterion { name nameEn } indicators { code value evidence threshold comparator passed } }`;
const ASSESSMENT_ORDER: Record<string, string> = { year: 'YEAR', unit: 'UNIT_CODE', metCount: 'MET_COUNT', updatedAt: 'UPDATED_AT', id: 'CREATED' };

/** The key of the assessment of a unit for a set and year (`3:2024:19021`), for looking one up before it has an id. */
export const assessmentId = (setId: string, year: number, unitCode: string) => `${setId}:${year}:${unitCode}`;

/** Assessments (đánh giá) of units against a set, per year. */
export const assessments: ResourceAdapter = {
  async getList(params) {
    const filter = cleanFilter(params.filter, ['criteriaSetId', 'year', 'unitIds', 'synthetic', 'allMet', 'unitId', 'withinCode', 'asOf']);
    if (filter.unitId) { filter.unitIds = [String(filter.unitId)]; delete filter.unitId; }
    return pagedList({
      field: 'assessments', filterType: 'AssessmentFilter', orderType: 'AssessmentOrderField', fields: ASSESSMENT_FIELDS,
      order: ASSESSMENT_ORDER, fallback: 'YEAR', filters: [],
    }, params, filter);
  },
  /** By id, or by the `set:year:unitCode` key (null-safe: an unknown key is "no such record"). */
  async getOne(id) {
    const key = String(id).split(':');
    const { assessment } = key.length === 3
      ? await gql<{ assessment: Row | null }>(
        `query Assessment($unitCode: String!, $setId: ID!, $year: Int!) { assessment(unitCode: $unitCode, criteriaSetId: $setId, year: $year) { ${ASSESSMENT_DETAIL} } }`,
        { setId: key[0], year: Number(key[1]), unitCode: key[2] },
      )
      : await gql<{ assessmentById: Row }>(`query Assessment($id: ID!) { assessmentById(id: $id) { ${ASSESSMENT_DETAIL} } }`, { id: String(id) })
        .then((r) => ({ assessment: r.assessmentById }));
    if (!assessment) throw new Error('ra.notification.item_doesnt_exist');
    return assessment;
  },
  /** Records (or re-records, with the version read) an assessment. */
  async create(data) {
    const { recordAssessment } = await gql<{ recordAssessment: Row }>(`mutation Record($input: RecordAssessmentInput!) { recordAssessment(input: $input) { ${ASSESSMENT_DETAIL} } }`, {
      input: pick(data, ['unitCode', 'asOf', 'criteriaSetId', 'year', 'results', 'expectedVersion']),
    });
    return recordAssessment;
  },
};

const RECOGNITION_FIELDS = 'id tier decisionNumber decidedOn revokedOn revocationReason synthetic version unit { id code name } issuingUnit { id code name path } criteriaSet { id code }';
const RECOGNITION_ORDER: Record<string, string> = { decidedOn: 'DECIDED_ON', tier: 'TIER', unit: 'UNIT_CODE', decisionNumber: 'DECISION_NUMBER', id: 'CREATED' };

/** Recognition decisions (quyết định công nhận). */
export const recognitions: ResourceAdapter = {
  async getList(params) {
    const filter = cleanFilter(params.filter, ['unitIds', 'tier', 'validInYear', 'synthetic', 'unitId', 'withinCode', 'asOf']);
    if (filter.unitId) { filter.unitIds = [String(filter.unitId)]; delete filter.unitId; }
    return pagedList({
      field: 'recognitionDecisions', filterType: 'RecognitionFilter', orderType: 'RecognitionOrderField', fields: RECOGNITION_FIELDS,
      order: RECOGNITION_ORDER, fallback: 'DECIDED_ON', filters: [],
    }, params, filter);
  },
  async getOne(id) {
    const { recognitionDecision } = await gql<{ recognitionDecision: Row }>(`query Recognition($id: ID!) { recognitionDecision(id: $id) { ${RECOGNITION_FIELDS} } }`, { id: String(id) });
    return recognitionDecision;
  },
  async create(data) {
    const { recordRecognition } = await gql<{ recordRecognition: Row }>(`mutation Record($input: RecordRecognitionInput!) { recordRecognition(input: $input) { ${RECOGNITION_FIELDS} } }`, {
      input: pick(data, ['unitCode', 'tier', 'decisionNumber', 'decidedOn', 'issuingUnitCode', 'criteriaSetId']),
    });
    return recordRecognition;
  },
};

export async function revokeRecognition(input: { id: string; expectedVersion: number; revokedOn: string; reason: string }): Promise<Row> {
  const { revokeRecognition } = await gql<{ revokeRecognition: Row }>(`mutation Revoke($input: RevokeRecognitionInput!) { revokeRecognition(input: $input) { ${RECOGNITION_FIELDS} } }`, { input });
  return revokeRecognition;
}
