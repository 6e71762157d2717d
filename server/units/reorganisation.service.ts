import type { EntityManager } from '@mikro-orm/postgresql';
import { Service } from '../shared/service.js';
import type { SubgraphContext } from '../shared/context.js';
import { writeAudit } from '../shared/audit.js';
import { badInput, checkVersion, conflict, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, Page, SortDirection } from '../shared/paging.js';
import { addDays, today } from '../shared/scalars.js';
import { Conditions, intArray, normaliseText } from '../shared/sql.js';
import { GSO_CODE, VILLAGE_CODE, villageCode } from '../shared/unit-code.js';
import { Reorganisation, type ReorganisationResult, type ReorganisationSource } from './reorganisation.entity.js';
import { type RecordReorganisationInput, type ReorganisationFilter, type WithdrawReorganisationInput } from './reorganisation.input.js';
import { AdministrativeUnit } from './unit.entity.js';
import { LineageShare, UnitKind, UnitLevel, fullNameOf, levelsOfKind, ReorganisationKind, ReorganisationStatus } from './units.enums.js';
import { UnitService, lockMap } from './unit.service.js';
import { MAX_NAME, lastVillageNumbers } from './village.service.js';

const MAX_UNITS = 50;
/** The levels a unit of each level may sit under (communes sit directly under provinces since 1 July 2025). */
const PARENT_LEVELS: Record<UnitLevel, UnitLevel[]> = {
  NATION: [],
  PROVINCE: [UnitLevel.NATION],
  DISTRICT: [UnitLevel.PROVINCE],
  COMMUNE: [UnitLevel.DISTRICT, UnitLevel.PROVINCE],
  VILLAGE: [UnitLevel.COMMUNE],
};

/** A result once resolved: an existing unit that continues, or a new one to create. */
interface ResolvedResult {
  existing: AdministrativeUnit | null;
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parent: AdministrativeUnit;
}

/** A unit row to insert: a new result, or a copy of a moved sub-unit under its new parent. */
interface NewRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  kind: UnitKind;
  parentId: number;
  path: string;
  validFrom: string;
  validTo: string | null;
  synthetic: boolean;
  /** The unit it continues (a moved sub-unit), whose classifications it carries. */
  from: number | null;
}

/**
 * Dated reorganisations of the map (merge, split, rename, transfer), recorded by system administrators. Recording
 * closes the sources the day before the effective date, opens the results on it, writes lineage, and moves the
 * sources' sub-units (with their own sub-units) under the results as new rows continuing the old ones — so every
 * code resolves by date and every earlier record keeps its unit. A future event can be withdrawn, which removes
 * what it created and reopens what it closed.
 */
export class ReorganisationService extends Service {
  private map(rows: Record<string, unknown>[]): Reorganisation[] {
    return rows.map((row) => this.em.map(Reorganisation, row));
  }

  async list(filter: ReorganisationFilter, page: Page, direction: SortDirection): Promise<ListResult<Reorganisation>> {
    const where = new Conditions();
    where.given('r.status = ?', filter.status);
    where.given('r.kind = ?', filter.kind);
    if (filter.unitCode) {
      const code = JSON.stringify([{ code: filter.unitCode.trim() }]);
      where.add('(r.sources @> ?::jsonb OR r.results @> ?::jsonb)', code, code);
    }
    if (filter.effectiveFrom) where.add('r.effective_on >= ?', filter.effectiveFrom);
    if (filter.effectiveTo) where.add('r.effective_on <= ?', filter.effectiveTo);
    const order = orderClause('r.effective_on', 'r.id', direction);
    return listPage(this.em, page, { from: 'units.reorganisation r', where, order }, (rows) => this.map(rows));
  }

  async byIds(ids: readonly number[]): Promise<Reorganisation[]> {
    return this.map(await this.em.execute('SELECT * FROM units.reorganisation WHERE id = ANY(?::int[])', [intArray(ids)]));
  }

  async require(id: string): Promise<Reorganisation> {
    const [event] = await this.byIds([parseId(id)]);
    if (!event) throw notFound(`Không có sắp xếp ${id}`, `No reorganisation ${id}`);
    return event;
  }

