import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_PROVINCES, DEMO_SEED, mixSeed, mulberry32 } from '../shared/demo.js';
import { textArray } from '../shared/sql.js';
import { villageCode } from '../shared/unit-code.js';
import { UnitKind, UnitLevel, fullNameOf } from './units.enums.js';
import { insertVillages, type PlannedVillage } from './village.service.js';

/**
 * Bắc Kạn's plan counts 406 villages in 35 especially-disadvantaged communes that are not on the 2021–2025 commune
 * roadmap (244 of them to reach the village standard): the demo gives that many, in the province's last 35 rural
 * communes by code, and classifies those communes so — synthetic, like everything here.
 */
export const BAC_KAN_EDK = { province: '06', communes: 35, villages: 406 };
const SYNTHETIC_SOURCE = 'Dữ liệu mô phỏng (demo): xã đặc biệt khó khăn của kế hoạch Bắc Kạn — synthetic demo data';
/** Provinces of the northern mountains, where many villages are bản. */
const BAN_PROVINCES = new Set(['06', '20']);

interface DemoCommune {
  id: number;
  code: string;
  province: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Synthetic villages (flagged `synthetic`) under every rural commune of the five seed provinces (placeholders aside), as valid from 2021
 * to 30 June 2025 and closing with their commune: 5–14 a commune, "Thôn 1", "Bản 2" …, coded `<commune>-<n>`.
 * Deterministic (one PRNG stream per commune from the demo seed); one INSERT for all.
 */
export async function seedDemoVillages(em: EntityManager): Promise<{ villages: number; classified: number; ms: number }> {
  const started = Date.now();
  const communes = (
    await em.execute<{ id: number; code: string; province: string; valid_from: string | null; valid_to: string | null }[]>(
      `SELECT u.id, u.code, p.code AS province, u.valid_from::text AS valid_from, u.valid_to::text AS valid_to
     FROM units.unit p JOIN units.unit u ON u.path <@ p.path AND u.level = 'COMMUNE' AND u.kind = 'COMMUNE' AND NOT u.placeholder
     WHERE p.level = 'PROVINCE' AND p.code = ANY(?::text[]) AND (p.valid_from IS NULL OR p.valid_from <= '2021-01-01') AND p.valid_to >= '2021-01-01'
       AND (u.valid_from IS NULL OR u.valid_from <= '2021-01-01') AND u.valid_to = '2025-06-30'
     ORDER BY u.code`,
      [textArray(DEMO_PROVINCES)],
    )
  ).map((c): DemoCommune => ({ id: Number(c.id), code: c.code, province: c.province, validFrom: c.valid_from, validTo: c.valid_to }));
  const bacKan = communes.filter((c) => c.province === BAC_KAN_EDK.province);
  const edk = bacKan.slice(-BAC_KAN_EDK.communes);
  const edkCount = (i: number) =>
    Math.floor(BAC_KAN_EDK.villages / BAC_KAN_EDK.communes) + (i < BAC_KAN_EDK.villages % BAC_KAN_EDK.communes ? 1 : 0);
  const planned: PlannedVillage[] = [];
  for (const commune of communes) {
    const random = mulberry32(mixSeed(DEMO_SEED, commune.id, 4));
    const edkIndex = edk.indexOf(commune);
    const count = edkIndex >= 0 ? edkCount(edkIndex) : 5 + Math.floor(random() * 10);
    for (let n = 1; n <= count; n++) {
      const kind = BAN_PROVINCES.has(commune.province) && random() < 0.4 ? UnitKind.BAN : UnitKind.VILLAGE;
      const names = fullNameOf(kind, UnitLevel.VILLAGE, String(n));
      planned.push({
        row: planned.length,
        code: villageCode(commune.code, n),
        name: names.name,
        shortName: names.shortName,
        kind,
        parentId: commune.id,
        validFrom: commune.validFrom,
        validTo: commune.validTo,
        synthetic: true,
      });
    }
  }
  await insertVillages(em, planned, { audit: false });
  await em.execute(
    `INSERT INTO units.unit_classification (unit_id, scheme, value, valid_from, valid_to, source)
     SELECT id, 'ESPECIALLY_DISADVANTAGED', NULL, '2021-01-01', '2025-06-30', ? FROM unnest(?::int[]) AS id`,
    [SYNTHETIC_SOURCE, `{${edk.map((c) => c.id).join(',')}}`],
  );
  return { villages: planned.length, classified: edk.length, ms: Date.now() - started };
}
