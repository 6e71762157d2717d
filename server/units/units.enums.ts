import { registerEnumType } from 'type-graphql';

import { UnitLevel } from '../shared/unit-level.enums.js';

export { UnitLevel };

/** Phần kế thừa — whether a whole unit or a part of it passed to its successor. */
export enum LineageShare {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
}
registerEnumType(LineageShare, {
  name: 'LineageShare',
  description: 'Phần kế thừa — FULL: the whole old unit went into the new one; PARTIAL: only part of its area did.',
});

/** Loại đơn vị hành chính — the kind a unit's name states (Tỉnh, Huyện, Xã …). */
export enum UnitKind {
  NATION = 'NATION',
  PROVINCE = 'PROVINCE',
  CENTRAL_CITY = 'CENTRAL_CITY',
  URBAN_DISTRICT = 'URBAN_DISTRICT',
  RURAL_DISTRICT = 'RURAL_DISTRICT',
  TOWN = 'TOWN',
  PROVINCIAL_CITY = 'PROVINCIAL_CITY',
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  TOWNSHIP = 'TOWNSHIP',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
  VILLAGE = 'VILLAGE',
  BAN = 'BAN',
  BUON = 'BUON',
  PLEI = 'PLEI',
  SOC = 'SOC',
  LANG = 'LANG',
  XOM = 'XOM',
  HAMLET = 'HAMLET',
  RESIDENTIAL_GROUP = 'RESIDENTIAL_GROUP',
  RESIDENTIAL_AREA = 'RESIDENTIAL_AREA',
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
  KHOM = 'KHOM',
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'Loại đơn vị hành chính — kind of unit, as its name prefix states.',
  valuesConfig: {
    NATION: { description: 'Quốc gia — the nation.' },
    PROVINCE: { description: 'Tỉnh — province.' },
    CENTRAL_CITY: { description: 'Thành phố trực thuộc trung ương — centrally-run city.' },
    URBAN_DISTRICT: { description: 'Quận — urban district.' },
    RURAL_DISTRICT: { description: 'Huyện — rural district.' },
    TOWN: { description: 'Thị xã — district-level town.' },
    PROVINCIAL_CITY: { description: 'Thành phố thuộc tỉnh — provincial city.' },
    COMMUNE: { description: 'Xã — rural commune (the new-rural criteria apply).' },
    WARD: { description: 'Phường — urban ward.' },
    TOWNSHIP: { description: 'Thị trấn — township.' },
    SPECIAL_ZONE: { description: 'Đặc khu — special zone.' },
    VILLAGE: { description: 'Thôn — village (the general name of a village).' },
    BAN: { description: 'Bản — village of the northern mountains.' },
    BUON: { description: 'Buôn — village of the Central Highlands.' },
    PLEI: { description: 'Plei — village of the Central Highlands (Gia Rai, Ba Na).' },
    SOC: { description: 'Sóc — Khmer village of the Mekong delta.' },
    LANG: { description: 'Làng — village.' },
    XOM: { description: 'Xóm — hamlet.' },
    HAMLET: { description: 'Ấp — hamlet of the south.' },
    RESIDENTIAL_GROUP: { description: 'Tổ dân phố — residential group (in wards and townships).' },
    RESIDENTIAL_AREA: { description: 'Khu dân cư — residential area.' },
    NEIGHBOURHOOD: { description: 'Khu phố — urban neighbourhood.' },
    KHOM: { description: 'Khóm — urban neighbourhood of the south.' },
  },
});

/** The kinds of village-level units (thôn, bản, tổ dân phố …) and the word their full names begin with. */
export const VILLAGE_PREFIXES: Readonly<Partial<Record<UnitKind, string>>> = {
  [UnitKind.VILLAGE]: 'Thôn',
  [UnitKind.BAN]: 'Bản',
  [UnitKind.BUON]: 'Buôn',
  [UnitKind.PLEI]: 'Plei',
  [UnitKind.SOC]: 'Sóc',
  [UnitKind.LANG]: 'Làng',
  [UnitKind.XOM]: 'Xóm',
  [UnitKind.HAMLET]: 'Ấp',
  [UnitKind.RESIDENTIAL_GROUP]: 'Tổ dân phố',
  [UnitKind.RESIDENTIAL_AREA]: 'Khu dân cư',
  [UnitKind.NEIGHBOURHOOD]: 'Khu phố',
  [UnitKind.KHOM]: 'Khóm',
};

const prefixes: ReadonlyArray<[string, UnitLevel, UnitKind]> = [
  ['tỉnh ', UnitLevel.PROVINCE, UnitKind.PROVINCE],
  ['thành phố ', UnitLevel.PROVINCE, UnitKind.CENTRAL_CITY],
  ['huyện ', UnitLevel.DISTRICT, UnitKind.RURAL_DISTRICT],
  ['thị xã ', UnitLevel.DISTRICT, UnitKind.TOWN],
  ['quận ', UnitLevel.DISTRICT, UnitKind.URBAN_DISTRICT],
  ['thành phố ', UnitLevel.DISTRICT, UnitKind.PROVINCIAL_CITY],
  ['xã ', UnitLevel.COMMUNE, UnitKind.COMMUNE],
  ['phường ', UnitLevel.COMMUNE, UnitKind.WARD],
  ['thị trấn ', UnitLevel.COMMUNE, UnitKind.TOWNSHIP],
  ['đặc khu ', UnitLevel.COMMUNE, UnitKind.SPECIAL_ZONE],
  ...Object.entries(VILLAGE_PREFIXES).map(([kind, prefix]): [string, UnitLevel, UnitKind] => [
    `${prefix!.toLocaleLowerCase('vi')} `,
    UnitLevel.VILLAGE,
    kind as UnitKind,
  ]),
];

