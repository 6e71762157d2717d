import { gql } from './client';
import { cleanFilter, pagedList, pick, type ResourceAdapter, type Row } from './adapter';

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

/** The API's order field for a react-admin sort (`orders` maps column sources), else the list's default. */
/** Award forms (hình thức khen thưởng): the catalogue, paged, sorted and filtered on the server; read-only. */
export const awardForms: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'awardFormList', filterType: 'AwardFormFilter', orderType: 'AwardFormOrderField', fields: FORM_FIELDS,
    order: { rank: 'RANK', nameVi: 'NAME' }, fallback: 'RANK', filters: ['authority', 'search'], toRecord: (f) => ({ ...f, id: f.code }),
  }, params),
  async getOne(id) {
    // The catalogue has a handful of forms: read it whole and pick one.
    const { awardForms } = await gql<{ awardForms: Row[] }>(`{ awardForms { ${FORM_FIELDS} } }`);
    const found = awardForms.find((f) => f.code === id);
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return { ...found, id: found.code };
  },
};

const CAMPAIGN_FORM_FIELDS = `formCode asStated note source form { ${FORM_FIELDS} }`;

/** The forms one campaign may confer. */
export async function campaignAwardForms(campaignId: string): Promise<Row[]> {
  const { campaignAwardForms } = await gql<{ campaignAwardForms: Row[] }>(
    `query Forms($c: ID!) { campaignAwardForms(campaignId: $c) { ${CAMPAIGN_FORM_FIELDS} } }`, { c: campaignId });
  return campaignAwardForms;
}

/**
 * A campaign's forms as a react-admin resource (`campaignAwardForms`, filter `campaignId`, id = form code), so that
 * pages read them with `useGetList` and a refresh re-reads them; without a campaign there is nothing to list.
 */
export const campaignForms: ResourceAdapter = {
  async getList(params) {
    const campaignId = params.filter?.campaignId;
    const forms = campaignId ? await campaignAwardForms(String(campaignId)) : [];
    return { data: forms.map((f) => ({ ...f, id: f.formCode })), total: forms.length };
  },
};

export interface CampaignFormInput { formCode: string; asStated?: string | null; note?: string | null; source?: string | null }

/** Replaces the forms a campaign may confer (UNIT_ADMIN of its issuer); what the input leaves out is no longer offered. */
export async function setCampaignAwardForms(campaignId: string, forms: CampaignFormInput[]): Promise<Row[]> {
  const { setCampaignAwardForms } = await gql<{ setCampaignAwardForms: Row[] }>(
    `mutation SetForms($c: ID!, $f: [CampaignAwardFormInput!]!) { setCampaignAwardForms(campaignId: $c, forms: $f) { ${CAMPAIGN_FORM_FIELDS} } }`, { c: campaignId, f: forms });
  return setCampaignAwardForms;
}

const STANDARD_INPUT = ['subjectType', 'subjectLabel', 'basis', 'occasion', 'year', 'formCode', 'quota', 'criteriaText', 'deadline', 'note', 'source'];

const STANDARD_ORDER: Record<string, string> = { id: 'CREATED', year: 'YEAR', form: 'FORM', subjectType: 'SUBJECT_TYPE' };

/** Award standards, paged, sorted and filtered (campaign, occasion, subject type, form, year, rule, text) on the server. */
export const awardStandards: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'awardStandardList', filterType: 'AwardStandardFilter', orderType: 'AwardStandardOrderField', fields: STANDARD_FIELDS,
    order: STANDARD_ORDER, fallback: 'CREATED', filters: ['campaignId', 'occasion', 'subjectType', 'formCode', 'year', 'hasRule', 'search'],
  }, params),
  async getOne(id) {
    const { awardStandard } = await gql<{ awardStandard: Row }>(`query Standard($id: ID!) { awardStandard(id: $id) { ${STANDARD_FIELDS} deadlineInfo: deadline { date source } } }`, { id: String(id) });
    return { ...awardStandard, deadline: awardStandard.deadlineInfo?.source === 'STANDARD' ? awardStandard.deadlineInfo.date : undefined };
  },
  async create(data) {
    const input = { ...pick(data, [...STANDARD_INPUT, 'campaignId']), rule: data.ruleInput ?? null };
    const { createAwardStandard } = await gql<{ createAwardStandard: Row }>(`mutation Create($i: CreateAwardStandardInput!) { createAwardStandard(input: $i) { ${STANDARD_FIELDS} } }`, { i: input });
    return createAwardStandard;
  },
  async update(id, data, previous) {
    const input = { ...pick(data, STANDARD_INPUT), rule: data.ruleInput ?? null };
    const { updateAwardStandard } = await gql<{ updateAwardStandard: Row }>(
      `mutation Update($id: ID!, $v: Int!, $i: UpdateAwardStandardInput!) { updateAwardStandard(id: $id, expectedVersion: $v, input: $i) { ${STANDARD_FIELDS} } }`,
      { id: String(id), v: previous.version, i: input },
    );
    return updateAwardStandard;
  },
};

