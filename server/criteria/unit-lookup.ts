import { loader, type SubgraphContext } from '../shared/context.js';
import { badInput } from '../shared/errors.js';
import type { UnitInfo } from '../shared/unit-directory.js';

/** What the criteria services need of a request: its EntityManager, the unit directory, the caller, loaders. */
export type CriteriaContext = SubgraphContext;

/**
 * The date a unit code is read at for a year: `asOf` when given (it must fall in that year), otherwise 30 June —
 * in 2025 the last day of the units before the reorganisation, whose 2021–2025 records the programme closes.
 */
export function dateInYear(year: number, asOf?: string | null): string {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw badInput(`Năm không hợp lệ: ${year}`, `Invalid year ${year}`, 'year');
  if (asOf && Number(asOf.slice(0, 4)) !== year) {
    throw badInput(`Ngày tra cứu ${asOf} phải thuộc năm ${year}`, `asOf ${asOf} must fall in ${year}`, 'asOf');
  }
  return asOf ?? `${year}-06-30`;
}

/** The unit with this code valid on `date` (memoised per request), or null. Classifications are those of that date. */
export function findUnit(ctx: CriteriaContext, code: string, date: string): Promise<UnitInfo | null> {
  // GSO codes are digits ("VN" for the nation); anything else names no unit and need not reach the units subgraph.
  if (!/^(VN|\d{1,10})$/.test(code)) return Promise.resolve(null);
  const memo = loader(ctx, 'unitByCode', () => new Map<string, Promise<UnitInfo | null>>());
  const key = `${code}@${date}`;
  let found = memo.get(key);
  if (!found) memo.set(key, (found = ctx.units.findByCode(code, date)));
  return found;
}

/** Like findUnit, but a unit that is not valid on that date is the caller's mistake: BAD_USER_INPUT. */
export async function requireUnit(ctx: CriteriaContext, code: string, date: string, field = 'unitCode'): Promise<UnitInfo> {
  const unit = await findUnit(ctx, code, date);
  if (!unit) throw badInput(`Không có đơn vị mã "${code}" hiệu lực ngày ${date}`, `No unit with code "${code}" is valid on ${date}`, field);
  return unit;
}

/** Units by id, for their paths (owners, issuers); a missing one is a data error. */
export async function unitsByIds(ctx: CriteriaContext, ids: readonly number[]): Promise<Map<number, UnitInfo>> {
  const found = await ctx.units.byIds([...new Set(ids)]);
  return new Map(found.filter((u): u is UnitInfo => u !== null).map((u) => [u.id, u]));
}
