import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import { badInput, bilingual } from '../shared/errors.js';
import { choiceOf, type ColumnSpec, sharedColumns } from '../shared/import/import-columns.js';
import {
  defineImportKind,
  emptyBatch,
  type TemplateTable,
  templateTerritory,
  unitsOnDates,
  type ValidatedBatch,
} from '../shared/import/import-kind.js';
import { cells, type ImportRowError, type ParsedRow, readRows } from '../shared/import/import-row.js';
import { isDatabaseId } from '../shared/ids.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import type { Campaign } from './campaign.entity.js';
import {
  Comparator,
  DenominatorBasis,
  IncrementBasis,
  type MetricKind,
  TargetValueUnit,
  UnitClass,
  UnitStatus,
} from './campaigns.enums.js';
import { checkTarget, checkTargetUnit, type TargetShape } from './campaign.validation.js';
import { CampaignService, type IssuedCampaign } from './campaign.service.js';
import { MetricService } from './metric.service.js';

/** Enum values as the template writes them (the import also takes their codes). */
const COMPARATORS: Readonly<Record<Comparator, string>> = { GT: 'Trên', GTE: 'Ít nhất', EQ: 'Bằng', LTE: 'Không quá', LT: 'Dưới' };
const VALUE_UNITS: Readonly<Record<TargetValueUnit, string>> = {
  COUNT: 'Số lượng',
  PERCENT: 'Tỷ lệ %',
  METRIC: 'Theo đơn vị của chỉ số',
  NONE: 'Không có giá trị',
};
const STATUSES: Readonly<Record<UnitStatus, string>> = {
  NTM: 'Đạt chuẩn nông thôn mới',
  ADVANCED: 'Nông thôn mới nâng cao',
  MODEL: 'Nông thôn mới kiểu mẫu',
  NTM_TASKS_COMPLETED: 'Hoàn thành nhiệm vụ xây dựng nông thôn mới',
  CIVILISED_URBAN: 'Đô thị văn minh',
};
const UNIT_CLASSES: Readonly<Record<UnitClass, string>> = {
  HIGH_MOUNTAIN: 'Miền núi cao',
  LOW_MOUNTAIN: 'Miền núi thấp',
  MOUNTAIN: 'Miền núi',
  LOWLAND: 'Đồng bằng',
  ESPECIALLY_DISADVANTAGED: 'Đặc biệt khó khăn',
  BORDER: 'Biên giới',
  COASTAL: 'Ven biển',
  ISLAND: 'Hải đảo',
};
const INCREMENTS: Readonly<Record<IncrementBasis, string>> = { PREVIOUS_YEAR: 'Cuối năm trước', PERIOD_START: 'Đầu giai đoạn' };
const BASES = Object.fromEntries(Object.values(DenominatorBasis).map((b) => [b, b])) as Readonly<Record<DenominatorBasis, string>>;

const EMPTY_OR = { vi: 'để trống hoặc:', en: 'empty or' };

