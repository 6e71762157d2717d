import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import { bilingual } from '../shared/errors.js';
import { type ColumnSpec, sharedColumns } from '../shared/import/import-columns.js';
import { defineImportKind, emptyBatch, type TemplateTable, type ValidatedBatch } from '../shared/import/import-kind.js';
import { cells, type ImportRowError, type ParsedRow, readRows } from '../shared/import/import-row.js';
import { foldText, intArray } from '../shared/sql.js';
import type { Cell } from '../shared/table-file.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import type { CriterionResultInput } from './assessment.input.js';
import { AssessmentService, periodProblem, type Problem, type SetRules } from './assessment.service.js';
import { assessmentKey, changesNothing, type PlannedAssessment, storedAssessments, writeAssessments } from './assessment-writer.js';
import { CriteriaSet } from './criteria-set.entity.js';
import { CriteriaSetService } from './criteria-set.service.js';
import { dateInYear, requireUnit } from './unit-lookup.js';

const COLUMNS: ColumnSpec[] = [
  sharedColumns.unitCode({
    vi: 'mã GSO của xã (dạng văn bản, giữ số 0 ở đầu) hoặc mã thôn',
    en: "the commune's GSO code (as text, leading zeros kept) or a village code",
  }),
  sharedColumns.unitName,
  sharedColumns.year({ vi: 'năm đánh giá, trong thời kỳ của bộ tiêu chí', en: "the year, within the set's period" }, true),
  {
    key: 'set',
    header: 'Bộ tiêu chí',
    required: true,
    expected: { vi: 'mã bộ tiêu chí, ví dụ COMMUNE-NTM-2021-2025', en: "the criteria set's code, e.g. COMMUNE-NTM-2021-2025" },
  },
  sharedColumns.codeDate('asOf', { vi: '30/6 của năm đánh giá', en: '30 June of the year' }),
  sharedColumns.version({
    vi: 'phiên bản đã đọc (bắt buộc khi sửa đánh giá đã có; mẫu tải từ hệ thống đã điền sẵn)',
    en: 'the version read (required to change an existing assessment; templates downloaded from the hub carry it)',
  }),
];

const MET: ColumnSpec['expected'] = {
  vi: 'Đạt, Không đạt, hoặc để trống (giữ kết quả đã có)',
  en: 'Đạt (met), Không đạt (not met), or empty (keeps the stored result)',
};
const VALUE: ColumnSpec['expected'] = {
  vi: 'số đo được (chỉ tiêu có/không: 1 hoặc 0), hoặc để trống',
  en: 'the measured number (yes/no indicators: 1 or 0), or empty',
};
const TEXT: ColumnSpec['expected'] = { vi: 'văn bản, hoặc để trống', en: 'text, or empty' };

/** Headers of the columns a set adds: one per criterion, then its indicators' values and evidence, then the reason for overriding. */
const criterionHeader = (n: number, name: string) => `TC${n}: ${name}`;
const indicatorHeader = (code: string, name: string) => `CT ${code}: ${name}`;
const evidenceHeader = (code: string) => `Minh chứng CT ${code}`;
const reasonHeader = (n: number) => `Lý do điều chỉnh TC${n}`;

/** Reads the columns a set adds from their headers (their names may be shortened or changed; the numbers and codes decide). */
function dynamicColumn(header: string): ColumnSpec | null {
  const folded = foldText(header);
  let m = /^ly do dieu chinh tc\s*(\d+)(?![\d.])/.exec(folded);
  if (m) return { key: `r${Number(m[1])}`, header, expected: TEXT };
  m = /^minh chung ct\s*(\d+(?:\.[0-9a-z]+)*)/.exec(folded);
  if (m) return { key: `e:${m[1]}`, header, expected: TEXT };
  m = /^tc\s*(\d+)(?![\d.])/.exec(folded);
  if (m) return { key: `c${Number(m[1])}`, header, expected: MET };
  m = /^ct\s*(\d+(?:\.[0-9a-z]+)*)/.exec(folded);
  if (m) return { key: `i:${m[1]}`, header, expected: VALUE };
  return null;
}

