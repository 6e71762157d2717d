import type { EntityManager } from '@mikro-orm/postgresql';
import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import { GraphQLError } from 'graphql';
import { writeAudit, writeAudits } from '../shared/audit.js';
import { badInput, bilingual, checkVersion, conflict, notFound } from '../shared/errors.js';
import { today } from '../shared/scalars.js';
import { foldText, normaliseText, textArray } from '../shared/sql.js';
import { VILLAGE_CODE, isUnitCode, villageCode } from '../shared/unit-code.js';
import { AdministrativeUnit } from './unit.entity.js';
import { UnitKind, UnitLevel, VILLAGE_PREFIXES, fullNameOf } from './units.enums.js';
import { UnitService, lockMap } from './unit.service.js';
import type { CloseVillageInput, CreateVillageInput, RenameVillageInput } from './village.input.js';

export const MAX_NAME = 100;

/** What is wrong with one row of a batch: its position (from 0), the field, a code and a message (Vietnamese first). */
export interface RowError {
  row: number;
  field: string;
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  message: string;
}

/** A validated village, ready to write. */
export interface PlannedVillage {
  row: number;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentId: number;
  validFrom: string | null;
  validTo: string | null;
  synthetic: boolean;
}

/** A row being planned: whether its code was given, and the commune code its own code would start with. */
interface Draft extends PlannedVillage {
  given: boolean;
  prefix: string;
}

export const isVillageKind = (kind: UnitKind): boolean => kind in VILLAGE_PREFIXES;

const rowError = (row: number, field: string, vi: string, en: string, code: RowError['code'] = 'BAD_USER_INPUT'): RowError => ({
  row,
  field,
  code,
  message: bilingual(vi, en),
});

/** The GraphQL error of a row error, for a single-record mutation. */
export const rowErrorToGraphQL = (error: RowError): GraphQLError =>
  new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });

/** Whether [from1, to1] and [from2, to2] share a day (null: open-ended). */
const overlaps = (from1: string | null, to1: string | null, from2: string | null, to2: string | null) =>
  (!from1 || !to2 || from1 <= to2) && (!from2 || !to1 || from2 <= to1);

/** The audit event of a change to a stored village: what it was and what it became. */
const auditVillageChange = (em: EntityManager, village: AdministrativeUnit, before: object, after: object) =>
  writeAudit(em, {
    subgraph: 'units',
    entity: 'AdministrativeUnit',
    entityId: village.id,
    action: 'UPDATE',
    unitId: village.id,
    unitPath: village.path,
    before,
    after,
  });

const period = (from: string | null, to: string | null) => `${from ?? '…'} – ${to ?? '…'}`;

/** The highest village number each commune code has given so far (0 when none): the next village takes the one after. */
export async function lastVillageNumbers(em: EntityManager, communeCodes: readonly string[]): Promise<Map<string, number>> {
  const prefixes = [...new Set(communeCodes)];
  const last = new Map(prefixes.map((p) => [p, 0]));
  if (!prefixes.length) return last;
  const rows = await em.execute<{ prefix: string; n: number }[]>(
    `SELECT split_part(code, '-', 1) AS prefix, max(split_part(code, '-', 2)::int) AS n FROM units.unit
     WHERE code ~ '^[0-9]{2,5}-[0-9]{3,4}$' AND split_part(code, '-', 1) = ANY(?::text[]) GROUP BY 1`,
    [textArray(prefixes)],
  );
  for (const r of rows) last.set(r.prefix, Number(r.n));
  return last;
}

/**
 * Writes planned villages in the caller's transaction (ids from the API sequence, in row order; paths under their
 * communes) and audits each (the demo seed, which is no one's write, does not). Shared by the mutations, the
 * importer and the demo seed.
 */
