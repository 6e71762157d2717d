import { Service } from '../shared/service.js';
import { parseId } from '../shared/ids.js';
import { writeAudit } from '../shared/audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Capability } from '../shared/capabilities.js';
import { badInput, checkVersion, notFound } from '../shared/errors.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { Conditions, intArray } from '../shared/sql.js';
import { isWithin, type UnitInfo } from '../shared/unit-directory.js';
import { CriteriaSetOrderField, CriteriaTier } from './criteria.enums.js';
import { uniquely } from '../shared/database-errors.js';
import { CriteriaSet, Criterion, Indicator, Threshold } from './criteria-set.entity.js';
import { listPage, orderClause } from '../shared/list-page.js';
import { requiredText, text } from './text.js';
import type {
  AddCriterionInput,
  AddIndicatorInput,
  CriteriaSetFilter,
  DeriveCriteriaSetInput,
  LegalBasisInput,
  OverrideThresholdInput,
  UpdateCriteriaSetInput,
} from './criteria-set.input.js';
import { rankThresholds, type OwnedThreshold, type RankedThreshold } from './threshold-resolution.js';
import { dateInYear, requireUnit, unitsByIds } from './unit-lookup.js';

/** The effective threshold of an indicator for a unit and year, with every candidate that applied, in order. */
export interface Effective {
  indicator: Indicator;
  unitId: number;
  year: number;
  chain: RankedThreshold[];
}

const UNIT_CLASS = /^[A-Z_]+(:[A-Z0-9_]+)?$/;

/** Sort keys of each order field, each taking the direction asked; the set's id breaks the remaining ties. */
const ORDER: Record<CriteriaSetOrderField, string[]> = {
  [CriteriaSetOrderField.CODE]: ['s.code'],
  [CriteriaSetOrderField.NAME]: ['s.name_vi COLLATE "vi-x-icu"'],
  [CriteriaSetOrderField.TIER]: [`array_position(ARRAY['${Object.values(CriteriaTier).join("','")}'], s.tier)`],
  // Root sets (no parent) before those derived from them.
  [CriteriaSetOrderField.PERIOD_START]: ['s.period_start', 's.applies_to', 'coalesce(s.parent_id, 0)', 's.code'],
  [CriteriaSetOrderField.CREATED]: ['s.id'],
};

const legalColumns = (basis: LegalBasisInput | null | undefined) => [
  text(basis?.number),
  basis?.date ?? null,
  text(basis?.issuer),
  text(basis?.title),
];

/**
 * Criteria sets, their criteria, indicators and thresholds. A derived set inherits its root set's criteria and its
 * ancestors' indicators and thresholds; what it adds or overrides is seen through it and the sets derived from it.
 */
export class CriteriaSetService extends Service {
  private sets(rows: Record<string, unknown>[]): CriteriaSet[] {
    return rows.map((row) => this.em.map(CriteriaSet, row));
  }

  async list(filter: CriteriaSetFilter, page: Page, sort: ListSort<CriteriaSetOrderField>): Promise<ListResult<CriteriaSet>> {
    const where = new Conditions();
    where.given('s.code = ?', filter.code);
    where.given('s.tier = ?', filter.tier);
    where.given('s.applies_to = ?', filter.appliesTo);
    if (filter.year != null)
      where.add('s.period_start <= make_date(?::int, 12, 31) AND s.period_end >= make_date(?::int, 1, 1)', filter.year, filter.year);
    where.givenId('s.owner_unit_id = ?', filter, 'ownerId');
    where.givenId('s.parent_id = ?', filter, 'parentId');
    if (filter.search != null) {
      where.search(`public.ntm_fold(s.code || ' ' || s.name_vi || ' ' || coalesce(s.name_en, ''))`, filter.search);
    }
    const order = orderClause(ORDER[sort.orderBy], 's.id', sort.direction);
    return listPage(this.em, page, { from: 'criteria.criteria_set s', where, order }, (rows) => this.sets(rows));
  }

  async byIds(ids: readonly number[]): Promise<CriteriaSet[]> {
    return this.sets(await this.em.execute('SELECT * FROM criteria.criteria_set WHERE id = ANY(?::int[])', [intArray(ids)]));
  }