  /** Events that touched these units (as source, result, created or closed), newest first, per unit. */
  async ofUnits(unitIds: readonly number[]): Promise<Map<number, Reorganisation[]>> {
    const rows = await this.em.execute(
      `SELECT DISTINCT ru.unit_id AS touched_unit_id, r.* FROM units.reorganisation_unit ru JOIN units.reorganisation r ON r.id = ru.reorganisation_id
       WHERE ru.unit_id = ANY(?::int[]) ORDER BY r.effective_on DESC, r.id DESC`,
      [intArray(unitIds)],
    );
    const found = new Map<number, Reorganisation[]>();
    for (const { touched_unit_id: unitId, ...row } of rows) {
      const list = found.get(Number(unitId)) ?? [];
      list.push(this.em.map(Reorganisation, row));
      found.set(Number(unitId), list);
    }
    return found;
  }

  /** Validates and records one event under the map lock of the caller's transaction; nothing is written when any check fails. */
  async record(input: RecordReorganisationInput, recordedBy: string): Promise<Reorganisation> {
    const resolutionNumber = normaliseText(input.resolutionNumber ?? '');
    if (!resolutionNumber || resolutionNumber.length > 100)
      throw badInput('Số nghị quyết cần 1–100 ký tự', 'resolutionNumber takes 1 to 100 characters', 'resolutionNumber');
    const issuer = input.issuer ? normaliseText(input.issuer) : null;
    if (issuer && issuer.length > 200) throw badInput('Cơ quan ban hành tối đa 200 ký tự', 'issuer takes at most 200 characters', 'issuer');
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) throw badInput('Ghi chú tối đa 2000 ký tự', 'note takes at most 2000 characters', 'note');
    if (input.resolutionDate > input.effectiveOn) {
      throw badInput('Ngày ban hành không được sau ngày hiệu lực', 'resolutionDate must not be after effectiveOn', 'resolutionDate');
    }
    if (!input.sources.length || input.sources.length > MAX_UNITS)
      throw badInput(`Cần 1–${MAX_UNITS} đơn vị nguồn`, `Give 1 to ${MAX_UNITS} sources`, 'sources');
    if (!input.results.length || input.results.length > MAX_UNITS)
      throw badInput(`Cần 1–${MAX_UNITS} đơn vị kết quả`, `Give 1 to ${MAX_UNITS} results`, 'results');
    if ((input.placements?.length ?? 0) > 5000) throw badInput('Tối đa 5000 dòng chuyển đơn vị', 'At most 5000 placements', 'placements');

