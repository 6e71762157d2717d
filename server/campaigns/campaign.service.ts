import { type EntityName, LockMode } from '@mikro-orm/core';
import { Service } from '../shared/service.js';
import { isStrictlyBelow } from '../shared/domain/subtree.js';
import { badInput, checkVersion, conflict, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, intArray, normaliseText } from '../shared/sql.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { Campaign } from './campaign.entity.js';
import { CampaignOrderField, CampaignStatus, type Recurrence, type ResponsibilityKind, type SubjectType } from './campaigns.enums.js';
import { Capability } from '../shared/capabilities.js';
import type { CampaignFilter, CreateCampaignInput, DeriveCampaignInput, UpdateCampaignInput } from './campaign.input.js';
import { checkChildIssuer, checkChildPeriod, checkPeriod, checkValidInPeriod, type Period } from './campaign.validation.js';
import { Milestone } from './milestone.entity.js';
import { listPage, orderClause } from '../shared/list-page.js';
import type { PlanDocumentInput } from './plan-document.input.js';
import { Responsibility } from './responsibility.entity.js';
import { CampaignSubject } from './subject.entity.js';
import { Target } from './target.entity.js';

const ORDER: Record<CampaignOrderField, string> = {
  [CampaignOrderField.NAME]: 'c.name',
  [CampaignOrderField.PERIOD_START]: 'c.period_start',
  [CampaignOrderField.CREATED]: 'c.id',
};

/** Plan document fields and the campaign columns that hold them. */
const PLAN_COLUMNS = {
  number: 'planNumber',
  date: 'planDate',
  dateText: 'planDateText',
  title: 'planTitle',
  signer: 'planSigner',
  signerTitle: 'planSignerTitle',
  issuingBody: 'planIssuingBody',
  sourceFile: 'planSourceFile',
  note: 'planNote',
  legalBases: 'planLegalBases',
  citedDocuments: 'planCitedDocuments',
  parentPlanRef: 'planParentRef',
  attachedTo: 'planAttachedTo',
  citedBy: 'planCitedBy',
} as const satisfies Record<keyof PlanDocumentInput, keyof Campaign>;

/** A campaign as the seed loader creates it: the API's input plus its seed key. */
export type CampaignData = CreateCampaignInput & { key?: string | null };

/** A subject type with the plan's criteria, as seeds and derivation add them. */
export interface SubjectData {
  type: SubjectType;
  label: string;
  criteriaText?: string | null;
  note?: string | null;
  source?: string | null;
}

/** A duty the plan assigns, as the seeds add it. */
export interface ResponsibilityData {
  kind: ResponsibilityKind;
  actor: string;
  recipient?: string | null;
  recurrence?: Recurrence | null;
  deadlineText?: string | null;
  quote: string;
  note?: string | null;
  source: string;
}

/** A campaign together with its issuing unit, which authorisation and validation both need. */
export interface IssuedCampaign {
  campaign: Campaign;
  issuer: UnitInfo;
}

const nonEmpty = (value: string, field: string): string => {
  const text = normaliseText(value);
  if (!text) throw badInput(`${field} không được để trống`, `${field} must not be empty`, field);
  return text;
};

/** Campaigns and their plan documents: the tree nation → province → district → commune. */
export class CampaignService extends Service {
  private readonly units = this.ctx.units;

  private map(rows: Record<string, unknown>[]): Campaign[] {
    return rows.map((row) => this.em.map(Campaign, row));
  }

