import { graphqlDocument, listDocument } from './document';

const CAMPAIGN_FIELDS =
  'id key name nameEn slogan status periodStart periodEnd version issuerUnidentified issuerNote note source issuer { id code name level validTo path } parent { id name }';
const DOC = 'number date dateText issuer kind title note source';
const MILESTONE_FIELDS = 'id kind recurrence year deadline deadlineDay deadlineMonth description source version';
const CAMPAIGN_DETAIL = `${CAMPAIGN_FIELDS}
  plan { number date dateText title signer signerTitle issuingBody sourceFile note legalBases { ${DOC} } citedDocuments { ${DOC} } parentPlanRef { ${DOC} } }
  milestones { ${MILESTONE_FIELDS} }
  subjects { id type label criteriaText }
  children { id name status periodStart periodEnd issuer { id code name } }`;

export const CAMPAIGN_LIST = listDocument('campaigns', 'CampaignFilter', 'CampaignOrderField', CAMPAIGN_FIELDS);
export const CAMPAIGN = graphqlDocument(`query Campaign($id: ID!) { campaign(id: $id) { ${CAMPAIGN_DETAIL} } }`);
export const CREATE_CAMPAIGN = graphqlDocument(
  `mutation Create($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`,
);
export const UPDATE_CAMPAIGN = graphqlDocument(
  `mutation Update($id: ID!, $expectedVersion: Int!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, expectedVersion: $expectedVersion, input: $input) { ${CAMPAIGN_DETAIL} } }`,
);
export const DELETE_CAMPAIGN = graphqlDocument('mutation Delete($id: ID!, $v: Int!) { deleteCampaign(id: $id, expectedVersion: $v) }');
export const DERIVE_CAMPAIGN = graphqlDocument(
  `mutation Derive($input: DeriveCampaignInput!) { deriveCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`,
);

export const CREATE_MILESTONE = graphqlDocument(
  `mutation Create($input: CreateMilestoneInput!) { createMilestone(input: $input) { ${MILESTONE_FIELDS} } }`,
);
export const UPDATE_MILESTONE = graphqlDocument(
  `mutation Update($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: $v, input: $input) { ${MILESTONE_FIELDS} } }`,
);
export const DELETE_MILESTONE = graphqlDocument('mutation Delete($id: ID!, $v: Int!) { deleteMilestone(id: $id, expectedVersion: $v) }');

/** The plans records are quoted from: the seeded campaigns were created first, so the oldest hundred hold every one. */
export const SOURCE_DOCUMENTS = graphqlDocument(
  'query SourceDocuments { campaigns(limit: 100, orderBy: CREATED, direction: ASC) { nodes { plan { sourceFile title number issuingBody } } } }',
);

/** Campaigns in force, for the dashboard: their milestones are the deadlines, their periods say which year is "this year". */
export const ACTIVE_CAMPAIGNS = graphqlDocument(
  'query ActiveCampaigns { campaigns(filter: { status: ACTIVE }, limit: 100) { nodes { id name periodEnd issuer { path } milestones { kind recurrence year deadline deadlineDay deadlineMonth description } } } }',
);
