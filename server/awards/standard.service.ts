import { LockMode } from '@mikro-orm/core';
import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { entityRows, listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, normaliseText } from '../shared/sql.js';
import { AwardForm, CampaignAwardForm, DossierRequirement } from './award-form.entity.js';
import { campaignInfo, type CampaignInfo } from './awards.peers.js';
import { AwardDeadline, AwardStandard } from './award-standard.entity.js';
import { AwardFormOrderField, AwardOccasion, AwardStandardOrderField, StandardBasis } from './awards.enums.js';
import { parseRule, RuleError, type Rule } from './rule.js';
import { ruleFromInput, type RuleInput } from './rule.input.js';
import type {
  AwardFormFilter,
  AwardStandardFilter,
  CampaignAwardFormInput,
  CreateAwardStandardInput,
  UpdateAwardStandardInput,
} from './standard.input.js';

/** A rule error as the API reports it: BAD_USER_INPUT naming the path. */
export const ruleInputError = (error: RuleError) =>
  badInput(`Quy tắc không hợp lệ tại ${error.path}: ${error.vi}`, `Invalid rule at ${error.path}: ${error.en}`, error.path);

/** Validates a typed rule (or a stored/seed JSON one) into its stored form. */
export function checkedRule(input: RuleInput | unknown, typed: boolean): Rule {
  try {
    return parseRule(typed ? ruleFromInput(input as RuleInput) : input);
  } catch (error) {
    if (error instanceof RuleError) throw ruleInputError(error);
    throw error;
  }
}

/** The dossier items a plan requires for a standard's occasion (all of them for a standard tied to no occasion). */
export const dossierFor = (occasion: AwardOccasion, requirements: readonly DossierRequirement[]): DossierRequirement[] =>
  requirements.filter((r) => occasion === AwardOccasion.ANY || r.occasions.includes(occasion));

/** The submission deadline of an occasion: the standard's own, else the campaign milestone's. */
export function deadlineOf(
  standard: Pick<AwardStandard, 'deadline' | 'occasion'>,
  year: number,
  campaign: Pick<CampaignInfo, 'milestones'>,
): { date: string; source: string } | null {
  if (standard.deadline) return { date: standard.deadline, source: 'STANDARD' };
  const milestone = campaign.milestones.find((m) => m.kind === standard.occasion && (m.year === null || m.year === year));
  if (milestone?.deadline) return { date: milestone.deadline, source: 'MILESTONE' };
  if (milestone?.deadlineMonth && milestone.deadlineDay) {
    return {
      date: `${year}-${String(milestone.deadlineMonth).padStart(2, '0')}-${String(milestone.deadlineDay).padStart(2, '0')}`,
      source: 'MILESTONE',
    };
  }
  return null;
}

const STANDARD_ORDER: Record<AwardStandardOrderField, string> = {
  [AwardStandardOrderField.CREATED]: 's.id',
  [AwardStandardOrderField.YEAR]: 's.year',
  [AwardStandardOrderField.FORM]: 'f.rank',
  [AwardStandardOrderField.SUBJECT_TYPE]: 's.subject_type',
};

const FORM_ORDER: Record<AwardFormOrderField, string> = {
  [AwardFormOrderField.RANK]: 'f.rank',
  [AwardFormOrderField.NAME]: 'f.name_vi COLLATE "vi-x-icu"',
};

/** Award forms, each campaign's forms and dossier requirements, and award standards with their rules. */
export class StandardService extends Service {
  forms(): Promise<AwardForm[]> {
    return this.em.find(AwardForm, {}, { orderBy: { rank: 'ASC', code: 'ASC' } });
  }

  /** One page of the catalogue, filtered by authority and an accent-insensitive search of code and names. */
  async formList(filter: AwardFormFilter, page: Page, sort: ListSort<AwardFormOrderField>): Promise<ListResult<AwardForm>> {
    const where = new Conditions();
    where.given('f.authority = ?', filter.authority);
    if (filter.search != null) {
      where.search(`public.ntm_fold(f.code || ' ' || f.name_vi || ' ' || f.name_en)`, filter.search);
    }
    const order = orderClause(FORM_ORDER[sort.orderBy], 'f.code', sort.direction);
    return listPage(this.em, page, { from: 'awards.award_form f', where, order }, entityRows(this.em, AwardForm));
  }