    await lockMap(this.em);
    return new ReorganisationWriter(this.ctx, input, { resolutionNumber, issuer, note, recordedBy }).record();
  }

  /**
   * Withdraws an event before its effective date: its lineage goes, the units it created are marked withdrawn (valid
   * on no day, still readable by id) and those it closed reopen.
   */
  async withdraw(input: WithdrawReorganisationInput, withdrawnBy: string): Promise<Reorganisation> {
    const read = await this.require(input.id);
    const reason = normaliseText(input.reason ?? '');
    if (!reason || reason.length > 2000)
      throw badInput('Cần nêu lý do hủy (tối đa 2000 ký tự)', 'A reason of at most 2000 characters is required', 'reason');
    await lockMap(this.em);
    const [event] = this.map(await this.em.execute('SELECT * FROM units.reorganisation WHERE id = ? FOR UPDATE', [read.id]));
    const name = { vi: `Sắp xếp ${event.resolutionNumber}`, en: `Reorganisation ${event.resolutionNumber}` };
    checkVersion(event.version, input.expectedVersion, name);
    if (event.status === ReorganisationStatus.WITHDRAWN) throw conflict(`${name.vi} đã bị hủy`, `${name.en} was already withdrawn`);
    if (event.effectiveOn <= today()) {
      throw conflict(
        `${name.vi} đã có hiệu lực từ ${event.effectiveOn}; ghi nhận một sắp xếp mới để thay đổi`,
        `${name.en} has been in effect since ${event.effectiveOn}: record a new reorganisation to change the map`,
      );
    }
    const touched = await this.em.execute<{ unit_id: number; role: string; previous_valid_to: string | null }[]>(
      'SELECT unit_id, role, previous_valid_to::text AS previous_valid_to FROM units.reorganisation_unit WHERE reorganisation_id = ?',
      [event.id],
    );
    const ids = intArray([...new Set(touched.map((t) => Number(t.unit_id)))]);
    const created = intArray(touched.filter((t) => t.role === 'CREATED').map((t) => Number(t.unit_id)));
    const later = await this.em.execute(
      `SELECT DISTINCT r.resolution_number, r.effective_on::text AS effective_on FROM units.reorganisation_unit ru JOIN units.reorganisation r ON r.id = ru.reorganisation_id
     WHERE r.status = 'RECORDED' AND r.id <> ? AND ru.unit_id = ANY(?::int[]) ORDER BY 2, 1`,
      [event.id, ids],
    );
    if (later.length) {
      const list = later.map((l) => `${l.resolution_number} (${l.effective_on})`).join(', ');
      throw conflict(
        `Các sắp xếp sau dựa trên sắp xếp này: ${list}; hủy chúng trước`,
        `Later reorganisations build on this one: ${list}; withdraw them first`,
      );
    }
    const added = await this.em.execute(
      `SELECT u.code, u.name FROM units.unit u WHERE u.parent_id = ANY(?::int[]) AND NOT (u.id = ANY(?::int[])) AND NOT u.withdrawn ORDER BY u.code LIMIT 20`,
      [created, created],
    );
    if (added.length) {
      const list = added.map((u) => `${u.name} (${u.code})`).join(', ');
      throw conflict(
        `Đã có đơn vị được thêm vào kết quả của sắp xếp này: ${list}; đóng hoặc chuyển chúng trước`,
        `Units were added under this reorganisation's results since: ${list}; remove them first`,
      );
    }
    // Taken before the update: mapping the updated row refreshes this same entity (one per id in the identity map).
    const before = { status: event.status };
    // The units it created stay, withdrawn (valid on no day), so records other subgraphs wrote on them still resolve.
    await this.em.execute('DELETE FROM units.unit_lineage WHERE reorganisation_id = ?', [event.id]);
    await this.em.execute('UPDATE units.unit SET withdrawn = true WHERE id = ANY(?::int[])', [created]);
    await this.em.execute(
      `UPDATE units.unit u SET valid_to = ru.previous_valid_to FROM units.reorganisation_unit ru
     WHERE ru.reorganisation_id = ? AND ru.role = 'CLOSED' AND u.id = ru.unit_id`,
      [event.id],
    );
    const [row] = await this.em.execute(
      `UPDATE units.reorganisation SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = ?, withdrawal_reason = ?, version = version + 1
     WHERE id = ? RETURNING *`,
      [withdrawnBy, reason, event.id],
    );
    const withdrawn = this.map([row])[0];
    await writeAudit(this.em, {
      subgraph: 'units',
      entity: 'Reorganisation',
      entityId: event.id,
      action: 'UPDATE',
      unitId: event.sources[0].unitId,
      unitPath: await pathOf(this.em, event.sources[0].unitId),
      before,
      after: { status: withdrawn.status, reason },
    });
    return withdrawn;
  }
}

const pathOf = async (em: EntityManager, id: number): Promise<string | undefined> =>
  (await em.execute<{ path: string }[]>('SELECT path::text AS path FROM units.unit WHERE id = ?', [id]))[0]?.path;

/** One recording, step by step, inside the transaction that holds the map lock. */
class ReorganisationWriter {
  private readonly tx: EntityManager;
  private readonly units: UnitService;
  private readonly dayBefore: string;

  constructor(
    ctx: SubgraphContext,
    private readonly input: RecordReorganisationInput,
    private readonly text: { resolutionNumber: string; issuer: string | null; note: string | null; recordedBy: string },
  ) {
    this.tx = ctx.em;
    this.units = new UnitService(ctx);
    this.dayBefore = addDays(input.effectiveOn, -1);
  }

  private get effectiveOn(): string {
    return this.input.effectiveOn;
  }

  private async resolve(code: string, date: string, field: string): Promise<AdministrativeUnit> {
    const unit = await this.units.findByCode(code?.trim() ?? '', date);
    if (!unit)
      throw badInput(`Không có đơn vị mã "${code}" hiệu lực ngày ${date}`, `No unit with code "${code}" is valid on ${date}`, field);
    return unit;
  }