  async require(id: string | number): Promise<CriteriaSet> {
    const [set] = await this.byIds([parseId(id, 'criteriaSetId')]);
    if (!set) throw notFound(`Không có bộ tiêu chí ${id}`, `No criteria set ${id}`);
    return set;
  }

  /** Each set's derivation chain, from the set itself up to its root. */
  async chains(ids: readonly number[]): Promise<Map<number, CriteriaSet[]>> {
    const rows = await this.em.execute(
      `WITH RECURSIVE chain AS (
         SELECT s.id AS view_id, 0 AS depth, s.* FROM criteria.criteria_set s WHERE s.id = ANY(?::int[])
         UNION ALL
         SELECT c.view_id, c.depth + 1, p.* FROM chain c JOIN criteria.criteria_set p ON p.id = c.parent_id
       ) SELECT * FROM chain ORDER BY view_id, depth`,
      [intArray(ids)],
    );
    const chains = new Map<number, CriteriaSet[]>(ids.map((id) => [id, []]));
    for (const { view_id, depth: _, ...row } of rows) chains.get(Number(view_id))!.push(this.em.map(CriteriaSet, row));
    return chains;
  }

  async chain(id: number): Promise<CriteriaSet[]> {
    return (await this.chains([id])).get(id)!;
  }

  /** Criteria of the given root sets, in order. */
  async criteriaOf(rootIds: readonly number[]): Promise<Criterion[]> {
    const rows = await this.em.execute('SELECT * FROM criteria.criterion WHERE set_id = ANY(?::int[]) ORDER BY set_id, number', [
      intArray(rootIds),
    ]);
    return rows.map((row) => this.em.map(Criterion, row));
  }

  /** Criteria of a set (its root's), seen through the set. */
  async criteriaSeenThrough(set: CriteriaSet): Promise<Criterion[]> {
    return (await this.criteriaOf([set.rootId])).map((c) => Object.assign(c, { viewSetId: set.id }));
  }

  /** Indicators added by any of `setIds`, for the given criteria (or all of those sets' indicators). */
  async indicators(setIds: readonly number[], criterionIds?: readonly number[]): Promise<Indicator[]> {
    const where = new Conditions().add('i.set_id = ANY(?::int[])', intArray(setIds));
    if (criterionIds) where.add('i.criterion_id = ANY(?::int[])', intArray(criterionIds));
    const rows = await this.em.execute(
      `SELECT i.* FROM criteria.indicator i ${where.where()}
       ORDER BY i.criterion_id, string_to_array(regexp_replace(i.code, '[^0-9.]', '', 'g'), '.')::int[], i.code`,
      where.params,
    );
    return rows.map((row) => this.em.map(Indicator, row));
  }

  /** Every indicator a set shows (its chain's), keyed by code, with the criterion number each belongs to. */
  async indicatorsSeenThrough(set: CriteriaSet): Promise<Map<string, { indicator: Indicator; criterionNumber: number }>> {
    const [chain, criteria] = await Promise.all([this.chain(set.id), this.criteriaOf([set.rootId])]);
    const numbers = new Map(criteria.map((c) => [c.id, c.number]));
    const indicators = await this.indicators(chain.map((s) => s.id));
    return new Map(
      indicators.map((i) => [i.code, { indicator: Object.assign(i, { viewSetId: set.id }), criterionNumber: numbers.get(i.criterionId)! }]),
    );
  }

  /** Thresholds written in any of `setIds`, optionally for some indicators only. */
  async thresholds(setIds: readonly number[], indicatorIds?: readonly number[]): Promise<Threshold[]> {
    const where = new Conditions().add('t.set_id = ANY(?::int[])', intArray(setIds));
    if (indicatorIds) where.add('t.indicator_id = ANY(?::int[])', intArray(indicatorIds));
    const rows = await this.em.execute(`SELECT t.* FROM criteria.threshold t ${where.where()} ORDER BY t.indicator_id, t.id`, where.params);
    return rows.map((row) => this.em.map(Threshold, row));
  }