const COLUMNS: ColumnSpec[] = [
  sharedColumns.campaignId,
  {
    key: 'id',
    header: 'Mã chỉ tiêu',
    expected: {
      vi: 'để trống khi thêm; mã của chỉ tiêu đã có để sửa nó (mẫu tải từ hệ thống đã điền sẵn)',
      en: "empty to add; an existing target's id to change it (templates from the hub carry it)",
    },
  },
  sharedColumns.version({
    vi: 'phiên bản đã đọc (bắt buộc khi sửa chỉ tiêu đã có)',
    en: 'the version read (required to change an existing target)',
  }),
  sharedColumns.unitCode({
    vi: 'mã GSO của đơn vị ban hành hoặc cấp dưới (dạng văn bản)',
    en: 'the GSO code of the issuer or a unit below it (as text)',
  }),
  sharedColumns.unitName,
  {
    key: 'metric',
    header: 'Mã chỉ số',
    required: true,
    expected: { vi: 'mã chỉ số trong danh mục, ví dụ NTM_COMMUNES', en: 'a metric code from the catalogue, e.g. NTM_COMMUNES' },
  },
  {
    key: 'yearFrom',
    header: 'Từ năm',
    expected: { vi: 'năm bắt đầu của khoảng năm (để trống: một năm)', en: 'first year of a window (empty: one year)' },
  },
  sharedColumns.year({ vi: 'năm trong giai đoạn (để trống: cuối giai đoạn)', en: 'a year of the period (empty: the period end)' }),
  {
    key: 'comparator',
    header: 'Phép so sánh',
    required: true,
    expected: choiceOf(COMPARATORS),
  },
  {
    key: 'valueUnit',
    header: 'Tính bằng',
    required: true,
    expected: choiceOf(VALUE_UNITS),
  },
  { key: 'value', header: 'Giá trị', expected: { vi: 'một số (hoặc để trống và ghi khoảng)', en: 'a number (or empty, with a range)' } },
  { key: 'valueMin', header: 'Cận dưới', expected: { vi: 'cận dưới của khoảng giá trị', en: 'the lower end of a range' } },
  { key: 'valueMax', header: 'Cận trên', expected: { vi: 'cận trên của khoảng giá trị', en: 'the upper end of a range' } },
  {
    key: 'status',
    header: 'Trạng thái phải đạt',
    expected: choiceOf(STATUSES, { vi: 'chỉ với chỉ số trạng thái:', en: 'status metrics only:' }),
  },
  {
    key: 'unitClass',
    header: 'Áp dụng cho loại đơn vị',
    expected: choiceOf(UNIT_CLASSES, EMPTY_OR),
  },
  {
    key: 'incrementOver',
    header: 'Tăng thêm so với',
    expected: choiceOf(INCREMENTS, { vi: 'để trống (không phải chỉ tiêu tăng thêm) hoặc:', en: 'empty (not an increment) or' }),
  },
  {
    key: 'numerator',
    header: 'Tử số',
    expected: { vi: 'số nguyên không âm nêu trong văn bản', en: 'a non-negative whole number as stated' },
  },
  {
    key: 'denominator',
    header: 'Mẫu số',
    expected: { vi: 'số nguyên, không nhỏ hơn tử số', en: 'a whole number, at least the numerator' },
  },
  {
    key: 'denominatorBasis',
    header: 'Cơ sở mẫu số',
    expected: choiceOf(BASES, EMPTY_OR),
  },
  {
    key: 'basisNote',
    header: 'Mô tả mẫu số',
    expected: { vi: 'mẫu số như văn bản mô tả (không bắt buộc)', en: 'the denominator as the document describes it (optional)' },
  },
  {
    key: 'datasetCount',
    header: 'Mẫu số theo dữ liệu',
    expected: {
      vi: 'số nguyên không âm: mẫu số theo dữ liệu đơn vị của hệ thống (không bắt buộc)',
      en: "a non-negative whole number: the denominator per the hub's unit data (optional)",
    },
  },
  { key: 'quote', header: 'Trích dẫn', expected: { vi: 'nguyên văn của văn bản (không bắt buộc)', en: "the document's words (optional)" } },
  { key: 'note', header: 'Ghi chú', expected: { vi: 'không bắt buộc', en: 'optional' } },
  { key: 'source', header: 'Nguồn', expected: { vi: 'văn bản, điều khoản (không bắt buộc)', en: 'the document and clause (optional)' } },
  sharedColumns.codeDate('unitAsOf', { vi: 'ngày bắt đầu giai đoạn', en: 'the period start' }),
];

/**
 * The fields a file sets: the target's shape as `checkTarget` checks it, every field present (null where empty), and
 * where it stands. A column the file leaves out keeps the stored value on a change and is empty on a new target.
 */
