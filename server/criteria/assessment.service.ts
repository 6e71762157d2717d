import { parseId } from '../shared/ids.js';
import { writeAudit } from '../shared/audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Capability, authorizeCapability } from '../shared/capabilities.js';
import { badInput, checkVersion, conflict, notFound } from '../shared/errors.js';
import { type ListResult, type Page, SortDirection } from '../shared/paging.js';
import { Conditions, intArray } from '../shared/sql.js';
import { isWithin, type UnitInfo } from '../shared/unit-directory.js';
import { Assessment, AssessmentChange, CriterionResult } from './assessment.entity.js';
import type { AssessmentFilter, RecordAssessmentInput } from './assessment.input.js';
import { evaluateResults, type EvaluatedCriterion, type IndicatorDef } from './assessment-evaluation.js';
import { AssessmentOrderField } from './criteria-enums.js';
import { listPage, orderClause } from '../shared/list-page.js';
import type { CriteriaSet } from './criteria-set.entity.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { dateInYear, requireUnit, subtreeUnitIds, unitsByIds, type CriteriaContext } from './unit-lookup.js';

/** Assessments with their met and criteria counts, which every read returns. */
const SELECT_ASSESSMENT = `SELECT a.*, s.root_id,
    (SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = a.id AND r.met) AS met_count,
    (SELECT count(*) FROM criteria.criterion c WHERE c.set_id = s.root_id) AS criteria_count
  FROM criteria.assessment a JOIN criteria.criteria_set s ON s.id = a.set_id`;

/** Sort keys of each order field, each taking the direction asked; the assessment's id breaks the remaining ties. */
const ORDER: Record<AssessmentOrderField, string[]> = {
  [AssessmentOrderField.YEAR]: ['x.year', 'x.unit_id', 'x.set_id'],
  [AssessmentOrderField.UNIT_CODE]: ['x.unit_code', 'x.year'],
  [AssessmentOrderField.MET_COUNT]: ['x.met_count'],
  [AssessmentOrderField.UPDATED_AT]: ['x.updated_at'],
  [AssessmentOrderField.CREATED]: ['x.id'],
};

/** The whole assessment as one JSON document, as the change history keeps it. */
const SNAPSHOT = `SELECT jsonb_build_object('unitId', a.unit_id, 'criteriaSetId', a.set_id, 'year', a.year, 'synthetic', a.synthetic, 'version', a.version,
    'results', COALESCE((SELECT jsonb_agg(jsonb_build_object('criterionNumber', r.criterion_number, 'met', r.met, 'evaluatedMet', r.evaluated_met,
        'overrideReason', r.override_reason,
        'indicators', COALESCE((SELECT jsonb_agg(jsonb_build_object('code', i.code, 'value', v.value, 'evidence', v.evidence,
            'threshold', v.threshold_value, 'passed', v.passed) ORDER BY i.code)
          FROM criteria.assessment_indicator_value v JOIN criteria.indicator i ON i.id = v.indicator_id
          WHERE v.assessment_id = a.id AND v.criterion_number = r.criterion_number), '[]'::jsonb)) ORDER BY r.criterion_number)
      FROM criteria.assessment_result r WHERE r.assessment_id = a.id), '[]'::jsonb)) AS doc
  FROM criteria.assessment a WHERE a.id = ?`;

/** The level of unit a set evaluates, and for communes the kind: the new-rural criteria apply to xã, not wards. */
export function appliesToUnit(set: Pick<CriteriaSet, 'appliesTo'>, unit: Pick<UnitInfo, 'level' | 'kind'>): boolean {
  return set.appliesTo === unit.level && (set.appliesTo !== 'COMMUNE' || unit.kind === 'COMMUNE');
}

/** Records and reads assessments: one per unit, set and year, evaluated from indicator values where it can be. */
export class AssessmentService {
  private readonly em: EntityManager;
  private readonly sets: CriteriaSetService;

  constructor(private readonly ctx: CriteriaContext) {
    this.em = ctx.em;
    this.sets = new CriteriaSetService(ctx);
  }

  private map(rows: Record<string, unknown>[], em: EntityManager = this.em): Assessment[] {
    return rows.map(({ met_count, criteria_count, root_id, ...row }) =>
      Object.assign(em.map(Assessment, row), { metCount: Number(met_count), criteriaCount: Number(criteria_count), rootId: Number(root_id) }));
  }

