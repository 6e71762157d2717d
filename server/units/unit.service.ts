import type { EntityManager } from '@mikro-orm/postgresql';
import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import type { Guard } from '../shared/guard.js';
import { badInput, notFound } from '../shared/errors.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { today } from '../shared/scalars.js';
import { listPage, orderClause } from '../shared/list-page.js';
import { Conditions, intArray, searchTerm } from '../shared/sql.js';
import { AdministrativeUnit } from './unit.entity.js';
import { SCHEME_VALUES, UnitClassification } from './unit-classification.entity.js';
import { UnitFilter, type LineageDirection, type SetUnitClassificationInput } from './unit.input.js';
import { UnitOrderField, ClassificationScheme } from './units.enums.js';

/** An ltree path of unit ids, as grants carry them ("1.1100056.1200568"). */
const LTREE_PATH = /^\d{1,12}(\.\d{1,12}){0,9}$/;
/**
 * The unit of this alias is valid on a date (given twice): inside its period, and not a unit of a withdrawn
 * reorganisation (valid on no day).
 */
export const validOn = (alias: string) =>
  `NOT ${alias}.withdrawn AND (${alias}.valid_from IS NULL OR ${alias}.valid_from <= ?::date) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= ?::date)`;
const ORDER: Record<UnitOrderField, string> = {
  [UnitOrderField.CODE]: 'u.code',
  [UnitOrderField.NAME]: 'u.short_name',
  [UnitOrderField.LEVEL]: "array_position(ARRAY['NATION','PROVINCE','DISTRICT','COMMUNE','VILLAGE'], u.level)",
};

export interface LineageLink {
  unitId: number;
  otherId: number;
  share: 'FULL' | 'PARTIAL';
  reorganisationId: number | null;
}

/** One changed unit since a revision of the map: written (its id) or removed. */
export interface UnitChangeRow {
  id: number;
  removed: boolean;
}

/**
 * Takes the lock every change of the map (villages, reorganisations) holds until its transaction ends, so two
 * changes never check the map against each other's uncommitted rows.
 */
export async function lockMap(em: EntityManager): Promise<void> {
  await em.execute("SELECT pg_advisory_xact_lock(hashtext('units.map'))");
}

/** The map's revision as readers see it: "<epoch>:<counter>" (the epoch tells a recreated database apart). */
const parseRevision = (revision: string | null | undefined, epoch: string): number | null => {
  const match = revision ? /^(\w+):(\d{1,15})$/.exec(revision) : null;
  return match && match[1] === epoch ? Number(match[2]) : null;
};

/**
 * The units each of `$1` took over whole, followed back through every reorganisation, with their paths. Each path is
 * read by id in the select list: joined to units.unit instead, the planner (expecting some 300 lineage rows for the
 * one or two it finds) hashed all 21,000 units on each call: 25–47 ms for each grant of each sign-in (the paths a
 * token carries) and of each `grants { paths }` read.
 */
export const COVERED_PATHS = `WITH RECURSIVE c(root, id) AS (
    SELECT r, r FROM unnest(?::int[]) AS r
    UNION SELECT c.root, l.predecessor_id FROM c JOIN units.unit_lineage l ON l.successor_id = c.id AND l.share = 'FULL')
  SELECT c.root, (SELECT u.path::text FROM units.unit u WHERE u.id = c.id) AS path FROM c ORDER BY c.root, (c.id = c.root) DESC, path`;

/** Reads and changes the administrative hierarchy. Codes resolve to the unit valid on a date. */
export class UnitService extends Service {
  private map(rows: Record<string, unknown>[]): AdministrativeUnit[] {
    return rows.map((row) => this.em.map(AdministrativeUnit, row));
  }