interface TargetFields extends Required<TargetShape> {
  campaignId: number;
  unitId: number;
  metric: string;
  basisNote: string | null;
  quote: string | null;
  note: string | null;
  source: string | null;
}

/** A row to write: a new target (no id) or a change to one (its id and the version read). */
interface PlannedTarget extends TargetFields {
  id: number | null;
  expectedVersion: number | null;
  unitPath: string;
}

/** The columns of campaigns.target in TargetFields order, for comparing and writing. */
const SQL_FIELDS: readonly [keyof TargetFields, string, string][] = [
  ['campaignId', 'campaign_id', 'int'],
  ['unitId', 'unit_id', 'int'],
  ['metric', 'metric_code', 'text'],
  ['yearFrom', 'year_from', 'int'],
  ['year', 'year', 'int'],
  ['comparator', 'comparator', 'text'],
  ['valueUnit', 'value_unit', 'text'],
  ['value', 'value', 'float8'],
  ['valueMin', 'value_min', 'float8'],
  ['valueMax', 'value_max', 'float8'],
  ['status', 'status', 'text'],
  ['unitClass', 'unit_class', 'text'],
  ['isIncrement', 'is_increment', 'boolean'],
  ['incrementOver', 'increment_over', 'text'],
  ['numerator', 'numerator', 'int'],
  ['denominator', 'denominator', 'int'],
  ['denominatorBasis', 'denominator_basis', 'text'],
  ['basisNote', 'basis_note', 'text'],
  ['datasetCount', 'dataset_count', 'int'],
  ['quote', 'quote', 'text'],
  ['note', 'note', 'text'],
  ['source', 'source', 'text'],
];

type Field = keyof TargetFields;
const ALL_FIELDS: readonly Field[] = SQL_FIELDS.map(([key]) => key);

/** The column that sets a field (an increment is set by what it is over; the unit by its code). */
const columnFor = (field: Field): string => (field === 'isIncrement' ? 'incrementOver' : field === 'unitId' ? 'unitCode' : field);

/** The fields a file sets: those whose column its header row carries (the required ones always). */
const fieldsCarried = (row: ParsedRow): readonly Field[] => {
  const present = new Set(row.keys());
  return ALL_FIELDS.filter((field) => present.has(columnFor(field)));
};

/** A target's content on some fields (all by default), as one string: a row equal to a stored target changes nothing. */
const contentKey = (t: TargetFields, fields: readonly Field[] = ALL_FIELDS) => JSON.stringify(fields.map((key) => t[key] ?? null));

interface StoredTarget extends TargetFields {
  id: number;
  version: number;
}

/** A campaign's stored targets, by id; and by their content on the fields a file carries. */
interface StoredTargets {
  byId: Map<number, StoredTarget>;
  byContent: Map<string, StoredTarget>;
}

async function storedTargets(em: EntityManager, campaignId: number, fields: readonly Field[] = ALL_FIELDS): Promise<StoredTargets> {
  const rows = await em.execute<StoredTarget[]>(
    `SELECT id, version, ${SQL_FIELDS.map(([key, column]) => `${column} AS "${key}"`).join(', ')} FROM campaigns.target WHERE campaign_id = ? ORDER BY id`,
    [campaignId],
  );
  const byId = new Map<number, StoredTarget>();
  const byContent = new Map<string, StoredTarget>();
  for (const row of rows) {
    byId.set(row.id, row);
    const key = contentKey(row, fields);
    if (!byContent.has(key)) byContent.set(key, row);
  }
  return { byId, byContent };
}

/** The column a rule's field names (rules about fields the file does not carry fall on the value). */
const columnOf = (field: unknown) => (typeof field === 'string' && COLUMNS.some((c) => c.key === field) ? field : 'value');