/** The column a problem of the shared rules is on. */
function columnOf(problem: Problem, row: ParsedRow): string {
  const n = problem.criterionNumber;
  const code = problem.indicatorCode?.toLowerCase();
  switch (problem.part) {
    case 'overrideReason':
      return row.keys().includes(`r${n}`) ? `r${n}` : `c${n}`;
    case 'indicatorCode':
    case 'indicatorValue':
      return `i:${code}`;
    case 'criterionNumber':
    case 'met':
      return `c${n}`;
    case 'results':
      return row.keys().find((k) => /^c\d+$/.test(k)) ?? 'unitCode';
    default:
      return (
        ({ year: 'year', unitCode: 'unitCode', criteriaSetId: 'set', asOf: 'asOf' } as Record<string, string>)[problem.field] ?? 'unitCode'
      );
  }
}

/** A staged assessment: the plan, the row it came from and whether it creates or changes. */
interface StagedAssessment extends PlannedAssessment {
  action: 'create' | 'update';
}

/** Rules of the sets a file names, loaded once per file. */
class SetCache {
  private readonly byCode = new Map<string, Promise<SetRules | null>>();

  constructor(
    private readonly ctx: SubgraphContext,
    private readonly service: AssessmentService,
  ) {}

  get(code: string): Promise<SetRules | null> {
    let rules = this.byCode.get(code);
    if (!rules) {
      rules = this.ctx.em
        .execute('SELECT * FROM criteria.criteria_set WHERE code = ?', [code])
        .then(([row]) => (row ? this.service.rules(this.ctx.em.map(CriteriaSet, row)) : null));
      this.byCode.set(code, rules);
    }
    return rules;
  }
}

/** The results a row gives, per criterion: met, indicator values with evidence, override reason (empty cells send nothing). */
function rowResults(row: ParsedRow, rules: SetRules, errors: ImportRowError[]): CriterionResultInput[] {
  const byNumber = new Map<number, CriterionResultInput>();
  const result = (n: number) => {
    let r = byNumber.get(n);
    if (!r) byNumber.set(n, (r = { criterionNumber: n }));
    return r;
  };
  const indicatorsByCode = new Map([...rules.defs.values()].map((d) => [d.code.toLowerCase(), d]));
  for (const key of row.keys()) {
    if (/^c\d+$/.test(key)) {
      const met = row.read(key, cells.yesNo, errors);
      if (met !== null) result(Number(key.slice(1))).met = met;
    } else if (key.startsWith('i:') || key.startsWith('e:')) {
      const code = key.slice(2);
      const value = key.startsWith('i:') ? row.read(key, cells.number, errors) : null;
      const evidence = key.startsWith('e:') ? row.read(key, cells.text, errors) : null;
      if (value === null && evidence === null) continue;
      const def = indicatorsByCode.get(code);
      if (!def) {
        errors.push(
          row.error(
            key,
            `Bộ tiêu chí ${rules.set.code} không có chỉ tiêu ${code}`,
            `Criteria set ${rules.set.code} has no indicator ${code}`,
          ),
        );
        continue;
      }
      const r = result(def.criterionNumber);
      const indicators = (r.indicators ??= []);
      let given = indicators.find((i) => i.code === def.code);
      if (!given) indicators.push((given = { code: def.code }));
      if (value !== null) given.value = value;
      if (evidence !== null) given.evidence = evidence;
    } else if (/^r\d+$/.test(key)) {
      const reason = row.read(key, cells.text, errors);
      if (reason !== null) result(Number(key.slice(1))).overrideReason = reason;
    }
  }
  return [...byNumber.values()].sort((a, b) => a.criterionNumber - b.criterionNumber);
}

/**
 * Checks a file's assessments with the rules of `recordAssessment` (shared, not copied): each row's unit read by
 * code at its date through the units subgraph, 500 rows at a time; the unit inside the importer's subtree (else the
 * whole file is FORBIDDEN); the set's period, level and territory; criteria and indicators of the set; values; the
 * evaluation against effective thresholds; one row per unit, set and year; and against what is stored — a row equal
 * to it changes nothing, one that changes an assessment needs the version read.
 */