  async find(unitId: number, setId: number, year: number): Promise<Assessment | null> {
    const rows = await this.em.execute(`${SELECT_ASSESSMENT} WHERE a.unit_id = ? AND a.set_id = ? AND a.year = ?`, [unitId, setId, year]);
    return this.map(rows)[0] ?? null;
  }

  /** The assessment of the unit with this code (read at `asOf` or mid-year), set and year, or null. */
  async findByCode(unitCode: string, setId: string, year: number, asOf?: string): Promise<Assessment | null> {
    const unit = await requireUnit(this.ctx, unitCode, dateInYear(year, asOf));
    return this.find(unit.id, parseId(setId, 'criteriaSetId'), year);
  }

  async byIds(ids: readonly number[]): Promise<Assessment[]> {
    return this.map(await this.em.execute(`${SELECT_ASSESSMENT} WHERE a.id = ANY(?::int[])`, [intArray(ids)]));
  }

  async require(id: string): Promise<Assessment> {
    const [assessment] = await this.byIds([parseId(id)]);
    if (!assessment) throw notFound(`Không có đánh giá ${id}`, `No assessment ${id}`);
    return assessment;
  }

  async list(filter: AssessmentFilter, page: Page, orderBy = AssessmentOrderField.YEAR, direction = SortDirection.ASC): Promise<ListResult<Assessment>> {
    const where = new Conditions();
    if (filter.criteriaSetId != null) where.add('x.set_id = ?', parseId(filter.criteriaSetId, 'criteriaSetId'));
    if (filter.year != null) where.add('x.year = ?', filter.year);
    if (filter.unitIds) where.add('x.unit_id = ANY(?::int[])', intArray(filter.unitIds.map((id) => parseId(id, 'unitIds'))));
    if (filter.synthetic != null) where.add('x.synthetic = ?', filter.synthetic);
    if (filter.allMet != null) where.add('((x.met_count = x.criteria_count AND x.criteria_count > 0) = ?)', filter.allMet);
    if (filter.withinCode != null) {
      const ids = await subtreeUnitIds(this.ctx, filter.withinCode, filter.asOf ?? (filter.year != null ? dateInYear(filter.year) : null));
      where.add('x.unit_id = ANY(?::int[])', intArray(ids));
    }
    const { rows, totalCount } = await listPage(this.em, 'x.*', `FROM (${SELECT_ASSESSMENT}) x ${where.where()}`, where.params,
      orderClause(ORDER[orderBy], 'x.id', direction), page);
    return { nodes: this.map(rows), totalCount };
  }

  /** Assessments of these units, optionally of one year, newest year first. */
  async ofUnits(unitIds: readonly number[], year?: number | null): Promise<Assessment[]> {
    const where = new Conditions().add('a.unit_id = ANY(?::int[])', intArray(unitIds));
    if (year != null) where.add('a.year = ?', year);
    return this.map(await this.em.execute(`${SELECT_ASSESSMENT} ${where.where()} ORDER BY a.unit_id, a.year DESC, a.set_id`, where.params));
  }

  /** Criterion results of these assessments, with their indicator values, in criterion order. */
  async results(assessmentIds: readonly number[]): Promise<Map<number, CriterionResult[]>> {
    const ids = intArray(assessmentIds);
    const [results, values] = await Promise.all([
      this.em.execute(`SELECT r.*, a.set_id FROM criteria.assessment_result r JOIN criteria.assessment a ON a.id = r.assessment_id
        WHERE r.assessment_id = ANY(?::int[]) ORDER BY r.assessment_id, r.criterion_number`, [ids]),
      this.em.execute(`SELECT v.*, i.code, i.comparator FROM criteria.assessment_indicator_value v JOIN criteria.indicator i ON i.id = v.indicator_id
        WHERE v.assessment_id = ANY(?::int[]) ORDER BY v.assessment_id, i.code`, [ids]),
    ]);
    const grouped = new Map<number, CriterionResult[]>(assessmentIds.map((id) => [id, []]));
    const byKey = new Map<string, CriterionResult>();
    for (const r of results) {
      const result = Object.assign(new CriterionResult(), {
        criterionNumber: r.criterion_number, met: r.met, evaluatedMet: r.evaluated_met, overrideReason: r.override_reason, indicators: [], setId: r.set_id,
      });
      grouped.get(r.assessment_id)?.push(result);
      byKey.set(`${r.assessment_id}:${r.criterion_number}`, result);
    }
    for (const v of values) {
      byKey.get(`${v.assessment_id}:${v.criterion_number}`)?.indicators.push({
        code: v.code, value: v.value, evidence: v.evidence, threshold: v.threshold_value, comparator: v.comparator, passed: v.passed,
      });
    }
    return grouped;
  }

