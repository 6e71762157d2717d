import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import { choiceOf, type ColumnSpec, sharedColumns } from '../shared/import/import-columns.js';
import { additions, defineImportKind, emptyBatch, stageAdditions, type ValidatedBatch } from '../shared/import/import-kind.js';
import { cells, type ParsedRow, readRows } from '../shared/import/import-row.js';
import { intArray } from '../shared/sql.js';
import { today } from '../shared/scalars.js';
import type { Cell } from '../shared/table-file.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { type CheckedClassification, UnitService, checkClassification, validOn } from './unit.service.js';
import { ClassificationScheme } from './units.enums.js';

/** The schemes and values as the template writes them (the import also takes their codes). */
const SCHEME_LABELS: Readonly<Record<ClassificationScheme, string>> = {
  ESPECIALLY_DISADVANTAGED: 'Xã đặc biệt khó khăn',
  TERRAIN: 'Địa hình',
  BORDER: 'Biên giới',
  COASTAL: 'Bãi ngang ven biển',
  ISLAND: 'Hải đảo',
  COMMUNE_GROUP: 'Nhóm xã',
};
const VALUE_LABELS: Readonly<Record<string, string>> = {
  HIGH_MOUNTAIN: 'Miền núi cao',
  LOW_MOUNTAIN: 'Miền núi thấp',
  LOWLAND: 'Đồng bằng',
  1: '1',
  2: '2',
  3: '3',
};

const COLUMNS: ColumnSpec[] = [
  sharedColumns.unitCode({
    vi: 'mã GSO của đơn vị (dạng văn bản, giữ số 0 ở đầu)',
    en: "the unit's GSO code (as text, leading zeros kept)",
  }),
  sharedColumns.unitName,
  {
    key: 'scheme',
    header: 'Loại phân loại',
    required: true,
    expected: choiceOf(SCHEME_LABELS, undefined, { vi: '', en: ' or its Vietnamese name' }),
  },
  {
    key: 'value',
    header: 'Giá trị',
    expected: {
      vi: 'Địa hình: Miền núi cao, Miền núi thấp, Đồng bằng; Nhóm xã: 1, 2, 3; loại có/không: để trống',
      en: 'TERRAIN: HIGH_MOUNTAIN, LOW_MOUNTAIN, LOWLAND; COMMUNE_GROUP: 1, 2, 3; yes/no schemes: empty',
    },
  },
  {
    key: 'validFrom',
    header: 'Áp dụng từ',
    expected: { vi: 'ngày dd/mm/yyyy (để trống: từ trước đến nay)', en: 'a date dd/mm/yyyy (empty: always)' },
  },
  {
    key: 'validTo',
    header: 'Áp dụng đến',
    expected: {
      vi: 'ngày dd/mm/yyyy, không trước ngày bắt đầu (để trống: chưa kết thúc)',
      en: 'a date dd/mm/yyyy, not before the first day (empty: open)',
    },
  },
  { key: 'source', header: 'Căn cứ', expected: { vi: 'số quyết định… (không bắt buộc)', en: 'the decision it rests on (optional)' } },
  sharedColumns.codeDate('asOf', { vi: 'ngày áp dụng từ, hoặc hôm nay', en: 'the first day, else today' }),
];

/** A classification to add: the unit resolved, the rest as `checkClassification` returns it. */
interface PlannedClassification extends CheckedClassification {
  unitId: number;
  unitPath: string;
  source: string | null;
}

/** The same classification (unit, scheme, value, period): a row equal to a stored one changes nothing. */
const keyOf = (c: { unitId: number; scheme: string; value: string | null; validFrom: string | null; validTo: string | null }) =>
  [c.unitId, c.scheme, c.value ?? '', c.validFrom ?? '', c.validTo ?? ''].join('|');

