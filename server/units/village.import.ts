import { GraphQLError } from 'graphql';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { bilingual } from '../shared/errors.js';
import { choiceOf, type ColumnSpec } from '../shared/import/import-columns.js';
import { defineImportKind, emptyBatch, type ValidatedBatch } from '../shared/import/import-kind.js';
import { cells, type ImportRowError, type ParsedRow } from '../shared/import/import-row.js';
import { foldText, intArray, normaliseText } from '../shared/sql.js';
import { today } from '../shared/scalars.js';
import type { Cell } from '../shared/table-file.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { UnitKind, UnitLevel, VILLAGE_PREFIXES, fullNameOf } from './units.enums.js';
import { UnitService, lockMap, validOn } from './unit.service.js';
import { guardMap } from './map-constraints.js';
import type { CreateVillageInput } from './village.input.js';
import { type RowError, VillageService, insertVillages, isVillageKind } from './village.service.js';

/** Either end of a village's period: left empty, the commune's. */
const AS_THE_COMMUNE = { vi: 'ngày dd/mm/yyyy (để trống: như xã)', en: "a date dd/mm/yyyy (empty: the commune's)" };

/** Column keys are the fields of `CreateVillageInput`, so the service's row errors land on their column as they are. */
const COLUMNS: ColumnSpec[] = [
  {
    key: 'communeCode',
    header: 'Mã xã',
    required: true,
    code: true,
    expected: {
      vi: 'mã GSO của xã, phường, thị trấn (dạng văn bản, giữ số 0 ở đầu)',
      en: "the commune's GSO code (as text, leading zeros kept)",
    },
  },
  { key: 'communeName', header: 'Tên xã', expected: { vi: 'tên để đối chiếu (không được đọc)', en: 'a name for reference (not read)' } },
  {
    key: 'name',
    header: 'Tên thôn',
    required: true,
    expected: {
      vi: 'tên thôn, 1–100 ký tự, có hoặc không kèm loại ("Nà Pài" hoặc "Thôn Nà Pài")',
      en: "the village's name, 1–100 characters, with or without its kind word",
    },
  },
  {
    key: 'kind',
    header: 'Loại',
    expected: choiceOf(VILLAGE_PREFIXES, undefined, { vi: ' (để trống: Thôn)', en: ' or its Vietnamese word (empty: Thôn)' }),
  },
  {
    key: 'code',
    header: 'Mã thôn',
    code: true,
    expected: {
      vi: '<mã xã>-<số>, ví dụ 02287-003 (để trống: số tiếp theo của xã)',
      en: "<commune code>-<number>, e.g. 02287-003 (empty: the commune's next number)",
    },
  },
  { key: 'validFrom', header: 'Hiệu lực từ', expected: AS_THE_COMMUNE },
  { key: 'validTo', header: 'Hiệu lực đến', expected: AS_THE_COMMUNE },
  {
    key: 'asOf',
    header: 'Ngày đọc mã xã',
    expected: {
      vi: 'ngày xã có mã này (để trống: ngày hiệu lực từ, hoặc hôm nay)',
      en: 'a day the commune holds this code (empty: the first day of validity, else today)',
    },
  },
];

const header = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

/** A row error of the village rules on the file's row and column. */
const fileError = (row: number, error: RowError): ImportRowError => {
  const spec = COLUMNS.find((c) => c.key === error.field);
  return {
    row,
    column: header(error.field),
    code: error.code,
    message: error.message,
    expected: spec ? bilingual(spec.expected.vi, spec.expected.en) : null,
  };
};

/** An existing village as the comparison with a row needs it. */
interface StoredVillage {
  parent_id: number;
  code: string;
  short_name: string;
  kind: UnitKind;
  valid_from: string | null;
  valid_to: string | null;
}

/**
 * Checks a file's villages with the rules of `createVillages` (`VillageService.plan`, shared, not copied) once every row
 * is read — the rules compare rows with each other (names, codes the commune's next numbers take) — after setting
 * aside the rows equal to a village already stored (same commune, name, kind, code if given, period): those change
 * nothing, so a file exported from the hub, or imported twice, writes nothing. A row whose commune lies outside the
 * importer's subtree refuses the whole file, as the mutation refuses the whole batch.
 */
class VillageValidator {
  private readonly rows: { row: ParsedRow; input: CreateVillageInput }[] = [];
  constructor(private readonly ctx: SubgraphContext) {}

