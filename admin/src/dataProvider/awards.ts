import { gql } from './client';
import { cleanFilter, pageWindow, pagedList, pick, type ResourceAdapter, type Row } from './adapter';
import {
  AWARD_FORM_LIST,
  AWARD_FORMS,
  AWARD_LIST,
  AWARD_STANDARD,
  AWARD_STANDARD_LIST,
  CAMPAIGN_AWARD_FORMS,
  CONTRIBUTION_LIST,
  CREATE_AWARD_STANDARD,
  CREATE_NOMINATION,
  DECIDE_NOMINATION,
  ELIGIBILITY_LIST,
  NOMINATION,
  NOMINATION_LIST,
  PRECONDITIONS,
  RECORD_CONTRIBUTION,
  RECORD_PRECONDITION,
  SET_CAMPAIGN_AWARD_FORMS,
  TRANSITION_NOMINATION,
  UPDATE_AWARD_STANDARD,
  UPDATE_NOMINATION_DOSSIER,
  WAITING_NOMINATIONS,
} from './documents/awards';

/** Award forms (hình thức khen thưởng): the catalogue, paged, sorted and filtered on the server; read-only. */
export const awardForms: ResourceAdapter = {
  getList: pagedList(AWARD_FORM_LIST, {
    order: { rank: 'RANK', nameVi: 'NAME' },
    fallback: 'RANK',
    filters: ['authority', 'search'],
    toRecord: (f) => ({ ...f, id: f.code }),
  }),
  async getOne(id) {
    // The catalogue has a handful of forms: read it whole and pick one.
    const { awardForms } = await gql<{ awardForms: Row[] }>(AWARD_FORMS);
    const found = awardForms.find((f) => f.code === id);
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return { ...found, id: found.code };
  },
};

/**
 * A campaign's forms as a react-admin resource (`campaignAwardForms`, filter `campaignId`, id = form code), so that
 * pages read them with `useGetList` and a refresh re-reads them; without a campaign there is nothing to list.
 */
export const campaignForms: ResourceAdapter = {
  async getList(params) {
    const campaignId = params.filter?.campaignId;
    const forms = campaignId
      ? (await gql<{ campaignAwardForms: Row[] }>(CAMPAIGN_AWARD_FORMS, { c: String(campaignId) })).campaignAwardForms
      : [];
    return { data: forms.map((f) => ({ ...f, id: f.formCode })), total: forms.length };
  },
};

export interface CampaignFormInput {
  formCode: string;
  asStated?: string | null;
  note?: string | null;
  source?: string | null;
}

const STANDARD_INPUT = [
  'subjectType',
  'subjectLabel',
  'basis',
  'occasion',
  'year',
  'formCode',
  'quota',
  'criteriaText',
  'deadline',
  'note',
  'source',
];

const STANDARD_ORDER: Record<string, string> = { id: 'CREATED', year: 'YEAR', form: 'FORM', subjectType: 'SUBJECT_TYPE' };

/** Award standards, paged, sorted and filtered (campaign, occasion, subject type, form, year, rule, text) on the server. */
export const awardStandards: ResourceAdapter = {
  getList: pagedList(AWARD_STANDARD_LIST, {
    order: STANDARD_ORDER,
    fallback: 'CREATED',
    filters: ['campaignId', 'occasion', 'subjectType', 'formCode', 'year', 'hasRule', 'search'],
  }),
  async getOne(id) {
    const { awardStandard } = await gql<{ awardStandard: Row }>(AWARD_STANDARD, { id: String(id) });
    return { ...awardStandard, deadline: awardStandard.deadlineInfo?.source === 'STANDARD' ? awardStandard.deadlineInfo.date : undefined };
  },
  async create(data) {
    const input = { ...pick(data, [...STANDARD_INPUT, 'campaignId']), rule: data.ruleInput ?? null };
    return (await gql<{ createAwardStandard: Row }>(CREATE_AWARD_STANDARD, { i: input })).createAwardStandard;
  },
  async update(id, data, previous) {
    const input = { ...pick(data, STANDARD_INPUT), rule: data.ruleInput ?? null };
    return (await gql<{ updateAwardStandard: Row }>(UPDATE_AWARD_STANDARD, { id: String(id), v: previous.version, i: input }))
      .updateAwardStandard;
  },
};

