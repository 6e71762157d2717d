import { Service } from '../shared/service.js';
import { loader } from '../shared/context.js';
import { badInput, notFound } from '../shared/errors.js';
import { MAX_LIMIT, toPage } from '../shared/paging.js';
import { intArray, textArray, type SqlRow } from '../shared/sql.js';
import { today } from '../shared/scalars.js';
import { classificationCodes, meetsTarget } from '../shared/domain/index.js';
import { allPages, peerData, type PeerPage } from '../shared/peers.js';
import { coverageOf, EMPTY_SUMMARY, METRICS, requireMetrics, round2, valueOf, type MetricDefinition, type Summary } from './metrics.js';
import { applicableTarget, currentTargets, targetClasses, type AppliedTarget, type TargetIndex } from './targets.js';
import { FIRST_YEAR, LAST_YEAR, PLACEHOLDER_KIND, currentUnitTree } from './unit-tree.js';
import { ClassTargetResult, ComparisonRow, InsightMetric, ProgressPoint, type Comparison } from './insights.types.js';
import { BaselineSource } from './insights.enums.js';
import { unitRef } from './insights.reference.js';
import { type CompareInput } from './insights.input.js';

const MEASURE_COLUMNS = Object.keys(EMPTY_SUMMARY)
  .map((c) => `s.${c}`)
  .join(', ');
const VALID_ON = '(u.valid_from IS NULL OR u.valid_from <= ?::date) AND (u.valid_to IS NULL OR u.valid_to >= ?::date)';

interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
}

const APPROXIMATE_NOTE =
  'Ước tính: có xã, thôn chỉ một phần thuộc đơn vị này qua sắp xếp đơn vị hành chính (1/7/2025 hoặc sau đó), được tính trọn — approximate: communes or villages split in a reorganisation (1 July 2025 or a later one) are counted whole on each side.';

const SUMMARY_KEYS = Object.keys(EMPTY_SUMMARY) as (keyof Summary)[];

const toSummary = (row: Record<string, unknown>): Summary => {
  const summary = {} as Record<keyof Summary, number>;
  for (const k of SUMMARY_KEYS) summary[k] = Number(row[k] ?? 0);
  return summary as Summary;
};

const CLASS_COMMUNES = `query($within: String!, $classification: String!, $asOf: Date, $offset: Int, $limit: Int) {
  units(filter: { withinCode: $within, level: COMMUNE, classification: $classification, asOf: $asOf }, offset: $offset, limit: $limit) { totalCount nodes { id } } }`;

const CLASS_NOTE =
  'Chưa có xã nào được phân loại như vậy tại ngày đọc mã; gán phân loại tại trang đơn vị — no commune carries this classification on asOf; classify communes on the unit page.';

export const describeMetric = (m: MetricDefinition): InsightMetric =>
  Object.assign(new InsightMetric(), {
    code: m.code,
    name: m.nameVi,
    nameEn: m.nameEn,
    aggregation: m.aggregation,
    denominatorBasis: m.basis,
    defaultUnit: m.defaultUnit,
    better: m.better,
  });

/** Comparisons and progress from the summaries the triggers keep, joined with the campaigns' targets. */
export class InsightsService extends Service {
  metrics(): InsightMetric[] {
    return METRICS.map(describeMetric);
  }

  /** The copy of the unit tree, brought up to the units subgraph's revision once per request before anything reads it. */
  private tree(): Promise<void> {
    return loader(this.ctx, 'unitTree', () => currentUnitTree(this.em, this.ctx.peers));
  }

  /** The campaigns' targets: revision checked once per request, reread only when campaigns' targets changed. */
  private targets(): Promise<TargetIndex> {
    return loader(this.ctx, 'targets', () => currentTargets(this.ctx.peers));
  }