export async function insertVillages(
  em: EntityManager,
  planned: readonly PlannedVillage[],
  { audit = true } = {},
): Promise<AdministrativeUnit[]> {
  if (!planned.length) return [];
  const rows = await em.execute(
    `WITH r AS (SELECT nextval('units.unit_api_id_seq')::int AS id, x.* FROM (
        SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(row int, code text, name text, "shortName" text, kind text, "parentId" int,
          "validFrom" date, "validTo" date, synthetic boolean) ORDER BY r.row) x)
     INSERT INTO units.unit (id, code, name, short_name, level, kind, parent_id, path, valid_from, valid_to, synthetic)
     SELECT r.id, r.code, r.name, r."shortName", 'VILLAGE', r.kind, r."parentId", (p.path::text || '.' || r.id)::public.ltree, r."validFrom", r."validTo", r.synthetic
     FROM r JOIN units.unit p ON p.id = r."parentId" ORDER BY r.id
     RETURNING *`,
    [JSON.stringify(planned)],
  );
  const villages = rows.map((row) => em.map(AdministrativeUnit, row));
  if (!audit) return villages;
  await writeAudits(
    em,
    villages.map((v) => ({
      subgraph: 'units',
      entity: 'AdministrativeUnit',
      entityId: v.id,
      action: 'CREATE' as const,
      unitId: v.id,
      unitPath: v.path,
      before: null,
      after: {
        code: v.code,
        name: v.name,
        kind: v.kind,
        level: v.level,
        validFrom: v.validFrom ?? null,
        validTo: v.validTo ?? null,
        synthetic: v.synthetic,
      },
    })),
  );
  return villages;
}

/**
 * Villages (thôn, bản, tổ dân phố …): added, renamed and closed by administrators of their commune or above.
 * `plan` validates many rows at once with an error per row and writes nothing; `insertVillages` writes them.
 * Both run in one transaction after `lockMap`, which every change of the map takes.
 */
export class VillageService extends Service {
  private readonly units = new UnitService(this.ctx);
  private readonly guard = this.ctx.guard;

  /**
   * Checks villages to add, as the single mutation does for one: the commune valid on the date read and inside the
   * caller's subtree (otherwise FORBIDDEN for the whole batch), a village kind, a name of 1–100 characters, the period
   * inside the commune's, a free code, no other village of the commune with that name in that period, no duplicate
   * within the batch. Returns the rows ready to write and every row's errors.
   */
  async plan(
    inputs: readonly CreateVillageInput[],
    synthetic = false,
    rowLabel: (row: number) => number = (row) => row + 1,
  ): Promise<{ planned: PlannedVillage[]; errors: RowError[] }> {
    const errors: RowError[] = [];
    const dateOf = (input: CreateVillageInput) => input.asOf ?? input.validFrom ?? today();
    const communes = await this.units.findManyByCode(
      inputs.filter((input) => isUnitCode(input.communeCode ?? '')).map((input) => ({ code: input.communeCode, date: dateOf(input) })),
    );
    const drafts: Draft[] = [];
    for (const [row, input] of inputs.entries()) {
      const date = dateOf(input);
      const commune = communes.get(`${input.communeCode}@${date}`);
      if (!commune) {
        errors.push(
          rowError(
            row,
            'communeCode',
            `Không có xã mã "${input.communeCode}" hiệu lực ngày ${date}`,
            `No commune with code "${input.communeCode}" is valid on ${date}`,
          ),
        );
        continue;
      }
      if (commune.level !== UnitLevel.COMMUNE) {
        errors.push(
          rowError(
            row,
            'communeCode',
            `${commune.name} không phải cấp xã; thôn chỉ thuộc xã, phường, thị trấn`,
            `${commune.name} is not a commune-level unit; villages belong to communes, wards and townships`,
          ),
        );
        continue;
      }
      this.guard.require(Capability.MANAGE_VILLAGES, commune);
      const before = errors.length;
      const kind = input.kind ?? UnitKind.VILLAGE;
      if (!isVillageKind(kind)) {
        errors.push(
          rowError(
            row,
            'kind',
            `Loại ${kind} không phải loại thôn`,
            `${kind} is not a village kind (one of ${Object.keys(VILLAGE_PREFIXES).join(', ')})`,
          ),
        );
      }
      const shortName = normaliseText(input.name ?? '');
      if (!shortName || shortName.length > MAX_NAME) {
        errors.push(rowError(row, 'name', `Tên thôn cần từ 1 đến ${MAX_NAME} ký tự`, `The village name takes 1 to ${MAX_NAME} characters`));
      }
      const validFrom = input.validFrom ?? commune.validFrom ?? null;
      const validTo = input.validTo ?? commune.validTo ?? null;
      if (validFrom && validTo && validFrom > validTo) {
        errors.push(rowError(row, 'validTo', 'Ngày kết thúc phải từ ngày bắt đầu', 'validTo must not be before validFrom'));
      } else if (
        (commune.validFrom && (!validFrom || validFrom < commune.validFrom)) ||
        (commune.validTo && (!validTo || validTo > commune.validTo))
      ) {
        errors.push(
          rowError(
            row,
            validFrom && commune.validFrom && validFrom < commune.validFrom ? 'validFrom' : 'validTo',
            `Thời gian ${period(validFrom, validTo)} vượt ngoài thời gian hiệu lực của ${commune.name} (${period(commune.validFrom ?? null, commune.validTo ?? null)})`,
            `The period ${period(validFrom, validTo)} lies outside ${commune.name}'s validity (${period(commune.validFrom ?? null, commune.validTo ?? null)})`,
          ),
        );
      }
      const given = input.code != null && input.code !== '';
      if (given && !VILLAGE_CODE.test(input.code!)) {
        errors.push(
          rowError(
            row,
            'code',
            `Mã thôn "${input.code}" không đúng dạng <mã xã>-<số> (ví dụ 02287-003)`,
            `Village code "${input.code}" is not of the form <commune code>-<number> (e.g. 02287-003)`,
          ),
        );
      }
      if (errors.length > before) continue;
      const names = fullNameOf(kind, UnitLevel.VILLAGE, shortName);
      drafts.push({
        row,
        code: given ? input.code! : '',
        name: names.name,
        shortName: names.shortName,
        kind,
        parentId: commune.id,
        validFrom,
        validTo,
        synthetic,
        given,
        prefix: commune.code,
      });
    }
    await this.assignCodes(drafts);
    errors.push(...this.duplicatesWithin(drafts, rowLabel), ...(await this.conflicts(drafts)));
    const failed = new Set(errors.map((e) => e.row));
    return {
      planned: drafts.filter((d) => !failed.has(d.row)).map(({ given: _given, prefix: _prefix, ...d }) => d),
      errors: errors.sort((a, b) => a.row - b.row),
    };
  }

