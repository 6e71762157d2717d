import { writeAudit } from '../shared/audit.js';
import { referenceDate } from '../shared/domain/calendar.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loader, type SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import { today } from '../shared/scalars.js';
import { intArray, textArray } from '../shared/sql.js';
import { batches } from '../shared/peers.js';
import type { UnitDirectory, UnitInfo } from '../shared/unit-directory.js';
import { isUnitCode } from '../shared/unit-code.js';

/**
 * The date a unit code is read at for a year: `asOf` when given (it must fall in that year), otherwise 30 June —
 * in 2025 the last day of the units before the reorganisation, whose 2021–2025 records the programme closes.
 */
export function dateInYear(year: number, asOf?: string | null): string {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw badInput(`Năm không hợp lệ: ${year}`, `Invalid year ${year}`, 'year');
  if (asOf && Number(asOf.slice(0, 4)) !== year) {
    throw badInput(`Ngày tra cứu ${asOf} phải thuộc năm ${year}`, `asOf ${asOf} must fall in ${year}`, 'asOf');
  }
  return asOf ?? referenceDate(year);
}

/** The unit with this code valid on `date` (memoised per request), or null. Classifications are those of that date. */
export function findUnit(ctx: SubgraphContext, code: string, date: string): Promise<UnitInfo | null> {
  // Anything that is neither a GSO nor a village code names no unit and need not reach the units subgraph.
  if (!isUnitCode(code)) return Promise.resolve(null);
  const memo = loader(ctx, 'unitByCode', () => new Map<string, Promise<UnitInfo | null>>());
  const key = `${code}@${date}`;
  let found = memo.get(key);
  if (!found) memo.set(key, (found = ctx.units.findByCode(code, date)));
  return found;
}

/** Like findUnit, but a unit that is not valid on that date is the caller's mistake: BAD_USER_INPUT. */
export async function requireUnit(ctx: SubgraphContext, code: string, date: string, field = 'unitCode'): Promise<UnitInfo> {
  const unit = await findUnit(ctx, code, date);
  if (!unit) throw badInput(`Không có đơn vị mã "${code}" hiệu lực ngày ${date}`, `No unit with code "${code}" is valid on ${date}`, field);
  return unit;
}

/** Units by id, for their paths (owners, issuers); a missing one is a data error. */
export async function unitsByIds(ctx: SubgraphContext, ids: readonly number[]): Promise<Map<number, UnitInfo>> {
  const found = await ctx.units.byIds([...new Set(ids)]);
  return new Map(found.filter((u): u is UnitInfo => u !== null).map((u) => [u.id, u]));
}

/**
 * Ids of the unit with this code and of every unit below it, as valid on `date` (default today): what a list's
 * `withinCode` filter keeps. Read before any transaction, since it asks the units subgraph.
 */
export async function subtreeUnitIds(ctx: SubgraphContext, code: string, date?: string | null): Promise<number[]> {
  const asOf = date ?? today();
  const unit = await requireUnit(ctx, code.trim(), asOf, 'withinCode');
  return [unit.id, ...(await ctx.units.subtreeIds(unit.code, asOf))];
}

/** Fills the unit codes of assessments and recognitions written before the hub kept them (runs at start-up). */
export async function backfillUnitCodes(em: EntityManager, units: UnitDirectory): Promise<void> {
  const rows = await em.execute<{ unit_id: number }[]>(
    `SELECT unit_id FROM criteria.assessment WHERE unit_code IS NULL
     UNION SELECT unit_id FROM criteria.recognition_decision WHERE unit_code IS NULL`,
  );
  for (const batch of batches(rows)) {
    const found = (await units.byIds(batch.map((r) => Number(r.unit_id)))).filter((u): u is UnitInfo => u !== null);
    const ids = intArray(found.map((u) => u.id));
    const codes = textArray(found.map((u) => u.code));
    for (const table of ['assessment', 'recognition_decision']) {
      await em.execute(
        `UPDATE criteria.${table} t SET unit_code = c.code FROM unnest(?::int[], ?::text[]) AS c(id, code)
        WHERE t.unit_id = c.id AND t.unit_code IS NULL`,
        [ids, codes],
      );
    }
  }
  if (rows.length) {
    await writeAudit(em, {
      subgraph: 'criteria',
      entity: 'UnitCodeBackfill',
      entityId: rows.length,
      action: 'UPDATE',
      unitId: null,
      before: null,
      after: { unitIds: rows.map((r) => Number(r.unit_id)) },
    });
  }
}