  private checkYear(year: number, field: string): void {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw badInput(`Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}`, `${field} must be between ${FIRST_YEAR} and ${LAST_YEAR}`, field);
    }
  }

  private async unitByCode(code: string, asOf: string): Promise<UnitRow> {
    const [unit] = await this.em.execute<UnitRow[]>(
      `SELECT u.id, u.code, u.name, u.level, u.path::text AS path FROM insights.unit u
      WHERE u.code = ? AND ${VALID_ON} ORDER BY u.level LIMIT 1`,
      [code, asOf, asOf],
    );
    if (!unit) throw notFound(`Không có đơn vị mã "${code}" hiệu lực ngày ${asOf}`, `No unit with code "${code}" valid on ${asOf}`);
    return unit;
  }

  /** Summaries of these units for these years, keyed "unitId:year". */
  private async summaries(unitIds: readonly number[], years: readonly number[]): Promise<Map<string, Summary>> {
    if (!unitIds.length || !years.length) return new Map();
    const rows = await this.em.execute(
      `SELECT s.unit_id, s.year, ${MEASURE_COLUMNS} FROM insights.summary s
      WHERE s.unit_id = ANY(?::int[]) AND s.year = ANY(?::int[])`,
      [intArray(unitIds), intArray(years)],
    );
    return new Map(rows.map((r) => [`${r.unit_id}:${r.year}`, toSummary(r)]));
  }

  async compare(input: CompareInput): Promise<Comparison> {
    this.checkYear(input.year, 'year');
    const metrics = requireMetrics(input.metrics ?? []);
    const asOf = input.asOf ?? today();
    const selectors = [input.unitCodes != null, input.childrenOf != null, input.level != null].filter(Boolean).length;
    if (selectors !== 1) {
      throw badInput('Chọn đúng một trong unitCodes, childrenOf, level', 'Give exactly one of unitCodes, childrenOf, level', 'input');
    }
    if (input.unitCodes && (!input.unitCodes.length || input.unitCodes.length > 500)) {
      throw badInput('unitCodes phải có từ 1 đến 500 mã', 'unitCodes takes 1 to 500 codes', 'unitCodes');
    }
    // The targets (a revision check, usually answered from the cache) while the unit tree is checked and read.
    const targetsRead = this.targets();
    targetsRead.catch(() => undefined);
    await this.tree();
    let where: string;
    let params: unknown[];
    if (input.unitCodes) {
      where = 'u.code = ANY(?::text[])';
      params = [textArray(input.unitCodes)];
    } else if (input.childrenOf != null) {
      // Children through the indexed path, one label below the parent's path, in the same statement.
      where = `u.kind <> '${PLACEHOLDER_KIND}' AND u.path ~ (SELECT (p.path::text || '.*{1}')::public.lquery FROM insights.unit p
        WHERE p.code = ? AND (p.valid_from IS NULL OR p.valid_from <= ?::date) AND (p.valid_to IS NULL OR p.valid_to >= ?::date) ORDER BY p.level LIMIT 1)`;
      params = [input.childrenOf, asOf, asOf];
    } else {
      where = `u.level = ? AND u.kind <> '${PLACEHOLDER_KIND}'`;
      params = [input.level];
    }
    const units: SqlRow[] = await this.em.execute(
      `SELECT u.id, u.code, u.name, u.level, u.path::text AS path, ${MEASURE_COLUMNS}
      FROM insights.unit u LEFT JOIN insights.summary s ON s.unit_id = u.id AND s.year = ?
      WHERE ${where} AND ${VALID_ON} ORDER BY u.code`,
      [input.year, ...params, asOf, asOf],
    );
    // No children: say whether the parent itself is unknown (only then a second statement).
    if (input.childrenOf != null && !units.length) await this.unitByCode(input.childrenOf, asOf);
    if (input.unitCodes) {
      const found = new Set(units.map((u) => u.code));
      const missing = input.unitCodes.filter((c) => !found.has(c));
      if (missing.length)
        throw notFound(
          `Không có đơn vị mã ${missing.join(', ')} hiệu lực ngày ${asOf}`,
          `No unit with code ${missing.join(', ')} valid on ${asOf}`,
        );
    }
    const summaryOf = new Map(units.map((u) => [u, toSummary(u)]));
    const targets = await targetsRead;

    const window = unitWindow(input);
    const rows: ComparisonRow[] = [];
    let pageUnits: Set<string> | null = null;
    for (const metric of metrics) {
      const group = units.map((u) =>
        this.row(
          u,
          summaryOf.get(u)!,
          metric,
          input.year,
          applicableTarget(targets.of(Number(u.id), metric.code), { id: Number(u.id), path: u.path }, metric.code, input.year),
        ),
      );
      for (const [i, row] of group.entries()) {
        if (targetClasses(targets.of(Number(units[i].id), metric.code), Number(units[i].id), metric.code, input.year).length) {
          row.classTargets = await this.classTargets(units[i], metric, input.year, asOf, targets);
        }
      }
      rank(group, metric);
      group.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitCode.localeCompare(b.unitCode));
      // A page holds the same units for every metric: those the first metric ranks in the window.
      pageUnits ??= window ? new Set(group.slice(window.offset, window.offset + window.limit).map((r) => r.unitCode)) : null;
      rows.push(...(pageUnits ? group.filter((r) => pageUnits!.has(r.unitCode)) : group));
    }
    const approximate = rows.some((r) => r.approximate);
    const unranked = (flag: (r: ComparisonRow) => boolean) => new Set(rows.filter(flag).map((r) => r.unitCode)).size;
    const [empty, partial] = [unranked((r) => r.unitsWithData === 0), unranked((r) => r.partial)];
    const notes = [
      `Số liệu năm ${input.year}: xã được đánh giá và công nhận đến 31/12/${input.year}; đơn vị đọc theo mã ngày ${asOf} — figures for ${input.year} (recognitions in force on 31 December); unit codes read on ${asOf}.`,
      ...(empty
        ? [
            `${empty} đơn vị chưa có số liệu: để trống (không phải 0), không xếp hạng — ${empty} units have no data: left blank (not 0) and not ranked.`,
          ]
        : []),
      ...(partial
        ? [
            `${partial} đơn vị chưa đủ số liệu (một phần đơn vị trực thuộc chưa có số liệu): không xếp hạng, không đối chiếu chỉ tiêu — ${partial} units have partial data: not ranked nor checked against targets.`,
          ]
        : []),
      ...(approximate ? [APPROXIMATE_NOTE] : []),
    ];
    return { year: input.year, asOf, metrics: metrics.map(describeMetric), rows, unitCount: units.length, approximate, notes };
  }

  /** One row: the figures of one unit and metric, with the applicable target. */
  private row(unit: SqlRow, s: Summary, metric: MetricDefinition, year: number, target: AppliedTarget | null): ComparisonRow {
    return Object.assign(new ComparisonRow(), {
      unit: unitRef(Number(unit.id)),
      unitCode: unit.code,
      unitName: unit.name,
      unitLevel: unit.level,
      metric: metric.code,
      year,
      rank: null,
      classTargets: [],
      approximate: s.approximate_communes > 0,
      ...figures(s, metric, year, target),
    });
  }

  /**
   * Targets on this unit restricted to a class of its communes (Quảng Nam: average criteria of high-mountain,
   * low-mountain and lowland communes), each measured over the communes the units subgraph classifies so on `asOf`.
   */
  private async classTargets(
    unit: SqlRow,
    metric: MetricDefinition,
    year: number,
    asOf: string,
    targets: TargetIndex,
  ): Promise<ClassTargetResult[]> {
    const own = targets.of(Number(unit.id), metric.code);
    const classes = targetClasses(own, Number(unit.id), metric.code, year);
    const results: ClassTargetResult[] = [];
    for (const unitClass of classes) {
      const target = applicableTarget(own, { id: Number(unit.id), path: unit.path }, metric.code, year, unitClass);
      if (!target) continue;
      const communes = new Set<number>();
      for (const classification of classificationCodes(unitClass)) {
        for (const id of await this.classifiedCommunes(unit.code, classification, asOf)) communes.add(id);
      }
      const sums = { ...EMPTY_SUMMARY };
      for (const s of (await this.summaries([...communes], [year])).values()) {
        for (const key of SUMMARY_KEYS) sums[key] += s[key];
      }
      const measured = figures(sums, metric, year, target);
      results.push(
        Object.assign(new ClassTargetResult(), {
          unitClass,
          communes: communes.size,
          ...measured,
          note: communes.size ? measured.note : CLASS_NOTE,
        }),
      );
    }
    return results;
  }

  /** Ids of the communes below a unit that carry a classification on `asOf`, through the units API. */
  private async classifiedCommunes(within: string, classification: string, asOf: string): Promise<number[]> {
    const communes = await allPages<{ id: string }>(
      async (offset, limit) =>
        (
          await peerData<{ units: PeerPage<{ id: string }> }>(this.ctx.peers, 'units', CLASS_COMMUNES, {
            within,
            classification,
            asOf,
            offset,
            limit,
          })
        ).units,
    );
    return communes.map((u) => Number(u.id));
  }

  async progress(unitCode: string, metricCode: string, fromYear: number, toYear: number, asOf?: string): Promise<ProgressPoint[]> {
    const [metric] = requireMetrics([metricCode]);
    this.checkYear(fromYear, 'fromYear');
    this.checkYear(toYear, 'toYear');
    if (fromYear > toYear) throw badInput('fromYear phải không lớn hơn toYear', 'fromYear must not be after toYear', 'fromYear');
    const readAt = asOf ?? today();
    await this.tree();
    const unit = await this.unitByCode(unitCode, readAt);
    const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
    const index = await this.targets();
    const targets = index.of(unit.id, metric.code);
    const summaries = await this.summaries([unit.id], years);
    return Promise.all(
      years.map(async (year) => {
        const s = summaries.get(`${unit.id}:${year}`) ?? EMPTY_SUMMARY;
        const classTargets = targetClasses(targets, unit.id, metric.code, year).length
          ? await this.classTargets(unit, metric, year, readAt, index)
          : [];
        return Object.assign(new ProgressPoint(), {
          year,
          approximate: s.approximate_communes > 0,
          ...figures(s, metric, year, applicableTarget(targets, unit, metric.code, year)),
          classTargets,
        });
      }),
    );
  }

  /** Direct sub-units of these units valid on `asOf`, from the read model (one statement for the whole batch). */
  async subunits(parentIds: readonly number[], asOf: string): Promise<Map<number, number[]>> {
    await this.tree();
    const rows = await this.em.execute<{ id: number; parent_id: number }[]>(
      `SELECT u.id, u.parent_id FROM insights.unit u
      WHERE u.parent_id = ANY(?::int[]) AND u.kind <> '${PLACEHOLDER_KIND}' AND ${VALID_ON} ORDER BY u.code`,
      [intArray(parentIds), asOf, asOf],
    );
    const children = new Map<number, number[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) children.get(Number(row.parent_id))?.push(Number(row.id));
    return children;
  }
}