  private async sources(): Promise<{ unit: AdministrativeUnit; share: LineageShare }[]> {
    const sources: { unit: AdministrativeUnit; share: LineageShare }[] = [];
    for (const [i, s] of this.input.sources.entries()) {
      const unit = await this.resolve(s.unitCode, this.dayBefore, `sources[${i}].unitCode`);
      if (sources.some((x) => x.unit.id === unit.id))
        throw badInput(`${unit.name} được nêu hai lần`, `${unit.name} is listed twice`, `sources[${i}].unitCode`);
      if (unit.level === UnitLevel.NATION)
        throw badInput('Không sắp xếp cấp quốc gia', 'The nation cannot be reorganised', `sources[${i}].unitCode`);
      if (!unit.validOn(this.effectiveOn)) {
        throw conflict(`${unit.name} đã hết hiệu lực từ ${unit.validTo}`, `${unit.name} already ends on ${unit.validTo}`);
      }
      if (unit.validFrom && unit.validFrom >= this.effectiveOn) {
        throw badInput(
          `${unit.name} chỉ bắt đầu từ ${unit.validFrom}`,
          `${unit.name} only starts on ${unit.validFrom}`,
          `sources[${i}].unitCode`,
        );
      }
      sources.push({ unit, share: s.share });
    }
    const level = sources[0].unit.level;
    const other = sources.find((s) => s.unit.level !== level);
    if (other)
      throw badInput(
        `Các đơn vị nguồn phải cùng cấp (${other.unit.name} là ${other.unit.level})`,
        `Sources must be of one level (${other.unit.name} is ${other.unit.level})`,
        'sources',
      );
    return sources;
  }

  private async results(level: UnitLevel, sourceIds: Set<number>): Promise<ResolvedResult[]> {
    const results: ResolvedResult[] = [];
    for (const [i, r] of this.input.results.entries()) {
      const field = `results[${i}]`;
      if (r.existingCode) {
        if (r.code || r.name || r.kind || r.parentCode) {
          throw badInput('Kết quả có sẵn chỉ cần existingCode', 'An existing result takes existingCode alone', field);
        }
        const unit = await this.resolve(r.existingCode, this.dayBefore, `${field}.existingCode`);
        if (!unit.validOn(this.effectiveOn))
          throw badInput(
            `${unit.name} không còn hiệu lực ngày ${this.effectiveOn}`,
            `${unit.name} is not valid on ${this.effectiveOn}`,
            `${field}.existingCode`,
          );
        if (unit.level !== level)
          throw badInput(
            `${unit.name} không cùng cấp với đơn vị nguồn`,
            `${unit.name} is not of the sources' level (${level})`,
            `${field}.existingCode`,
          );
        if (results.some((x) => x.id === unit.id))
          throw badInput(`${unit.name} được nêu hai lần`, `${unit.name} is listed twice`, `${field}.existingCode`);
        const parent = (await this.units.byIds([unit.parent!.id]))[0];
        results.push({ existing: unit, id: unit.id, code: unit.code, name: unit.name, shortName: unit.shortName, kind: unit.kind, parent });
        continue;
      }
      if (!r.kind || !levelsOfKind(r.kind).includes(level)) {
        throw badInput(`Cần loại đơn vị ở cấp ${level}`, `Give a kind of ${level} unit`, `${field}.kind`);
      }
      const shortName = normaliseText(r.name ?? '');
      if (!shortName || shortName.length > MAX_NAME)
        throw badInput(`Tên cần 1–${MAX_NAME} ký tự`, `The name takes 1 to ${MAX_NAME} characters`, `${field}.name`);
      if (!r.parentCode) throw badInput('Cần mã đơn vị cấp trên', "Give the parent's code", `${field}.parentCode`);
      const parent = await this.resolve(r.parentCode, this.effectiveOn, `${field}.parentCode`);
      if (sourceIds.has(parent.id))
        throw badInput(
          `${parent.name} là đơn vị nguồn, không thể làm cấp trên`,
          `${parent.name} is a source and cannot be the parent`,
          `${field}.parentCode`,
        );
      if (!PARENT_LEVELS[level].includes(parent.level))
        throw badInput(
          `${parent.name} (${parent.level}) không thể là cấp trên của đơn vị cấp ${level}`,
          `${parent.name} (${parent.level}) cannot be the parent of a ${level} unit`,
          `${field}.parentCode`,
        );
      const code = r.code?.trim() ?? '';
      if (level === UnitLevel.VILLAGE ? code !== '' && !VILLAGE_CODE.test(code) : !GSO_CODE.test(code) || code === 'VN') {
        throw badInput(
          `Mã "${code}" không hợp lệ`,
          level === UnitLevel.VILLAGE ? 'A village code reads <commune code>-<number>' : 'Give the GSO code (digits)',
          `${field}.code`,
        );
      }
      const names = fullNameOf(r.kind, level, shortName);
      results.push({ existing: null, id: 0, code, name: names.name, shortName: names.shortName, kind: r.kind, parent });
    }
    return results;
  }

