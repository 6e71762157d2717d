import { graphqlDocument, listDocument } from './document';

const SET_FIELDS =
  'id code name nameEn tier appliesTo periodStart periodEnd synthetic source note version legalBasis { number date issuer title } parent { id code name } owner { id code name path }';
const THRESHOLD_FIELDS = 'id value unitClass region communeGroup year source version owner { id code name } criteriaSet { id code }';
const SET_DETAIL = `${SET_FIELDS}
  criteria { id number name nameEn source indicators { id code name nameEn unit comparator source thresholds { ${THRESHOLD_FIELDS} } } }`;

export const CRITERIA_SET_LIST = listDocument('criteriaSets', 'CriteriaSetFilter', 'CriteriaSetOrderField', SET_FIELDS);
export const CRITERIA_SET = graphqlDocument(`query Set($id: ID!) { criteriaSet(id: $id) { ${SET_DETAIL} } }`);
export const DERIVE_CRITERIA_SET = graphqlDocument(
  `mutation Derive($input: DeriveCriteriaSetInput!) { deriveCriteriaSet(input: $input) { ${SET_FIELDS} } }`,
);
export const UPDATE_CRITERIA_SET = graphqlDocument(
  `mutation Update($input: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $input) { ${SET_DETAIL} } }`,
);
export const OVERRIDE_THRESHOLD = graphqlDocument(
  `mutation Override($input: OverrideThresholdInput!) { overrideThreshold(input: $input) { ${THRESHOLD_FIELDS} } }`,
);
export const ADD_CRITERION = graphqlDocument(
  'mutation AddCriterion($input: AddCriterionInput!) { addCriterion(input: $input) { id number name } }',
);
export const ADD_INDICATOR = graphqlDocument(
  'mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id code name } }',
);
export const EFFECTIVE_THRESHOLDS = graphqlDocument(
  `query Effective($id: ID!, $unitCode: String!, $year: Int!, $asOf: Date) { criteriaSet(id: $id) { id criteria { number indicators { code
    effectiveThreshold(unitCode: $unitCode, year: $year, asOf: $asOf) { value comparator unit { code name } chain { rank applied threshold { ${THRESHOLD_FIELDS} } } } } } } }`,
);
/** The 19 criteria of the 2021–2025 commune set, by number, which award rules name. */
export const COMMUNE_CRITERIA = graphqlDocument(
  'query CommuneCriteria { criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { criteria { number name nameEn } } } }',
);

const ASSESSMENT_FIELDS = `id year synthetic version recordedAt updatedAt metCount criteriaCount allMet
  unit { id code name validTo path parent { name } } criteriaSet { id code name }`;
const ASSESSMENT_DETAIL = `${ASSESSMENT_FIELDS}
  results { criterionNumber met evaluatedMet overridden overrideReason criterion { name nameEn } indicators { code value evidence threshold comparator passed } }`;

export const ASSESSMENT_LIST = listDocument('assessments', 'AssessmentFilter', 'AssessmentOrderField', ASSESSMENT_FIELDS);
export const ASSESSMENT_BY_KEY = graphqlDocument(
  `query Assessment($unitCode: String!, $setId: ID!, $year: Int!) { assessment(unitCode: $unitCode, criteriaSetId: $setId, year: $year) { ${ASSESSMENT_DETAIL} } }`,
);
export const ASSESSMENT_BY_ID = graphqlDocument(`query AssessmentById($id: ID!) { assessmentById(id: $id) { ${ASSESSMENT_DETAIL} } }`);
export const RECORD_ASSESSMENT = graphqlDocument(
  `mutation Record($input: RecordAssessmentInput!) { recordAssessment(input: $input) { ${ASSESSMENT_DETAIL} } }`,
);
/** The many-communes grid: a district's communes and their assessments for a set and year, in one request. */
export const ASSESSMENT_SECTION = graphqlDocument(`query Section($d: String!, $y: Int!, $s: ID!, $asOf: Date!) {
  units(filter: { withinCode: $d, level: COMMUNE, kind: COMMUNE, asOf: $asOf }, limit: 100, orderBy: NAME) { nodes { id code name validFrom validTo } }
  assessments(filter: { withinCode: $d, year: $y, criteriaSetId: $s, asOf: $asOf }, limit: 100) { nodes { version unit { id } results { criterionNumber met } } }
}`);
export const RECORD_ASSESSMENT_VERSION = graphqlDocument(
  'mutation RecordVersion($input: RecordAssessmentInput!) { recordAssessment(input: $input) { version } }',
);
export const ASSESSMENT_COVERAGE = graphqlDocument(
  'query Coverage($c: String!, $y: Int!, $d: Date) { assessmentCoverage(withinCode: $c, year: $y, asOf: $d, limit: 5) { communeCount assessedCount missingCount missing { id code name } } }',
);

const RECOGNITION_FIELDS =
  'id tier decisionNumber decidedOn revokedOn revocationReason synthetic version unit { id code name } issuingUnit { id code name path } criteriaSet { id code }';
export const RECOGNITION_LIST = listDocument('recognitionDecisions', 'RecognitionFilter', 'RecognitionOrderField', RECOGNITION_FIELDS);
export const RECOGNITION = graphqlDocument(`query Recognition($id: ID!) { recognitionDecision(id: $id) { ${RECOGNITION_FIELDS} } }`);
export const RECORD_RECOGNITION = graphqlDocument(
  `mutation Record($input: RecordRecognitionInput!) { recordRecognition(input: $input) { ${RECOGNITION_FIELDS} } }`,
);
export const REVOKE_RECOGNITION = graphqlDocument(
  `mutation Revoke($input: RevokeRecognitionInput!) { revokeRecognition(input: $input) { ${RECOGNITION_FIELDS} } }`,
);
