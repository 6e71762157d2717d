import { gql } from './client';
import { pagedList, pick, type ResourceAdapter, type Row } from './adapter';
import {
  ACTIVE_CAMPAIGNS,
  CAMPAIGN,
  CAMPAIGN_LIST,
  CREATE_CAMPAIGN,
  CREATE_MILESTONE,
  DELETE_CAMPAIGN,
  DELETE_MILESTONE,
  DERIVE_CAMPAIGN,
  SOURCE_DOCUMENTS,
  UPDATE_CAMPAIGN,
  UPDATE_MILESTONE,
} from './documents/campaigns';

const ORDER: Record<string, string> = { name: 'NAME', periodStart: 'PERIOD_START', id: 'CREATED' };
const EDITABLE = ['name', 'nameEn', 'slogan', 'status', 'note', 'source', 'periodStart', 'periodEnd', 'issuerNote'];

/** Campaigns (phong trào thi đua) with their plan document. */
export const campaigns: ResourceAdapter = {
  getList: pagedList(CAMPAIGN_LIST, {
    order: ORDER,
    fallback: 'CREATED',
    filters: ['issuerCode', 'parentId', 'rootOnly', 'status', 'year', 'search'],
  }),
  async getOne(id) {
    return (await gql<{ campaign: Row }>(CAMPAIGN, { id: String(id) })).campaign;
  },
  async create(data) {
    const input = {
      ...pick(data, [...EDITABLE, 'issuerCode', 'asOf', 'parentId']),
      plan: data.plan ? pick(data.plan, ['number', 'date', 'title', 'signer', 'signerTitle', 'issuingBody']) : undefined,
    };
    return (await gql<{ createCampaign: Row }>(CREATE_CAMPAIGN, { input })).createCampaign;
  },
  async update(id, data, previous) {
    const input = {
      ...pick(data, EDITABLE),
      plan: data.plan
        ? pick(data.plan, ['number', 'date', 'dateText', 'title', 'signer', 'signerTitle', 'issuingBody', 'sourceFile', 'note'])
        : undefined,
    };
    return (await gql<{ updateCampaign: Row }>(UPDATE_CAMPAIGN, { id: String(id), expectedVersion: previous.version, input }))
      .updateCampaign;
  },
  async delete(id, previous) {
    await gql(DELETE_CAMPAIGN, { id: String(id), v: previous.version });
  },
};

export interface DeriveCampaignInput {
  parentId: string;
  issuerCode: string;
  asOf?: string;
  name?: string;
  periodStart?: string;
  periodEnd?: string;
}

/** A plan document the seeds cite by file name ("003_a6acb2b6647a6e7e.txt §I.1.b"). */
export interface SourceDocument {
  sourceFile: string;
  title: string | null;
  number: string | null;
  issuingBody: string;
}

/** A campaign's milestone (mốc): its kind, when it recurs and its deadline (a date, or a day and month each year). */
export interface DeadlineMilestone {
  kind: string;
  recurrence: string;
  year: number | null;
  deadline: string | null;
  deadlineDay: number | null;
  deadlineMonth: number | null;
  description: string;
}

const MILESTONE_INPUT = ['kind', 'recurrence', 'year', 'deadline', 'deadlineDay', 'deadlineMonth', 'description', 'source'];

/** The data provider's campaign methods beyond react-admin's own. */
export const campaignMethods = {
  /** Creates a child unit's campaign from its parent (milestones and subjects copied, targets not). */
  async deriveCampaign(input: DeriveCampaignInput): Promise<Row> {
    return (await gql<{ deriveCampaign: Row }>(DERIVE_CAMPAIGN, { input })).deriveCampaign;
  },
  /** Milestones (mốc) are edited on their campaign's page: add, change (with the version read) and delete. */
  async createMilestone(campaignId: string, data: Row): Promise<Row> {
    return (await gql<{ createMilestone: Row }>(CREATE_MILESTONE, { input: { ...pick(data, MILESTONE_INPUT), campaignId } }))
      .createMilestone;
  },
  async updateMilestone(previous: Row, data: Row): Promise<Row> {
    return (
      await gql<{ updateMilestone: Row }>(UPDATE_MILESTONE, {
        id: String(previous.id),
        v: previous.version,
        input: pick(data, MILESTONE_INPUT),
      })
    ).updateMilestone;
  },
  async deleteMilestone(previous: Row): Promise<void> {
    await gql(DELETE_MILESTONE, { id: String(previous.id), v: previous.version });
  },
  /** The documents records are quoted from, by file name, from the campaigns' plans. */
  async sourceDocuments(): Promise<Map<string, SourceDocument>> {
    const { campaigns } = await gql<{ campaigns: { nodes: { plan: SourceDocument | null }[] } }>(SOURCE_DOCUMENTS);
    return new Map(campaigns.nodes.filter((c) => c.plan?.sourceFile).map((c) => [c.plan!.sourceFile, c.plan!]));
  },
  async activeCampaigns(): Promise<
    { id: string; name: string; periodEnd: string; issuer: { path: string }; milestones: DeadlineMilestone[] }[]
  > {
    return (
      await gql<{
        campaigns: { nodes: { id: string; name: string; periodEnd: string; issuer: { path: string }; milestones: DeadlineMilestone[] }[] };
      }>(ACTIVE_CAMPAIGNS)
    ).campaigns.nodes;
  },
};