export interface ConditionResult {
  path: string;
  description: string;
  passed: boolean;
  actual: string;
  required: string;
  summary: string;
}
export interface EligibilitySubject {
  kind: string;
  name: string | null;
  contributorId: string | null;
  unit: { id: string; code: string; name: string; path: string };
}
export interface EligibilityResult {
  id: string;
  subject: EligibilitySubject;
  eligible: boolean;
  conditions: ConditionResult[];
}

const ELIGIBILITY_ORDER: Record<string, string> = { eligible: 'ELIGIBLE', subject: 'SUBJECT_NAME', unitCode: 'UNIT_CODE' };

/**
 * A standard's eligibility results for a year (`awardEligibilityList`) as a react-admin list: filters `standardId` and
 * `year` (both needed: without them there is nothing to list), `eligible`, `q` and `withinCode`; sorted by
 * `eligible`, `subject` or `unitCode`; evaluated, sorted and paged by the server. The eligible count rides in `meta`.
 */
export const awardEligibility: ResourceAdapter = {
  async getList(params) {
    const { standardId, year } = params.filter ?? {};
    if (!standardId || !year) return { data: [], total: 0, meta: { eligibleCount: 0 } };
    const { awardEligibilityList: page } = await gql<{
      awardEligibilityList: { nodes: Omit<EligibilityResult, 'id'>[]; totalCount: number; eligibleCount: number };
    }>(ELIGIBILITY_LIST, {
      s: String(standardId),
      y: Number(year),
      f: cleanFilter({ ...params.filter, eligible: params.filter.eligible ? true : undefined }, ['eligible', 'search', 'withinCode']),
      o: pageWindow(params).offset,
      l: pageWindow(params).limit,
      by: ELIGIBILITY_ORDER[params.sort?.field ?? ''] ?? 'ELIGIBLE',
      d: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
    });
    // A subject is a unit (by code) or a contributor (by id): either names the row.
    const data = page.nodes.map((r) => ({
      ...r,
      id: r.subject.contributorId ? `contributor:${r.subject.contributorId}` : `unit:${r.subject.unit.code}`,
    }));
    return { data, total: page.totalCount, meta: { eligibleCount: page.eligibleCount } };
  },
};

export interface Precondition {
  id: string;
  key: string;
  year: number;
  holds: boolean;
  evidence: string | null;
  version: number;
}
export interface DossierItemInput {
  item: string;
  provided: boolean;
  documentReference?: string | null;
}
export interface WaitingNomination {
  id: string;
  status: string;
  year: number;
  subject: { kind: string; name: string | null; unit: { name: string } };
  proposingUnit: { name: string; path: string } | null;
  currentUnit: { name: string; path: string } | null;
}