class AssessmentValidator {
  private readonly service: AssessmentService;
  private readonly sets: SetCache;
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: SubgraphContext) {
    this.service = new AssessmentService(ctx);
    this.sets = new SetCache(ctx, this.service);
  }

  async validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    const read = readRows(rows, (row, errors) => {
      const unitCode = row.read('unitCode', cells.code, errors, true);
      const year = row.read('year', cells.integer, errors, true);
      const setCode = row.read('set', cells.text, errors, true);
      const asOf = row.read('asOf', cells.date, errors);
      const version = row.read('version', cells.integer, errors);
      let date: string | null = null;
      if (year !== null) {
        try {
          date = dateInYear(year, asOf);
        } catch (error) {
          errors.push(row.error(asOf && year >= 1900 && year <= 2100 ? 'asOf' : 'year', ...bilingualParts(error)));
        }
      }
      return { unitCode, year, setCode, date, version, rules: null as SetRules | null };
    });
    // The set first: a year outside its period is the row's mistake, whatever unit it names.
    for (const r of read) {
      if (!r.setCode) continue;
      r.rules = await this.sets.get(r.setCode);
      if (!r.rules)
        r.errors.push(
          r.row.error('set', `Không có bộ tiêu chí mã "${r.setCode}"`, `No criteria set with code "${r.setCode}"`, 'NOT_FOUND'),
        );
      const outside = r.rules && r.year !== null ? periodProblem(r.rules.set, r.year) : null;
      if (outside) {
        r.errors.push(r.row.error('year', outside.vi, outside.en));
        r.date = null;
      }
    }
    // Units in bulk, by code and date (a file usually holds one year: one lookup per 500 rows).
    const units = new Map<string, UnitInfo>();
    for (const date of new Set(read.map((r) => r.date).filter((d): d is string => d !== null))) {
      const found = await this.ctx.units.findManyByCode(
        read.filter((r) => r.date === date && r.unitCode).map((r) => r.unitCode!),
        date,
      );
      for (const [code, unit] of found) units.set(`${code}@${date}`, unit);
    }
    const planned: { row: ParsedRow; plan: PlannedAssessment }[] = [];
    for (const r of read) {
      const { row, errors } = r;
      const unit = r.unitCode && r.date ? units.get(`${r.unitCode}@${r.date}`) : undefined;
      if (r.unitCode && r.date && !unit) {
        errors.push(row.unitNotFound(r.unitCode, r.date));
      }
      if (unit) row.authorize(this.ctx.guard, unit, { vi: 'ghi đánh giá cho', en: 'record assessments for' });
      const { rules } = r;
      if (!unit || !rules || r.year === null) {
        batch.errors.push(...errors);
        continue;
      }
      const results = rowResults(row, rules, errors);
      const { evaluated, problems } = this.service.check(rules, unit, r.year, results);
      errors.push(...problems.map((p) => ({ ...row.error(columnOf(p, row), p.vi, p.en) })));
      const plan: PlannedAssessment = {
        unitId: unit.id,
        unitCode: unit.code,
        unitPath: unit.path,
        setId: rules.set.id,
        year: r.year,
        expectedVersion: r.version,
        evaluated,
      };
      const key = assessmentKey(plan);
      const first = this.seen.get(key);
      if (first !== undefined) {
        errors.push(
          row.error(
            'unitCode',
            `Trùng với dòng ${first}: ${unit.name} đã có ở bộ tiêu chí ${rules.set.code} năm ${r.year}`,
            `Repeats row ${first}: ${unit.name} already appears for ${rules.set.code} in ${r.year}`,
          ),
        );
      } else {
        this.seen.set(key, row.row);
      }
      if (errors.length) batch.errors.push(...errors);
      else planned.push({ row, plan });
    }
    // Against what is stored: unchanged rows are left alone; changes need the version read.
    const stored = await storedAssessments(
      this.ctx.em,
      planned.map((p) => p.plan),
    );
    for (const { row, plan } of planned) {
      const existing = stored.get(assessmentKey(plan));
      if (changesNothing(plan, existing)) {
        batch.unchanged++;
        continue;
      }
      const versionError = existing ? staleVersion(row, plan, existing.version) : null;
      if (versionError) {
        batch.errors.push(versionError);
        continue;
      }
      const staged: StagedAssessment = { ...plan, action: existing ? 'update' : 'create' };
      batch.staged.push({ row: row.row, data: staged });
      if (existing) batch.toUpdate++;
      else batch.toCreate++;
    }
    return batch;
  }
}