  async formsByCodes(codes: readonly string[]): Promise<AwardForm[]> {
    return this.em.find(AwardForm, { code: { $in: [...codes] } });
  }

  campaignForms(campaignId: string | number): Promise<CampaignAwardForm[]> {
    return this.em.find(CampaignAwardForm, { campaignId: parseId(campaignId, 'campaignId') }, { orderBy: { id: 'ASC' } });
  }

  /** The plan's dossier contents of these campaigns, in document order. */
  dossierRequirements(campaignIds: readonly number[]): Promise<DossierRequirement[]> {
    return this.em.find(DossierRequirement, { campaignId: { $in: [...campaignIds] } }, { orderBy: { id: 'ASC' } });
  }

  standards(campaignId: string, occasion?: string | null): Promise<AwardStandard[]> {
    const where: Record<string, unknown> = { campaignId: parseId(campaignId, 'campaignId') };
    if (occasion != null) {
      if (!(Object.values(AwardOccasion) as string[]).includes(occasion)) {
        throw badInput(
          `Đợt không hợp lệ "${occasion}" (cho phép: ${Object.values(AwardOccasion).join(', ')})`,
          `Unknown occasion "${occasion}" (allowed: ${Object.values(AwardOccasion).join(', ')})`,
          'occasion',
        );
      }
      where.occasion = occasion;
    }
    return this.em.find(AwardStandard, where, { orderBy: { id: 'ASC' } });
  }

  /** One page of standards across campaigns, filtered and sorted on the server. */
  async list(filter: AwardStandardFilter, page: Page, sort: ListSort<AwardStandardOrderField>): Promise<ListResult<AwardStandard>> {
    const where = new Conditions();
    where.givenId('s.campaign_id = ?', filter, 'campaignId');
    where.given('s.occasion = ?', filter.occasion);
    where.given('s.subject_type = ?', filter.subjectType);
    where.given('s.form_code = ?', filter.formCode);
    where.given('(s.year = ? OR s.year IS NULL)', filter.year);
    if (filter.hasRule != null) where.add(filter.hasRule ? 's.rule IS NOT NULL' : 's.rule IS NULL');
    if (filter.search != null) where.search('s.search_text', filter.search);
    const order = orderClause(STANDARD_ORDER[sort.orderBy], 's.id', sort.direction);
    const from = 'awards.award_standard s LEFT JOIN awards.award_form f ON f.code = s.form_code';
    return listPage(this.em, page, { select: 's.*', from, where, order }, (rows) =>
      rows.map(({ search_text: _, ...row }) => this.em.map(AwardStandard, row)),
    );
  }

  async require(id: string | number, lock = false): Promise<AwardStandard> {
    const standard = await this.em.findOne(
      AwardStandard,
      { id: parseId(id, 'standardId') },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!standard) throw notFound(`Không có tiêu chuẩn khen thưởng ${id}`, `No award standard ${id}`);
    return standard;
  }

  /** The campaign, after checking the caller administers its issuer. */
  private async administered(campaignId: string | number): Promise<CampaignInfo> {
    const campaign = await campaignInfo(this.ctx, parseId(campaignId, 'campaignId'));
    this.ctx.guard.require(Capability.PLAN_CAMPAIGNS, campaign.issuer);
    return campaign;
  }

  async create(input: CreateAwardStandardInput): Promise<AwardStandard> {
    const campaign = await this.administered(input.campaignId);
    const standard = this.em.create(AwardStandard, {
      campaignId: campaign.id,
      issuerUnitId: campaign.issuer.id,
      subjectType: input.subjectType,
      basis: input.basis ?? StandardBasis.PLAN_STANDARD,
      occasion: input.occasion,
      criteriaText: '',
      version: 1,
    } as never);
    await this.apply(standard, input, campaign);
    await this.em.flush();
    return standard;
  }

  async update(id: string, expectedVersion: number, input: UpdateAwardStandardInput): Promise<AwardStandard> {
    const standard = await this.require(id, true);
    const campaign = await this.administered(standard.campaignId);
    checkVersion(standard.version, expectedVersion);
    await this.apply(standard, input, campaign);
    await this.em.flush();
    return standard;
  }