/**
 * Checks a file's targets with the rules of `createTarget` and `updateTarget` (`checkTargetUnit`, `checkTarget`,
 * shared): the campaign's issuer within the importer's rights and every row's unit inside the importer's subtree (else
 * the whole file is refused, naming the row); the unit read by code and date, 500 at a time, the issuer or below it and
 * valid in the period; the metric in the catalogue; values fitting its kind; no repeat within the file. A row equal to
 * a stored target of the campaign is unchanged; one naming a stored target by id changes it given the version read.
 */
class TargetValidator {
  private readonly campaigns = new Map<number, IssuedCampaign | null>();
  private readonly stored = new Map<number, StoredTargets>();
  private readonly metrics = new Map<string, MetricKind | null>();
  private readonly seenIds = new Map<number, number>();
  private readonly seenContent = new Map<string, number>();
  /** The fields the file sets (every row has the same header). */
  private carried: readonly Field[] = ALL_FIELDS;

  constructor(private readonly ctx: SubgraphContext) {}

  private guard(row: ParsedRow, unit: Pick<UnitInfo, 'path' | 'name' | 'code'>, what: { vi: string; en: string }): void {
    row.authorize(this.ctx.guard, unit, { vi: `lập chỉ tiêu ${what.vi}`, en: `plan targets ${what.en}` });
  }

  private async loadCampaigns(rows: readonly ParsedRow[], ids: readonly number[]): Promise<void> {
    const service = new CampaignService(this.ctx);
    const fresh = [...new Set(ids)].filter((id) => !this.campaigns.has(id));
    const found = new Map((await service.byIds(fresh)).map((c) => [c.id, c]));
    for (const id of fresh) {
      const campaign = found.get(id);
      const issued = campaign ? await service.requireIssued(campaign.id, false, null) : null;
      if (issued)
        this.guard(
          rows.find((r) => Number(r.get('campaignId')) === id)!,
          issued.issuer,
          { vi: 'cho phong trào do', en: 'for a campaign issued by' },
        );
      this.campaigns.set(id, issued);
      if (issued) this.stored.set(id, await storedTargets(this.ctx.em, id, this.carried));
    }
  }

  private async loadMetrics(codes: readonly string[]): Promise<void> {
    const fresh = [...new Set(codes)].filter((code) => !this.metrics.has(code));
    const found = new Map((await new MetricService(this.ctx).byCodes(fresh)).map((m) => [m.code, m.kind]));
    for (const code of fresh) this.metrics.set(code, found.get(code) ?? null);
  }

  async validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    if (rows.length) this.carried = fieldsCarried(rows[0]);
    const read = readRows(rows, (row, errors) => {
      const campaignId = row.read('campaignId', cells.id, errors, true);
      const incrementOver = row.read('incrementOver', (c) => cells.choice(c, INCREMENTS), errors);
      return {
        campaignId,
        id: row.read('id', cells.integer, errors),
        version: row.read('version', cells.integer, errors),
        unitCode: row.read('unitCode', cells.code, errors, true),
        metric: row.read('metric', cells.text, errors, true),
        unitAsOf: row.read('unitAsOf', cells.date, errors),
        shape: {
          yearFrom: row.read('yearFrom', cells.integer, errors),
          year: row.read('year', cells.integer, errors),
          comparator: row.read('comparator', (c) => cells.choice(c, COMPARATORS), errors, true),
          valueUnit: row.read('valueUnit', (c) => cells.choice(c, VALUE_UNITS), errors, true),
          value: row.read('value', cells.number, errors),
          valueMin: row.read('valueMin', cells.number, errors),
          valueMax: row.read('valueMax', cells.number, errors),
          status: row.read('status', (c) => cells.choice(c, STATUSES), errors),
          unitClass: row.read('unitClass', (c) => cells.choice(c, UNIT_CLASSES), errors),
          isIncrement: incrementOver !== null,
          incrementOver,
          numerator: row.read('numerator', cells.integer, errors),
          denominator: row.read('denominator', cells.integer, errors),
          denominatorBasis: row.read('denominatorBasis', (c) => cells.choice(c, BASES), errors),
          basisNote: row.read('basisNote', cells.text, errors),
          datasetCount: row.read('datasetCount', cells.integer, errors),
          quote: row.read('quote', cells.text, errors),
          note: row.read('note', cells.text, errors),
          source: row.read('source', cells.text, errors),
        },
      };
    });
    await this.loadCampaigns(
      rows,
      read.flatMap((r) => (r.campaignId === null ? [] : [r.campaignId])),
    );
    await this.loadMetrics(read.flatMap((r) => (r.metric === null ? [] : [r.metric])));
    // Units by code and the day they are read at (the row's, else the campaign's period start), a batch at a time.
    const dateOf = (r: (typeof read)[number]) => r.unitAsOf ?? this.campaigns.get(r.campaignId!)?.campaign.periodStart ?? null;
    const units = await unitsOnDates(
      this.ctx.units,
      read.flatMap((r) => {
        const date = r.campaignId !== null ? dateOf(r) : null;
        return r.unitCode && date ? [{ code: r.unitCode, date }] : [];
      }),
    );