  /**
   * For each assessment, the numbers of the criteria met now but not in the unit's assessment of `baseYear` (same
   * set, else a set of the same family); null where the unit has no assessment that year.
   */
  async newlyMet(assessments: readonly Assessment[], baseYear: number): Promise<Map<number, number[] | null>> {
    const current = JSON.stringify(assessments.map((a) => ({ id: a.id, unit_id: a.unitId, set_id: a.setId, root_id: a.rootId })));
    const rows = await this.em.execute<{ id: number; number: number | null }[]>(
      `WITH cur AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(id int, unit_id int, set_id int, root_id int)),
       base AS (SELECT DISTINCT ON (cur.id) cur.id, b.id AS base_id FROM cur
         JOIN criteria.assessment b ON b.unit_id = cur.unit_id AND b.year = ?
         JOIN criteria.criteria_set bs ON bs.id = b.set_id AND bs.root_id = cur.root_id
         ORDER BY cur.id, (b.set_id = cur.set_id) DESC, b.id)
       SELECT base.id, NULL::int AS number FROM base
       UNION ALL
       SELECT base.id, r.criterion_number FROM base
         JOIN criteria.assessment_result r ON r.assessment_id = base.id AND r.met
         WHERE NOT EXISTS (SELECT 1 FROM criteria.assessment_result br WHERE br.assessment_id = base.base_id AND br.criterion_number = r.criterion_number AND br.met)
       ORDER BY 1, 2 NULLS FIRST`,
      [current, baseYear],
    );
    const found = new Map<number, number[] | null>(assessments.map((a) => [a.id, null]));
    for (const row of rows) {
      if (row.number === null) found.set(row.id, []);
      else found.get(row.id)!.push(row.number);
    }
    return found;
  }

  async history(assessmentId: number, page: Page): Promise<ListResult<AssessmentChange>> {
    const { rows, totalCount } = await listPage(this.em, 'c.*', 'FROM criteria.assessment_change c WHERE c.assessment_id = ?', [assessmentId], 'c.id DESC', page);
    return { nodes: rows.map((row) => this.em.map(AssessmentChange, row)), totalCount };
  }

  /**
   * Records results for a unit, set and year: checks the set applies (level, owner's territory, period) and the
   * unit is valid that year, evaluates indicators against the effective thresholds, then writes the assessment,
   * its results and a history entry in one transaction. Re-recording replaces the criteria sent.
   */
  async record(input: RecordAssessmentInput): Promise<Assessment> {
    const set = await this.sets.require(input.criteriaSetId);
    const unit = await requireUnit(this.ctx, input.unitCode, dateInYear(input.year, input.asOf));
    authorizeCapability(this.ctx, Capability.RECORD_ASSESSMENTS, unit.path);
    await this.checkApplies(set, unit, input.year);

    const [criteria, indicators, owned] = await Promise.all([
      this.sets.criteriaOf([set.rootId]), this.sets.indicatorsSeenThrough(set), this.sets.ownedThresholds(set.id),
    ]);
    const defs = new Map<string, IndicatorDef>([...indicators].map(([code, { indicator, criterionNumber }]) =>
      [code, { id: indicator.id, code, comparator: indicator.comparator, criterionNumber }]));
    const evaluated = evaluateResults(input.results, new Set(criteria.map((c) => c.number)), defs, (def) => {
      const applied = this.sets.effective(indicators.get(def.code)!.indicator, owned.get(def.id) ?? [], unit, input.year).chain[0];
      return applied ? { id: applied.threshold.id, value: applied.threshold.value } : null;
    });
    return this.write(set, unit, input, evaluated);
  }

  private async checkApplies(set: CriteriaSet, unit: UnitInfo, year: number): Promise<void> {
    if (`${year}-12-31` < set.periodStart || `${year}-01-01` > set.periodEnd) {
      throw badInput(`Năm ${year} ngoài thời kỳ của bộ tiêu chí (${set.periodStart} – ${set.periodEnd})`,
        `Year ${year} is outside the set's period (${set.periodStart} – ${set.periodEnd})`, 'year');
    }
    if (!appliesToUnit(set, unit)) {
      throw badInput(`Bộ tiêu chí ${set.code} áp dụng cho cấp ${set.appliesTo}, không áp dụng cho ${unit.name}`,
        `Criteria set ${set.code} applies to ${set.appliesTo} units (communes: xã only), not to ${unit.name} (${unit.level}, ${unit.kind})`, 'unitCode');
    }
    const owner = (await unitsByIds(this.ctx, [set.ownerUnitId])).get(set.ownerUnitId);
    if (!owner || !isWithin(unit, owner)) {
      throw badInput(`Bộ tiêu chí ${set.code} là của địa phương khác, không áp dụng cho ${unit.name}`,
        `Criteria set ${set.code} belongs to another locality and does not apply to ${unit.name}`, 'criteriaSetId');
    }
  }