  /** The unit with this code valid on `asOf` (default today), or null. */
  async findByCode(code: string, asOf: string = today()): Promise<AdministrativeUnit | null> {
    const rows = await this.em.execute(`SELECT u.* FROM units.unit u WHERE u.code = ? AND ${validOn('u')} ORDER BY u.level LIMIT 1`, [
      code,
      asOf,
      asOf,
    ]);
    return this.map(rows)[0] ?? null;
  }

  /** For each (code, date) pair, the unit holding the code that day ("code@date" → unit); one statement. */
  async findManyByCode(pairs: readonly { code: string; date: string }[]): Promise<Map<string, AdministrativeUnit>> {
    if (!pairs.length) return new Map();
    const rows = await this.em.execute(
      `SELECT r.code || '@' || r.date AS key, u.* FROM jsonb_to_recordset(?::jsonb) AS r(code text, date date)
       JOIN units.unit u ON u.code = r.code AND NOT u.withdrawn AND (u.valid_from IS NULL OR u.valid_from <= r.date) AND (u.valid_to IS NULL OR u.valid_to >= r.date)`,
      [JSON.stringify(pairs)],
    );
    return new Map(rows.map(({ key, ...row }) => [String(key), this.em.map(AdministrativeUnit, row)]));
  }

  async requireByCode(code: string, asOf: string = today()): Promise<AdministrativeUnit> {
    const unit = await this.findByCode(code, asOf);
    if (!unit) {
      throw notFound(`Không có đơn vị mã "${code}" hiệu lực ngày ${asOf}`, `No unit with code "${code}" valid on ${asOf}`);
    }
    return unit;
  }

  async byIds(ids: readonly number[]): Promise<AdministrativeUnit[]> {
    if (!ids.length) return [];
    return this.map(await this.em.execute('SELECT u.* FROM units.unit u WHERE u.id = ANY(?::int[])', [intArray(ids)]));
  }

  async list(filter: UnitFilter = {}, page: Page, sort: ListSort<UnitOrderField>): Promise<ListResult<AdministrativeUnit>> {
    const asOf = filter.asOf ?? today();
    const where = new Conditions().add('u.placeholder = ?', filter.placeholder ?? false);
    if (!filter.anyDate) where.add(validOn('u'), asOf, asOf);
    where.given('u.level = ?', filter.level);
    where.given('u.kind = ?', filter.kind);
    if (filter.parentCode !== undefined && filter.parentCode !== null) {
      const parent = await this.requireByCode(filter.parentCode, asOf);
      where.add('u.parent_id = ?', parent.id);
    }
    if (filter.withinCode !== undefined && filter.withinCode !== null) {
      const ancestor = await this.requireByCode(filter.withinCode, asOf);
      where.add('u.path <@ ?::ltree AND u.id <> ?', ancestor.path, ancestor.id);
    }
    if (filter.withinPaths !== undefined && filter.withinPaths !== null) {
      if (filter.withinPaths.length > 50 || filter.withinPaths.some((path) => !LTREE_PATH.test(path))) {
        throw badInput(
          'withinPaths: tối đa 50 đường dẫn dạng "1.2.3" (mã định danh đơn vị nối bằng dấu chấm)',
          'withinPaths: at most 50 paths like "1.2.3" (unit ids joined by dots)',
          'withinPaths',
        );
      }
      where.add('u.path <@ ?::ltree[]', `{${filter.withinPaths.join(',')}}`);
    }
    if (filter.search !== undefined && filter.search !== null) {
      const term = searchTerm(filter.search);
      // Digits alone are the start of a code (names have no digits); anything else searches names without accents.
      if (/^\d+$/.test(term)) where.add(`u.code LIKE ? || '%'`, term);
      else where.search('u.search_text', term);
    }
    if (filter.classification) {
      const { scheme, value } = parseClassification(filter.classification, true);
      where.add(
        `EXISTS (SELECT 1 FROM units.unit_classification c WHERE c.unit_id = u.id AND c.scheme = ?
          AND (?::text IS NULL OR c.value = ?) AND (c.valid_from IS NULL OR c.valid_from <= ?::date) AND (c.valid_to IS NULL OR c.valid_to >= ?::date))`,
        scheme,
        value,
        value,
        asOf,
        asOf,
      );
    }
    const order = orderClause([ORDER[sort.orderBy], 'u.code'], 'u.id', sort.direction);
    return listPage(this.em, page, { from: 'units.unit u', where, order }, (rows) => this.map(rows));
  }