/** The data provider's award methods beyond react-admin's own: campaign forms, preconditions and the nomination workflow. */
export const awardMethods = {
  /** The forms one campaign may confer. */
  async campaignAwardForms(campaignId: string): Promise<Row[]> {
    return (await gql<{ campaignAwardForms: Row[] }>(CAMPAIGN_AWARD_FORMS, { c: campaignId })).campaignAwardForms;
  },
  /** Replaces the forms a campaign may confer (UNIT_ADMIN of its issuer); what the input leaves out is no longer offered. */
  async setCampaignAwardForms(campaignId: string, forms: CampaignFormInput[]): Promise<Row[]> {
    return (await gql<{ setCampaignAwardForms: Row[] }>(SET_CAMPAIGN_AWARD_FORMS, { c: campaignId, f: forms })).setCampaignAwardForms;
  },
  /** The yes/no preconditions recorded on a subject for a year. */
  async preconditions(subject: Record<string, unknown>, year: number): Promise<Precondition[]> {
    return (await gql<{ preconditions: Precondition[] }>(PRECONDITIONS, { s: subject, y: year })).preconditions;
  },
  /** Records a precondition, or changes it (then `expectedVersion` is the version read). */
  async recordPrecondition(input: {
    subject: Record<string, unknown>;
    key: string;
    year: number;
    holds: boolean;
    evidence?: string | null;
    expectedVersion?: number | null;
  }): Promise<Precondition> {
    return (await gql<{ recordPrecondition: Precondition }>(RECORD_PRECONDITION, { i: input })).recordPrecondition;
  },
  async transitionNomination(id: string, to: string, expectedVersion: number, reason?: string | null): Promise<Row> {
    return (await gql<{ transitionNomination: Row }>(TRANSITION_NOMINATION, { id, to, v: expectedVersion, r: reason || null }))
      .transitionNomination;
  },
  async decideNomination(input: {
    id: string;
    decisionNumber: string;
    decidedOn: string;
    signer: string;
    expectedVersion: number;
  }): Promise<Row> {
    return (await gql<{ decideNomination: Row }>(DECIDE_NOMINATION, { i: input })).decideNomination;
  },
  async updateNominationDossier(id: string, expectedVersion: number, items: DossierItemInput[]): Promise<Row> {
    return (await gql<{ updateNominationDossier: Row }>(UPDATE_NOMINATION_DOSSIER, { id, v: expectedVersion, items }))
      .updateNominationDossier;
  },
  /** The 50 latest-changed nominations in one status (the dashboard's work waiting). */
  async waitingNominations(status: string): Promise<WaitingNomination[]> {
    return (await gql<{ nominations: { nodes: WaitingNomination[] } }>(WAITING_NOMINATIONS, { f: { status } })).nominations.nodes;
  },
};

/** The contributions ledger. */
export const contributions: ResourceAdapter = {
  getList: pagedList(CONTRIBUTION_LIST, {
    order: { contributedOn: 'DATE', valueVnd: 'VALUE', id: 'CREATED' },
    fallback: 'DATE',
    filters: ['campaignId', 'contributorId', 'mobilisedById', 'withinUnitId', 'year'],
  }),
  async create(data) {
    const contributor = (c: Row | undefined) =>
      c?.id ? { id: String(c.id) } : c?.name ? pick(c as Row, ['kind', 'name', 'unitCode', 'asOf']) : undefined;
    const input = {
      ...pick(data, ['campaignId', 'date', 'kind', 'description']),
      contributor: contributor(data.contributor),
      mobilisedBy: data.mobilised ? (contributor(data.mobilisedBy) ?? null) : null,
      ...(data.valuation === 'QUANTITY'
        ? { quantity: data.quantity, quantityUnit: data.quantityUnit || null, unitPriceVnd: data.unitPriceVnd }
        : { valueVnd: data.valueVnd }),
    };
    return (await gql<{ recordContribution: Row }>(RECORD_CONTRIBUTION, { i: input })).recordContribution;
  },
};

/** Nominations (hồ sơ đề nghị khen thưởng) with their dossier and workflow. */
export const nominations: ResourceAdapter = {
  getList: pagedList(NOMINATION_LIST, {
    order: { id: 'CREATED', createdAt: 'CREATED', year: 'YEAR', status: 'STATUS', updatedAt: 'UPDATED' },
    fallback: 'CREATED',
    filters: ['campaignId', 'standardId', 'status', 'year'],
  }),
  async getOne(id) {
    return (await gql<{ nomination: Row }>(NOMINATION, { id: String(id) })).nomination;
  },
  async create(data) {
    const input = {
      ...pick(data, ['standardId', 'year', 'formCode', 'proposingUnitCode']),
      subject: pick(data.subject ?? {}, ['unitCode', 'asOf', 'contributorId']),
    };
    return (await gql<{ createNomination: Row }>(CREATE_NOMINATION, { i: input })).createNomination;
  },
};

/** Awards decided (khen thưởng đã quyết định), paged, sorted (decision date, year, recorded) and filtered (campaign, year, form, subject unit) on the server; read-only. */
export const awards: ResourceAdapter = {
  getList: pagedList(AWARD_LIST, {
    order: { decidedOn: 'DECIDED_ON', year: 'YEAR', id: 'CREATED' },
    fallback: 'DECIDED_ON',
    filters: ['campaignId', 'year', 'formCode', 'subjectUnitId'],
  }),
};