  private write(set: CriteriaSet, unit: UnitInfo, input: RecordAssessmentInput, evaluated: EvaluatedCriterion[]): Promise<Assessment> {
    return this.em.transactional(async (em) => {
      const [existing] = await em.execute('SELECT id, version, synthetic FROM criteria.assessment WHERE unit_id = ? AND set_id = ? AND year = ? FOR UPDATE',
        [unit.id, set.id, input.year]);
      let id: number;
      let before: Record<string, unknown> | null = null;
      if (existing) {
        checkVersion(existing.version, input.expectedVersion, { vi: `Đánh giá năm ${input.year} của ${unit.name}`, en: `The ${input.year} assessment of ${unit.name}` });
        id = existing.id;
        before = (await em.execute(SNAPSHOT, [id]))[0].doc;
        // Recorded results replace a synthetic assessment entirely: no mix of demo and real data.
        if (existing.synthetic) await em.execute('DELETE FROM criteria.assessment_result WHERE assessment_id = ?', [id]);
        await em.execute('UPDATE criteria.assessment SET version = version + 1, updated_at = now(), synthetic = false WHERE id = ?', [id]);
      } else {
        const [created] = await em.execute(
          'INSERT INTO criteria.assessment (unit_id, unit_code, set_id, year) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id', [unit.id, unit.code, set.id, input.year]);
        if (!created) throw conflict('Đánh giá này vừa được người khác ghi nhận; tải lại rồi thử lại', 'Someone else just recorded this assessment: reload and retry');
        id = created.id;
      }
      const numbers = intArray(evaluated.map((e) => e.criterionNumber));
      await em.execute('DELETE FROM criteria.assessment_indicator_value WHERE assessment_id = ? AND criterion_number = ANY(?::int[])', [id, numbers]);
      await em.execute('DELETE FROM criteria.assessment_result WHERE assessment_id = ? AND criterion_number = ANY(?::int[])', [id, numbers]);
      await em.execute(
        `INSERT INTO criteria.assessment_result (assessment_id, criterion_number, met, evaluated_met, override_reason)
         SELECT ?, r.number, r.met, r.evaluated, r.reason FROM jsonb_to_recordset(?::jsonb) AS r(number int, met boolean, evaluated boolean, reason text)`,
        [id, JSON.stringify(evaluated.map((e) => ({ number: e.criterionNumber, met: e.met, evaluated: e.evaluatedMet, reason: e.overrideReason })))],
      );
      const values = evaluated.flatMap((e) => e.indicators.map((v) => ({ ...v, criterionNumber: e.criterionNumber })));
      if (values.length) {
        await em.execute(
          `INSERT INTO criteria.assessment_indicator_value (assessment_id, indicator_id, criterion_number, value, evidence, threshold_id, threshold_value, passed)
           SELECT ?, v."indicatorId", v."criterionNumber", v.value, v.evidence, v."thresholdId", v.threshold, v.passed
           FROM jsonb_to_recordset(?::jsonb) AS v("indicatorId" int, "criterionNumber" int, value double precision, evidence text, "thresholdId" int, threshold double precision, passed boolean)`,
          [id, JSON.stringify(values)],
        );
      }
      const [{ doc: after }] = await em.execute(SNAPSHOT, [id]);
      await em.execute('INSERT INTO criteria.assessment_change (assessment_id, user_id, username, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)',
        [id, this.ctx.identity.userId, this.ctx.identity.username, before === null ? null : JSON.stringify(before), JSON.stringify(after)]);
      await writeAudit(em, { subgraph: 'criteria', entity: 'Assessment', entityId: id, action: existing ? 'UPDATE' : 'CREATE', unitId: unit.id, before, after });
      return this.map(await em.execute(`${SELECT_ASSESSMENT} WHERE a.id = ?`, [id]), em)[0];
    });
  }
}