  /** Rows without a code take their commune's next free numbers, above every code the commune has ever used. */
  private async assignCodes(drafts: Draft[]): Promise<void> {
    const next = await lastVillageNumbers(
      this.em,
      drafts.filter((d) => !d.given).map((d) => d.prefix),
    );
    for (const d of drafts.filter((x) => x.given && VILLAGE_CODE.test(x.code))) {
      const [prefix, n] = d.code.split('-');
      if (next.has(prefix)) next.set(prefix, Math.max(next.get(prefix)!, Number(n)));
    }
    for (const d of drafts.filter((x) => !x.given)) {
      const n = next.get(d.prefix)! + 1;
      next.set(d.prefix, n);
      d.code = villageCode(d.prefix, n);
    }
  }

  /** Rows repeating an earlier row's code, or its name in the same commune, on a shared day; `rowLabel` numbers rows as the caller shows them. */
  private duplicatesWithin(drafts: readonly PlannedVillage[], rowLabel: (row: number) => number): RowError[] {
    const errors: RowError[] = [];
    for (const [i, a] of drafts.entries()) {
      const twin = drafts
        .slice(0, i)
        .find(
          (b) =>
            overlaps(a.validFrom, a.validTo, b.validFrom, b.validTo) &&
            (b.code === a.code || (b.parentId === a.parentId && foldText(b.shortName) === foldText(a.shortName))),
        );
      if (!twin) continue;
      errors.push(
        twin.code === a.code
          ? rowError(
              a.row,
              'code',
              `Mã thôn ${a.code} trùng với dòng ${rowLabel(twin.row)}`,
              `Village code ${a.code} repeats row ${rowLabel(twin.row)}`,
            )
          : rowError(
              a.row,
              'name',
              `Thôn "${a.name}" trùng với dòng ${rowLabel(twin.row)}`,
              `Village "${a.name}" repeats row ${rowLabel(twin.row)}`,
            ),
      );
    }
    return errors;
  }