  /** Which kinds allow which shapes, and who goes where: each source's targets (the results other than itself). */
  private checkShape(
    sources: { unit: AdministrativeUnit; share: LineageShare }[],
    results: ResolvedResult[],
  ): Map<number, ResolvedResult[]> {
    const kind = this.input.kind;
    const merging = new Set([...sources.map((s) => s.unit.id), ...results.filter((r) => r.existing).map((r) => r.id)]);
    const one = (cond: boolean, vi: string, en: string) => {
      if (!cond) throw badInput(vi, en, 'kind');
    };
    if (kind === ReorganisationKind.MERGE)
      one(
        results.length === 1 && merging.size >= 2,
        'Nhập: ít nhất hai đơn vị thành một kết quả',
        'MERGE: two or more units into one result',
      );
    if (kind === ReorganisationKind.SPLIT)
      one(
        sources.length === 1 && results.length >= 2,
        'Chia tách: một đơn vị nguồn thành nhiều kết quả',
        'SPLIT: one source into two or more results',
      );
    if (kind === ReorganisationKind.RENAME || kind === ReorganisationKind.TRANSFER) {
      one(
        sources.length === 1 && results.length === 1 && !results[0].existing,
        `${kind}: một đơn vị nguồn, một đơn vị mới`,
        `${kind}: one source and one new result`,
      );
      one(sources[0].share === LineageShare.FULL, `${kind}: đơn vị nguồn chuyển toàn bộ (FULL)`, `${kind}: the source goes whole (FULL)`);
      const sameParent = results[0].parent.id === sources[0].unit.parent?.id;
      if (kind === ReorganisationKind.RENAME) {
        one(sameParent, 'Đổi tên: giữ nguyên cấp trên (điều chuyển là TRANSFER)', 'RENAME keeps the parent (moving is a TRANSFER)');
        const r = results[0];
        one(
          r.name !== sources[0].unit.name || r.code !== sources[0].unit.code || r.kind !== sources[0].unit.kind,
          'Đổi tên: tên, mã hoặc loại phải khác',
          'RENAME must change the name, code or kind',
        );
      } else {
        one(!sameParent, 'Điều chuyển: cấp trên mới phải khác', 'TRANSFER needs another parent');
      }
    }
    const targets = new Map<number, ResolvedResult[]>();
    for (const [i, s] of sources.entries()) {
      const to = results.filter((r) => r.existing?.id !== s.unit.id);
      const continues = to.length < results.length;
      if (s.share === LineageShare.FULL && (to.length > 1 || (continues && to.length > 0))) {
        throw badInput(
          `${s.unit.name} chia cho nhiều kết quả nên là PARTIAL`,
          `${s.unit.name} goes to several results: its share is PARTIAL`,
          `sources[${i}].share`,
        );
      }
      targets.set(s.unit.id, to);
    }
    return targets;
  }

  /** Codes of new results: given, unique among themselves, free on the effective date and after (sources aside). */
  private async assignCodes(results: ResolvedResult[], closing: Set<number>): Promise<void> {
    const fresh = results.filter((r) => !r.existing);
    const last = await lastVillageNumbers(
      this.tx,
      fresh.filter((r) => !r.code).map((r) => r.parent.code),
    );
    for (const r of fresh.filter((x) => !x.code)) {
      const n = last.get(r.parent.code)! + 1;
      last.set(r.parent.code, n);
      r.code = villageCode(r.parent.code, n);
    }
    const codes = fresh.map((r) => r.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) throw badInput(`Mã ${twice} dùng cho hai kết quả`, `Code ${twice} is given to two results`, 'results');
    if (!codes.length) return;
    const held = await this.tx.execute<{ code: string; name: string; id: number }[]>(
      `SELECT u.id, u.code, u.name FROM units.unit u WHERE u.code = ANY(?::text[]) AND NOT u.withdrawn AND (u.valid_to IS NULL OR u.valid_to >= ?::date)`,
      [`{${codes.join(',')}}`, this.effectiveOn],
    );
    const taken = held.find((h) => !closing.has(Number(h.id)));
    if (taken)
      throw conflict(
        `Mã ${taken.code} đang thuộc ${taken.name} từ ngày ${this.effectiveOn} trở đi`,
        `Code ${taken.code} is held by ${taken.name} on or after ${this.effectiveOn}`,
      );
  }

