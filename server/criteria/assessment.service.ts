import { Service } from '../shared/service.js';
import { parseId } from '../shared/ids.js';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, notFound } from '../shared/errors.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, intArray } from '../shared/sql.js';
import { isWithin, type UnitInfo } from '../shared/unit-directory.js';
import { Assessment, AssessmentChange, CriterionResult } from './assessment.entity.js';
import type { AssessmentFilter, CriterionResultInput, RecordAssessmentInput } from './assessment.input.js';
import { checkResults, type EvaluatedCriterion, type IndicatorDef, type ResultProblem } from './assessment-evaluation.js';
import { assessmentKey, type PlannedAssessment, storedAssessments, writeAssessments } from './assessment-writer.js';
import { AssessmentOrderField } from './criteria.enums.js';
import { entityRows, listPage, orderClause } from '../shared/list-page.js';
import type { CriteriaSet, Indicator } from './criteria-set.entity.js';
import type { OwnedThreshold } from './threshold-resolution.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { dateInYear, requireUnit, subtreeUnitIds, unitsByIds } from './unit-lookup.js';

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

/** The level of unit a set evaluates, and for communes the kind: the new-rural criteria apply to xã, not wards. */
export function appliesToUnit(set: Pick<CriteriaSet, 'appliesTo'>, unit: Pick<UnitInfo, 'level' | 'kind'>): boolean {
  return set.appliesTo === unit.level && (set.appliesTo !== 'COMMUNE' || unit.kind === 'COMMUNE');
}

/** Records and reads assessments: one per unit, set and year, evaluated from indicator values where it can be. */
export class AssessmentService extends Service {
  private readonly sets = new CriteriaSetService(this.ctx);

