import { UnitLevel } from './units.enums.js';

/** One administrative unit as stored in seeds/units/units.json. */
export interface UnitSeed {
  id: number;
  code: string;
  name: string;
  shortName: string;
  level: UnitLevel;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/** One predecessor link as stored in seeds/units/lineage.json. */
export interface LineageSeed {
  successorId: number;
  predecessorId: number;
  share: 'FULL' | 'PARTIAL';
}

const levelDigit: Record<UnitLevel, number> = {
  [UnitLevel.NATION]: 0,
  [UnitLevel.PROVINCE]: 1,
  [UnitLevel.DISTRICT]: 2,
  [UnitLevel.COMMUNE]: 3,
  [UnitLevel.VILLAGE]: 4,
};

/**
 * Seeded units get ids from era (1 = before 1 July 2025, 2 = from then on), level and GSO code, e.g. the old
 * Khánh Hòa (code 56) is 1100056 and the new one 2100056: stable ids although the codes are reused.
 * Units created through the API take ids from a sequence starting above every seeded id.
 */
export function unitSeedId(era: 1 | 2, level: UnitLevel, code: string): number {
  const n = Number(code);
  if (!Number.isInteger(n) || n < 0 || n >= 100_000) throw new Error(`GSO code out of range: ${code}`);
  return era * 1_000_000 + levelDigit[level] * 100_000 + n;
}
