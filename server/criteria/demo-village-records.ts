import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_PROVINCES, DEMO_SEED, mixSeed, mulberry32 } from '../shared/demo.js';
import { intArray } from '../shared/sql.js';
import { batches } from '../shared/peers.js';
import type { UnitDirectory } from '../shared/unit-directory.js';
import { RecognitionTier } from './criteria.enums.js';
import { DEMO_YEARS } from './demo-assessments.js';

/**
 * How far each province's villages get, from its plan: the tier its village set confers and the cumulative share of
 * villages recognised by the end of 2021 … 2025 (Cẩm Xuyên > 70 % model residential areas; Quảng Nam ≥ 60 % model
 * villages; Bắc Kạn 244 of 406 villages of especially-disadvantaged communes at the village standard; Lạng Sơn a
 * few new model residential areas a commune; Khánh Hòa's standard for especially-disadvantaged communes).
 */
const PACE: Record<string, { tier: RecognitionTier; shares: readonly number[] }> = {
  '42': { tier: RecognitionTier.MODEL_VILLAGE, shares: [0.35, 0.46, 0.56, 0.66, 0.74] },
  '20': { tier: RecognitionTier.MODEL_VILLAGE, shares: [0.05, 0.09, 0.13, 0.18, 0.23] },
  '06': { tier: RecognitionTier.NTM_VILLAGE, shares: [0.04, 0.19, 0.33, 0.47, 0.62] },
  '56': { tier: RecognitionTier.NTM_VILLAGE, shares: [0.08, 0.15, 0.22, 0.3, 0.38] },
  '49': { tier: RecognitionTier.MODEL_VILLAGE, shares: [0.2, 0.3, 0.4, 0.5, 0.58] },
};
/** Bắc Kạn's 2021 village set (902/QĐ-UBND, 16 criteria): the one village set with criteria to assess against. */
const ASSESSED_SET = 'VILLAGE-06-NTM-2021';

export interface DemoVillage {
  id: number;
  code: string;
  provinceId: number;
  provinceCode: string;
  districtId: number;
}

