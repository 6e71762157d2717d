import { gql } from './client';
import { cleanFilter, pageWindow, pick, type ResourceAdapter, type Row } from './adapter';

const FORM_FIELDS = 'code rank authority nameVi nameEn classes source note';
const STANDARD_FIELDS = `id key subjectType subjectLabel basis occasion year formCode quota criteriaText rule note source version
  campaign { id } form { code nameVi nameEn rank }`;
const CONTRIBUTOR = 'id kind name unit { id code name }';
const CONTRIBUTION_FIELDS = `id contributedOn kind quantity quantityUnit unitPriceVnd valueVnd description version recordedAt campaign { id }
  contributor { ${CONTRIBUTOR} } mobilisedBy { ${CONTRIBUTOR} }`;
const SUBJECT = 'kind name contributorId unit { id code name }';
const NOMINATION_FIELDS = `id formCode occasion year status version createdAt campaign { id } standard { id criteriaText subjectType }
  subject { ${SUBJECT} } proposingUnit { id code name } decidingUnit { id code name }`;
const NOMINATION_DETAIL = `${NOMINATION_FIELDS}
  dossier { item label template provided documentReference }
  transitions { id from to reason username at }
  award { decisionNumber decidedOn signer }`;

/** Award forms (hình thức khen thưởng): the catalogue, highest authority first; read-only. */
export const awardForms: ResourceAdapter = {
  async getList() {
    const { awardForms } = await gql<{ awardForms: Row[] }>(`{ awardForms { ${FORM_FIELDS} } }`);
    const data = awardForms.map((f) => ({ ...f, id: f.code }));
    return { data, total: data.length };
  },
  async getOne(id) {
    const { data } = await awardForms.getList!({} as any);
    const found = data.find((f) => f.id === id);
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return found;
  },
};

/** The forms one campaign may confer. */
export async function campaignAwardForms(campaignId: string): Promise<Row[]> {
  const { campaignAwardForms } = await gql<{ campaignAwardForms: Row[] }>(
    `query Forms($c: ID!) { campaignAwardForms(campaignId: $c) { formCode asStated form { ${FORM_FIELDS} } } }`, { c: campaignId });
  return campaignAwardForms;
}

const STANDARD_INPUT = ['subjectType', 'subjectLabel', 'basis', 'occasion', 'year', 'formCode', 'quota', 'criteriaText', 'deadline', 'note', 'source'];

/** Award standards of one campaign (the API lists them per campaign, optionally per occasion; the list pages locally). */
export const awardStandards: ResourceAdapter = {
  async getList(params) {
    const filter = params.filter ?? {};
    if (!filter.campaignId) return { data: [], total: 0 };
    const { awardStandards } = await gql<{ awardStandards: Row[] }>(
      `query Standards($c: ID!, $o: String) { awardStandards(campaignId: $c, occasion: $o) { ${STANDARD_FIELDS} } }`,
      { c: String(filter.campaignId), o: filter.occasion || null },
    );
    let rows = awardStandards;
    if (filter.subjectType) rows = rows.filter((s) => s.subjectType === filter.subjectType);
    if (filter.q) rows = rows.filter((s) => `${s.criteriaText} ${s.subjectLabel ?? ''} ${s.key ?? ''}`.toLowerCase().includes(String(filter.q).toLowerCase()));
    const { offset, limit } = pageWindow(params);
    return { data: rows.slice(offset, offset + limit), total: rows.length };
  },
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
export interface EligibilityResult { subject: { kind: string; name: string | null; contributorId: string | null; unit: { id: string; code: string; name: string } }; eligible: boolean; conditions: ConditionResult[] }

export async function awardEligibility(standardId: string, year: number): Promise<EligibilityResult[]> {
  const { awardEligibility } = await gql<{ awardEligibility: EligibilityResult[] }>(
    `query Eligibility($s: ID!, $y: Int!) { awardEligibility(standardId: $s, year: $y) { eligible subject { ${SUBJECT} } conditions { path description passed actual required summary } } }`,
    { s: standardId, y: year },
  );
  return awardEligibility;
}

/** The 19 criteria of the 2021–2025 commune set, by number, which award rules name. */
export async function communeCriteria(): Promise<{ number: number; name: string; nameEn: string | null }[]> {
  const { criteriaSets } = await gql<{ criteriaSets: { nodes: { criteria: { number: number; name: string; nameEn: string | null }[] }[] } }>(
    `{ criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { criteria { number name nameEn } } } }`);
  return criteriaSets.nodes[0]?.criteria ?? [];
}

/** The contributions ledger. */
export const contributions: ResourceAdapter = {
  async getList(params) {
    const { contributions } = await gql<{ contributions: { nodes: Row[]; totalCount: number } }>(
      `query Contributions($filter: ContributionFilter, $offset: Int, $limit: Int) { contributions(filter: $filter, offset: $offset, limit: $limit) { totalCount nodes { ${CONTRIBUTION_FIELDS} } } }`,
      { ...pageWindow(params), filter: cleanFilter(params.filter, ['campaignId', 'contributorId', 'mobilisedById', 'withinUnitId', 'year']) },
    );
    return { data: contributions.nodes, total: contributions.totalCount };
  },
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
  async getList(params) {
    const { nominations } = await gql<{ nominations: { nodes: Row[]; totalCount: number } }>(
      `query Nominations($filter: NominationFilter, $offset: Int, $limit: Int) { nominations(filter: $filter, offset: $offset, limit: $limit) { totalCount nodes { ${NOMINATION_FIELDS} } } }`,
      { ...pageWindow(params), filter: cleanFilter(params.filter, ['campaignId', 'standardId', 'status', 'year']) },
    );
    return { data: nominations.nodes, total: nominations.totalCount };
  },
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

/** Next steps a nomination may take (decideNomination covers COUNCIL_REVIEWED → DECIDED). */
export const NEXT_STEPS: Record<string, string[]> = {
  DRAFT: ['SUBMITTED'], SUBMITTED: ['APPRAISED', 'RETURNED'], APPRAISED: ['COUNCIL_REVIEWED', 'RETURNED'], COUNCIL_REVIEWED: ['DECIDED', 'RETURNED'], RETURNED: ['SUBMITTED'], DECIDED: [],
};