  /** The thresholds a set sees along its chain, grouped by indicator, each with its owner's path. */
  async ownedThresholds(setId: number): Promise<Map<number, OwnedThreshold[]>> {
    const chain = await this.chain(setId);
    const thresholds = await this.thresholds(chain.map((s) => s.id));
    const owners = await unitsByIds(
      this.ctx,
      thresholds.map((t) => t.ownerUnitId),
    );
    const grouped = new Map<number, OwnedThreshold[]>();
    for (const threshold of thresholds) {
      const owner = owners.get(threshold.ownerUnitId);
      if (!owner) continue;
      grouped.set(threshold.indicatorId, [...(grouped.get(threshold.indicatorId) ?? []), { threshold, ownerPath: owner.path }]);
    }
    return grouped;
  }

  /**
   * Resolves an indicator's threshold for a unit in a year, most specific first (own unit → ancestors → nation;
   * then class, commune group, region, year). Regions are never known yet: region-specific thresholds do not apply.
   */
  effective(indicator: Indicator, owned: readonly OwnedThreshold[], unit: UnitInfo, year: number): Effective {
    const chain = rankThresholds(owned, { path: unit.path, classifications: unit.classifications, region: null }, year);
    return { indicator, unitId: unit.id, year, chain };
  }

  private async requireOwner(set: CriteriaSet): Promise<UnitInfo> {
    const owner = (await unitsByIds(this.ctx, [set.ownerUnitId])).get(set.ownerUnitId);
    if (!owner)
      throw notFound(`Không tìm thấy đơn vị sở hữu bộ tiêu chí ${set.code}`, `The owner unit of criteria set ${set.code} was not found`);
    return owner;
  }

  /** Opens a set for change: the caller must administer its owner unit. */
  private async editable(id: string | number): Promise<{ set: CriteriaSet; owner: UnitInfo }> {
    const set = await this.require(id);
    const owner = await this.requireOwner(set);
    this.ctx.guard.require(Capability.EDIT_CRITERIA_SETS, owner);
    return { set, owner };
  }

  async derive(input: DeriveCriteriaSetInput): Promise<CriteriaSet> {
    const parent = await this.require(input.parentId);
    const periodStart = input.periodStart ?? parent.periodStart;
    const periodEnd = input.periodEnd ?? parent.periodEnd;
    const owner = await requireUnit(this.ctx, input.ownerCode, input.ownerAsOf ?? periodStart, 'ownerCode');
    this.ctx.guard.require(Capability.EDIT_CRITERIA_SETS, owner);
    const parentOwner = await this.requireOwner(parent);
    if (owner.id === parentOwner.id || !isWithin(owner, parentOwner)) {
      throw badInput(
        `${owner.name} không thuộc ${parentOwner.name}, đơn vị sở hữu bộ tiêu chí gốc`,
        `${owner.name} does not lie below ${parentOwner.name}, the owner of the parent set`,
        'ownerCode',
      );
    }
    if (periodStart > periodEnd || periodStart < parent.periodStart || periodEnd > parent.periodEnd) {
      throw badInput(
        `Thời kỳ ${periodStart} – ${periodEnd} phải nằm trong thời kỳ của bộ gốc (${parent.periodStart} – ${parent.periodEnd})`,
        `The period ${periodStart} – ${periodEnd} must lie within the parent's (${parent.periodStart} – ${parent.periodEnd})`,
        'periodStart',
      );
    }
    const code = requiredText(input.code, 'code');
    const rows = await uniquely(
      () =>
        this.em.execute(
          `INSERT INTO criteria.criteria_set (code, name_vi, name_en, tier, applies_to, period_start, period_end,
           legal_number, legal_date, legal_issuer, legal_title, owner_unit_id, parent_id, root_id, synthetic, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?) RETURNING *`,
          [
            code,
            requiredText(input.nameVi, 'nameVi'),
            text(input.nameEn),
            parent.tier,
            parent.appliesTo,
            periodStart,
            periodEnd,
            ...legalColumns(input.legalBasis),
            owner.id,
            parent.id,
            parent.rootId,
            text(input.source),
          ],
        ),
      `Mã bộ tiêu chí "${code}" đã tồn tại`,
      `Criteria set code "${code}" already exists`,
    );
    await audit(this.em, 'CriteriaSet', rows[0], 'CREATE', owner.id, null);
    return this.sets(rows)[0];
  }