  async validate(rows: readonly ParsedRow[]): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    for (const row of rows) {
      const errors: ImportRowError[] = [];
      const input: CreateVillageInput = {
        communeCode: row.read('communeCode', cells.code, errors, true) ?? '',
        name: row.read('name', cells.text, errors, true) ?? '',
        kind: row.read('kind', (cell) => cells.choice(cell, VILLAGE_PREFIXES as Record<UnitKind, string>), errors) ?? undefined,
        code: row.read('code', cells.code, errors) ?? undefined,
        validFrom: row.read('validFrom', cells.date, errors) ?? undefined,
        validTo: row.read('validTo', cells.date, errors) ?? undefined,
        asOf: row.read('asOf', cells.date, errors) ?? undefined,
      };
      if (errors.length) batch.errors.push(...errors);
      else this.rows.push({ row, input });
    }
    return batch;
  }

  async finish(): Promise<ValidatedBatch> {
    const batch = emptyBatch();
    const fresh = await this.withoutStored(batch);
    const { planned, errors } = await new VillageService(this.ctx).plan(
      fresh.map((r) => r.input),
      false,
      (i) => fresh[i].row.row,
    );
    batch.errors.push(...errors.map((e) => fileError(fresh[e.row].row.row, e)));
    batch.staged = planned.map((p) => ({ row: fresh[p.row].row.row, data: fresh[p.row].input }));
    batch.toCreate = planned.length;
    return batch;
  }

  /** As the mutation refuses a batch with one commune outside the caller's subtree: the whole file, naming the row. */
  private authorizeRow(row: ParsedRow, commune: { path: string; name: string; code: string }): void {
    row.authorize(this.ctx.guard, commune, { vi: 'thêm thôn cho', en: 'add villages to' });
  }

  /** The rows that are not already stored as they are (those are counted unchanged); every row's commune must be the importer's. */
  private async withoutStored(batch: ValidatedBatch): Promise<{ row: ParsedRow; input: CreateVillageInput }[]> {
    const dateOf = (input: CreateVillageInput) => input.asOf ?? input.validFrom ?? today();
    const communes = await new UnitService(this.ctx).findManyByCode(
      this.rows.map(({ input }) => ({ code: input.communeCode, date: dateOf(input) })),
    );
    const parentIds = [...new Set([...communes.values()].map((c) => c.id))];
    const stored = parentIds.length
      ? await this.ctx.em.execute<StoredVillage[]>(
          `SELECT parent_id, code, short_name, kind, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM units.unit WHERE level = 'VILLAGE' AND NOT withdrawn AND parent_id = ANY(?::int[])`,
          [intArray(parentIds)],
        )
      : [];
    const byParent = new Map<number, StoredVillage[]>();
    for (const v of stored) byParent.set(v.parent_id, [...(byParent.get(v.parent_id) ?? []), v]);
    const matched = new Set<StoredVillage>();
    return this.rows.filter(({ row, input }) => {
      const commune = communes.get(`${input.communeCode}@${dateOf(input)}`);
      if (commune) this.authorizeRow(row, commune);
      const kind = input.kind ?? UnitKind.VILLAGE;
      if (!commune || commune.level !== UnitLevel.COMMUNE || !isVillageKind(kind)) return true;
      const { shortName } = fullNameOf(kind, UnitLevel.VILLAGE, normaliseText(input.name));
      const from = input.validFrom ?? commune.validFrom ?? null;
      const to = input.validTo ?? commune.validTo ?? null;
      // A stored village matches one row at most: a repeat goes on to the rules, which name it.
      const same = (byParent.get(commune.id) ?? []).find(
        (v) =>
          !matched.has(v) &&
          v.kind === kind &&
          v.valid_from === from &&
          v.valid_to === to &&
          (input.code ? v.code === input.code && v.short_name === shortName : foldText(v.short_name) === foldText(shortName)),
      );
      if (!same) return true;
      matched.add(same);
      batch.unchanged++;
      return false;
    });
  }
}

/**
 * The template's rows: the villages of the territory valid on the template's day, each with its commune, kind, code
 * and period — the export, which re-imports unchanged.
 */
async function villageRows(ctx: SubgraphContext, territory: UnitInfo, date: string): Promise<Cell[][]> {
  const villages = await ctx.em.execute(
    `SELECT c.code AS commune_code, c.name AS commune_name, v.short_name, v.kind, v.code,
       to_char(v.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(v.valid_to, 'YYYY-MM-DD') AS valid_to
     FROM units.unit v JOIN units.unit c ON c.id = v.parent_id
     WHERE v.level = 'VILLAGE' AND v.path <@ ?::ltree AND ${validOn('v')}
     ORDER BY c.code, v.code`,
    [territory.path, date, date],
  );
  return villages.map((v) => [
    v.commune_code,
    v.commune_name,
    v.short_name,
    VILLAGE_PREFIXES[v.kind as UnitKind] ?? v.kind,
    v.code,
    v.valid_from,
    v.valid_to,
    date,
  ]);
}

/**
 * Thôn, tổ dân phố — villages added to communes from a file, with the rules of `createVillages` and written by
 * `insertVillages` after `lockMap`, which every change of the map takes; the rows are planned again under the lock,
 * so a village added meanwhile fails the commit (CONFLICT, nothing written). Existing villages are renamed and closed
 * through their mutations, not by file.
 */
export const villageImport = defineImportKind<CreateVillageInput>('villages', {
  title: { vi: 'Thôn, tổ dân phố', en: 'Villages', sheet: 'Thôn' },
  columns: COLUMNS,
  validator: VillageValidator,
  exportRows: villageRows,
  beforeCommit: lockMap,
  async commit(em, ctx, rows) {
    return guardMap(async () => {
      const service = new VillageService(inTransaction(ctx, em));
      const { planned, errors } = await service.plan(
        rows.map((r) => r.data),
        false,
        (i) => rows[i].row,
      );
      if (errors.length) {
        throw new GraphQLError(
          bilingual(
            `${errors.length} thôn không còn thêm được (bản đồ đã thay đổi từ lúc kiểm tra); không ghi gì`,
            `${errors.length} villages can no longer be added (the map changed since the check); nothing was written`,
          ),
          { extensions: { code: 'CONFLICT', rowErrors: errors.map((e) => fileError(rows[e.row].row, e)) } },
        );
      }
      // Audited once for the whole file by the import (not one event per village).
      const villages = await insertVillages(em, planned, { audit: false });
      return { created: villages.length, updated: 0, unitPaths: villages.map((v) => v.path) };
    });
  },
});