export interface ConditionResult { path: string; description: string; passed: boolean; actual: string; required: string; summary: string }
export interface EligibilityResult { subject: { kind: string; name: string | null; contributorId: string | null; unit: { id: string; code: string; name: string; path: string } }; eligible: boolean; conditions: ConditionResult[] }
export interface EligibilityPage { nodes: EligibilityResult[]; totalCount: number; eligibleCount: number }
export interface EligibilityQuery {
  standardId: string;
  year: number;
  filter: { eligible?: boolean; search?: string; withinCode?: string };
  offset: number;
  limit: number;
  orderBy: 'ELIGIBLE' | 'SUBJECT_NAME' | 'UNIT_CODE';
  direction: 'ASC' | 'DESC';
}

/** One page of a standard's eligibility results, filtered and sorted on the server. */
export async function awardEligibilityList(q: EligibilityQuery): Promise<EligibilityPage> {
  const { awardEligibilityList } = await gql<{ awardEligibilityList: EligibilityPage }>(
    `query Eligibility($s: ID!, $y: Int!, $f: EligibilityFilter, $o: Int, $l: Int, $by: EligibilityOrderField, $d: SortDirection) {
      awardEligibilityList(standardId: $s, year: $y, filter: $f, offset: $o, limit: $l, orderBy: $by, direction: $d) {
        totalCount eligibleCount nodes { eligible subject { ${SUBJECT} } conditions { path description passed actual required summary } }
      }
    }`,
    { s: q.standardId, y: q.year, f: cleanFilter(q.filter, ['eligible', 'search', 'withinCode']), o: q.offset, l: q.limit, by: q.orderBy, d: q.direction },
  );
  return awardEligibilityList;
}

/** A subject as the API takes it: a unit by code (read on 30 June of the year) or a contributor by id. */
export const subjectInput = (subject: EligibilityResult['subject']) =>
  (subject.contributorId ? { contributorId: String(subject.contributorId) } : { unitCode: subject.unit.code });

export interface Precondition { id: string; key: string; year: number; holds: boolean; evidence: string | null; version: number }

/** The yes/no preconditions recorded on a subject for a year. */
export async function preconditions(subject: Record<string, unknown>, year: number): Promise<Precondition[]> {
  const { preconditions } = await gql<{ preconditions: Precondition[] }>(
    `query Preconditions($s: SubjectInput!, $y: Int) { preconditions(subject: $s, year: $y) { id key year holds evidence version } }`, { s: subject, y: year });
  return preconditions;
}

/** Records a precondition, or changes it (then `expectedVersion` is the version read). */
export async function recordPrecondition(input: { subject: Record<string, unknown>; key: string; year: number; holds: boolean; evidence?: string | null; expectedVersion?: number | null }): Promise<Precondition> {
  const { recordPrecondition } = await gql<{ recordPrecondition: Precondition }>(
    `mutation Record($i: RecordPreconditionInput!) { recordPrecondition(input: $i) { id key year holds evidence version } }`, { i: input });
  return recordPrecondition;
}

/** The 19 criteria of the 2021–2025 commune set, by number, which award rules name. */
export async function communeCriteria(): Promise<{ number: number; name: string; nameEn: string | null }[]> {
  const { criteriaSets } = await gql<{ criteriaSets: { nodes: { criteria: { number: number; name: string; nameEn: string | null }[] }[] } }>(
    `{ criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { criteria { number name nameEn } } } }`);
  return criteriaSets.nodes[0]?.criteria ?? [];
}

