import { Service } from '../shared/service.js';
import { parseId } from '../shared/ids.js';
import { writeAudit } from '../shared/audit.js';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, conflict, notFound } from '../shared/errors.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, intArray } from '../shared/sql.js';
import { isWithin } from '../shared/unit-directory.js';
import { tierRank } from '../shared/domain/recognition-tiers.js';
import { RecognitionOrderField, RecognitionTier, tiersFor } from './criteria.enums.js';
import { uniquely } from '../shared/database-errors.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { listPage, orderClause } from '../shared/list-page.js';
import { RecognitionDecision } from './recognition.entity.js';
import type { RecognitionFilter, RecordRecognitionInput, RevokeRecognitionInput } from './recognition.input.js';
import { text } from './text.js';
import { dateInYear, requireUnit, subtreeUnitIds, unitsByIds } from './unit-lookup.js';

const VALID_IN_YEAR = 'd.decided_on <= make_date(?::int, 12, 31) AND (d.revoked_on IS NULL OR d.revoked_on > make_date(?::int, 12, 31))';

/** Sort keys of each order field, each taking the direction asked; the decision's id breaks the remaining ties. */
const ORDER: Record<RecognitionOrderField, string[]> = {
  [RecognitionOrderField.DECIDED_ON]: ['d.decided_on'],
  [RecognitionOrderField.TIER]: [`array_position(ARRAY['${Object.values(RecognitionTier).join("','")}'], d.tier)`],
  [RecognitionOrderField.UNIT_CODE]: ['d.unit_code'],
  [RecognitionOrderField.DECISION_NUMBER]: ['d.decision_number'],
  [RecognitionOrderField.CREATED]: ['d.id'],
};

/** The recognition that counts for a unit in a year: its highest tier among decisions valid that year (latest first on a tie). */
export function highestRecognition(decisions: readonly RecognitionDecision[], year: number): RecognitionDecision | null {
  return (
    decisions
      .filter((d) => d.validInYear(year))
      .sort((a, b) => tierRank(b.tier) - tierRank(a.tier) || b.decidedOn.localeCompare(a.decidedOn) || b.id - a.id)[0] ?? null
  );
}

/** Recognition decisions: recorded by the issuing unit, revocable, and the source of a unit's status in a year. */
export class RecognitionService extends Service {
  private map(rows: Record<string, unknown>[]): RecognitionDecision[] {
    return rows.map((row) => this.em.map(RecognitionDecision, row));
  }

  async list(filter: RecognitionFilter, page: Page, sort: ListSort<RecognitionOrderField>): Promise<ListResult<RecognitionDecision>> {
    const where = new Conditions();
    if (filter.unitIds) where.add('d.unit_id = ANY(?::int[])', intArray(filter.unitIds.map((id) => parseId(id, 'unitIds'))));
    where.given('d.tier = ?', filter.tier);
    if (filter.validInYear != null) where.add(VALID_IN_YEAR, filter.validInYear, filter.validInYear);
    where.given('d.synthetic = ?', filter.synthetic);
    if (filter.withinCode != null) {
      const ids = await subtreeUnitIds(
        this.ctx,
        filter.withinCode,
        filter.asOf ?? (filter.validInYear != null ? dateInYear(filter.validInYear) : null),
      );
      where.add('d.unit_id = ANY(?::int[])', intArray(ids));
    }
    const order = orderClause(ORDER[sort.orderBy], 'd.id', sort.direction);
    return listPage(this.em, page, { from: 'criteria.recognition_decision d', where, order }, (rows) => this.map(rows));
  }

  async require(id: string): Promise<RecognitionDecision> {
    const [decision] = this.map(await this.em.execute('SELECT * FROM criteria.recognition_decision WHERE id = ?', [parseId(id)]));
    if (!decision) throw notFound(`Không có quyết định công nhận ${id}`, `No recognition decision ${id}`);
    return decision;
  }

  /** Decisions about these units that count in `year`. */
  async validInYear(unitIds: readonly number[], year: number): Promise<RecognitionDecision[]> {
    return this.map(
      await this.em.execute(`SELECT d.* FROM criteria.recognition_decision d WHERE d.unit_id = ANY(?::int[]) AND ${VALID_IN_YEAR}`, [
        intArray(unitIds),
        year,
        year,
      ]),
    );
  }