/** Why a row may not change a stored assessment: no version given, or another version than stored (null: it may). */
function staleVersion(row: ParsedRow | number, plan: PlannedAssessment, current: number): ImportRowError | null {
  if (plan.expectedVersion === current) return null;
  const [vi, en] =
    plan.expectedVersion === null
      ? [
          `Đánh giá này đã có (phiên bản ${current}) và khác với dòng này: ghi phiên bản đã đọc vào cột Phiên bản (tải mẫu có sẵn dữ liệu để có)`,
          `This assessment exists (version ${current}) and differs from the row: put the version read in the Phiên bản column (download the filled template to get it)`,
        ]
      : [
          `Đánh giá đã được sửa sau khi đọc (phiên bản hiện tại ${current}, tệp ghi ${plan.expectedVersion}): tải lại mẫu có dữ liệu mới rồi nhập lại`,
          `The assessment changed since it was read (now version ${current}, the file says ${plan.expectedVersion}): download the filled template again`,
        ];
  if (typeof row === 'number') return { row, column: 'Phiên bản', code: 'CONFLICT', message: bilingual(vi, en), expected: null };
  return row.error('version', vi, en, 'CONFLICT');
}

/** A GraphQL error's message split back into its two languages. */
function bilingualParts(error: unknown): [string, string] {
  const message = error instanceof Error ? error.message : String(error);
  const [vi, en = vi] = message.split(' — ');
  return [vi, en];
}

/** Yes/no as the template writes it. */
const metText = (met: boolean | null | undefined): Cell => (met == null ? null : met ? 'Đạt' : 'Không đạt');

/**
 * The template of a set (`setCode` or `criteriaSetId`, default the 2021–2025 national set): the fixed columns, a
 * column per criterion, and per indicator its value and evidence and the criterion's override reason. With `year` and
 * `withinCode` it lists every unit of the territory the set assesses (rural communes for commune sets) valid that
 * year, with what is stored for them and its version: fill the blanks, change what is wrong, import it back.
 */
async function assessmentTemplate(ctx: SubgraphContext, query: Record<string, string | undefined>): Promise<TemplateTable> {
  const sets = new CriteriaSetService(ctx);
  const [setRow] = query.criteriaSetId
    ? await ctx.em.execute('SELECT * FROM criteria.criteria_set WHERE id = ?', [Number(query.criteriaSetId) || 0])
    : await ctx.em.execute('SELECT * FROM criteria.criteria_set WHERE code = ?', [query.setCode ?? 'COMMUNE-NTM-2021-2025']);
  if (!setRow) throw new GraphQLError(bilingual('Không có bộ tiêu chí này', 'No such criteria set'), { extensions: { code: 'NOT_FOUND' } });
  const set = ctx.em.map(CriteriaSet, setRow);
  const [criteria, indicators] = await Promise.all([sets.criteriaOf([set.rootId]), sets.indicatorsSeenThrough(set)]);
  const byCriterion = new Map<number, string[]>();
  for (const [code, { criterionNumber }] of indicators)
    byCriterion.set(criterionNumber, [...(byCriterion.get(criterionNumber) ?? []), code]);
  const header: Cell[] = COLUMNS.map((c) => c.header);
  const cellsOf: ((a: TemplateAssessment | undefined) => Cell)[] = [];
  for (const criterion of criteria) {
    header.push(criterionHeader(criterion.number, criterion.name));
    cellsOf.push((a) => metText(a?.results.get(criterion.number)?.met));
    for (const code of byCriterion.get(criterion.number) ?? []) {
      header.push(indicatorHeader(code, indicators.get(code)!.indicator.name), evidenceHeader(code));
      cellsOf.push(
        (a) => a?.values.get(code)?.value ?? null,
        (a) => a?.values.get(code)?.evidence ?? null,
      );
    }
    if (byCriterion.has(criterion.number)) {
      header.push(reasonHeader(criterion.number));
      cellsOf.push((a) => a?.results.get(criterion.number)?.reason ?? null);
    }
  }
  const rows: Cell[][] = [header];
  const year = Number(query.year);
  if (query.withinCode && Number.isInteger(year)) {
    const date = dateInYear(year, query.asOf);
    const territory = await requireUnit(ctx, query.withinCode.trim(), date, 'withinCode');
    const kind = set.appliesTo === 'COMMUNE' ? 'COMMUNE' : undefined;
    const ids =
      territory.level === set.appliesTo
        ? [territory.id]
        : await ctx.units.subtreeIds(territory.code, date, set.appliesTo as UnitInfo['level'], kind);
    const units = (await ctx.units.byIds(ids)).filter((u): u is UnitInfo => u !== null).sort((a, b) => a.code.localeCompare(b.code));
    const stored = await templateAssessments(
      ctx.em,
      units.map((u) => u.id),
      set.id,
      year,
    );
    for (const unit of units) {
      const a = stored.get(unit.id);
      rows.push([unit.code, unit.name, year, set.code, query.asOf ?? null, a?.version ?? null, ...cellsOf.map((f) => f(a))]);
    }
  }
  return { rows, listing: [set.code, query.year, query.withinCode] };
}