  /** Writes the given fields (undefined keeps, null clears) and checks the result as a whole. */
  private async apply(standard: AwardStandard, input: UpdateAwardStandardInput, campaign: CampaignInfo): Promise<void> {
    const set = <K extends keyof AwardStandard>(key: K, value: AwardStandard[K] | undefined) => {
      if (value !== undefined) standard[key] = value;
    };
    set('subjectType', input.subjectType);
    set('basis', input.basis);
    set('occasion', input.occasion);
    set('subjectLabel', input.subjectLabel === undefined ? undefined : input.subjectLabel && normaliseText(input.subjectLabel));
    set('year', input.year);
    set('formCode', input.formCode);
    set('quota', input.quota);
    set('deadline', input.deadline);
    set('note', input.note);
    set('source', input.source);
    if (input.criteriaText !== undefined) {
      const text = (input.criteriaText ?? '').trim();
      if (!text) throw badInput('Tiêu chuẩn không được để trống', 'criteriaText must not be empty', 'criteriaText');
      standard.criteriaText = text;
    }
    if (input.rule !== undefined) standard.rule = input.rule === null ? null : checkedRule(input.rule, true);
    const [start, end] = [Number(campaign.periodStart.slice(0, 4)), Number(campaign.periodEnd.slice(0, 4))];
    const review = standard.occasion === AwardOccasion.MID_TERM_REVIEW || standard.occasion === AwardOccasion.FINAL_REVIEW;
    if (review && (standard.year == null || standard.year < start || standard.year > end)) {
      throw badInput(
        `Đợt sơ kết/tổng kết cần năm trong giai đoạn ${start}–${end}`,
        `A review needs its year, within ${start}–${end}`,
        'year',
      );
    }
    if (!review && standard.year != null)
      throw badInput('Khen hàng năm hoặc ANY không ghi năm', 'Annual and ANY standards take no year', 'year');
    if (standard.quota != null && (!Number.isInteger(standard.quota) || standard.quota < 0))
      throw badInput('Số lượng phải ≥ 0', 'quota must be ≥ 0', 'quota');
    if (standard.formCode != null) await this.checkForm(campaign.id, standard.formCode);
  }

  /** A form must be in the catalogue and, when the campaign lists forms, among them. */
  async checkForm(campaignId: number, code: string): Promise<void> {
    const forms = await this.campaignForms(campaignId);
    const allowed = forms.length ? forms.map((f) => f.formCode) : (await this.forms()).map((f) => f.code);
    if (!allowed.includes(code)) {
      throw badInput(
        `Hình thức "${code}" không thuộc các hình thức của phong trào (${allowed.join(', ')})`,
        `Form "${code}" is not among the campaign's forms (${allowed.join(', ')})`,
        'formCode',
      );
    }
  }

  /** Replaces the forms a campaign may confer. */
  async setCampaignForms(campaignId: string, forms: CampaignAwardFormInput[]): Promise<CampaignAwardForm[]> {
    const campaign = await this.administered(campaignId);
    const catalogue = new Set((await this.forms()).map((f) => f.code));
    const seen = new Set<string>();
    for (const [i, form] of forms.entries()) {
      if (!catalogue.has(form.formCode))
        throw badInput(
          `Không có hình thức "${form.formCode}" trong danh mục`,
          `No form "${form.formCode}" in the catalogue`,
          `forms[${i}].formCode`,
        );
      if (seen.has(form.formCode))
        throw badInput(`Hình thức "${form.formCode}" lặp lại`, `Form "${form.formCode}" is repeated`, `forms[${i}].formCode`);
      seen.add(form.formCode);
    }
    for (const existing of await this.campaignForms(campaign.id)) this.em.remove(existing);
    await this.em.flush();
    const created = forms.map((form) =>
      this.em.create(CampaignAwardForm, {
        campaignId: campaign.id,
        issuerUnitId: campaign.issuer.id,
        formCode: form.formCode,
        asStated: form.asStated ?? null,
        note: form.note ?? null,
        source: form.source ?? null,
      } as never),
    );
    await this.em.flush();
    return created;
  }

  /**
   * A standard's submission deadline in a year (default: the standard's own year), as `deadlineOf` finds it among the
   * campaign's milestones; a standard of no year has only its own deadline, if any.
   */
  async deadline(standard: AwardStandard, year?: number | null): Promise<AwardDeadline | null> {
    const forYear = year ?? standard.year;
    const found =
      forYear == null
        ? standard.deadline && { date: standard.deadline, source: 'STANDARD' }
        : deadlineOf(standard, forYear, await campaignInfo(this.ctx, standard.campaignId));
    return found ? Object.assign(new AwardDeadline(), found) : null;
  }
}