/** A village's synthetic history: the year it is recognised (if it is by 2025) and, in 2021, how many criteria it meets. */
export function planVillage(
  village: Pick<DemoVillage, 'code' | 'provinceCode'>,
  criteria: number,
  seed = DEMO_SEED,
): { year: number | null; met2021: number[]; decidedOn: string | null } {
  const [commune, n] = village.code.split('-').map(Number);
  const random = mulberry32(mixSeed(seed, commune, n, 5));
  const pace = PACE[village.provinceCode];
  const draw = random();
  const index = pace ? pace.shares.findIndex((share) => draw < share) : -1;
  const year = index >= 0 ? DEMO_YEARS[index] : null;
  const order = Array.from({ length: criteria }, (_, i) => ({ n: i + 1, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((c) => c.n);
  const count = year === 2021 ? criteria : Math.min(criteria - 1, 6 + Math.floor(random() * 10));
  const month = String(9 + Math.floor(random() * 4)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return { year, met2021: order.slice(0, count).sort((a, b) => a - b), decidedOn: year ? `${year}-${month}-${day}` : null };
}

/** The demo villages (synthetic, coded `<commune>-<n>`) under the five seed provinces, as valid on 1 January 2021. */
async function demoVillages(units: UnitDirectory): Promise<DemoVillage[]> {
  const villages: DemoVillage[] = [];
  for (const provinceCode of DEMO_PROVINCES) {
    const ids = await units.subtreeIds(provinceCode, '2021-01-01', 'VILLAGE');
    for (const batch of batches(ids)) {
      for (const unit of await units.byIds(batch)) {
        if (!unit) continue;
        const path = unit.path.split('.').map(Number);
        villages.push({ id: unit.id, code: unit.code, provinceId: path[1], provinceCode, districtId: path[2] });
      }
    }
  }
  return villages.sort((a, b) => a.id - b.id);
}

/**
 * Synthetic village recognitions 2021–2025 (decided by the district, against the province's village set where one
 * covers the year) and Bắc Kạn's 2021 village assessments, all flagged `synthetic`, so the village metrics of the
 * demo are not 0 of 0. Replaces earlier synthetic rows of the same villages; set-based SQL.
 */
export async function generateDemoVillageRecords(
  em: EntityManager,
  units: UnitDirectory,
): Promise<{ villages: number; recognitions: number; assessments: number; ms: number }> {
  const started = Date.now();
  const villages = await demoVillages(units);
  const sets = await em.execute<
    { id: number; code: string; tier: string; owner_unit_id: number; root_id: number; from_year: number; to_year: number }[]
  >(
    `SELECT id, code, tier, owner_unit_id, root_id, extract(year FROM period_start)::int AS from_year, extract(year FROM period_end)::int AS to_year
     FROM criteria.criteria_set WHERE applies_to = 'VILLAGE' ORDER BY id`,
  );
  const assessedSet = sets.find((s) => s.code === ASSESSED_SET);
  const criteria = assessedSet
    ? Number((await em.execute('SELECT count(*) AS n FROM criteria.criterion WHERE set_id = ?', [assessedSet.root_id]))[0].n)
    : 0;
  const setFor = (v: DemoVillage, tier: RecognitionTier, year: number) =>
    sets.find(
      (s) =>
        Number(s.owner_unit_id) === v.provinceId &&
        s.tier === (tier === RecognitionTier.MODEL_VILLAGE ? 'MODEL' : 'STANDARD') &&
        s.from_year <= year &&
        year <= s.to_year,
    )?.id ?? null;

  const ids = intArray(villages.map((v) => v.id));
  await em.execute('DELETE FROM criteria.assessment WHERE synthetic AND unit_id = ANY(?::int[])', [ids]);
  await em.execute('DELETE FROM criteria.recognition_decision WHERE synthetic AND unit_id = ANY(?::int[])', [ids]);
  const plans = villages.map((v) => ({ v, plan: planVillage(v, criteria) }));
  const decisions = plans
    .filter(({ plan }) => plan.year !== null)
    .map(({ v, plan }) => {
      const tier = PACE[v.provinceCode].tier;
      return {
        unit_id: v.id,
        unit_code: v.code,
        tier,
        number: `GL-TH-${plan.year}-${v.code}`,
        decided_on: plan.decidedOn,
        issuer: v.districtId,
        set_id: setFor(v, tier, plan.year!),
      };
    });
  const recognised = await em.execute(
    `INSERT INTO criteria.recognition_decision (unit_id, unit_code, tier, decision_number, decided_on, issuing_unit_id, set_id, synthetic)
     SELECT r.unit_id, r.unit_code, r.tier, r.number, r.decided_on, r.issuer, r.set_id, true
     FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, unit_code text, tier text, number text, decided_on date, issuer int, set_id int)
     ON CONFLICT DO NOTHING RETURNING id`,
    [JSON.stringify(decisions)],
  );
  let assessments = 0;
  if (assessedSet && criteria) {
    const rows = JSON.stringify(
      plans
        .filter(({ v }) => v.provinceId === Number(assessedSet.owner_unit_id))
        .map(({ v, plan }) => ({ unit_id: v.id, unit_code: v.code, met: plan.met2021 })),
    );
    const inserted = await em.execute(
      `INSERT INTO criteria.assessment (unit_id, unit_code, set_id, year, synthetic)
       SELECT r.unit_id, r.unit_code, ?, 2021, true FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, unit_code text) ON CONFLICT DO NOTHING RETURNING id`,
      [assessedSet.id, rows],
    );
    assessments = inserted.length;
    await em.execute(
      `INSERT INTO criteria.assessment_result (assessment_id, criterion_number, met)
       SELECT a.id, c.number, c.number = ANY(r.met)
       FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, met int[])
       JOIN criteria.assessment a ON a.unit_id = r.unit_id AND a.year = 2021 AND a.set_id = ? AND a.synthetic
       CROSS JOIN criteria.criterion c WHERE c.set_id = ?`,
      [rows, assessedSet.id, assessedSet.root_id],
    );
  }
  return { villages: villages.length, recognitions: recognised.length, assessments, ms: Date.now() - started };
}