interface TemplateAssessment {
  version: number;
  results: Map<number, { met: boolean; reason: string | null }>;
  values: Map<string, { value: number | null; evidence: string | null }>;
}

/** What is stored for these units, set and year, as the template shows it. */
async function templateAssessments(
  em: EntityManager,
  unitIds: readonly number[],
  setId: number,
  year: number,
): Promise<Map<number, TemplateAssessment>> {
  const found = new Map<number, TemplateAssessment>();
  if (!unitIds.length) return found;
  const rows = await em.execute(
    `SELECT a.unit_id, a.version, r.criterion_number, r.met, r.override_reason FROM criteria.assessment a
    LEFT JOIN criteria.assessment_result r ON r.assessment_id = a.id WHERE a.set_id = ? AND a.year = ? AND a.unit_id = ANY(?::int[])`,
    [setId, year, intArray(unitIds)],
  );
  for (const r of rows) {
    const a = found.get(r.unit_id) ?? { version: r.version, results: new Map(), values: new Map() };
    if (r.criterion_number !== null) a.results.set(r.criterion_number, { met: r.met, reason: r.override_reason });
    found.set(r.unit_id, a);
  }
  const values = await em.execute(
    `SELECT a.unit_id, i.code, v.value, v.evidence FROM criteria.assessment a
    JOIN criteria.assessment_indicator_value v ON v.assessment_id = a.id JOIN criteria.indicator i ON i.id = v.indicator_id
    WHERE a.set_id = ? AND a.year = ? AND a.unit_id = ANY(?::int[])`,
    [setId, year, intArray(unitIds)],
  );
  for (const v of values) found.get(v.unit_id)?.values.set(v.code, { value: v.value, evidence: v.evidence });
  return found;
}

/**
 * Đánh giá — assessments (unit × criteria set × year → criteria met and indicator values), imported with the rules of
 * `recordAssessment` and written set-based; the insights triggers keep the summaries exact in the same transaction.
 */
export const assessmentImport = defineImportKind<StagedAssessment>('assessments', {
  title: { vi: 'Kết quả đánh giá', en: 'Assessments', sheet: 'Đánh giá' },
  columns: COLUMNS,
  dynamicColumn,
  validator: AssessmentValidator,
  template: assessmentTemplate,
  async commit(em, ctx, rows) {
    const staged = rows.map((r) => ({ row: r.row, plan: r.data }));
    // Under lock: a row that became equal to what is stored is skipped; one whose assessment changed meanwhile refuses the commit.
    const stored = await storedAssessments(
      em,
      staged.map((s) => s.plan),
      true,
    );
    const conflicts: ImportRowError[] = [];
    const write = staged.filter(({ row, plan }) => {
      const existing = stored.get(assessmentKey(plan));
      if (changesNothing(plan, existing)) return false;
      const error = existing ? staleVersion(row, plan, existing.version) : plan.action === 'update' ? staleVersion(row, plan, 0) : null;
      if (error) conflicts.push(error);
      return true;
    });
    if (conflicts.length) {
      throw new GraphQLError(
        bilingual(
          `${conflicts.length} đánh giá đã thay đổi từ lúc kiểm tra; không ghi gì`,
          `${conflicts.length} assessments changed since the check; nothing was written`,
        ),
        { extensions: { code: 'CONFLICT', rowErrors: conflicts } },
      );
    }
    const written = await writeAssessments(
      em,
      write.map((w) => w.plan),
      stored,
      ctx.identity,
      { audit: 'none' },
    );
    return {
      created: written.filter((w) => w.created).length,
      updated: written.filter((w) => !w.created).length,
      unitPaths: write.map((w) => w.plan.unitPath),
    };
  },
});
