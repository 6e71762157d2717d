import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { entityRows, listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, normaliseText } from '../shared/sql.js';
import { isWithin, type UnitInfo } from '../shared/unit-directory.js';
import { type CampaignInfo, campaignInfo } from './awards.peers.js';
import { ContributionKind, ContributionOrderField } from './awards.enums.js';
import { Contribution, Contributor, SubjectPrecondition } from './contribution.entity.js';
import type {
  ContributionFilter,
  ContributorInput,
  RecordContributionInput,
  RecordPreconditionInput,
  SubjectInput,
} from './contribution.input.js';
import { requireContributor, resolveSubject } from './subjects.js';

const ORDER: Record<ContributionOrderField, string> = {
  [ContributionOrderField.DATE]: 'c.contributed_on',
  [ContributionOrderField.VALUE]: 'c.value_vnd',
  [ContributionOrderField.CREATED]: 'c.id',
};
const MAX_VND = 1e15;

function vnd(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_VND)
    throw badInput('Giá trị phải là số nguyên đồng ≥ 0', 'The value must be a whole number of VND ≥ 0', field);
  return value;
}

/** What a contribution is worth in whole VND, with the quantity and unit price it was priced from (or null). */
export interface ContributionValue {
  valueVnd: number;
  quantity: number | null;
  unitPriceVnd: number | null;
}

/** The value of a contribution: given in VND, or quantity × local unit price (land, labour, assets). */
export function contributionValue(
  input: Pick<RecordContributionInput, 'kind' | 'valueVnd' | 'quantity' | 'unitPriceVnd'>,
): ContributionValue {
  const priced = input.quantity != null || input.unitPriceVnd != null;
  if (priced) {
    if (input.kind === ContributionKind.MONEY)
      throw badInput(
        'Đóng góp tiền ghi giá trị, không ghi số lượng × đơn giá',
        'Money takes valueVnd, not quantity × unit price',
        'quantity',
      );
    if (input.quantity == null || input.unitPriceVnd == null)
      throw badInput(
        'Cần cả số lượng và đơn giá',
        'Give both quantity and unitPriceVnd',
        input.quantity == null ? 'quantity' : 'unitPriceVnd',
      );
    if (!Number.isFinite(input.quantity) || input.quantity < 0) throw badInput('Số lượng phải ≥ 0', 'quantity must be ≥ 0', 'quantity');
    const unitPriceVnd = vnd(input.unitPriceVnd, 'unitPriceVnd');
    const valueVnd = vnd(Math.round(input.quantity * unitPriceVnd), 'quantity');
    if (input.valueVnd != null && input.valueVnd !== valueVnd) {
      throw badInput(
        `Giá trị ${input.valueVnd} khác số lượng × đơn giá = ${valueVnd}`,
        `valueVnd ${input.valueVnd} differs from quantity × unit price = ${valueVnd}`,
        'valueVnd',
      );
    }
    return { valueVnd, quantity: input.quantity, unitPriceVnd };
  }
  if (input.valueVnd == null)
    throw badInput('Cần giá trị (đồng) hoặc số lượng × đơn giá', 'Give valueVnd, or quantity and unitPriceVnd', 'valueVnd');
  return { valueVnd: vnd(input.valueVnd, 'valueVnd'), quantity: null, unitPriceVnd: null };
}

/** A contributor belongs to a commune or a village. */
export function checkContributorUnit(unit: Pick<UnitInfo, 'level' | 'name'>, field: string): void {
  if (unit.level !== 'COMMUNE' && unit.level !== 'VILLAGE') {
    throw badInput(
      `Người đóng góp thuộc xã hoặc thôn, không phải ${unit.name}`,
      `A contributor belongs to a commune or village, not ${unit.name}`,
      field,
    );
  }
}

/** A contributor's name, spaces normalised; never empty. */
export function contributorName(name: string, field: string): string {
  const normalised = normaliseText(name);
  if (!normalised) throw badInput('Tên không được để trống', 'name must not be empty', field);
  return normalised;
}

/** A contribution lies in its campaign: the contributor within the issuer's territory, the date within the period. */
export function checkContributionPlace(
  contributorPath: string,
  campaign: Pick<CampaignInfo, 'issuer' | 'periodStart' | 'periodEnd'>,
  date: string,
): void {
  if (!isWithin({ path: contributorPath }, campaign.issuer)) {
    throw badInput(
      `Người đóng góp không thuộc địa bàn của phong trào (${campaign.issuer.name})`,
      `The contributor is outside the campaign's territory (${campaign.issuer.name})`,
      'contributor',
    );
  }
  if (date < campaign.periodStart || date > campaign.periodEnd) {
    throw badInput(
      `Ngày đóng góp ngoài giai đoạn ${campaign.periodStart} – ${campaign.periodEnd}`,
      `The date is outside the campaign period ${campaign.periodStart} – ${campaign.periodEnd}`,
      'date',
    );
  }
}