    for (const r of read) {
      const { row, errors } = r;
      const issued = r.campaignId !== null ? this.campaigns.get(r.campaignId) : undefined;
      if (issued === null)
        errors.push(row.error('campaignId', `Không có phong trào ${r.campaignId}`, `No campaign ${r.campaignId}`, 'NOT_FOUND'));
      const metricKind = r.metric ? this.metrics.get(r.metric) : undefined;
      if (metricKind === null)
        errors.push(row.error('metric', `Không có chỉ số "${r.metric}" trong danh mục`, `Unknown metric "${r.metric}"`, 'NOT_FOUND'));
      const date = issued ? dateOf(r) : null;
      const unit = r.unitCode && date ? units.get(`${r.unitCode}@${date}`) : undefined;
      if (r.unitCode && date && !unit) errors.push(row.unitNotFound(r.unitCode, date));
      if (unit) this.guard(row, unit, { vi: 'cho', en: 'for' });
      if (!issued || !unit || !metricKind || !r.shape.comparator || !r.shape.valueUnit || errors.length) {
        batch.errors.push(...errors);
        continue;
      }
      const plan: PlannedTarget = {
        ...(r.shape as TargetFields),
        campaignId: issued.campaign.id,
        unitId: unit.id,
        metric: r.metric!,
        id: r.id,
        expectedVersion: r.version,
        unitPath: unit.path,
      };
      // A change keeps what the file does not carry as stored, and the rules see the target as it would be.
      const existing = r.id !== null ? this.stored.get(issued.campaign.id)!.byId.get(r.id) : undefined;
      if (existing) {
        for (const field of ALL_FIELDS) if (!this.carried.includes(field)) Object.assign(plan, { [field]: existing[field] });
      }
      try {
        checkTargetUnit(unit, issued.issuer, issued.campaign);
        checkTarget(plan, metricKind, issued.campaign);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        batch.errors.push(row.fieldError(columnOf(error.extensions.field), error.message));
        continue;
      }
      const error = this.against(row, plan, batch);
      if (error) batch.errors.push(error);
    }
    return batch;
  }

  /** Compares a checked row with the file so far and with what is stored; stages it, counts it unchanged, or says why not. */
  private against(row: ParsedRow, plan: PlannedTarget, batch: ValidatedBatch): ImportRowError | null {
    const key = contentKey(plan);
    const first = plan.id !== null ? this.seenIds.get(plan.id) : this.seenContent.get(key);
    if (first !== undefined) {
      return row.error(plan.id !== null ? 'id' : 'metric', `Trùng với dòng ${first}`, `Repeats row ${first}`);
    }
    if (plan.id !== null) this.seenIds.set(plan.id, row.row);
    else this.seenContent.set(key, row.row);
    const stored = this.stored.get(plan.campaignId)!;
    if (plan.id === null) {
      if (stored.byContent.has(contentKey(plan, this.carried))) batch.unchanged++;
      else {
        batch.staged.push({ row: row.row, data: plan });
        batch.toCreate++;
      }
      return null;
    }
    const existing = stored.byId.get(plan.id);
    if (!existing) {
      return row.error(
        'id',
        `Phong trào ${plan.campaignId} không có chỉ tiêu ${plan.id}`,
        `Campaign ${plan.campaignId} has no target ${plan.id}`,
        'NOT_FOUND',
      );
    }
    if (contentKey(existing) === key) {
      batch.unchanged++;
      return null;
    }
    if (plan.expectedVersion !== existing.version) {
      return plan.expectedVersion === null
        ? row.error(
            'version',
            `Chỉ tiêu ${plan.id} khác dòng này: ghi phiên bản đã đọc (${existing.version}) để sửa`,
            `Target ${plan.id} differs from the row: give the version read (${existing.version}) to change it`,
            'CONFLICT',
          )
        : row.error(
            'version',
            `Chỉ tiêu ${plan.id} đã thay đổi từ lúc đọc (nay phiên bản ${existing.version}, tệp ghi ${plan.expectedVersion}): tải lại mẫu`,
            `Target ${plan.id} changed since it was read (now version ${existing.version}, the file says ${plan.expectedVersion}): download the template again`,
            'CONFLICT',
          );
    }
    batch.staged.push({ row: row.row, data: plan });
    batch.toUpdate++;
    return null;
  }
}