  async list(filter: CampaignFilter, page: Page, sort: ListSort<CampaignOrderField>): Promise<ListResult<Campaign>> {
    const where = new Conditions();
    where.given('c.issuer_code = ?', filter.issuerCode);
    where.givenId('c.parent_id = ?', filter, 'parentId');
    if (filter.rootOnly) where.add('c.parent_id IS NULL');
    where.given('c.status = ?', filter.status);
    if (filter.year !== undefined && filter.year !== null)
      where.add('extract(year FROM c.period_start) <= ? AND extract(year FROM c.period_end) >= ?', filter.year, filter.year);
    if (filter.search !== undefined && filter.search !== null) {
      where.search('c.search_text', filter.search);
    }
    const order = orderClause(ORDER[sort.orderBy], 'c.id', sort.direction);
    return listPage(this.em, page, { from: 'campaigns.campaign c', where, order }, (rows) => this.map(rows));
  }

  async byIds(ids: readonly number[]): Promise<Campaign[]> {
    if (!ids.length) return [];
    return this.map(await this.em.execute('SELECT c.* FROM campaigns.campaign c WHERE c.id = ANY(?::int[])', [intArray(ids)]));
  }

  /** Children of the given campaigns, in creation order. */
  async childrenOf(ids: readonly number[]): Promise<Campaign[]> {
    if (!ids.length) return [];
    return this.map(
      await this.em.execute('SELECT c.* FROM campaigns.campaign c WHERE c.parent_id = ANY(?::int[]) ORDER BY c.id', [intArray(ids)]),
    );
  }

  /** Campaigns issued by the given units, in creation order. */
  async issuedBy(unitIds: readonly number[]): Promise<Campaign[]> {
    if (!unitIds.length) return [];
    return this.map(
      await this.em.execute('SELECT c.* FROM campaigns.campaign c WHERE c.issuer_unit_id = ANY(?::int[]) ORDER BY c.id', [
        intArray(unitIds),
      ]),
    );
  }

  async findByKey(key: string): Promise<Campaign | null> {
    return this.map(await this.em.execute('SELECT c.* FROM campaigns.campaign c WHERE c.key = ?', [key]))[0] ?? null;
  }

  async require(id: string | number): Promise<Campaign> {
    const [campaign] = await this.byIds([parseId(id)]);
    if (!campaign) throw notFound(`Không có phong trào ${id}`, `No campaign ${id}`);
    return campaign;
  }