/** The contributions ledger and the yes/no preconditions recorded on subjects. */
export class ContributionService extends Service {
  /** An existing contributor, or one found or created by kind, name and unit — after checking the caller may record there. */
  private async contributor(input: ContributorInput, asOf: string, field: string): Promise<Contributor> {
    if (input.id != null) {
      const contributor = await requireContributor(this.em, input.id, `${field}.id`);
      this.ctx.guard.require(Capability.RECORD_CONTRIBUTIONS, { path: contributor.unitPath });
      return contributor;
    }
    if (input.kind == null || input.name == null || input.unitCode == null) {
      throw badInput('Người đóng góp cần id, hoặc loại, tên và mã đơn vị', 'A contributor needs an id, or kind, name and unitCode', field);
    }
    const unit = await this.ctx.units.requireByCode(input.unitCode, input.asOf ?? asOf);
    this.ctx.guard.require(Capability.RECORD_CONTRIBUTIONS, unit);
    checkContributorUnit(unit, `${field}.unitCode`);
    const name = contributorName(input.name, `${field}.name`);
    const [found] = await this.em.execute('SELECT id FROM awards.contributor WHERE kind = ? AND lower(name) = lower(?) AND unit_id = ?', [
      input.kind,
      name,
      unit.id,
    ]);
    if (found) return (await this.em.findOne(Contributor, { id: found.id }))!;
    const created = this.em.create(Contributor, { kind: input.kind, name, unitId: unit.id, unitPath: unit.path } as never);
    await this.em.flush();
    return created;
  }

  async record(input: RecordContributionInput): Promise<Contribution> {
    const contributor = await this.contributor(input.contributor, input.date, 'contributor');
    const mobiliser = input.mobilisedBy ? await this.contributor(input.mobilisedBy, input.date, 'mobilisedBy') : null;
    const campaign = await campaignInfo(this.ctx, parseId(input.campaignId, 'campaignId'));
    checkContributionPlace(contributor.unitPath, campaign, input.date);
    if (mobiliser && mobiliser.id === contributor.id)
      throw badInput(
        'Người vận động là người khác với người đóng góp',
        'mobilisedBy must be someone other than the contributor',
        'mobilisedBy',
      );
    const contribution = this.em.create(Contribution, {
      campaignId: campaign.id,
      contributorId: contributor.id,
      mobilisedById: mobiliser?.id ?? null,
      unitId: contributor.unitId,
      contributedOn: input.date,
      kind: input.kind,
      quantityUnit: input.quantityUnit ?? null,
      description: input.description ?? null,
      ...contributionValue(input),
      version: 1,
    } as never);
    await this.em.flush();
    return contribution;
  }

  async list(filter: ContributionFilter, page: Page, sort: ListSort<ContributionOrderField>): Promise<ListResult<Contribution>> {
    const where = new Conditions();
    where.givenId('c.campaign_id = ?', filter, 'campaignId');
    where.givenId('c.contributor_id = ?', filter, 'contributorId');
    where.givenId('c.mobilised_by_id = ?', filter, 'mobilisedById');
    where.given('extract(year FROM c.contributed_on) = ?', filter.year);
    if (filter.withinUnitId != null) {
      const unit = await this.ctx.units.byId(parseId(filter.withinUnitId, 'withinUnitId'));
      if (!unit) throw notFound(`Không có đơn vị ${filter.withinUnitId}`, `No unit ${filter.withinUnitId}`);
      where.add('p.unit_path <@ ?::public.ltree', unit.path);
    }
    const order = orderClause(ORDER[sort.orderBy], 'c.id', sort.direction);
    const from = 'awards.contribution c JOIN awards.contributor p ON p.id = c.contributor_id';
    return listPage(this.em, page, { select: 'c.*', from, where, order }, entityRows(this.em, Contribution));
  }

  async contributorsByIds(ids: readonly number[]): Promise<Contributor[]> {
    return ids.length ? this.em.find(Contributor, { id: { $in: [...ids] } }) : [];
  }

  /** Records (or changes) whether a yes/no precondition holds for a subject in a year. */
  async recordPrecondition(input: RecordPreconditionInput): Promise<SubjectPrecondition> {
    const subject = await resolveSubject(this.ctx, this.em, input.subject, input.year);
    this.ctx.guard.require(Capability.RECORD_PRECONDITIONS, subject.unit);
    if (!/^[A-Z][A-Z0-9_]{0,59}$/.test(input.key))
      throw badInput('Mã điều kiện phải IN_HOA_GẠCH_DƯỚI', 'key must be UPPER_SNAKE_CASE', 'key');
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
      throw badInput('Năm phải từ 2000 đến 2100', 'year must be 2000–2100', 'year');
    const existing = await this.em.findOne(SubjectPrecondition, {
      subjectUnitId: subject.unit.id,
      subjectContributorId: subject.contributor?.id ?? null,
      key: input.key,
      year: input.year,
    });
    if (existing) {
      checkVersion(existing.version, input.expectedVersion);
      Object.assign(existing, { holds: input.holds, evidence: input.evidence ?? null });
      await this.em.flush();
      return existing;
    }
    const created = this.em.create(SubjectPrecondition, {
      subjectUnitId: subject.unit.id,
      subjectContributorId: subject.contributor?.id ?? null,
      key: input.key,
      year: input.year,
      holds: input.holds,
      evidence: input.evidence ?? null,
      version: 1,
    } as never);
    await this.em.flush();
    return created;
  }

  async preconditions(ctxSubject: SubjectInput, year?: number | null): Promise<SubjectPrecondition[]> {
    const subject = await resolveSubject(this.ctx, this.em, ctxSubject, year ?? new Date().getFullYear());
    const where: Record<string, unknown> = { subjectUnitId: subject.unit.id, subjectContributorId: subject.contributor?.id ?? null };
    if (year != null) where.year = year;
    return this.em.find(SubjectPrecondition, where, { orderBy: { year: 'ASC', key: 'ASC' } });
  }
}
