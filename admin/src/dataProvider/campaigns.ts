import { gql } from './client';
import { pagedList, pick, type ResourceAdapter, type Row } from './adapter';

const CAMPAIGN_FIELDS = 'id key name nameEn slogan status periodStart periodEnd version issuerUnidentified issuerNote note source issuer { id code name level validTo path } parent { id name }';
const DOC = 'number date dateText issuer kind title note source';
const CAMPAIGN_DETAIL = `${CAMPAIGN_FIELDS}
  plan { number date dateText title signer signerTitle issuingBody sourceFile note legalBases { ${DOC} } citedDocuments { ${DOC} } parentPlanRef { ${DOC} } }
  milestones { id kind recurrence year deadline deadlineDay deadlineMonth description source version }
  subjects { id type label criteriaText }
  children { id name status periodStart periodEnd issuer { id code name } }`;
const ORDER: Record<string, string> = { name: 'NAME', periodStart: 'PERIOD_START', id: 'CREATED' };
const EDITABLE = ['name', 'nameEn', 'slogan', 'status', 'note', 'source', 'periodStart', 'periodEnd', 'issuerNote'];

/** Campaigns (phong trào thi đua) with their plan document. */
export const campaigns: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'campaigns', filterType: 'CampaignFilter', orderType: 'CampaignOrderField', fields: CAMPAIGN_FIELDS,
    order: ORDER, fallback: 'CREATED', filters: ['issuerCode', 'parentId', 'rootOnly', 'status', 'year', 'search'],
  }, params),
  async getOne(id) {
    const { campaign } = await gql<{ campaign: Row }>(`query Campaign($id: ID!) { campaign(id: $id) { ${CAMPAIGN_DETAIL} } }`, { id: String(id) });
    return campaign;
  },
  async getMany(ids) {
    return Promise.all(ids.map((id) => campaigns.getOne!(id)));
  },
  async create(data) {
    const input = { ...pick(data, [...EDITABLE, 'issuerCode', 'asOf', 'parentId']), plan: data.plan ? pick(data.plan, ['number', 'date', 'title', 'signer', 'signerTitle', 'issuingBody']) : undefined };
    const { createCampaign } = await gql<{ createCampaign: Row }>(`mutation Create($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`, { input });
    return createCampaign;
  },
  async update(id, data, previous) {
    const input = { ...pick(data, EDITABLE), plan: data.plan ? pick(data.plan, ['number', 'date', 'dateText', 'title', 'signer', 'signerTitle', 'issuingBody', 'sourceFile', 'note']) : undefined };
    const { updateCampaign } = await gql<{ updateCampaign: Row }>(
      `mutation Update($id: ID!, $expectedVersion: Int!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, expectedVersion: $expectedVersion, input: $input) { ${CAMPAIGN_DETAIL} } }`,
      { id: String(id), expectedVersion: previous.version, input },
    );
    return updateCampaign;
  },
  async delete(id, previous) {
    await gql(`mutation Delete($id: ID!, $v: Int!) { deleteCampaign(id: $id, expectedVersion: $v) }`, { id: String(id), v: previous.version });
  },
};

export interface DeriveCampaignInput { parentId: string; issuerCode: string; asOf?: string; name?: string; periodStart?: string; periodEnd?: string }

/** Creates a child unit's campaign from its parent (milestones and subjects copied, targets not). */
export async function deriveCampaign(input: DeriveCampaignInput): Promise<Row> {
  const { deriveCampaign } = await gql<{ deriveCampaign: Row }>(`mutation Derive($input: DeriveCampaignInput!) { deriveCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`, { input });
  return deriveCampaign;
}

const MILESTONE_FIELDS = 'id kind recurrence year deadline deadlineDay deadlineMonth description source version';
const MILESTONE_INPUT = ['kind', 'recurrence', 'year', 'deadline', 'deadlineDay', 'deadlineMonth', 'description', 'source'];

/** Milestones (mốc) are edited on their campaign's page: add, change (with the version read) and delete. */
export const milestones = {
  async create(campaignId: string, data: Row): Promise<Row> {
    const { createMilestone } = await gql<{ createMilestone: Row }>(`mutation Create($input: CreateMilestoneInput!) { createMilestone(input: $input) { ${MILESTONE_FIELDS} } }`, {
      input: { ...pick(data, MILESTONE_INPUT), campaignId },
    });
    return createMilestone;
  },
  async update(previous: Row, data: Row): Promise<Row> {
    const { updateMilestone } = await gql<{ updateMilestone: Row }>(
      `mutation Update($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: $v, input: $input) { ${MILESTONE_FIELDS} } }`,
      { id: String(previous.id), v: previous.version, input: pick(data, MILESTONE_INPUT) },
    );
    return updateMilestone;
  },
  async delete(previous: Row): Promise<void> {
    await gql(`mutation Delete($id: ID!, $v: Int!) { deleteMilestone(id: $id, expectedVersion: $v) }`, { id: String(previous.id), v: previous.version });
  },
};
