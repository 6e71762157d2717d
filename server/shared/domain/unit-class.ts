/**
 * Loại đơn vị — the classes plans restrict targets and award thresholds to, and how they read the classifications
 * the units subgraph holds ("ESPECIALLY_DISADVANTAGED", "TERRAIN:HIGH_MOUNTAIN", "COMMUNE_GROUP:2"). One vocabulary
 * for targets, award rules, thresholds and insights.
 */
export enum UnitClass {
  HIGH_MOUNTAIN = 'HIGH_MOUNTAIN',
  LOW_MOUNTAIN = 'LOW_MOUNTAIN',
  MOUNTAIN = 'MOUNTAIN',
  LOWLAND = 'LOWLAND',
  ESPECIALLY_DISADVANTAGED = 'ESPECIALLY_DISADVANTAGED',
  BORDER = 'BORDER',
  COASTAL = 'COASTAL',
  ISLAND = 'ISLAND',
}

export const UNIT_CLASS_LABELS: Record<UnitClass, { vi: string; en: string }> = {
  HIGH_MOUNTAIN: { vi: 'Miền núi cao', en: 'high mountain' },
  LOW_MOUNTAIN: { vi: 'Miền núi thấp', en: 'low mountain' },
  MOUNTAIN: { vi: 'Miền núi (cao và thấp)', en: 'mountain, high and low' },
  LOWLAND: { vi: 'Đồng bằng', en: 'lowland' },
  ESPECIALLY_DISADVANTAGED: { vi: 'Đặc biệt khó khăn', en: 'especially disadvantaged' },
  BORDER: { vi: 'Biên giới', en: 'border area' },
  COASTAL: { vi: 'Bãi ngang ven biển', en: 'coastal area' },
  ISLAND: { vi: 'Hải đảo', en: 'island' },
};

/** The classification codes each class covers: terrain classes are values of the TERRAIN scheme, MOUNTAIN either mountain value. */
const CODES: Record<UnitClass, readonly string[]> = {
  HIGH_MOUNTAIN: ['TERRAIN:HIGH_MOUNTAIN'],
  LOW_MOUNTAIN: ['TERRAIN:LOW_MOUNTAIN'],
  MOUNTAIN: ['TERRAIN:HIGH_MOUNTAIN', 'TERRAIN:LOW_MOUNTAIN'],
  LOWLAND: ['TERRAIN:LOWLAND'],
  ESPECIALLY_DISADVANTAGED: ['ESPECIALLY_DISADVANTAGED'],
  BORDER: ['BORDER'],
  COASTAL: ['COASTAL'],
  ISLAND: ['ISLAND'],
};

export const isUnitClass = (value: string): value is UnitClass => value in CODES;

/**
 * The classification codes a class or code stands for: a UnitClass gives its codes; anything else is taken as a
 * classification code itself ("TERRAIN:LOWLAND", "COMMUNE_GROUP:2") or a scheme named alone ("TERRAIN").
 */
export const classificationCodes = (unitClass: string): readonly string[] => (isUnitClass(unitClass) ? CODES[unitClass] : [unitClass]);

/** Whether a unit with these classification codes has the class: an exact code, or any value of a scheme named alone. */
export function hasClass(classifications: readonly string[], unitClass: string): boolean {
  return classificationCodes(unitClass).some((code) =>
    classifications.some((c) => c === code || (!code.includes(':') && c.startsWith(`${code}:`))),
  );
}
