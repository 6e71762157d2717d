/**
 * Converts the public administrative-unit datasets (shared/datasets/vn-admin-units) into the hub's own
 * seed files under seeds/units/. Run by hand when the datasets change: `npm run seeds:units [datasetDir]`.
 * Unit ids are derived from era, level and GSO code so they stay stable across re-runs and across
 * the 2025 reorganisation, which reuses codes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kindFromName, UnitLevel } from '../units/units.enums.js';
import { unitSeedId, type LineageSeed, type UnitSeed } from '../units/seed-records.js';

interface OldWard {
  Code: string;
  FullName: string;
}
interface OldDistrict {
  Code: string;
  FullName: string;
  Ward: OldWard[] | null;
}
interface OldProvince {
  Code: string;
  FullName: string;
  District: OldDistrict[];
}
interface NewProvince {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string }[];
}
interface Merge {
  old_id: string;
  name: string;
  type: 'full' | 'partial';
}
interface LineageFile {
  data: { level1_id: string; name: string; merges: Merge[]; level2s: { level2_id: string; name: string; merges: Merge[] }[] }[];
}

const OLD_VALID_TO = '2025-06-30';
const NEW_VALID_FROM = '2025-07-01';
const NATION_ID = 1;

const datasetDir = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'datasets', 'vn-admin-units'));
const outDir = resolve(process.cwd(), 'seeds', 'units');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(datasetDir, name), 'utf8')) as T;

const oldProvinces = read<OldProvince[]>('units-2025-06-30.json');
const newProvinces = read<NewProvince[]>('units-current.json');
const lineage = read<LineageFile>('lineage-2025-07-01-merges.json');

const units: UnitSeed[] = [
  {
    id: NATION_ID,
    code: 'VN',
    name: 'Việt Nam',
    shortName: 'Việt Nam',
    level: UnitLevel.NATION,
    kind: 'NATION',
    parentId: null,
    validFrom: null,
    validTo: null,
  },
];
const unit = (era: 1 | 2, level: UnitLevel, code: string, fullName: string, parentId: number): UnitSeed => {
  const name = fullName.normalize('NFC').trim();
  const { kind, shortName } = kindFromName(name, level);
  return {
    id: unitSeedId(era, level, code),
    code,
    name,
    shortName,
    level,
    kind,
    parentId,
    validFrom: era === 1 ? null : NEW_VALID_FROM,
    validTo: era === 1 ? OLD_VALID_TO : null,
  };
};

for (const p of oldProvinces) {
  const province = unit(1, UnitLevel.PROVINCE, p.Code, p.FullName, NATION_ID);
  units.push(province);
  for (const d of p.District) {
    const district = unit(1, UnitLevel.DISTRICT, d.Code, d.FullName, province.id);
    units.push(district);
    for (const w of d.Ward ?? []) units.push(unit(1, UnitLevel.COMMUNE, w.Code, w.FullName, district.id));
  }
}
for (const p of newProvinces) {
  const province = unit(2, UnitLevel.PROVINCE, p.Code, p.FullName, NATION_ID);
  units.push(province);
  for (const w of p.Wards) units.push(unit(2, UnitLevel.COMMUNE, w.Code, w.FullName, province.id));
}

const byId = new Map(units.map((u) => [u.id, u]));
const oldDistrictsWithoutCommunes = new Set(oldProvinces.flatMap((p) => p.District.filter((d) => d.Ward === null).map((d) => d.Code)));
const lineageRows: LineageSeed[] = [];
const unresolved: string[] = [];
const share = (m: Merge): LineageSeed['share'] => (m.type === 'full' ? 'FULL' : 'PARTIAL');

for (const l1 of lineage.data) {
  const successorId = unitSeedId(2, UnitLevel.PROVINCE, l1.level1_id);
  for (const m of l1.merges) {
    lineageRows.push({ successorId, predecessorId: unitSeedId(1, UnitLevel.PROVINCE, m.old_id), share: share(m) });
  }
  const provinceWards = newProvinces.find((p) => p.Code === l1.level1_id)?.Wards ?? [];
  for (const l2 of l1.level2s) {
    let successor = byId.get(unitSeedId(2, UnitLevel.COMMUNE, l2.level2_id));
    if (!successor) {
      // The lineage file and the current list disagree on a few codes: match such a unit by its name in the province.
      const ward = provinceWards.find((w) => w.FullName.normalize('NFC') === l2.name.normalize('NFC'));
      if (!ward) {
        unresolved.push(`successor ${l2.level2_id} ${l2.name}: not in the current list`);
        continue;
      }
      unresolved.push(`successor ${l2.level2_id} ${l2.name}: matched by name to current code ${ward.Code}`);
      successor = byId.get(unitSeedId(2, UnitLevel.COMMUNE, ward.Code))!;
    }
    for (const m of l2.merges) {
      const level = oldDistrictsWithoutCommunes.has(m.old_id) ? UnitLevel.DISTRICT : UnitLevel.COMMUNE;
      const predecessorId = unitSeedId(1, level, m.old_id);
      if (!byId.has(predecessorId)) {
        unresolved.push(
          `predecessor ${m.old_id} ${m.name} of ${successor.code} ${successor.name}: not in the 2025-06-30 list (dissolved earlier)`,
        );
        continue;
      }
      lineageRows.push({ successorId: successor.id, predecessorId, share: share(m) });
    }
  }
}

const jsonLines = (rows: object[]) => `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
writeFileSync(join(outDir, 'units.json'), jsonLines(units));
writeFileSync(join(outDir, 'lineage.json'), jsonLines(lineageRows));
writeFileSync(join(outDir, 'unresolved.txt'), unresolved.join('\n') + '\n');
const count = (level: UnitLevel, era: 1 | 2) => units.filter((u) => u.level === level && (era === 1 ? u.validTo : u.validFrom)).length;
console.log(
  `units: ${units.length} (before 2025-07-01: ${count(UnitLevel.PROVINCE, 1)} provinces, ${count(UnitLevel.DISTRICT, 1)} districts, ` +
    `${count(UnitLevel.COMMUNE, 1)} communes; current: ${count(UnitLevel.PROVINCE, 2)} provinces, ${count(UnitLevel.COMMUNE, 2)} communes); ` +
    `lineage links: ${lineageRows.length}; notes: ${unresolved.length}`,
);