/** The level a unit of this kind sits at ("Thành phố" names a province or a district: both are returned). */
export function levelsOfKind(kind: UnitKind): UnitLevel[] {
  return [...new Set(prefixes.filter(([, , k]) => k === kind).map(([, level]) => level))];
}

/**
 * A unit's full name from its kind and short name ("Thôn" + "Nà Pài" → "Thôn Nà Pài"); a short name that already
 * starts with the kind's word keeps it once. The word is capitalised as names are written.
 */
export function fullNameOf(kind: UnitKind, level: UnitLevel, shortName: string): { name: string; shortName: string } {
  const entry = prefixes.find(([, l, k]) => k === kind && l === level);
  if (!entry) throw new Error(`No name prefix for ${kind} at ${level}`);
  const prefix = entry[0];
  const lower = shortName.toLocaleLowerCase('vi');
  const short = lower.startsWith(prefix) ? shortName.slice(prefix.length).trim() : shortName;
  const word = prefix.trim();
  return { name: `${word.charAt(0).toLocaleUpperCase('vi')}${word.slice(1)} ${short}`, shortName: short };
}

/** Reads a unit's kind from the prefix of its full name at the given level ("Thành phố" is a province or a district). */
export function kindFromName(fullName: string, level: UnitLevel): { kind: UnitKind; shortName: string } {
  const lower = fullName.normalize('NFC').toLocaleLowerCase('vi');
  for (const [prefix, prefixLevel, kind] of prefixes) {
    if (prefixLevel === level && lower.startsWith(prefix)) {
      return { kind, shortName: fullName.slice(prefix.length).trim() };
    }
  }
  throw new Error(`Cannot tell the kind of "${fullName}" at level ${level}`);
}

/** Loại sắp xếp — what a reorganisation does. */
export enum ReorganisationKind {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RENAME = 'RENAME',
  TRANSFER = 'TRANSFER',
}
registerEnumType(ReorganisationKind, {
  name: 'ReorganisationKind',
  description: 'Loại sắp xếp đơn vị hành chính — what a reorganisation does.',
  valuesConfig: {
    MERGE: { description: 'Nhập — two or more units become one (a new unit, or an existing one that absorbs the others).' },
    SPLIT: { description: 'Chia, tách — one unit becomes several (it may continue as one of them).' },
    RENAME: { description: 'Đổi tên — one unit continues under a new name, kind or code, in the same parent.' },
    TRANSFER: { description: 'Điều chuyển — one unit moves to another parent.' },
  },
});

/** Trạng thái — whether a recorded reorganisation stands. */
export enum ReorganisationStatus {
  RECORDED = 'RECORDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ReorganisationStatus, {
  name: 'ReorganisationStatus',
  description:
    'Trạng thái sắp xếp — RECORDED (ghi nhận; in effect from its date) or WITHDRAWN (đã hủy before its date; nothing of it remains in the map).',
});

/** Sắp xếp đơn vị theo — the field units are sorted by. */
export enum UnitOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  LEVEL = 'LEVEL',
}
registerEnumType(UnitOrderField, {
  name: 'UnitOrderField',
  description: 'Trường sắp xếp đơn vị — field to sort units by (names sort in Vietnamese alphabetical order).',
});

/** Phân loại — the classification schemes that change thresholds, targets and award standards. */
export enum ClassificationScheme {
  ESPECIALLY_DISADVANTAGED = 'ESPECIALLY_DISADVANTAGED',
  TERRAIN = 'TERRAIN',
  BORDER = 'BORDER',
  COASTAL = 'COASTAL',
  ISLAND = 'ISLAND',
  COMMUNE_GROUP = 'COMMUNE_GROUP',
}
registerEnumType(ClassificationScheme, {
  name: 'ClassificationScheme',
  description: 'Loại phân loại — a classification scheme of units.',
  valuesConfig: {
    ESPECIALLY_DISADVANTAGED: { description: 'Xã đặc biệt khó khăn — especially-disadvantaged (no value).' },
    TERRAIN: { description: 'Địa hình — terrain class: HIGH_MOUNTAIN (miền núi cao), LOW_MOUNTAIN (miền núi thấp), LOWLAND (đồng bằng).' },
    BORDER: { description: 'Biên giới — border area (no value).' },
    COASTAL: { description: 'Bãi ngang ven biển — coastal area (no value).' },
    ISLAND: { description: 'Hải đảo — island (no value).' },
    COMMUNE_GROUP: { description: 'Nhóm xã giai đoạn 2026–2030 — commune group 1, 2 or 3.' },
  },
});
