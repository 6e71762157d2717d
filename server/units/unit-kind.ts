import { registerEnumType } from 'type-graphql';

import { UnitLevel } from '../shared/unit-level.js';

export { UnitLevel };

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
    VILLAGE: { description: 'Thôn, bản, khu dân cư — village.' },
  },
});

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
];

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