/** Classifications stored for these units, by key. */
async function storedKeys(em: EntityManager, unitIds: readonly number[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await em.execute<
    { unit_id: number; scheme: string; value: string | null; valid_from: string | null; valid_to: string | null }[]
  >(
    `SELECT unit_id, scheme, value, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
     FROM units.unit_classification WHERE unit_id = ANY(?::int[])`,
    [intArray(unitIds)],
  );
  return new Set(
    rows.map((r) => keyOf({ unitId: r.unit_id, scheme: r.scheme, value: r.value, validFrom: r.valid_from, validTo: r.valid_to })),
  );
}

/**
 * Checks a file's classifications with the rules of `setUnitClassification` (`checkClassification`, shared): the unit
 * valid on the day read, by code and date, 500 rows at a time, inside the importer's subtree (else the whole file is
 * refused, naming the row); the period in order; a value the scheme takes; no repeat within the file; a row equal to a
 * stored classification is unchanged.
 */
class ClassificationValidator {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: SubgraphContext) {}

  async validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    const read = readRows(rows, (row, errors) => {
      const unitCode = row.read('unitCode', cells.code, errors, true);
      const scheme = row.read('scheme', (cell) => cells.choice(cell, SCHEME_LABELS), errors, true);
      const value = row.read('value', (cell) => cells.choice(cell, VALUE_LABELS), errors);
      const validFrom = row.read('validFrom', cells.date, errors);
      const validTo = row.read('validTo', cells.date, errors);
      const source = row.read('source', cells.text, errors);
      const asOf = row.read('asOf', cells.date, errors);
      return { unitCode, scheme, value, validFrom, validTo, source, date: asOf ?? validFrom ?? today() };
    });
    const units = await new UnitService(this.ctx).findManyByCode(
      read.filter((r) => r.unitCode).map((r) => ({ code: r.unitCode!, date: r.date })),
    );
    const planned: { row: ParsedRow; plan: PlannedClassification }[] = [];
    for (const r of read) {
      const { row, errors } = r;
      const unit = r.unitCode ? units.get(`${r.unitCode}@${r.date}`) : undefined;
      if (r.unitCode && !unit) errors.push(row.unitNotFound(r.unitCode, r.date));
      if (unit) row.authorize(this.ctx.guard, unit, { vi: 'phân loại', en: 'classify' });
      if (!unit || !r.scheme || errors.length) {
        batch.errors.push(...errors);
        continue;
      }
      try {
        const checked = checkClassification({
          scheme: r.scheme,
          value: r.value ?? undefined,
          validFrom: r.validFrom ?? undefined,
          validTo: r.validTo ?? undefined,
        });
        const plan: PlannedClassification = { unitId: unit.id, unitPath: unit.path, ...checked, source: r.source };
        const first = this.seen.get(keyOf(plan));
        if (first !== undefined) {
          batch.errors.push(
            row.error(
              'scheme',
              `Trùng với dòng ${first}: ${unit.name} đã có phân loại này trong cùng thời gian`,
              `Repeats row ${first}: ${unit.name} has this classification for the same period`,
            ),
          );
        } else {
          this.seen.set(keyOf(plan), row.row);
          planned.push({ row, plan });
        }
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        batch.errors.push(row.fieldError(error.extensions.field === 'validTo' ? 'validTo' : r.value ? 'value' : 'scheme', error.message));
      }
    }
    return stageAdditions(batch, planned, keyOf, (plans) =>
      storedKeys(
        this.ctx.em,
        plans.map((p) => p.unitId),
      ),
    );
  }
}

/**
 * The template's rows: every classification of the units of the territory valid on the template's day, whatever its
 * period — the export, which re-imports unchanged.
 */
async function classificationRows(ctx: SubgraphContext, territory: UnitInfo, date: string): Promise<Cell[][]> {
  const found = await ctx.em.execute(
    `SELECT u.code, u.name, c.scheme, c.value, to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to, c.source
     FROM units.unit_classification c JOIN units.unit u ON u.id = c.unit_id
     WHERE u.path <@ ?::ltree AND ${validOn('u')}
     ORDER BY u.code, c.scheme, c.valid_from NULLS FIRST, c.id`,
    [territory.path, date, date],
  );
  return found.map((c) => [
    c.code,
    c.name,
    SCHEME_LABELS[c.scheme as ClassificationScheme],
    c.value === null ? null : (VALUE_LABELS[c.value] ?? c.value),
    c.valid_from,
    c.valid_to,
    c.source,
    date,
  ]);
}

/** Adds the classifications, skipping one stored meanwhile. */
function insertClassifications(em: EntityManager, planned: readonly PlannedClassification[]): Promise<unknown[]> {
  return em.execute(
    `INSERT INTO units.unit_classification (unit_id, scheme, value, valid_from, valid_to, source)
     SELECT r."unitId", r.scheme, r.value, r."validFrom", r."validTo", r.source
     FROM jsonb_to_recordset(?::jsonb) AS r("unitId" int, scheme text, value text, "validFrom" date, "validTo" date, source text)
     WHERE NOT EXISTS (SELECT 1 FROM units.unit_classification c WHERE c.unit_id = r."unitId" AND c.scheme = r.scheme
       AND c.value IS NOT DISTINCT FROM r.value AND c.valid_from IS NOT DISTINCT FROM r."validFrom" AND c.valid_to IS NOT DISTINCT FROM r."validTo")
     RETURNING unit_id`,
    [JSON.stringify(planned)],
  );
}

/**
 * Phân loại đơn vị — classifications of units (especially disadvantaged, terrain, border, coastal, island, commune
 * group) with the rules of `setUnitClassification`, added in one statement per thousand rows; one already stored
 * meanwhile is skipped, so a file imported twice, even at once, adds each classification once.
 */
export const classificationImport = defineImportKind<PlannedClassification>('classifications', {
  title: { vi: 'Phân loại đơn vị', en: 'Unit classifications', sheet: 'Phân loại' },
  columns: COLUMNS,
  validator: ClassificationValidator,
  exportRows: classificationRows,
  commit: additions(insertClassifications),
});