  async record(input: RecordRecognitionInput): Promise<RecognitionDecision> {
    const unit = await requireUnit(this.ctx, input.unitCode, input.decidedOn);
    const issuer = await requireUnit(this.ctx, input.issuingUnitCode, input.decidedOn, 'issuingUnitCode');
    this.ctx.guard.require(Capability.DECIDE_RECOGNITIONS, issuer);
    if (unit.id === issuer.id || !isWithin(unit, issuer)) {
      throw badInput(`${issuer.name} không phải cấp trên của ${unit.name}`, `${issuer.name} is not above ${unit.name}`, 'issuingUnitCode');
    }
    if (!tiersFor(unit.level, unit.kind).includes(input.tier)) {
      throw badInput(
        `Không thể công nhận ${unit.name} ở mức ${input.tier}`,
        `${unit.name} (${unit.level}, ${unit.kind}) cannot be recognised as ${input.tier} (allowed: ${tiersFor(unit.level, unit.kind).join(', ') || 'none'})`,
        'tier',
      );
    }
    const setId = input.criteriaSetId != null ? (await new CriteriaSetService(this.ctx).require(input.criteriaSetId)).id : null;
    const number = text(input.decisionNumber);
    if (!number) throw badInput('Số quyết định không được để trống', 'decisionNumber must not be empty', 'decisionNumber');
    const rows = await uniquely(
      () =>
        this.em.execute(
          `INSERT INTO criteria.recognition_decision (unit_id, unit_code, tier, decision_number, decided_on, issuing_unit_id, set_id)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [unit.id, unit.code, input.tier, number, input.decidedOn, issuer.id, setId],
        ),
      `Quyết định ${number} công nhận ${unit.name} mức ${input.tier} đã được ghi nhận`,
      `Decision ${number} recognising ${unit.name} as ${input.tier} is already recorded`,
    );
    await writeAudit(this.em, {
      subgraph: 'criteria',
      entity: 'RecognitionDecision',
      entityId: rows[0].id,
      action: 'CREATE',
      unitId: unit.id,
      before: null,
      after: rows[0],
    });
    return this.map(rows)[0];
  }

  async revoke(input: RevokeRecognitionInput): Promise<RecognitionDecision> {
    const read = await this.require(input.id);
    const id = read.id;
    const issuer = (await unitsByIds(this.ctx, [read.issuingUnitId])).get(read.issuingUnitId);
    if (!issuer) throw notFound('Không tìm thấy đơn vị ban hành', 'The issuing unit was not found');
    this.ctx.guard.require(Capability.DECIDE_RECOGNITIONS, issuer);
    const reason = text(input.reason);
    if (!reason) throw badInput('Cần nêu lý do thu hồi', 'A reason is required', 'reason');
    if (input.revokedOn < read.decidedOn) {
      throw badInput(
        `Ngày thu hồi phải từ ngày quyết định (${read.decidedOn})`,
        `revokedOn must not be before the decision date (${read.decidedOn})`,
        'revokedOn',
      );
    }
    const [decision] = this.map(await this.em.execute('SELECT * FROM criteria.recognition_decision WHERE id = ? FOR UPDATE', [id]));
    checkVersion(decision.version, input.expectedVersion, {
      vi: `Quyết định ${decision.decisionNumber}`,
      en: `Decision ${decision.decisionNumber}`,
    });
    if (decision.revokedOn)
      throw conflict(`Quyết định đã bị thu hồi ngày ${decision.revokedOn}`, `The decision was already revoked on ${decision.revokedOn}`);
    const rows = await this.em.execute(
      'UPDATE criteria.recognition_decision SET revoked_on = ?, revocation_reason = ?, version = version + 1 WHERE id = ? RETURNING *',
      [input.revokedOn, reason, id],
    );
    await writeAudit(this.em, {
      subgraph: 'criteria',
      entity: 'RecognitionDecision',
      entityId: id,
      action: 'UPDATE',
      unitId: decision.unitId,
      before: decision,
      after: rows[0],
    });
    return this.map(rows)[0];
  }
}