  /** Sub-units of the sources valid on the effective date, each with the result it goes to (or its source, staying). */
  private async placements(
    sources: AdministrativeUnit[],
    results: ResolvedResult[],
    targets: Map<number, ResolvedResult[]>,
    continuing: Set<number>,
  ): Promise<{ child: AdministrativeUnit; to: ResolvedResult }[]> {
    const children = (
      await this.tx.execute(
        `SELECT * FROM units.unit WHERE parent_id = ANY(?::int[]) AND NOT withdrawn AND (valid_to IS NULL OR valid_to >= ?::date) ORDER BY code`,
        [intArray(sources.map((s) => s.id)), this.effectiveOn],
      )
    ).map((row) => this.tx.map(AdministrativeUnit, row));
    const late = children.find((c) => c.validFrom && c.validFrom >= this.effectiveOn);
    if (late)
      throw badInput(
        `${late.name} (${late.code}) chỉ bắt đầu từ ${late.validFrom}: ghi nhận sắp xếp trước khi thêm nó`,
        `${late.name} (${late.code}) only starts on ${late.validFrom}`,
        'placements',
      );
    const chosen = new Map<number, ResolvedResult>();
    for (const [i, p] of (this.input.placements ?? []).entries()) {
      const child = children.find((c) => c.code === p.childCode?.trim());
      if (!child)
        throw badInput(
          `${p.childCode} không phải đơn vị trực thuộc của một đơn vị nguồn`,
          `${p.childCode} is not a sub-unit of a source`,
          `placements[${i}].childCode`,
        );
      if (chosen.has(child.id))
        throw badInput(`${child.name} được chuyển hai lần`, `${child.name} is placed twice`, `placements[${i}].childCode`);
      const to = results[p.resultIndex];
      if (!Number.isInteger(p.resultIndex) || !to)
        throw badInput(`Không có kết quả thứ ${p.resultIndex}`, `No result at index ${p.resultIndex}`, `placements[${i}].resultIndex`);
      chosen.set(child.id, to);
    }
    const unplaced: AdministrativeUnit[] = [];
    const placed = children.map((child) => {
      const parentId = child.parent!.id;
      const own = targets.get(parentId)!;
      const to =
        chosen.get(child.id) ??
        (continuing.has(parentId) ? results.find((r) => r.existing?.id === parentId) : own.length === 1 ? own[0] : undefined);
      if (!to) unplaced.push(child);
      return { child, to: to! };
    });
    if (unplaced.length) {
      const list = unplaced
        .slice(0, 20)
        .map((c) => `${c.name} (${c.code})`)
        .join(', ');
      throw badInput(
        `Chưa nêu nơi chuyển ${unplaced.length} đơn vị trực thuộc: ${list}`,
        `${unplaced.length} sub-units have no result to go to: ${list}`,
        'placements',
      );
    }
    return placed;
  }