  async update(input: UpdateCriteriaSetInput): Promise<CriteriaSet> {
    const { set: read } = await this.editable(input.id);
    const set = this.em.map(
      CriteriaSet,
      (await this.em.execute('SELECT * FROM criteria.criteria_set WHERE id = ? FOR UPDATE', [read.id]))[0],
    );
    checkVersion(set.version, input.expectedVersion, { vi: `Bộ tiêu chí ${set.code}`, en: `Criteria set ${set.code}` });
    const legal =
      input.legalBasis === undefined ? [set.legalNumber, set.legalDate, set.legalIssuer, set.legalTitle] : legalColumns(input.legalBasis);
    const rows = await this.em.execute(
      `UPDATE criteria.criteria_set SET name_vi = ?, name_en = ?, legal_number = ?, legal_date = ?, legal_issuer = ?, legal_title = ?,
           source = ?, note = ?, version = version + 1 WHERE id = ? RETURNING *`,
      [
        input.nameVi != null ? requiredText(input.nameVi, 'nameVi') : set.name,
        input.nameEn !== undefined ? text(input.nameEn) : set.nameEn,
        ...legal,
        input.source !== undefined ? text(input.source) : set.source,
        input.note !== undefined ? text(input.note) : set.note,
        set.id,
      ],
    );
    await audit(this.em, 'CriteriaSet', rows[0], 'UPDATE', set.ownerUnitId, set);
    return this.em.map(CriteriaSet, rows[0]);
  }

  async addCriterion(input: AddCriterionInput): Promise<Criterion> {
    const { set } = await this.editable(input.criteriaSetId);
    if (set.parentId != null) {
      throw badInput(
        'Bộ tiêu chí dẫn xuất kế thừa các tiêu chí của bộ gốc; chỉ có thể thêm chỉ tiêu',
        'A derived set inherits its criteria: add indicators instead',
        'criteriaSetId',
      );
    }
    if (!Number.isInteger(input.number) || input.number < 1)
      throw badInput('Số tiêu chí phải là số nguyên dương', 'The criterion number must be a positive integer', 'number');
    const rows = await uniquely(
      () =>
        this.em.execute('INSERT INTO criteria.criterion (set_id, number, name_vi, name_en, source) VALUES (?, ?, ?, ?, ?) RETURNING *', [
          set.id,
          input.number,
          requiredText(input.nameVi, 'nameVi'),
          text(input.nameEn),
          text(input.source),
        ]),
      `Bộ tiêu chí đã có tiêu chí số ${input.number}`,
      `The set already has criterion ${input.number}`,
    );
    await audit(this.em, 'Criterion', rows[0], 'CREATE', set.ownerUnitId, null);
    return Object.assign(this.em.map(Criterion, rows[0]), { viewSetId: set.id });
  }