  private map(rows: Record<string, unknown>[]): Assessment[] {
    return rows.map(({ met_count, criteria_count, root_id, ...row }) =>
      Object.assign(this.em.map(Assessment, row), {
        metCount: Number(met_count),
        criteriaCount: Number(criteria_count),
        rootId: Number(root_id),
      }),
    );
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

  async list(filter: AssessmentFilter, page: Page, sort: ListSort<AssessmentOrderField>): Promise<ListResult<Assessment>> {
    const where = new Conditions();
    where.givenId('x.set_id = ?', filter, 'criteriaSetId');
    where.given('x.year = ?', filter.year);
    if (filter.unitIds) where.add('x.unit_id = ANY(?::int[])', intArray(filter.unitIds.map((id) => parseId(id, 'unitIds'))));
    where.given('x.synthetic = ?', filter.synthetic);
    where.given('((x.met_count = x.criteria_count AND x.criteria_count > 0) = ?)', filter.allMet);
    if (filter.withinCode != null) {
      const ids = await subtreeUnitIds(this.ctx, filter.withinCode, filter.asOf ?? (filter.year != null ? dateInYear(filter.year) : null));
      where.add('x.unit_id = ANY(?::int[])', intArray(ids));
    }
    const order = orderClause(ORDER[sort.orderBy], 'x.id', sort.direction);
    return listPage(this.em, page, { from: `(${SELECT_ASSESSMENT}) x`, where, order }, (rows) => this.map(rows));
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
      this.em.execute(
        `SELECT r.*, a.set_id FROM criteria.assessment_result r JOIN criteria.assessment a ON a.id = r.assessment_id
        WHERE r.assessment_id = ANY(?::int[]) ORDER BY r.assessment_id, r.criterion_number`,
        [ids],
      ),
      this.em.execute(
        `SELECT v.*, i.code, i.comparator FROM criteria.assessment_indicator_value v JOIN criteria.indicator i ON i.id = v.indicator_id
        WHERE v.assessment_id = ANY(?::int[]) ORDER BY v.assessment_id, i.code`,
        [ids],
      ),
    ]);
    const grouped = new Map<number, CriterionResult[]>(assessmentIds.map((id) => [id, []]));
    const byKey = new Map<string, CriterionResult>();
    for (const r of results) {
      const result = Object.assign(new CriterionResult(), {
        criterionNumber: r.criterion_number,
        met: r.met,
        evaluatedMet: r.evaluated_met,
        overrideReason: r.override_reason,
        indicators: [],
        setId: r.set_id,
      });
      grouped.get(r.assessment_id)?.push(result);
      byKey.set(`${r.assessment_id}:${r.criterion_number}`, result);
    }
    for (const v of values) {
      byKey.get(`${v.assessment_id}:${v.criterion_number}`)?.indicators.push({
        code: v.code,
        value: v.value,
        evidence: v.evidence,
        threshold: v.threshold_value,
        comparator: v.comparator,
        passed: v.passed,
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
    const where = new Conditions().add('c.assessment_id = ?', assessmentId);
    return listPage(
      this.em,
      page,
      { from: 'criteria.assessment_change c', where, order: 'c.id DESC' },
      entityRows(this.em, AssessmentChange),
    );
  }

  /** What a set asks of a recording, loaded once per set: its owner, criteria, indicators and the thresholds it sees. */
  async rules(set: CriteriaSet): Promise<SetRules> {
    const [criteria, indicators, owned, owners] = await Promise.all([
      this.sets.criteriaOf([set.rootId]),
      this.sets.indicatorsSeenThrough(set),
      this.sets.ownedThresholds(set.id),
      unitsByIds(this.ctx, [set.ownerUnitId]),
    ]);
    const defs = new Map<string, IndicatorDef>(
      [...indicators].map(([code, { indicator, criterionNumber }]) => [
        code,
        { id: indicator.id, code, comparator: indicator.comparator, criterionNumber },
      ]),
    );
    return {
      set,
      owner: owners.get(set.ownerUnitId) ?? null,
      criterionNumbers: new Set(criteria.map((c) => c.number)),
      indicators,
      defs,
      owned,
    };
  }

  /**
   * Checks a recording of a unit for a year against a set — the year in the set's period, the set for the unit's
   * level and territory, every criterion and indicator in the set, values in range — and evaluates it against the
   * effective thresholds. Returns every problem rather than throwing: the single mutation refuses on the first, the
   * importer reports them all on the file's row.
   */
  check(
    rules: SetRules,
    unit: UnitInfo,
    year: number,
    results: readonly CriterionResultInput[],
  ): { evaluated: EvaluatedCriterion[]; problems: Problem[] } {
    const { set } = rules;
    const outside = periodProblem(set, year);
    if (outside) return { evaluated: [], problems: [outside] };
    if (!appliesToUnit(set, unit)) {
      return {
        evaluated: [],
        problems: [
          {
            field: 'unitCode',
            vi: `Bộ tiêu chí ${set.code} áp dụng cho cấp ${set.appliesTo}, không áp dụng cho ${unit.name}`,
            en: `Criteria set ${set.code} applies to ${set.appliesTo} units (communes: xã only), not to ${unit.name} (${unit.level}, ${unit.kind})`,
          },
        ],
      };
    }
    if (!rules.owner || !isWithin(unit, rules.owner)) {
      return {
        evaluated: [],
        problems: [
          {
            field: 'criteriaSetId',
            vi: `Bộ tiêu chí ${set.code} là của địa phương khác, không áp dụng cho ${unit.name}`,
            en: `Criteria set ${set.code} belongs to another locality and does not apply to ${unit.name}`,
          },
        ],
      };
    }
    return checkResults(results, rules.criterionNumbers, rules.defs, (def) => {
      const applied = this.sets.effective(rules.indicators.get(def.code)!.indicator, rules.owned.get(def.id) ?? [], unit, year).chain[0];
      return applied ? { id: applied.threshold.id, value: applied.threshold.value } : null;
    });
  }

  /**
   * Records results for a unit, set and year: checks the set applies (level, owner's territory, period) and the
   * unit is valid that year, evaluates indicators against the effective thresholds, then writes the assessment,
   * its results and a history entry in one transaction. Re-recording replaces the criteria sent.
   */
  async record(input: RecordAssessmentInput): Promise<Assessment> {
    const set = await this.sets.require(input.criteriaSetId);
    const unit = await requireUnit(this.ctx, input.unitCode, dateInYear(input.year, input.asOf));
    this.ctx.guard.require(Capability.RECORD_ASSESSMENTS, unit);
    const { evaluated, problems } = this.check(await this.rules(set), unit, input.year, input.results);
    if (problems.length) throw badInput(problems[0].vi, problems[0].en, problems[0].field);
    const planned: PlannedAssessment = {
      unitId: unit.id,
      unitCode: unit.code,
      unitPath: unit.path,
      setId: set.id,
      year: input.year,
      expectedVersion: input.expectedVersion ?? null,
      evaluated,
    };
    const stored = await storedAssessments(this.em, [planned], true);
    const existing = stored.get(assessmentKey(planned));
    if (existing)
      checkVersion(existing.version, input.expectedVersion, {
        vi: `Đánh giá năm ${input.year} của ${unit.name}`,
        en: `The ${input.year} assessment of ${unit.name}`,
      });
    const [written] = await writeAssessments(this.em, [planned], stored, this.ctx.identity, { audit: 'each' });
    return this.map(await this.em.execute(`${SELECT_ASSESSMENT} WHERE a.id = ?`, [written.id]))[0];
  }
}

/** A problem of a recording: the input field at fault and the message in both languages. */
export interface Problem {
  field: string;
  vi: string;
  en: string;
  criterionNumber?: number;
  indicatorCode?: string;
  part?: ResultProblem['part'];
}

/** A year outside the set's period, as a problem of the `year` field (null when inside). */
export function periodProblem(set: Pick<CriteriaSet, 'periodStart' | 'periodEnd'>, year: number): Problem | null {
  if (`${year}-12-31` >= set.periodStart && `${year}-01-01` <= set.periodEnd) return null;
  return {
    field: 'year',
    vi: `Năm ${year} ngoài thời kỳ của bộ tiêu chí (${set.periodStart} – ${set.periodEnd})`,
    en: `Year ${year} is outside the set's period (${set.periodStart} – ${set.periodEnd})`,
  };
}

/** What a set asks of a recording (see AssessmentService.rules). */
export interface SetRules {
  set: CriteriaSet;
  owner: UnitInfo | null;
  criterionNumbers: Set<number>;
  indicators: Map<string, { indicator: Indicator; criterionNumber: number }>;
  defs: Map<string, IndicatorDef>;
  owned: Map<number, OwnedThreshold[]>;
}