  /** Codes held and names used in the commune by existing units during the same days: one statement for all rows. */
  private async conflicts(drafts: readonly PlannedVillage[]): Promise<RowError[]> {
    if (!drafts.length) return [];
    const rows = await this.em.execute<
      { row: number; field: string; other: string; other_name: string; vf: string | null; vt: string | null }[]
    >(
      `WITH r AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(row int, code text, "shortName" text, "parentId" int, "validFrom" date, "validTo" date))
       SELECT r.row, CASE WHEN u.code = r.code THEN 'code' ELSE 'name' END AS field, u.code AS other, u.name AS other_name,
         to_char(u.valid_from, 'YYYY-MM-DD') AS vf, to_char(u.valid_to, 'YYYY-MM-DD') AS vt
       FROM r JOIN units.unit u ON NOT u.withdrawn
         AND (u.code = r.code OR (u.level = 'VILLAGE' AND u.parent_id = r."parentId" AND public.ntm_fold(u.short_name) = public.ntm_fold(r."shortName")))
         AND daterange(u.valid_from, u.valid_to, '[]') && daterange(r."validFrom", r."validTo", '[]')
       ORDER BY r.row`,
      [JSON.stringify(drafts)],
    );
    const seen = new Set<number>();
    return rows
      .filter((r) => !seen.has(r.row) && seen.add(r.row))
      .map((r) =>
        r.field === 'code'
          ? rowError(
              r.row,
              'code',
              `Mã ${r.other} đã thuộc ${r.other_name} (${period(r.vf, r.vt)})`,
              `Code ${r.other} is held by ${r.other_name} (${period(r.vf, r.vt)})`,
              'CONFLICT',
            )
          : rowError(
              r.row,
              'name',
              `Xã đã có ${r.other_name} (mã ${r.other}, ${period(r.vf, r.vt)})`,
              `The commune already has ${r.other_name} (code ${r.other}, ${period(r.vf, r.vt)})`,
              'CONFLICT',
            ),
      );
  }

  /**
   * Adds many villages, all or nothing, under the map lock of the caller's transaction: with any row error nothing is
   * written and every error is returned; `dryRun` validates only. The importer instead calls `plan` and
   * `insertVillages` itself inside its own transaction (after `lockMap`).
   */
  async createMany(
    inputs: readonly CreateVillageInput[],
    dryRun = false,
  ): Promise<{ villages: AdministrativeUnit[]; planned: PlannedVillage[]; errors: RowError[] }> {
    await lockMap(this.em);
    const { planned, errors } = await this.plan(inputs);
    if (errors.length || dryRun) return { villages: [], planned, errors };
    return { villages: await insertVillages(this.em, planned), planned, errors };
  }

  async create(input: CreateVillageInput): Promise<AdministrativeUnit> {
    const { villages, errors } = await this.createMany([input]);
    if (errors.length) throw rowErrorToGraphQL(errors[0]);
    return villages[0];
  }

  /** The village with this code on the date, or NOT_FOUND / BAD_USER_INPUT (not a village). */
  private async requireVillage(code: string, date: string): Promise<AdministrativeUnit> {
    const unit = await this.units.findByCode(code, date);
    if (!unit) throw notFound(`Không có thôn mã "${code}" hiệu lực ngày ${date}`, `No village with code "${code}" is valid on ${date}`);
    if (unit.level !== UnitLevel.VILLAGE) throw badInput(`${unit.name} không phải thôn`, `${unit.name} is not a village`, 'code');
    return unit;
  }