  async addIndicator(input: AddIndicatorInput): Promise<Indicator> {
    const { set } = await this.editable(input.criteriaSetId);
    const criterion = (await this.criteriaOf([set.rootId])).find((c) => c.number === input.criterionNumber);
    if (!criterion)
      throw badInput(
        `Bộ tiêu chí không có tiêu chí số ${input.criterionNumber}`,
        `The set has no criterion ${input.criterionNumber}`,
        'criterionNumber',
      );
    const code = requiredText(input.code, 'code');
    if (!code.startsWith(`${criterion.number}.`)) {
      throw badInput(
        `Mã chỉ tiêu của tiêu chí ${criterion.number} có dạng "${criterion.number}.x"`,
        `Indicator codes of criterion ${criterion.number} read "${criterion.number}.x"`,
        'code',
      );
    }
    // Codes are unique across the whole family of sets sharing the root, so every set sees one indicator per code.
    const [taken] = await this.em.execute(
      'SELECT 1 FROM criteria.indicator i JOIN criteria.criteria_set s ON s.id = i.set_id WHERE s.root_id = ? AND i.code = ?',
      [set.rootId, code],
    );
    if (taken)
      throw badInput(
        `Mã chỉ tiêu "${code}" đã có trong bộ tiêu chí này hoặc bộ liên quan`,
        `Indicator code "${code}" is already used in this family of sets`,
        'code',
      );
    const rows = await this.em.execute(
      `INSERT INTO criteria.indicator (criterion_id, set_id, code, name_vi, name_en, unit_of_measure, comparator, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [
        criterion.id,
        set.id,
        code,
        requiredText(input.nameVi, 'nameVi'),
        text(input.nameEn),
        text(input.unitOfMeasure),
        input.comparator,
        text(input.source),
      ],
    );
    await audit(this.em, 'Indicator', rows[0], 'CREATE', set.ownerUnitId, null);
    return Object.assign(this.em.map(Indicator, rows[0]), { viewSetId: set.id });
  }

  async overrideThreshold(input: OverrideThresholdInput): Promise<Threshold> {
    const { set, owner } = await this.editable(input.criteriaSetId);
    const seen = (await this.indicatorsSeenThrough(set)).get(input.indicatorCode.trim());
    if (!seen)
      throw badInput(
        `Bộ tiêu chí không có chỉ tiêu "${input.indicatorCode}"`,
        `The set has no indicator "${input.indicatorCode}"`,
        'indicatorCode',
      );
    if (!Number.isFinite(input.value))
      throw badInput('Giá trị ngưỡng không hợp lệ', 'The threshold value must be a finite number', 'value');
    if (input.unitClass != null && !UNIT_CLASS.test(input.unitClass)) {
      throw badInput(
        `Phân loại không hợp lệ: ${input.unitClass}`,
        'unitClass reads "SCHEME" or "SCHEME:VALUE", e.g. "TERRAIN:HIGH_MOUNTAIN"',
        'unitClass',
      );
    }
    if (input.communeGroup != null && ![1, 2, 3].includes(input.communeGroup))
      throw badInput('Nhóm xã là 1, 2 hoặc 3', 'communeGroup is 1, 2 or 3', 'communeGroup');
    if (input.year != null && (input.year < Number(set.periodStart.slice(0, 4)) || input.year > Number(set.periodEnd.slice(0, 4)))) {
      throw badInput(`Năm ${input.year} ngoài thời kỳ của bộ tiêu chí`, `Year ${input.year} is outside the set's period`, 'year');
    }
    let ownerId = owner.id;
    if (input.unitCode != null) {
      const unit = await requireUnit(this.ctx, input.unitCode, input.year != null ? dateInYear(input.year) : set.periodStart);
      if (!isWithin(unit, owner))
        throw badInput(
          `${unit.name} không thuộc ${owner.name}`,
          `${unit.name} does not lie within ${owner.name}, the set's owner`,
          'unitCode',
        );
      ownerId = unit.id;
    }
    const key = [
      seen.indicator.id,
      set.id,
      ownerId,
      input.unitClass ?? null,
      input.region ?? null,
      input.communeGroup ?? null,
      input.year ?? null,
    ];
    const [existing] = await this.em.execute(
      `SELECT * FROM criteria.threshold WHERE indicator_id = ? AND set_id = ? AND owner_unit_id = ? AND unit_class IS NOT DISTINCT FROM ?
           AND region IS NOT DISTINCT FROM ? AND commune_group IS NOT DISTINCT FROM ?::int AND year IS NOT DISTINCT FROM ?::int FOR UPDATE`,
      key,
    );
    if (existing) {
      checkVersion(Number(existing.version), input.expectedVersion, {
        vi: `Ngưỡng chỉ tiêu ${input.indicatorCode}`,
        en: `The threshold of ${input.indicatorCode}`,
      });
      const rows = await this.em.execute(
        'UPDATE criteria.threshold SET value = ?, source = ?, version = version + 1 WHERE id = ? RETURNING *',
        [input.value, text(input.source), existing.id],
      );
      await audit(this.em, 'Threshold', rows[0], 'UPDATE', ownerId, existing);
      return this.em.map(Threshold, rows[0]);
    }
    const rows = await uniquely(
      () =>
        this.em.execute(
          `INSERT INTO criteria.threshold (indicator_id, set_id, owner_unit_id, unit_class, region, commune_group, year, value, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [...key, input.value, text(input.source)],
        ),
      'Ngưỡng này vừa được người khác tạo; tải lại rồi thử lại',
      'Someone else just created this threshold: reload and retry',
    );
    await audit(this.em, 'Threshold', rows[0], 'CREATE', ownerId, null);
    return this.em.map(Threshold, rows[0]);
  }
}

/** Records a criteria write in the audit log, in the write's transaction. */
const audit = (
  em: EntityManager,
  entity: string,
  after: Record<string, unknown>,
  action: 'CREATE' | 'UPDATE',
  unitId: number,
  before: object | null,
) => writeAudit(em, { subgraph: 'criteria', entity, entityId: String(after.id), action, unitId, before, after });