  /** Ids of a unit's ancestors from the nation down, read from its path. */
  ancestorIds(unit: AdministrativeUnit): number[] {
    return unit.path
      .split('.')
      .map(Number)
      .filter((id) => id !== unit.id);
  }

  /** Lineage links of the given units, towards their predecessors or their successors. */
  async lineage(unitIds: readonly number[], direction: LineageDirection): Promise<LineageLink[]> {
    const [self, other] = direction === 'predecessors' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
    const rows = await this.em.execute<
      { unit_id: number; other_id: number; share: 'FULL' | 'PARTIAL'; reorganisation_id: number | null }[]
    >(
      `SELECT ${self} AS unit_id, ${other} AS other_id, share, reorganisation_id FROM units.unit_lineage WHERE ${self} = ANY(?::int[]) ORDER BY ${other}`,
      [intArray(unitIds)],
    );
    return rows.map((r) => ({
      unitId: Number(r.unit_id),
      otherId: Number(r.other_id),
      share: r.share,
      reorganisationId: r.reorganisation_id === null ? null : Number(r.reorganisation_id),
    }));
  }

  /**
   * The ltree paths a grant on each of these units covers: the unit's own, then those of the units it took over
   * whole (FULL predecessors), followed back through every recorded reorganisation.
   */
  async coveredPaths(unitIds: readonly number[]): Promise<Map<number, string[]>> {
    const rows = await this.em.execute<{ root: number; path: string }[]>(COVERED_PATHS, [intArray(unitIds)]);
    const paths = new Map<number, string[]>();
    for (const row of rows) {
      const list = paths.get(Number(row.root)) ?? [];
      list.push(row.path);
      paths.set(Number(row.root), list);
    }
    return paths;
  }

  /** The map's current revision. */
  async revision(): Promise<string> {
    const [row] = await this.em.execute<{ epoch: string; counter: string }[]>('SELECT epoch, counter FROM units.map_revision WHERE id = 1');
    return `${row.epoch}:${row.counter}`;
  }

  /**
   * Units written or removed after `since` (every unit when `since` is null or from another epoch: `full`), in id
   * order after `afterId`; a withdrawn reorganisation's units count as removed. Keyset paging keeps a reader from
   * skipping rows that change while it pages.
   */
  async changes(
    since: string | null,
    afterId: number | null,
    limit: number,
  ): Promise<{ revision: string; full: boolean; rows: UnitChangeRow[] }> {
    const [state] = await this.em.execute<{ epoch: string; counter: string }[]>(
      'SELECT epoch, counter FROM units.map_revision WHERE id = 1',
    );
    const from = parseRevision(since, state.epoch);
    const full = from === null;
    const rows = await this.em.execute<{ id: number; removed: boolean }[]>(
      `SELECT id, removed FROM (
         SELECT u.id, u.withdrawn AS removed FROM units.unit u WHERE u.revision > ? AND u.id > ? AND NOT (? AND u.withdrawn)
         UNION ALL
         SELECT r.unit_id, true FROM units.unit_removed r WHERE NOT ? AND r.revision > ? AND r.unit_id > ?) x
       ORDER BY id LIMIT ?`,
      [from ?? -1, afterId ?? 0, full, full, from ?? -1, afterId ?? 0, limit],
    );
    return { revision: `${state.epoch}:${state.counter}`, full, rows: rows.map((r) => ({ id: Number(r.id), removed: r.removed })) };
  }