  async record(): Promise<Reorganisation> {
    const sources = await this.sources();
    const level = sources[0].unit.level;
    const results = await this.results(level, new Set(sources.map((s) => s.unit.id)));
    const targets = this.checkShape(sources, results);
    const continuing = new Set(sources.filter((s) => targets.get(s.unit.id)!.length < results.length).map((s) => s.unit.id));
    const closing = sources.filter((s) => !continuing.has(s.unit.id)).map((s) => s.unit);
    for (const unit of closing) {
      const [moved] = await this.tx.execute('SELECT 1 FROM units.unit_lineage WHERE predecessor_id = ? LIMIT 1', [unit.id]);
      if (moved) throw conflict(`${unit.name} đã có đơn vị kế thừa`, `${unit.name} already has successors`);
    }
    await this.assignCodes(results, new Set(closing.map((u) => u.id)));
    const placed = await this.placements(
      sources.map((s) => s.unit),
      results,
      targets,
      continuing,
    );

    // Every unit that continues under a result, with its own sub-units, read before any id is taken.
    const moves: { child: AdministrativeUnit; to: ResolvedResult; subtree: AdministrativeUnit[] }[] = [];
    for (const { child, to } of placed.filter((p) => p.to.id !== p.child.parent!.id)) {
      const subtree = (
        await this.tx.execute(
          `SELECT * FROM units.unit WHERE path <@ ?::public.ltree AND NOT withdrawn AND (valid_to IS NULL OR valid_to >= ?::date) ORDER BY nlevel(path), id`,
          [child.path, this.effectiveOn],
        )
      ).map((row) => this.tx.map(AdministrativeUnit, row));
      const late = subtree.find((u) => u.validFrom && u.validFrom >= this.effectiveOn);
      if (late)
        throw badInput(
          `${late.name} (${late.code}) chỉ bắt đầu từ ${late.validFrom}`,
          `${late.name} (${late.code}) only starts on ${late.validFrom}`,
          'placements',
        );
      moves.push({ child, to, subtree });
    }
    const fresh = results.filter((x) => !x.existing);
    const ids = (
      await this.tx.execute<{ id: number }[]>(`SELECT nextval('units.unit_api_id_seq')::int AS id FROM generate_series(1, ?)`, [
        fresh.length + moves.reduce((n, m) => n + m.subtree.length, 0),
      ])
    ).map((r) => Number(r.id));
    const [{ id: eventId }] = await this.tx.execute<{ id: number }[]>(
      "SELECT nextval(pg_get_serial_sequence('units.reorganisation', 'id'))::int AS id",
    );
    const rows: NewRow[] = [];
    for (const r of fresh) {
      r.id = ids.shift()!;
      // A result of a RENAME or TRANSFER is its source continuing: it keeps the source's classifications.
      const from =
        this.input.kind === ReorganisationKind.RENAME || this.input.kind === ReorganisationKind.TRANSFER ? sources[0].unit.id : null;
      rows.push({
        id: r.id,
        code: r.code,
        name: r.name,
        shortName: r.shortName,
        level,
        kind: r.kind,
        parentId: r.parent.id,
        path: `${r.parent.path}.${r.id}`,
        validFrom: this.effectiveOn,
        validTo: r.parent.validTo ?? null,
        synthetic: false,
        from,
      });
    }
    // Moved sub-units continue as new rows under their result; their own sub-units follow them.
    const closedMoved: AdministrativeUnit[] = [];
    for (const { child, to, subtree } of moves) {
      const target = to.existing
        ? { id: to.id, path: to.existing.path, validTo: to.existing.validTo ?? null }
        : { id: to.id, path: `${to.parent.path}.${to.id}`, validTo: to.parent.validTo ?? null };
      const copies = new Map<number, { id: number; path: string; validTo: string | null }>([[child.parent!.id, target]]);
      for (const unit of subtree) {
        const parent = copies.get(unit.parent!.id)!;
        const id = ids.shift()!;
        // A copy ends when it did, or when its new parent does if that comes first.
        const validTo = [unit.validTo ?? null, parent.validTo].filter((d): d is string => d !== null).sort()[0] ?? null;
        copies.set(unit.id, { id, path: `${parent.path}.${id}`, validTo });
        rows.push({
          id,
          code: unit.code,
          name: unit.name,
          shortName: unit.shortName,
          level: unit.level,
          kind: unit.kind,
          parentId: parent.id,
          path: `${parent.path}.${id}`,
          validFrom: this.effectiveOn,
          validTo,
          synthetic: unit.synthetic,
          from: unit.id,
        });
        closedMoved.push(unit);
      }
    }
    const closed = [...closing, ...closedMoved];
    const lineage = [
      ...sources.flatMap((s) =>
        targets.get(s.unit.id)!.map((r) => ({
          successor: r.id,
          predecessor: s.unit.id,
          share: targets.get(s.unit.id)!.length > 1 || continuing.has(s.unit.id) ? LineageShare.PARTIAL : s.share,
        })),
      ),
      ...rows
        .filter((r) => r.from !== null && !sources.some((s) => s.unit.id === r.from))
        .map((r) => ({ successor: r.id, predecessor: r.from!, share: LineageShare.FULL })),
    ];

    // Close first: a code passes to its successor only once its holder ends the day before.
    if (closed.length)
      await this.tx.execute('UPDATE units.unit SET valid_to = ? WHERE id = ANY(?::int[])', [
        this.dayBefore,
        intArray(closed.map((u) => u.id)),
      ]);
    await this.tx.execute(
      `INSERT INTO units.unit (id, code, name, short_name, level, kind, parent_id, path, valid_from, valid_to, synthetic)
       SELECT r.id, r.code, r.name, r."shortName", r.level, r.kind, r."parentId", r.path::public.ltree, r."validFrom", r."validTo", r.synthetic
       FROM jsonb_to_recordset(?::jsonb) AS r(id int, code text, name text, "shortName" text, level text, kind text, "parentId" int, path text,
         "validFrom" date, "validTo" date, synthetic boolean)`,
      [JSON.stringify(rows)],
    );
    await this.tx.execute(
      `INSERT INTO units.reorganisation (id, kind, level, effective_on, resolution_number, resolution_date, issuer, note, sources, results, moved_count, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
      [
        eventId,
        this.input.kind,
        level,
        this.effectiveOn,
        this.text.resolutionNumber,
        this.input.resolutionDate,
        this.text.issuer,
        this.text.note,
        JSON.stringify(
          sources.map((s): ReorganisationSource => ({
            unitId: s.unit.id,
            code: s.unit.code,
            name: s.unit.name,
            share: s.share,
            continues: continuing.has(s.unit.id),
          })),
        ),
        JSON.stringify(
          results.map((r): ReorganisationResult => ({ unitId: r.id, code: r.code, name: r.name, kind: r.kind, created: !r.existing })),
        ),
        closedMoved.length,
        this.text.recordedBy,
      ],
    );
    await this.tx.execute(
      `INSERT INTO units.unit_lineage (successor_id, predecessor_id, share, reorganisation_id)
       SELECT r.successor, r.predecessor, r.share, ? FROM jsonb_to_recordset(?::jsonb) AS r(successor int, predecessor int, share text)`,
      [eventId, JSON.stringify(lineage)],
    );
    // Classifications in force on or after the date follow the units that continue (moved sub-units, a renamed or moved unit).
    const carried = rows.filter((r) => r.from !== null).map((r) => ({ id: r.id, from: r.from }));
    if (carried.length) {
      await this.tx.execute(
        `INSERT INTO units.unit_classification (unit_id, scheme, value, valid_from, valid_to, source)
         SELECT r.id, c.scheme, c.value, greatest(c.valid_from, ?::date), c.valid_to, c.source
         FROM jsonb_to_recordset(?::jsonb) AS r(id int, "from" int) JOIN units.unit_classification c ON c.unit_id = r."from"
         WHERE c.valid_to IS NULL OR c.valid_to >= ?::date`,
        [this.effectiveOn, JSON.stringify(carried), this.effectiveOn],
      );
    }
    const touched = [
      ...sources.map((s) => ({ unit_id: s.unit.id, role: 'SOURCE', previous_valid_to: null })),
      ...results.map((r) => ({ unit_id: r.id, role: 'RESULT', previous_valid_to: null })),
      ...rows.map((r) => ({ unit_id: r.id, role: 'CREATED', previous_valid_to: null })),
      ...closed.map((u) => ({ unit_id: u.id, role: 'CLOSED', previous_valid_to: u.validTo ?? null })),
    ];
    await this.tx.execute(
      `INSERT INTO units.reorganisation_unit (reorganisation_id, unit_id, role, previous_valid_to)
       SELECT ?, r.unit_id, r.role, r.previous_valid_to FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, role text, previous_valid_to date)`,
      [eventId, JSON.stringify(touched)],
    );
    const [event] = (await this.tx.execute('SELECT * FROM units.reorganisation WHERE id = ?', [eventId])).map((row) =>
      this.tx.map(Reorganisation, row),
    );
    await writeAudit(this.tx, {
      subgraph: 'units',
      entity: 'Reorganisation',
      entityId: eventId,
      action: 'CREATE',
      unitId: sources[0].unit.id,
      unitPath: sources[0].unit.path,
      before: null,
      after: { ...event, created: rows.length, closed: closed.length },
    });
    return event;
  }
}