/** The contributions ledger. */
export const contributions: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'contributions', filterType: 'ContributionFilter', orderType: 'ContributionOrderField', fields: CONTRIBUTION_FIELDS,
    order: { contributedOn: 'DATE', valueVnd: 'VALUE', id: 'CREATED' }, fallback: 'DATE', filters: ['campaignId', 'contributorId', 'mobilisedById', 'withinUnitId', 'year'],
  }, params),
  async create(data) {
    const contributor = (c: Row | undefined) => (c?.id ? { id: String(c.id) } : c?.name ? pick(c as Row, ['kind', 'name', 'unitCode', 'asOf']) : undefined);
    const input = {
      ...pick(data, ['campaignId', 'date', 'kind', 'description']),
      contributor: contributor(data.contributor),
      mobilisedBy: data.mobilised ? contributor(data.mobilisedBy) ?? null : null,
      ...(data.valuation === 'QUANTITY'
        ? { quantity: data.quantity, quantityUnit: data.quantityUnit || null, unitPriceVnd: data.unitPriceVnd }
        : { valueVnd: data.valueVnd }),
    };
    const { recordContribution } = await gql<{ recordContribution: Row }>(`mutation Record($i: RecordContributionInput!) { recordContribution(input: $i) { ${CONTRIBUTION_FIELDS} } }`, { i: input });
    return recordContribution;
  },
};

/** Nominations (hồ sơ đề nghị khen thưởng) with their dossier and workflow. */
export const nominations: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'nominations', filterType: 'NominationFilter', orderType: 'NominationOrderField', fields: NOMINATION_FIELDS,
    order: { id: 'CREATED', createdAt: 'CREATED', year: 'YEAR', status: 'STATUS', updatedAt: 'UPDATED' }, fallback: 'CREATED', filters: ['campaignId', 'standardId', 'status', 'year'],
  }, params),
  async getOne(id) {
    const { nomination } = await gql<{ nomination: Row }>(`query Nomination($id: ID!) { nomination(id: $id) { ${NOMINATION_DETAIL} } }`, { id: String(id) });
    return nomination;
  },
  async create(data) {
    const input = { ...pick(data, ['standardId', 'year', 'formCode', 'proposingUnitCode']), subject: pick(data.subject ?? {}, ['unitCode', 'asOf', 'contributorId']) };
    const { createNomination } = await gql<{ createNomination: Row }>(`mutation Create($i: CreateNominationInput!) { createNomination(input: $i) { ${NOMINATION_DETAIL} } }`, { i: input });
    return createNomination;
  },
};

const AWARD_FIELDS = `id nominationId formCode occasion year decisionNumber decidedOn signer campaign { id } form { code nameVi nameEn }
  subject { ${SUBJECT} } decidingUnit { id code name }`;

/** Awards decided (khen thưởng đã quyết định), paged, sorted (decision date, year, recorded) and filtered (campaign, year, form, subject unit) on the server; read-only. */
export const awards: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'awards', filterType: 'AwardFilter', orderType: 'AwardOrderField', fields: AWARD_FIELDS,
    order: { decidedOn: 'DECIDED_ON', year: 'YEAR', id: 'CREATED' }, fallback: 'DECIDED_ON', filters: ['campaignId', 'year', 'formCode', 'subjectUnitId'],
  }, params),
};

export async function transitionNomination(id: string, to: string, expectedVersion: number, reason?: string | null): Promise<Row> {
  const { transitionNomination } = await gql<{ transitionNomination: Row }>(
    `mutation Transition($id: ID!, $to: NominationStatus!, $v: Int, $r: String) { transitionNomination(id: $id, to: $to, expectedVersion: $v, reason: $r) { ${NOMINATION_DETAIL} } }`,
    { id, to, v: expectedVersion, r: reason || null },
  );
  return transitionNomination;
}

export async function decideNomination(input: { id: string; decisionNumber: string; decidedOn: string; signer: string; expectedVersion: number }): Promise<Row> {
  const { decideNomination } = await gql<{ decideNomination: Row }>(`mutation Decide($i: DecideNominationInput!) { decideNomination(input: $i) { ${NOMINATION_DETAIL} } }`, { i: input });
  return decideNomination;
}

export async function updateNominationDossier(id: string, expectedVersion: number, items: { item: string; provided: boolean; documentReference?: string | null }[]): Promise<Row> {
  const { updateNominationDossier } = await gql<{ updateNominationDossier: Row }>(
    `mutation Dossier($id: ID!, $v: Int!, $items: [DossierEntryInput!]!) { updateNominationDossier(id: $id, expectedVersion: $v, items: $items) { ${NOMINATION_DETAIL} } }`,
    { id, v: expectedVersion, items },
  );
  return updateNominationDossier;
}