  async classifications(unitIds: readonly number[], asOf?: string): Promise<UnitClassification[]> {
    const where = new Conditions().add('c.unit_id = ANY(?::int[])', intArray(unitIds));
    if (asOf) where.add('(c.valid_from IS NULL OR c.valid_from <= ?::date) AND (c.valid_to IS NULL OR c.valid_to >= ?::date)', asOf, asOf);
    const rows = await this.em.execute(
      `SELECT c.* FROM units.unit_classification c ${where.where()} ORDER BY c.scheme, c.valid_from NULLS FIRST, c.id`,
      where.params,
    );
    return rows.map((row) => this.em.map(UnitClassification, row));
  }

  async setClassification(input: SetUnitClassificationInput, guard: Guard): Promise<UnitClassification> {
    const unit = await this.requireByCode(input.unitCode, input.asOf ?? input.validFrom ?? today());
    guard.require(Capability.CLASSIFY_UNITS, unit);
    const { scheme, value, validFrom, validTo } = checkClassification(input);
    const classification = this.em.create(UnitClassification, { unit, scheme, value, validFrom, validTo, source: input.source ?? null });
    await this.em.flush();
    return classification;
  }

  async requireClassification(id: number): Promise<UnitClassification> {
    const classification = await this.em.findOne(UnitClassification, { id }, { populate: ['unit'] });
    if (!classification) throw notFound(`Không có phân loại ${id}`, `No classification ${id}`);
    return classification;
  }

  async removeClassification(id: number, guard: Guard): Promise<boolean> {
    const classification = await this.requireClassification(id);
    guard.require(Capability.CLASSIFY_UNITS, classification.unit);
    this.em.remove(classification);
    await this.em.flush();
    return true;
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.em.execute('SELECT NOT EXISTS (SELECT 1 FROM units.unit) AS empty');
    return Boolean(row.empty);
  }
}

/** A classification as `checkClassification` accepts it: a scheme, a value it allows, a period in order. */
export interface CheckedClassification {
  scheme: ClassificationScheme;
  value: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The rules of a classification, shared by `setUnitClassification` and the file import: its period in order, a value
 * the scheme takes (none for yes/no schemes). Throws BAD_USER_INPUT naming the field (`validTo`, `classification`).
 */
export function checkClassification(
  input: Pick<SetUnitClassificationInput, 'scheme' | 'value' | 'validFrom' | 'validTo'>,
): CheckedClassification {
  const validFrom = input.validFrom ?? null;
  const validTo = input.validTo ?? null;
  if (validFrom && validTo && validFrom > validTo) {
    throw badInput('Ngày bắt đầu phải trước ngày kết thúc', 'validFrom must not be after validTo', 'validTo');
  }
  const { scheme, value } = parseClassification(input.value ? `${input.scheme}:${input.value}` : input.scheme);
  return { scheme, value, validFrom, validTo };
}

/** Parses "SCHEME" or "SCHEME:VALUE" into a scheme and a value allowed by it; a filter may name a scheme alone. */
export function parseClassification(code: string, forFilter = false): { scheme: ClassificationScheme; value: string | null } {
  const [schemeText, value = null] = code.split(':', 2);
  const scheme = schemeText as ClassificationScheme;
  const allowed = SCHEME_VALUES[scheme];
  if (!allowed) {
    throw badInput(
      `Loại phân loại không hợp lệ: ${schemeText}`,
      `Unknown classification scheme "${schemeText}" (one of ${Object.keys(SCHEME_VALUES).join(', ')})`,
      'classification',
    );
  }
  const valueOk = allowed.length ? (value === null ? forFilter : allowed.includes(value)) : value === null;
  if (!valueOk) {
    throw badInput(
      `Giá trị phân loại không hợp lệ cho ${scheme}: ${value ?? '(trống)'}`,
      allowed.length ? `${scheme} takes one of ${allowed.join(', ')}` : `${scheme} takes no value`,
      'classification',
    );
  }
  return { scheme, value };
}