/** The campaigns a template lists: the one `campaignId` names, or those `withinCode` issued whose period holds `year`. */
async function templateCampaigns(ctx: SubgraphContext, query: Record<string, string | undefined>): Promise<Campaign[]> {
  const service = new CampaignService(ctx);
  if (query.campaignId) {
    if (!isDatabaseId(query.campaignId))
      throw badInput(`Mã phong trào không hợp lệ: "${query.campaignId}"`, `Invalid campaign id "${query.campaignId}"`, 'campaignId');
    return [await service.require(query.campaignId)];
  }
  const found = await templateTerritory(ctx.units, query);
  if (!found) return [];
  const { territory: issuer, date } = found;
  const ids = await ctx.em.execute<{ id: number }[]>(
    `SELECT id FROM campaigns.campaign WHERE issuer_unit_id = ? AND period_start <= ?::date AND period_end >= ?::date ORDER BY id`,
    [issuer.id, date, date],
  );
  return service.byIds(ids.map((r) => r.id));
}

/**
 * The template: with `campaignId`, every target of that campaign; with `withinCode` (and `year`), every target of the
 * campaigns that unit issued running that year — each with its id and version: the export, which re-imports unchanged.
 */
async function targetTemplate(ctx: SubgraphContext, query: Record<string, string | undefined>): Promise<TemplateTable> {
  const rows: TemplateTable['rows'] = [COLUMNS.map((c) => c.header)];
  const label = <T extends string>(labels: Readonly<Record<T, string>>, value: T | null) => (value === null ? null : labels[value]);
  for (const campaign of await templateCampaigns(ctx, query)) {
    const targets = [...(await storedTargets(ctx.em, campaign.id)).byId.values()];
    const units = new Map(
      (await ctx.units.byIds([...new Set(targets.map((t) => t.unitId))])).filter((u) => u !== null).map((u) => [u!.id, u!]),
    );
    for (const t of targets) {
      const unit = units.get(t.unitId);
      // The code is read on the period start, or on the unit's first day when it came later.
      const asOf = unit?.validFrom && unit.validFrom > campaign.periodStart ? unit.validFrom : campaign.periodStart;
      rows.push([
        campaign.id,
        t.id,
        t.version,
        unit?.code ?? null,
        unit?.name ?? null,
        t.metric,
        t.yearFrom,
        t.year,
        COMPARATORS[t.comparator],
        VALUE_UNITS[t.valueUnit],
        t.value,
        t.valueMin,
        t.valueMax,
        label(STATUSES, t.status),
        label(UNIT_CLASSES, t.unitClass),
        label(INCREMENTS, t.incrementOver),
        t.numerator,
        t.denominator,
        t.denominatorBasis,
        t.basisNote,
        t.datasetCount,
        t.quote,
        t.note,
        t.source,
        asOf,
      ]);
    }
  }
  return { rows, listing: [query.campaignId ?? query.withinCode] };
}