  /** Renames a village (and changes its kind) for its whole validity; the name must stay unique in its commune. */
  async rename(input: RenameVillageInput): Promise<AdministrativeUnit> {
    const village = await this.requireVillage(input.code, input.asOf ?? today());
    this.guard.require(Capability.MANAGE_VILLAGES, village);
    const kind = input.kind ?? village.kind;
    if (!isVillageKind(kind)) throw badInput(`Loại ${kind} không phải loại thôn`, `${kind} is not a village kind`, 'kind');
    const shortName = normaliseText(input.name);
    if (!shortName || shortName.length > MAX_NAME)
      throw badInput(`Tên thôn cần từ 1 đến ${MAX_NAME} ký tự`, `The village name takes 1 to ${MAX_NAME} characters`, 'name');
    const names = fullNameOf(kind, UnitLevel.VILLAGE, shortName);
    await lockMap(this.em);
    const current = await this.locked(village.id);
    checkVersion(current.version, input.expectedVersion, { vi: current.name, en: current.name });
    const [twin] = await this.em.execute(
      `SELECT u.code, u.name FROM units.unit u WHERE u.level = 'VILLAGE' AND NOT u.withdrawn AND u.parent_id = ? AND u.id <> ? AND public.ntm_fold(u.short_name) = public.ntm_fold(?)
           AND daterange(u.valid_from, u.valid_to, '[]') && daterange(?::date, ?::date, '[]') LIMIT 1`,
      [current.parent!.id, current.id, names.shortName, current.validFrom ?? null, current.validTo ?? null],
    );
    if (twin) throw conflict(`Xã đã có ${twin.name} (mã ${twin.code})`, `The commune already has ${twin.name} (code ${twin.code})`);
    // Taken before the update: mapping the updated row refreshes this same entity (one per id in the identity map).
    const before = { name: current.name, kind: current.kind };
    const [row] = await this.em.execute(
      'UPDATE units.unit SET name = ?, short_name = ?, kind = ?, version = version + 1 WHERE id = ? RETURNING *',
      [names.name, names.shortName, kind, current.id],
    );
    const renamed = this.em.map(AdministrativeUnit, row);
    await auditVillageChange(this.em, current, before, { name: renamed.name, kind: renamed.kind });
    return renamed;
  }

  /** Sets a village's last day; not before its first day, not after its commune's last, not for one a reorganisation closed. */
  async close(input: CloseVillageInput): Promise<AdministrativeUnit> {
    const village = await this.requireVillage(input.code, input.asOf ?? input.validTo);
    this.guard.require(Capability.MANAGE_VILLAGES, village);
    await lockMap(this.em);
    const current = await this.locked(village.id);
    checkVersion(current.version, input.expectedVersion, { vi: current.name, en: current.name });
    if (current.validFrom && input.validTo < current.validFrom) {
      throw badInput(
        `Ngày cuối phải từ ngày bắt đầu (${current.validFrom})`,
        `validTo must not be before the village's first day (${current.validFrom})`,
        'validTo',
      );
    }
    const [parent] = await this.em.execute<{ name: string; valid_to: string | null }[]>(
      'SELECT name, valid_to::text AS valid_to FROM units.unit WHERE id = ?',
      [current.parent!.id],
    );
    const parentEnd = parent.valid_to;
    if (parentEnd && input.validTo > parentEnd) {
      throw badInput(`${parent.name} chỉ hiệu lực đến ${parentEnd}`, `${parent.name} is valid only until ${parentEnd}`, 'validTo');
    }
    const [moved] = await this.em.execute('SELECT 1 FROM units.unit_lineage WHERE predecessor_id = ? LIMIT 1', [current.id]);
    if (moved)
      throw conflict(
        `${current.name} đã được sắp xếp lại; hủy sắp xếp đó trước`,
        `${current.name} was reorganised: withdraw that reorganisation first`,
      );
    const before = { validTo: current.validTo ?? null };
    const [row] = await this.em.execute('UPDATE units.unit SET valid_to = ?, version = version + 1 WHERE id = ? RETURNING *', [
      input.validTo,
      current.id,
    ]);
    const closed = this.em.map(AdministrativeUnit, row);
    await auditVillageChange(this.em, current, before, { validTo: closed.validTo });
    return closed;
  }

  /** The village's row, locked until the transaction ends. */
  private async locked(id: number): Promise<AdministrativeUnit> {
    const [row] = await this.em.execute('SELECT * FROM units.unit WHERE id = ? FOR UPDATE', [id]);
    if (!row) throw notFound(`Không có thôn ${id}`, `No village ${id}`);
    return this.em.map(AdministrativeUnit, row);
  }
}
