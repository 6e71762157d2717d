import { graphqlDocument, listDocument } from './document';

const FORM_FIELDS = 'code rank authority nameVi nameEn classes source note';
const STANDARD_FIELDS = `id key subjectType subjectLabel basis occasion year formCode quota criteriaText rule note source version
  campaign { id issuer { id path } } form { code nameVi nameEn rank }`;
const CONTRIBUTOR = 'id kind name unit { id code name path }';
const CONTRIBUTION_FIELDS = `id contributedOn kind quantity quantityUnit unitPriceVnd valueVnd description version recordedAt campaign { id }
  contributor { ${CONTRIBUTOR} } mobilisedBy { ${CONTRIBUTOR} }`;
const SUBJECT = 'kind name contributorId unit { id code name path }';
const NOMINATION_FIELDS = `id formCode occasion year status version createdAt updatedAt campaign { id } standard { id criteriaText subjectType }
  subject { ${SUBJECT} } proposingUnit { id code name path } decidingUnit { id code name path } currentUnit { id code name path }`;
const NOMINATION_DETAIL = `${NOMINATION_FIELDS}
  nextSteps levels { role current unit { id code name } }
  dossier { item label template provided documentReference }
  transitions { id from to reason username at receivedOn unit { id name } }
  award { decisionNumber decidedOn signer }`;
const AWARD_FIELDS = `id nominationId formCode occasion year decisionNumber decidedOn signer campaign { id } form { code nameVi nameEn }
  subject { ${SUBJECT} } decidingUnit { id code name }`;
const CAMPAIGN_FORM_FIELDS = `formCode asStated note source form { ${FORM_FIELDS} }`;
const PRECONDITION_FIELDS = 'id key year holds evidence version';

export const AWARD_FORM_LIST = listDocument('awardFormList', 'AwardFormFilter', 'AwardFormOrderField', FORM_FIELDS);
export const AWARD_FORMS = graphqlDocument(`query AwardForms { awardForms { ${FORM_FIELDS} } }`);
export const CAMPAIGN_AWARD_FORMS = graphqlDocument(
  `query Forms($c: ID!) { campaignAwardForms(campaignId: $c) { ${CAMPAIGN_FORM_FIELDS} } }`,
);
export const SET_CAMPAIGN_AWARD_FORMS = graphqlDocument(
  `mutation SetForms($c: ID!, $f: [CampaignAwardFormInput!]!) { setCampaignAwardForms(campaignId: $c, forms: $f) { ${CAMPAIGN_FORM_FIELDS} } }`,
);

export const AWARD_STANDARD_LIST = listDocument('awardStandardList', 'AwardStandardFilter', 'AwardStandardOrderField', STANDARD_FIELDS);
export const AWARD_STANDARD = graphqlDocument(
  `query Standard($id: ID!) { awardStandard(id: $id) { ${STANDARD_FIELDS} deadlineInfo: deadline { date source } } }`,
);
export const CREATE_AWARD_STANDARD = graphqlDocument(
  `mutation Create($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { ${STANDARD_FIELDS} } }`,
);
export const UPDATE_AWARD_STANDARD = graphqlDocument(
  `mutation Update($id: ID!, $v: Int!, $i: UpdateAwardStandardInput!) { updateAwardStandard(id: $id, expectedVersion: $v, input: $i) { ${STANDARD_FIELDS} } }`,
);

export const ELIGIBILITY_LIST =
  graphqlDocument(`query Eligibility($s: ID!, $y: Int!, $f: EligibilityFilter, $o: Int, $l: Int, $by: EligibilityOrderField, $d: SortDirection) {
  awardEligibilityList(standardId: $s, year: $y, filter: $f, offset: $o, limit: $l, orderBy: $by, direction: $d) {
    totalCount eligibleCount nodes { eligible subject { ${SUBJECT} } conditions { path description passed actual required summary } }
  }
}`);
export const PRECONDITIONS = graphqlDocument(
  `query Preconditions($s: SubjectInput!, $y: Int) { preconditions(subject: $s, year: $y) { ${PRECONDITION_FIELDS} } }`,
);
export const RECORD_PRECONDITION = graphqlDocument(
  `mutation Record($i: RecordPreconditionInput!) { recordPrecondition(input: $i) { ${PRECONDITION_FIELDS} } }`,
);

export const CONTRIBUTION_LIST = listDocument('contributions', 'ContributionFilter', 'ContributionOrderField', CONTRIBUTION_FIELDS);
export const RECORD_CONTRIBUTION = graphqlDocument(
  `mutation Record($i: RecordContributionInput!) { recordContribution(input: $i) { ${CONTRIBUTION_FIELDS} } }`,
);

export const NOMINATION_LIST = listDocument('nominations', 'NominationFilter', 'NominationOrderField', NOMINATION_FIELDS);
export const NOMINATION = graphqlDocument(`query Nomination($id: ID!) { nomination(id: $id) { ${NOMINATION_DETAIL} } }`);
export const CREATE_NOMINATION = graphqlDocument(
  `mutation Create($i: CreateNominationInput!) { createNomination(input: $i) { ${NOMINATION_DETAIL} } }`,
);
export const TRANSITION_NOMINATION = graphqlDocument(
  `mutation Transition($id: ID!, $to: NominationStatus!, $v: Int, $r: String) { transitionNomination(id: $id, to: $to, expectedVersion: $v, reason: $r) { ${NOMINATION_DETAIL} } }`,
);
export const DECIDE_NOMINATION = graphqlDocument(
  `mutation Decide($i: DecideNominationInput!) { decideNomination(input: $i) { ${NOMINATION_DETAIL} } }`,
);
export const UPDATE_NOMINATION_DOSSIER = graphqlDocument(
  `mutation Dossier($id: ID!, $v: Int!, $items: [DossierEntryInput!]!) { updateNominationDossier(id: $id, expectedVersion: $v, items: $items) { ${NOMINATION_DETAIL} } }`,
);
/** Nominations in one status waiting for someone (the dashboard). */
export const WAITING_NOMINATIONS = graphqlDocument(
  `query Waiting($f: NominationFilter) { nominations(filter: $f, limit: 50, orderBy: UPDATED, direction: DESC) { nodes { id status year subject { kind name unit { name } } proposingUnit { name path } currentUnit { name path } } } }`,
);

export const AWARD_LIST = listDocument('awards', 'AwardFilter', 'AwardOrderField', AWARD_FIELDS);
