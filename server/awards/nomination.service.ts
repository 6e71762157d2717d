import { LockMode } from '@mikro-orm/core';
import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, conflict, type Named, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { entityRows, listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { today } from '../shared/scalars.js';
import { Conditions, type FilterColumns, normaliseText, textArray } from '../shared/sql.js';
import { dmy, referenceDate } from '../shared/domain/calendar.js';
import { isWithin, pathIds } from '../shared/domain/subtree.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { campaignInfo } from './awards.peers.js';
import { AwardAuthority, AwardOrderField, AwardSubjectType, NominationOrderField, NominationStatus } from './awards.enums.js';
import { Award, Nomination, NominationTransition } from './nomination.entity.js';
import type { AwardFilter, CreateNominationInput, DecideNominationInput, DossierEntryInput, NominationFilter } from './nomination.input.js';
import { deadlineOf, dossierFor, StandardService } from './standard.service.js';
import { resolveSubject } from './subjects.js';

/**
 * The workflow: which states each state may move to. A nomination climbs its levels: submitted to the first, appraised
 * and reviewed by that level's council, then submitted on to the next (COUNCIL_REVIEWED → SUBMITTED) until the
 * deciding level, where COUNCIL_REVIEWED → DECIDED (only through decideNomination). Returned, it goes back to the
 * proposer and starts again at the first level.
 */
export const TRANSITIONS: Record<NominationStatus, NominationStatus[]> = {
  [NominationStatus.DRAFT]: [NominationStatus.SUBMITTED],
  [NominationStatus.SUBMITTED]: [NominationStatus.APPRAISED, NominationStatus.RETURNED],
  [NominationStatus.APPRAISED]: [NominationStatus.COUNCIL_REVIEWED, NominationStatus.RETURNED],
  [NominationStatus.COUNCIL_REVIEWED]: [NominationStatus.SUBMITTED, NominationStatus.DECIDED, NominationStatus.RETURNED],
  [NominationStatus.RETURNED]: [NominationStatus.SUBMITTED],
  [NominationStatus.DECIDED]: [],
};

/** The steps open to this nomination now: from COUNCIL_REVIEWED, on to the next level below the deciding one, else the decision. */
export function allowedSteps(nomination: Pick<Nomination, 'status' | 'currentUnitId' | 'decidingUnitId'>): NominationStatus[] {
  const atDecidingLevel = nomination.currentUnitId === nomination.decidingUnitId;
  return TRANSITIONS[nomination.status].filter(
    (to) =>
      nomination.status !== NominationStatus.COUNCIL_REVIEWED ||
      (to === NominationStatus.SUBMITTED ? !atDecidingLevel : to === NominationStatus.DECIDED ? atDecidingLevel : true),
  );
}

/**
 * Who confers each authority's forms: the level of the unit whose head decides (the nation for State, Prime Minister
 * and ministerial awards) and that head, named in both languages.
 */
const DECIDER: Record<AwardAuthority, Named & { level: UnitInfo['level'] }> = {
  [AwardAuthority.STATE]: { level: 'NATION', vi: 'Chủ tịch nước', en: 'the State President' },
  [AwardAuthority.PRIME_MINISTER]: { level: 'NATION', vi: 'Thủ tướng Chính phủ', en: 'the Prime Minister' },
  [AwardAuthority.MINISTRY]: { level: 'NATION', vi: 'Bộ trưởng, Thủ trưởng cơ quan Trung ương', en: 'a minister' },
  [AwardAuthority.PROVINCE]: { level: 'PROVINCE', vi: 'Chủ tịch UBND tỉnh', en: 'the provincial chairman' },
  [AwardAuthority.DISTRICT]: { level: 'DISTRICT', vi: 'Chủ tịch UBND huyện', en: 'the district chairman' },
  [AwardAuthority.COMMUNE]: { level: 'COMMUNE', vi: 'Chủ tịch UBND xã', en: 'the commune chairman' },
};

const NOMINATION_ORDER: Record<NominationOrderField, string> = {
  [NominationOrderField.YEAR]: 'n.year',
  // Workflow order, as the enum declares the states.
  [NominationOrderField.STATUS]: `array_position('${textArray(Object.values(NominationStatus))}'::text[], n.status)`,
  [NominationOrderField.CREATED]: 'n.id',
  [NominationOrderField.UPDATED]: 'n.updated_at',
};

const AWARD_ORDER: Record<AwardOrderField, string> = {
  [AwardOrderField.DECIDED_ON]: 'a.decided_on',
  [AwardOrderField.YEAR]: 'a.year',
  [AwardOrderField.CREATED]: 'a.id',
};

/** The column each filter field of the two lists equals. */
const NOMINATION_FILTER: FilterColumns<NominationFilter> = {
  campaignId: { id: 'n.campaign_id' },
  standardId: { id: 'n.standard_id' },
  status: 'n.status',
  year: 'n.year',
};
const AWARD_FILTER: FilterColumns<AwardFilter> = {
  campaignId: { id: 'a.campaign_id' },
  subjectUnitId: { id: 'a.subject_unit_id' },
  year: 'a.year',
  formCode: 'a.form_code',
};

/** Nominations through their workflow, and the awards decided from them. */
export class NominationService extends Service {
  async require(id: string | number, lock = false): Promise<Nomination> {
    const nomination = await this.em.findOne(Nomination, { id: parseId(id) }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!nomination) throw notFound(`Không có hồ sơ đề nghị ${id}`, `No nomination ${id}`);
    return nomination;
  }

  private async unit(id: number): Promise<UnitInfo> {
    const unit = await this.ctx.units.byId(id);
    if (!unit) throw notFound(`Không tìm thấy đơn vị ${id}`, `Unit ${id} is unknown`);
    return unit;
  }

  private record(
    nomination: Nomination,
    from: NominationStatus | null,
    to: NominationStatus,
    reason: string | null,
    auditUnitId: number,
    receivedOn: string | null = null,
  ) {
    this.em.create(NominationTransition, {
      nominationId: nomination.id,
      from,
      to,
      reason,
      userId: this.ctx.identity.userId,
      username: this.ctx.identity.username ?? 'system',
      auditUnitIdValue: auditUnitId,
      receivedOn,
    } as never);
  }

  /**
   * Who decides a form for a subject — the unit whose head confers it: the nation for State, Prime Minister and
   * ministerial awards, else the subject's province, district or commune — and the levels that review the nomination
   * on the way: each unit above the proposer up to the deciding one (the proposer itself when it decides).
   */
  private async decisionPath(
    formCode: string,
    subject: UnitInfo,
    proposing: UnitInfo,
  ): Promise<{ authority: AwardAuthority; deciding: UnitInfo; levels: number[] }> {
    const form = (await new StandardService(this.ctx).formsByCodes([formCode]))[0];
    const authority = form.authority;
    const ancestors = (await this.ctx.units.byIds(pathIds(subject.path))).filter((u): u is UnitInfo => u !== null);
    const decider = DECIDER[authority];
    const deciding = ancestors.find((u) => u.level === decider.level);
    if (!deciding) {
      throw badInput(
        `${form.nameVi} do ${decider.vi} quyết định, nhưng ${subject.name} không thuộc đơn vị cấp ${decider.level} nào`,
        `${form.nameEn} is decided by ${decider.en}, but ${subject.name} lies in no ${decider.level}`,
        'formCode',
      );
    }
    if (!isWithin(proposing, deciding)) {
      throw badInput(
        `${form.nameVi} cho ${subject.name} do ${deciding.name} quyết định: đơn vị trình ${proposing.name} phải thuộc ${deciding.name}`,
        `${form.nameEn} for ${subject.name} is decided by ${deciding.name}: the proposing unit ${proposing.name} must lie within it`,
        'proposingUnitCode',
      );
    }
    const path = pathIds(proposing.path);
    const levels = proposing.id === deciding.id ? [deciding.id] : path.slice(path.indexOf(deciding.id), -1).reverse();
    return { authority, deciding, levels };
  }

  async create(input: CreateNominationInput): Promise<Nomination> {
    const standards = new StandardService(this.ctx);
    const standard = await standards.require(input.standardId);
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
      throw badInput('Năm phải từ 2000 đến 2100', 'year must be 2000–2100', 'year');
    const proposing = await this.ctx.units.requireByCode(input.proposingUnitCode, referenceDate(input.year));
    this.ctx.guard.require(Capability.PROPOSE_NOMINATIONS, proposing);
    const campaign = await campaignInfo(this.ctx, standard.campaignId);
    if (standard.year != null && standard.year !== input.year)
      throw badInput(`Tiêu chuẩn này dành cho năm ${standard.year}`, `This standard is for ${standard.year}`, 'year');
    if (!isWithin(proposing, campaign.issuer)) {
      throw badInput(
        `Đơn vị trình ${proposing.name} không thuộc ${campaign.issuer.name}`,
        `The proposing unit ${proposing.name} is outside ${campaign.issuer.name}`,
        'proposingUnitCode',
      );
    }
    const subject = await resolveSubject(this.ctx, this.em, input.subject, input.year);
    if (!isWithin(subject.unit, proposing)) {
      throw badInput(
        `Đối tượng ${subject.name} không thuộc đơn vị trình ${proposing.name}`,
        `The subject is outside the proposing unit ${proposing.name}`,
        'subject',
      );
    }
    if (standard.subjectType !== AwardSubjectType.ANY && standard.subjectType !== subject.type) {
      throw badInput(
        `Tiêu chuẩn dành cho ${standard.subjectType}, đối tượng là ${subject.type}`,
        `The standard is for ${standard.subjectType}, the subject is a ${subject.type}`,
        'subject',
      );
    }
    const formCode = standard.formCode ?? input.formCode;
    if (!formCode) throw badInput('Tiêu chuẩn không định hình thức: cần formCode', 'The standard names no form: give formCode', 'formCode');
    if (standard.formCode && input.formCode && input.formCode !== standard.formCode) {
      throw badInput(`Tiêu chuẩn định hình thức ${standard.formCode}`, `The standard's form is ${standard.formCode}`, 'formCode');
    }
    await standards.checkForm(campaign.id, formCode);
    const decision = await this.decisionPath(formCode, subject.unit, proposing);
    const [open] = await this.em.execute(
      `SELECT id FROM awards.nomination WHERE standard_id = ? AND year = ? AND subject_unit_id = ? AND subject_contributor_id IS NOT DISTINCT FROM ?`,
      [standard.id, input.year, subject.unit.id, subject.contributor?.id ?? null],
    );
    if (open)
      throw conflict(
        `Đối tượng đã có hồ sơ ${open.id} cho tiêu chuẩn này năm ${input.year}`,
        `The subject already has nomination ${open.id} for this standard in ${input.year}`,
      );
    const dossier = dossierFor(standard.occasion, await standards.dossierRequirements([campaign.id])).map((r) => ({
      item: r.item,
      label: r.label,
      template: r.template ?? null,
      provided: false,
      documentReference: null,
    }));
    const nomination = this.em.create(Nomination, {
      campaignId: campaign.id,
      standardId: standard.id,
      formCode,
      occasion: standard.occasion,
      year: input.year,
      subjectType: subject.type,
      subjectUnitId: subject.unit.id,
      subjectContributorId: subject.contributor?.id ?? null,
      subjectName: subject.name,
      proposingUnitId: proposing.id,
      decidingUnitId: decision.deciding.id,
      decidingAuthority: decision.authority,
      levelUnitIds: decision.levels,
      currentUnitId: null,
      status: NominationStatus.DRAFT,
      dossier,
      version: 1,
    } as never);
    await this.em.flush();
    this.record(nomination, null, NominationStatus.DRAFT, null, proposing.id);
    await this.em.flush();
    return nomination;
  }

  async updateDossier(id: string, expectedVersion: number, items: DossierEntryInput[]): Promise<Nomination> {
    const nomination = await this.require(id, true);
    this.ctx.guard.require(Capability.PROPOSE_NOMINATIONS, await this.unit(nomination.proposingUnitId));
    checkVersion(nomination.version, expectedVersion);
    if (nomination.status !== NominationStatus.DRAFT && nomination.status !== NominationStatus.RETURNED) {
      throw badInput(
        `Chỉ sửa hồ sơ ở trạng thái DRAFT hoặc RETURNED (hiện ${nomination.status})`,
        `The dossier can change only in DRAFT or RETURNED (now ${nomination.status})`,
        'id',
      );
    }
    const dossier = nomination.dossier.map((entry) => ({ ...entry }));
    for (const [i, item] of items.entries()) {
      const entries = dossier.filter((e) => e.item === item.item);
      if (!entries.length)
        throw badInput(`Hồ sơ không có thành phần ${item.item}`, `The dossier has no ${item.item} item`, `items[${i}].item`);
      const reference = item.documentReference == null ? null : normaliseText(item.documentReference) || null;
      if (item.provided && !reference)
        throw badInput(
          'Cần số, ký hiệu văn bản khi đã có',
          'A provided item needs its document reference',
          `items[${i}].documentReference`,
        );
      for (const entry of entries) Object.assign(entry, { provided: item.provided, documentReference: item.provided ? reference : null });
    }
    nomination.dossier = dossier;
    await this.em.flush();
    return nomination;
  }

  async transition(
    id: string,
    to: NominationStatus,
    reason: string | null | undefined,
    expectedVersion?: number | null,
    receivedOn?: string | null,
  ): Promise<Nomination> {
    const nomination = await this.require(id, true);
    // The proposer submits a nomination it holds (DRAFT, RETURNED); every other step is the level handling it.
    const fromProposer = nomination.currentUnitId == null;
    const submitting = to === NominationStatus.SUBMITTED && fromProposer;
    const actingUnit = await this.unit(submitting ? nomination.proposingUnitId : (nomination.currentUnitId ?? nomination.levelUnitIds[0]));
    this.ctx.guard.require(submitting ? Capability.PROPOSE_NOMINATIONS : Capability.DECIDE_NOMINATIONS, actingUnit);
    checkVersion(nomination.version, expectedVersion, undefined, { optional: true });
    const allowed = allowedSteps(nomination);
    if (to === NominationStatus.DECIDED && allowed.includes(to)) {
      throw badInput(
        'Quyết định khen thưởng ghi bằng decideNomination (số, ngày, người ký)',
        'Record the decision with decideNomination (number, date, signer)',
        'to',
      );
    }
    if (!allowed.includes(to)) {
      throw badInput(
        `Không thể chuyển hồ sơ từ ${nomination.status} sang ${to}; được phép: ${allowed.join(', ') || 'không — none'}`,
        `Cannot move a nomination from ${nomination.status} to ${to}; allowed: ${allowed.join(', ') || 'none'}`,
        'to',
      );
    }
    const why = reason == null ? null : normaliseText(reason) || null;
    if (to === NominationStatus.RETURNED && !why)
      throw badInput('Trả lại hồ sơ phải nêu lý do', 'Returning a nomination needs a reason', 'reason');
    if (receivedOn != null && to !== NominationStatus.SUBMITTED)
      throw badInput('Ngày nhận hồ sơ chỉ ghi khi nộp (SUBMITTED)', 'receivedOn is only for a submission (SUBMITTED)', 'receivedOn');
    if (receivedOn != null && receivedOn > today())
      throw badInput('Ngày nhận hồ sơ không được sau hôm nay', 'receivedOn must not be in the future', 'receivedOn');
    const received = to === NominationStatus.SUBMITTED ? (receivedOn ?? today()) : null;
    if (submitting) await this.checkSubmission(nomination, received!);
    const from = nomination.status;
    nomination.status = to;
    nomination.currentUnitId =
      to === NominationStatus.RETURNED
        ? null
        : to === NominationStatus.SUBMITTED
          ? nomination.levelUnitIds[submitting ? 0 : nomination.levelUnitIds.indexOf(actingUnit.id) + 1]
          : actingUnit.id;
    this.record(nomination, from, to, why, actingUnit.id, received);
    await this.em.flush();
    return nomination;
  }

  /** A dossier must be complete, and a first submission must reach the first level by the occasion's deadline (its last allowed day). */
  private async checkSubmission(nomination: Nomination, receivedOn: string): Promise<void> {
    const missing = nomination.dossier.filter((e) => !e.provided);
    if (missing.length) {
      throw badInput(
        `Hồ sơ còn thiếu: ${missing.map((e) => e.label).join('; ')}`,
        `The dossier lacks: ${missing.map((e) => e.item).join(', ')}`,
        'dossier',
      );
    }
    if (nomination.status !== NominationStatus.DRAFT) return;
    const standard = await new StandardService(this.ctx).require(nomination.standardId);
    const deadline = deadlineOf(standard, nomination.year, await campaignInfo(this.ctx, nomination.campaignId));
    if (deadline && receivedOn > deadline.date) {
      const where =
        deadline.source === 'STANDARD' ? 'theo tiêu chuẩn — set on the standard' : 'theo mốc của phong trào — from the campaign milestone';
      throw badInput(
        `Đã quá hạn nộp hồ sơ đợt ${nomination.occasion} năm ${nomination.year}: hạn ${dmy(deadline.date)} (ngày cuối được nộp, ${where.split(' — ')[0]}), hồ sơ nộp ngày ${dmy(receivedOn)}`,
        `The submission deadline for the ${nomination.occasion} ${nomination.year} occasion was ${deadline.date} (the last day allowed, ${where.split(' — ')[1]}); the dossier was submitted on ${receivedOn}`,
        'to',
      );
    }
  }

  async decide(input: DecideNominationInput): Promise<Nomination> {
    const nomination = await this.require(input.id, true);
    const deciding = await this.unit(nomination.decidingUnitId);
    this.ctx.guard.require(Capability.DECIDE_NOMINATIONS, deciding);
    if (nomination.status === NominationStatus.COUNCIL_REVIEWED && nomination.currentUnitId !== nomination.decidingUnitId) {
      throw badInput(
        `Hồ sơ mới được Hội đồng cấp dưới xét; cần trình tiếp lên ${deciding.name} (SUBMITTED) trước khi quyết định`,
        `The nomination was reviewed by a lower level; submit it on to ${deciding.name} (SUBMITTED) before deciding`,
        'id',
      );
    }
    checkVersion(nomination.version, input.expectedVersion, undefined, { optional: true });
    if (nomination.status !== NominationStatus.COUNCIL_REVIEWED) {
      throw badInput(
        `Chỉ quyết định hồ sơ đã được Hội đồng xét (COUNCIL_REVIEWED), hồ sơ đang ở ${nomination.status}`,
        `Only a COUNCIL_REVIEWED nomination can be decided; this one is ${nomination.status}`,
        'id',
      );
    }
    const number = normaliseText(input.decisionNumber);
    const signer = normaliseText(input.signer);
    if (!number) throw badInput('Cần số quyết định', 'decisionNumber must not be empty', 'decisionNumber');
    if (!signer) throw badInput('Cần người ký', 'signer must not be empty', 'signer');
    if (input.decidedOn > today())
      throw badInput('Ngày quyết định không được sau hôm nay', 'decidedOn must not be in the future', 'decidedOn');
    this.em.create(Award, {
      nominationId: nomination.id,
      campaignId: nomination.campaignId,
      standardId: nomination.standardId,
      formCode: nomination.formCode,
      occasion: nomination.occasion,
      year: nomination.year,
      subjectType: nomination.subjectType,
      subjectUnitId: nomination.subjectUnitId,
      subjectContributorId: nomination.subjectContributorId ?? null,
      subjectName: nomination.subjectName,
      decidingUnitId: nomination.decidingUnitId,
      decisionNumber: number,
      decidedOn: input.decidedOn,
      signer,
    } as never);
    const from = nomination.status;
    nomination.status = NominationStatus.DECIDED;
    this.record(
      nomination,
      from,
      NominationStatus.DECIDED,
      `Quyết định số ${number} ngày ${dmy(input.decidedOn)}, ${signer} ký — decision ${number} of ${input.decidedOn}, signed by ${signer}`,
      deciding.id,
    );
    await this.em.flush();
    return nomination;
  }

  async list(filter: NominationFilter, page: Page, sort: ListSort<NominationOrderField>): Promise<ListResult<Nomination>> {
    const where = Conditions.matching(filter, NOMINATION_FILTER);
    const order = orderClause(NOMINATION_ORDER[sort.orderBy], 'n.id', sort.direction);
    return listPage(this.em, page, { from: 'awards.nomination n', where, order }, entityRows(this.em, Nomination));
  }

  async transitionsOf(ids: readonly number[]): Promise<NominationTransition[]> {
    return ids.length ? this.em.find(NominationTransition, { nominationId: { $in: [...ids] } }, { orderBy: { id: 'ASC' } }) : [];
  }

  async awardsOfNominations(ids: readonly number[]): Promise<Award[]> {
    return ids.length ? this.em.find(Award, { nominationId: { $in: [...ids] } }) : [];
  }

  async awards(filter: AwardFilter, page: Page, sort: ListSort<AwardOrderField>): Promise<ListResult<Award>> {
    const where = Conditions.matching(filter, AWARD_FILTER);
    const order = orderClause(AWARD_ORDER[sort.orderBy], 'a.id', sort.direction);
    return listPage(this.em, page, { from: 'awards.award a', where, order }, entityRows(this.em, Award));
  }
}