/** The page of units a comparison asks for, or null for all of them (the default: the contract returns every row). */
function unitWindow(input: CompareInput): { offset: number; limit: number } | null {
  if (input.offset == null && input.limit == null) return null;
  return toPage({ offset: input.offset, limit: input.limit ?? MAX_LIMIT });
}

/**
 * Competition ranking ("1, 2, 2, 4") on `actual`, best first, among the rows with full data: a unit without data, or
 * with data for only part of its communes, has no rank (its figure is not comparable with the others').
 */
function rank(rows: ComparisonRow[], metric: MetricDefinition): void {
  const sign = metric.better === 'HIGHER' ? -1 : 1;
  const ranked = rows.filter((r) => r.actual !== null && !r.partial).sort((a, b) => sign * (a.actual! - b.actual!));
  ranked.forEach((row, position) => {
    const previous = ranked[position - 1];
    row.rank = previous && previous.actual === row.actual ? previous.rank : position + 1;
  });
}

const NO_DATA = (year: number, inScope: number, unitVi: string, unitEn: string) =>
  `Chưa có số liệu: chưa ${unitVi} nào trong ${inScope} ${unitVi} có đánh giá hoặc quyết định công nhận năm ${year} — no data: none of the ${inScope} ${unitEn} has an assessment or recognition for ${year}.`;