/** Columns of a planned target as jsonb_to_recordset reads them. */
const RECORD = `r(id int, "expectedVersion" int, ${SQL_FIELDS.map(([key, , type]) => `"${key}" ${type}`).join(', ')})`;

/**
 * Chỉ tiêu — targets of campaigns with the rules of `createTarget`/`updateTarget`: new ones added in one statement
 * (skipping one stored meanwhile with the same content, so a file imported twice at once adds each once), changed
 * ones in another, each only at the version read — a target changed meanwhile refuses the whole commit.
 */
export const targetImport = defineImportKind<PlannedTarget>('targets', {
  title: { vi: 'Chỉ tiêu phong trào', en: 'Campaign targets', sheet: 'Chỉ tiêu' },
  columns: COLUMNS,
  validator: TargetValidator,
  template: targetTemplate,
  async commit(em, _ctx, rows) {
    const planned = rows.map((r) => r.data);
    const adds = planned.filter((p) => p.id === null);
    const changes = planned.filter((p) => p.id !== null);
    const columns = SQL_FIELDS.map(([, column]) => column).join(', ');
    const values = SQL_FIELDS.map(([key]) => `r."${key}"`).join(', ');
    const inserted = adds.length
      ? await em.execute(
          `INSERT INTO campaigns.target (${columns})
       SELECT ${values} FROM jsonb_to_recordset(?::jsonb) AS ${RECORD}
       WHERE NOT EXISTS (SELECT 1 FROM campaigns.target t WHERE ${SQL_FIELDS.map(([key, column]) => `t.${column} IS NOT DISTINCT FROM r."${key}"`).join(' AND ')})
       RETURNING id`,
          [JSON.stringify(adds)],
        )
      : [];
    const updated = changes.length
      ? await em.execute<{ id: number }[]>(
          `UPDATE campaigns.target t SET ${SQL_FIELDS.map(([key, column]) => `${column} = r."${key}"`).join(', ')}, version = t.version + 1
       FROM jsonb_to_recordset(?::jsonb) AS ${RECORD}
       WHERE t.id = r.id AND t.campaign_id = r."campaignId" AND t.version = r."expectedVersion"
       RETURNING t.id`,
          [JSON.stringify(changes)],
        )
      : [];
    if (updated.length < changes.length) {
      const done = new Set(updated.map((u) => u.id));
      const stale = rows.filter((r) => r.data.id !== null && !done.has(r.data.id!));
      const rowErrors: ImportRowError[] = stale.map((r) => ({
        row: r.row,
        column: 'Phiên bản',
        code: 'CONFLICT',
        expected: null,
        message: bilingual(
          `Chỉ tiêu ${r.data.id} đã thay đổi hoặc bị xóa từ lúc kiểm tra`,
          `Target ${r.data.id} changed or was deleted since the check`,
        ),
      }));
      throw new GraphQLError(
        bilingual(
          `${stale.length} chỉ tiêu đã thay đổi từ lúc kiểm tra; không ghi gì`,
          `${stale.length} targets changed since the check; nothing was written`,
        ),
        { extensions: { code: 'CONFLICT', rowErrors } },
      );
    }
    return { created: inserted.length, updated: updated.length, unitPaths: planned.map((p) => p.unitPath) };
  },
});