  /**
   * The campaign (locked for the rest of the transaction when it is about to change) and its issuer, checked by
   * the request's guard (the caller holds `capability` over the issuer) before anything else is looked at; no
   * capability (null) when the campaign is only read (a parent campaign, or an import that words its own refusal).
   */
  async requireIssued(
    id: string | number,
    lock = false,
    capability: Capability | null = Capability.PLAN_CAMPAIGNS,
  ): Promise<IssuedCampaign> {
    const campaign = lock
      ? await this.em.findOne(Campaign, { id: parseId(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : await this.require(id);
    if (!campaign) throw notFound(`Không có phong trào ${id}`, `No campaign ${id}`);
    const issuer = await this.units.byId(campaign.issuerUnitId);
    if (!issuer) throw new Error(`campaign ${campaign.id}: issuer unit ${campaign.issuerUnitId} is unknown to the units subgraph`);
    if (capability) this.ctx.guard.require(capability, issuer);
    return { campaign, issuer };
  }

  async create(input: CampaignData): Promise<Campaign> {
    const period: Period = { periodStart: input.periodStart, periodEnd: input.periodEnd };
    const issuer = await this.units.requireByCode(input.issuerCode, input.asOf ?? input.plan?.date ?? input.periodStart);
    this.ctx.guard.require(Capability.PLAN_CAMPAIGNS, issuer);
    const name = nonEmpty(input.name, 'name');
    checkPeriod(period);
    checkValidInPeriod(issuer, period, 'issuerCode');
    let parent: Campaign | null = null;
    if (input.parentId !== undefined && input.parentId !== null) {
      const issued = await this.requireIssued(input.parentId, false, null);
      parent = issued.campaign;
      checkChildIssuer(issuer, issued.issuer);
      checkChildPeriod(period, parent);
    }
    if (input.key && (await this.findByKey(input.key)))
      throw conflict(`Đã có phong trào khóa "${input.key}"`, `A campaign with key "${input.key}" exists`);
    const campaign = this.em.create(Campaign, {
      key: input.key ?? null,
      name,
      nameEn: input.nameEn ?? null,
      slogan: input.slogan ?? null,
      issuerUnitId: issuer.id,
      issuerCode: issuer.code,
      issuerUnidentified: input.issuerUnidentified ?? false,
      issuerNote: input.issuerNote ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: input.status ?? CampaignStatus.DRAFT,
      parent,
      note: input.note ?? null,
      source: input.source ?? null,
      subMovements: input.subMovements ?? [],
    } as never);
    this.applyPlan(campaign, input.plan);
    await this.em.flush();
    return campaign;
  }

  /**
   * Names the unit a placeholder issuer stood for (001: the commune of Chi Lăng the document does not name): the
   * campaign and every target set on the placeholder move to it. The caller administers both (the placeholder lies in
   * its parent's subtree, so a district's administrator can); the unit is real, of the placeholder's level, below the
   * placeholder's parent and valid in the period. Once identified, the issuer is an ordinary unit.
   */
  async identifyIssuer(id: string, expectedVersion: number, unitCode: string): Promise<Campaign> {
    const { campaign, issuer } = await this.requireIssued(id, true, Capability.IDENTIFY_ISSUERS);
    checkVersion(campaign.version, expectedVersion);
    if (!issuer.placeholder) {
      throw badInput(
        `Đơn vị ban hành ${issuer.name} đã được xác định; chỉ thay được đơn vị giữ chỗ`,
        `The issuer ${issuer.name} is identified already: only a placeholder issuer can be replaced`,
        'id',
      );
    }
    const unit = await this.units.requireByCode(unitCode, issuer.validTo ?? campaign.periodStart);
    this.ctx.guard.require(Capability.IDENTIFY_ISSUERS, unit);
    const parentPath = issuer.path.split('.').slice(0, -1).join('.');
    if (unit.placeholder || unit.level !== issuer.level || !isStrictlyBelow(unit, { path: parentPath })) {
      throw badInput(
        `${unit.name} không phải đơn vị cấp ${issuer.level} thuộc cùng đơn vị cấp trên với ${issuer.name}`,
        `${unit.name} is not a real ${issuer.level} below the placeholder's parent`,
        'unitCode',
      );
    }
    checkValidInPeriod(unit, campaign, 'unitCode');
    for (const target of await this.em.find(Target, { campaign: campaign.id, unitId: issuer.id })) target.unitId = unit.id;
    Object.assign(campaign, { issuerUnitId: unit.id, issuerCode: unit.code, issuerUnidentified: false });
    await this.em.flush();
    return campaign;
  }

  async update(id: string, expectedVersion: number, input: UpdateCampaignInput): Promise<Campaign> {
    const { campaign } = await this.requireIssued(id, true);
    checkVersion(campaign.version, expectedVersion);
    const period: Period = { periodStart: input.periodStart ?? campaign.periodStart, periodEnd: input.periodEnd ?? campaign.periodEnd };
    checkPeriod(period);
    if (period.periodStart !== campaign.periodStart || period.periodEnd !== campaign.periodEnd)
      await this.checkPeriodChange(campaign, period);
    if (input.name !== undefined && input.name !== null) campaign.name = nonEmpty(input.name, 'name');
    if (input.periodStart) campaign.periodStart = input.periodStart;
    if (input.periodEnd) campaign.periodEnd = input.periodEnd;
    if (input.status) campaign.status = input.status;
    for (const field of ['nameEn', 'slogan', 'issuerNote', 'note', 'source'] as const) {
      if (input[field] !== undefined) campaign[field] = input[field];
    }
    if (input.subMovements !== undefined) campaign.subMovements = input.subMovements ?? [];
    this.applyPlan(campaign, input.plan);
    await this.em.flush();
    return campaign;
  }

  /** A new period must still hold the campaign inside its parent, its children inside it, and its targets' and milestones' years. */
  private async checkPeriodChange(campaign: Campaign, period: Period): Promise<void> {
    const issuer = await this.units.byId(campaign.issuerUnitId);
    if (issuer) checkValidInPeriod(issuer, period, 'periodStart');
    if (campaign.parent) checkChildPeriod(period, await this.require(campaign.parent.id));
    for (const child of await this.childrenOf([campaign.id])) checkChildPeriod(child, period);
    const [first, last] = [Number(period.periodStart.slice(0, 4)), Number(period.periodEnd.slice(0, 4))];
    const [outside] = await this.em.execute(
      `SELECT (SELECT count(*) FROM campaigns.target t WHERE t.campaign_id = ? AND (t.year NOT BETWEEN ? AND ? OR t.year_from NOT BETWEEN ? AND ?))
            + (SELECT count(*) FROM campaigns.milestone m WHERE m.campaign_id = ? AND (m.year NOT BETWEEN ? AND ? OR extract(year FROM m.deadline) NOT BETWEEN ? AND ?)) AS n`,
      [campaign.id, first, last, first, last, campaign.id, first, last, first, last],
    );
    if (Number(outside.n) > 0) {
      throw badInput(
        `${outside.n} chỉ tiêu hoặc mốc có năm nằm ngoài giai đoạn mới`,
        `${outside.n} targets or milestones fall outside the new period: change them first`,
        'periodStart',
      );
    }
  }

  private applyPlan(campaign: Campaign, plan: PlanDocumentInput | null | undefined): void {
    if (!plan) return;
    for (const [field, column] of Object.entries(PLAN_COLUMNS) as [keyof PlanDocumentInput, keyof typeof campaign][]) {
      const value = plan[field];
      if (value === undefined) continue;
      const cleared = field === 'legalBases' || field === 'citedDocuments' || field === 'citedBy' ? [] : null;
      (campaign as unknown as Record<string, unknown>)[column] = value === null ? cleared : value;
    }
  }

  /** Deletes a campaign with its targets, milestones and subjects; one with child campaigns is refused. */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const { campaign } = await this.requireIssued(id, true);
    checkVersion(campaign.version, expectedVersion);
    const children = await this.childrenOf([campaign.id]);
    if (children.length) {
      throw conflict(
        `Phong trào còn ${children.length} phong trào cấp dưới; hãy xóa chúng trước`,
        `The campaign has ${children.length} child campaigns: delete them first`,
      );
    }
    const owned = [
      ...(await this.em.find(Target, { campaign })),
      ...(await this.em.find(Milestone, { campaign })),
      ...(await this.em.find(CampaignSubject, { campaign })),
    ];
    for (const record of owned) this.em.remove(record);
    this.em.remove(campaign);
    await this.em.flush();
    return true;
  }

  /** A child unit's campaign from its parent's: the period, slogan, milestones and subjects, not the targets. */
  async derive(input: DeriveCampaignInput): Promise<Campaign> {
    const parent = await this.require(input.parentId);
    const periodStart = input.periodStart ?? parent.periodStart;
    const issuer = await this.units.requireByCode(input.issuerCode, input.asOf ?? periodStart);
    this.ctx.guard.require(Capability.PLAN_CAMPAIGNS, issuer);
    const campaign = await this.create({
      name:
        input.name ??
        `${parent.name.replace(/\s+trên địa bàn\s.*$/u, '')} trên địa bàn ${issuer.name.charAt(0).toLocaleLowerCase('vi')}${issuer.name.slice(1)}`,
      nameEn: input.nameEn ?? null,
      slogan: input.slogan === undefined ? parent.slogan : input.slogan,
      issuerCode: issuer.code,
      asOf: input.asOf ?? periodStart,
      parentId: String(parent.id),
      periodStart,
      periodEnd: input.periodEnd ?? parent.periodEnd,
      status: input.status ?? CampaignStatus.DRAFT,
      plan: input.plan,
      subMovements: parent.subMovements,
    });
    const years = [Number(campaign.periodStart.slice(0, 4)), Number(campaign.periodEnd.slice(0, 4))];
    for (const milestone of await this.em.find(Milestone, { campaign: parent.id }, { orderBy: { id: 'ASC' } })) {
      // Milestones of the parent's period that fall outside a shorter child period are not copied.
      if (milestone.year !== null && milestone.year !== undefined && (milestone.year < years[0] || milestone.year > years[1])) continue;
      const { kind, recurrence, year, deadline, deadlineDay, deadlineMonth, description, source } = milestone;
      this.em.create(Milestone, { campaign, kind, recurrence, year, deadline, deadlineDay, deadlineMonth, description, source } as never);
    }
    await this.addSubjects(campaign, await this.em.find(CampaignSubject, { campaign: parent.id }, { orderBy: { id: 'ASC' } }));
    await this.em.flush();
    return campaign;
  }

  /** Adds subject types to a plan: a label required; criteria text, note and source may be left out. */
  addSubjects(campaign: Campaign, subjects: readonly SubjectData[]): Promise<void> {
    return this.addParts(CampaignSubject, campaign, subjects, {
      given: ['type'],
      texts: ['label'],
      optional: ['criteriaText', 'note', 'source'],
    });
  }

  /** Adds the plan's duties: who acts, the quote and its source required; recipient, recurrence, deadline and note may be left out. */
  addResponsibilities(campaign: Campaign, duties: readonly ResponsibilityData[]): Promise<void> {
    return this.addParts(Responsibility, campaign, duties, {
      given: ['kind'],
      texts: ['actor', 'quote', 'source'],
      optional: ['recipient', 'recurrence', 'deadlineText', 'note'],
    });
  }

  /**
   * Adds parts of a campaign's plan, each record's fields stored under their own names: `given` as they are, `texts`
   * normalised and required (BAD_USER_INPUT naming the field), `optional` null when left out. Records may hold more
   * (a derived campaign copies its parent's stored subjects): only the fields named are read.
   */
  private async addParts<Part extends object, T extends object>(
    entity: EntityName<Part>,
    campaign: Campaign,
    records: readonly T[],
    fields: { given: readonly (keyof T & string)[]; texts: readonly (keyof T & string)[]; optional: readonly (keyof T & string)[] },
  ): Promise<void> {
    for (const record of records) {
      const part: Record<string, unknown> = { campaign };
      for (const field of fields.given) part[field] = record[field];
      for (const field of fields.texts) part[field] = nonEmpty(record[field] as string, field);
      for (const field of fields.optional) part[field] = record[field] ?? null;
      this.em.create(entity, part as never);
    }
    await this.em.flush();
  }

  responsibilitiesOf(campaignIds: readonly number[]): Promise<Responsibility[]> {
    return campaignIds.length
      ? this.em.find(Responsibility, { campaign: { $in: [...campaignIds] } }, { orderBy: { id: 'ASC' } })
      : Promise.resolve([]);
  }

  async milestonesOf(campaignIds: readonly number[]): Promise<Milestone[]> {
    if (!campaignIds.length) return [];
    const rows = await this.em.execute('SELECT m.* FROM campaigns.milestone m WHERE m.campaign_id = ANY(?::int[]) ORDER BY m.id', [
      intArray(campaignIds),
    ]);
    return rows.map((row) => this.em.map(Milestone, row));
  }

  async subjectsOf(campaignIds: readonly number[]): Promise<CampaignSubject[]> {
    if (!campaignIds.length) return [];
    const rows = await this.em.execute('SELECT s.* FROM campaigns.subject s WHERE s.campaign_id = ANY(?::int[]) ORDER BY s.id', [
      intArray(campaignIds),
    ]);
    return rows.map((row) => this.em.map(CampaignSubject, row));
  }
}