const PARTIAL = (withData: number, inScope: number, unitVi: string, unitEn: string) =>
  `Chưa đủ số liệu: ${withData}/${inScope} ${unitVi} có số liệu; số lượng chỉ tính các ${unitVi} này, tỷ lệ tính trên cả ${inScope} ${unitVi}; không xếp hạng, không đối chiếu chỉ tiêu — partial data: ${withData} of ${inScope} ${unitEn} have data; counts cover them only and shares are of all ${inScope}; not ranked nor checked against the target.`;

/**
 * The figures of a unit (or a class of its communes) for a metric and year: the actual in the metric's own unit, count
 * and share, coverage, and the target compared in its own terms. Without data every figure is null; with partial data
 * the figures stand (flagged) but are not checked against the target.
 */
export function figures(s: Summary, metric: MetricDefinition, year: number, target: AppliedTarget | null) {
  const { withData, inScope, unitVi, unitEn } = coverageOf(metric, s);
  const hasData = withData > 0;
  const partial = hasData && withData < inScope;
  const own = valueOf(metric, s, metric.defaultUnit);
  const share = metric.counts ? valueOf(metric, s, 'PERCENT').value : null;
  const measured = target ? valueOf(metric, s, target.unit, target.basis ?? metric.basis) : null;
  const targetActual = hasData && measured ? measured.value : null;
  const comparable = !partial && targetActual !== null && target?.value != null;
  const notes = [
    ...(!hasData ? [NO_DATA(year, inScope, unitVi, unitEn)] : []),
    ...(partial ? [PARTIAL(withData, inScope, unitVi, unitEn)] : []),
    ...(s.approximate_communes > 0 ? [APPROXIMATE_NOTE] : []),
    ...(target?.note ? [target.note] : []),
  ];
  return {
    actual: hasData ? own.value : null,
    valueUnit: metric.defaultUnit,
    count: hasData && metric.counts ? own.numerator : null,
    share: hasData ? share : null,
    numerator: own.numerator,
    denominator: own.denominator,
    denominatorBasis: metric.basis,
    unitsWithData: withData,
    unitsInScope: inScope,
    coverage: inScope ? round2((100 * withData) / inScope) : null,
    partial,
    target: target?.value ?? null,
    targetMax: target?.max ?? null,
    targetUnit: target?.unit ?? null,
    targetBasis: target ? (target.basis ?? (target.unit === 'COUNT' ? null : metric.basis)) : null,
    targetComparator: target?.target.comparator ?? null,
    targetId: target?.target.id ?? null,
    targetQuote: target?.target.quote ?? null,
    targetSource: target?.target.source ?? null,
    targetActual,
    targetNumerator: hasData && measured ? measured.numerator : null,
    targetDenominator: hasData && measured ? measured.denominator : null,
    targetIncrement: target?.increment ?? null,
    baselineYear: target?.baselineYear ?? null,
    baseline: target?.baseline ?? null,
    baselineSource: (target?.baselineSource ?? null) as BaselineSource | null,
    gap: comparable ? round2(targetActual! - target!.value!) : null,
    onTrack: comparable ? meetsTarget(targetActual!, target!.target.comparator, target!.value!, target!.max) : null,
    note: notes.length ? notes.join(' ') : null,
  };
}
