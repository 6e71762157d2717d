import { writeAudit } from '../shared/audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { intArray } from '../shared/sql.js';
import { batches } from '../shared/peers.js';
import type { UnitDirectory } from '../shared/unit-directory.js';
import { DEMO_PROVINCES, DEMO_SEED, mixSeed, mulberry32 } from '../shared/demo.js';

export { DEMO_PROVINCES, DEMO_SEED, mixSeed, mulberry32 };

export const DEMO_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];
export const DEMO_SET_CODE = 'COMMUNE-NTM-2021-2025';

/**
 * How hard each criterion of the 2021–2025 commune set usually is (0 easy … 4 hard): communes tend to meet
 * planning, electricity and defence first, and income, poverty, production and environment last.
 */
const DIFFICULTY: Record<number, number> = {
  1: 0,
  2: 3,
  3: 1,
  4: 0,
  5: 3,
  6: 2,
  7: 2,
  8: 0,
  9: 2,
  10: 4,
  11: 4,
  12: 2,
  13: 4,
  14: 1,
  15: 1,
  16: 1,
  17: 4,
  18: 0,
  19: 0,
};

export interface DemoCommune {
  id: number;
  code: string;
  provinceId: number;
}

/** A commune's synthetic history: the criteria met each year, and the year it is recognised NTM (all met). */
export interface DemoPlan {
  unitId: number;
  years: { year: number; met: number[] }[];
  recognition: { decidedOn: string; decisionNumber: string } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Plans one commune: its province sets how many communes are already NTM in the first year and how fast the others
 * progress; the commune meets criteria in an order of its own (easier ones first), gains 0–3 a year, and now and
 * then loses one for a year (monotone-ish). Pure and deterministic.
 */
export function planCommune(commune: DemoCommune, criteria: readonly number[], seed = DEMO_SEED, years = DEMO_YEARS): DemoPlan {
  const province = mulberry32(mixSeed(seed, commune.provinceId, 1));
  const alreadyNtm = 0.25 + 0.5 * province();
  const pace = 0.6 + 0.6 * province();
  const random = mulberry32(mixSeed(seed, commune.id));
  const order = criteria
    .map((n) => ({ n, key: (DIFFICULTY[n] ?? 2) + random() * 4 }))
    .sort((a, b) => a.key - b.key)
    .map((c) => c.n);
  const total = order.length;
  let reached = random() < alreadyNtm ? total : Math.min(total - 1, 6 + Math.floor(random() * 12));
  const plan: DemoPlan = { unitId: commune.id, years: [], recognition: null };
  for (const [i, year] of years.entries()) {
    if (i > 0) reached = Math.min(total, reached + Math.floor(random() * 3.2 * pace));
    let met = order.slice(0, reached);
    if (reached < total && met.length && random() < 0.05) {
      const lost = met[Math.floor(random() * met.length)];
      met = met.filter((n) => n !== lost);
    }
    plan.years.push({ year, met: [...met].sort((a, b) => a - b) });
    if (!plan.recognition && total > 0 && met.length === total) {
      const decidedOn = `${year}-${pad(9 + Math.floor(random() * 4))}-${pad(1 + Math.floor(random() * 28))}`;
      plan.recognition = { decidedOn, decisionNumber: `GL-${year}-${commune.code}` };
    }
  }
  return plan;
}

export interface DemoOptions {
  units: UnitDirectory;
  /** Provinces (codes before 1 July 2025); the whole country when absent. */
  provinceCodes?: readonly string[];
  seed?: number;
  /** Communes per INSERT statement. */
  batchSize?: number;
}

export interface DemoSummary {
  communes: number;
  assessments: number;
  recognitions: number;
  ms: number;
}

const PERIOD_START = '2021-01-01';
const PERIOD_END = '2025-06-30';

/** Rural communes (xã) valid throughout 2021 – 30 June 2025 under the given provinces (or the nation), in id order. */
export async function demoCommunes(units: UnitDirectory, provinceCodes?: readonly string[]): Promise<DemoCommune[]> {
  const ids: number[] = [];
  for (const code of provinceCodes ?? ['VN']) ids.push(...(await units.subtreeIds(code, PERIOD_START, 'COMMUNE')));
  const communes: DemoCommune[] = [];
  for (const batch of batches(ids)) {
    for (const unit of await units.byIds(batch)) {
      if (
        unit &&
        unit.kind === 'COMMUNE' &&
        (!unit.validFrom || unit.validFrom <= PERIOD_START) &&
        (!unit.validTo || unit.validTo >= PERIOD_END)
      ) {
        communes.push({ id: unit.id, code: unit.code, provinceId: Number(unit.path.split('.')[1]) });
      }
    }
  }
  return communes.sort((a, b) => a.id - b.id);
}

/**
 * Writes synthetic assessments 2021–2025 of the national commune set, and NTM recognitions (by the province) in the
 * year a commune first meets all criteria, all flagged `synthetic`. Replaces earlier synthetic rows of the same
 * communes and never touches recorded ones. Set-based SQL: one statement per table and batch of communes.
 */
export async function generateDemoAssessments(em: EntityManager, options: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const [set] = await em.execute('SELECT id, root_id FROM criteria.criteria_set WHERE code = ?', [DEMO_SET_CODE]);
  if (!set) throw new Error(`Criteria set ${DEMO_SET_CODE} is not seeded`);
  const criteria = (await em.execute('SELECT number FROM criteria.criterion WHERE set_id = ? ORDER BY number', [set.root_id])).map((c) =>
    Number(c.number),
  );
  const communes = await demoCommunes(options.units, options.provinceCodes);
  const batchSize = options.batchSize ?? 2000;
  let assessments = 0;
  let recognitions = 0;
  for (const batch of batches(communes, batchSize)) {
    const plans = batch.map((c) => planCommune(c, criteria, options.seed));
    const unitIds = intArray(batch.map((c) => c.id));
    await em.execute('DELETE FROM criteria.assessment WHERE synthetic AND set_id = ? AND unit_id = ANY(?::int[])', [set.id, unitIds]);
    await em.execute('DELETE FROM criteria.recognition_decision WHERE synthetic AND unit_id = ANY(?::int[])', [unitIds]);
    const codes = new Map(batch.map((c) => [c.id, c.code]));
    const rows = JSON.stringify(
      plans.flatMap((p) => p.years.map((y) => ({ unit_id: p.unitId, unit_code: codes.get(p.unitId), year: y.year, met: y.met }))),
    );
    const inserted = await em.execute(
      `INSERT INTO criteria.assessment (unit_id, unit_code, set_id, year, synthetic)
       SELECT r.unit_id, r.unit_code, ?, r.year, true FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, unit_code text, year int) ON CONFLICT DO NOTHING RETURNING id`,
      [set.id, rows],
    );
    assessments += inserted.length;
    await em.execute(
      `INSERT INTO criteria.assessment_result (assessment_id, criterion_number, met)
       SELECT a.id, c.number, c.number = ANY(r.met)
       FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, year int, met int[])
       JOIN criteria.assessment a ON a.unit_id = r.unit_id AND a.year = r.year AND a.set_id = ? AND a.synthetic
       CROSS JOIN criteria.criterion c WHERE c.set_id = ?`,
      [rows, set.id, set.root_id],
    );
    const decisions = plans
      .filter((p) => p.recognition)
      .map((p) => ({
        unit_id: p.unitId,
        unit_code: codes.get(p.unitId),
        issuing_unit_id: batch.find((c) => c.id === p.unitId)!.provinceId,
        ...p.recognition,
      }));
    const recognised = await em.execute(
      `INSERT INTO criteria.recognition_decision (unit_id, unit_code, tier, decision_number, decided_on, issuing_unit_id, set_id, synthetic)
       SELECT r.unit_id, r.unit_code, 'NTM', r."decisionNumber", r."decidedOn", r.issuing_unit_id, ?, true
       FROM jsonb_to_recordset(?::jsonb) AS r(unit_id int, unit_code text, issuing_unit_id int, "decisionNumber" text, "decidedOn" date)
       ON CONFLICT DO NOTHING RETURNING id`,
      [set.id, JSON.stringify(decisions)],
    );
    recognitions += recognised.length;
  }
  // Synthetic rows are written in bulk: one audit row records the run (the transaction commits only with one).
  await writeAudit(em, {
    subgraph: 'criteria',
    entity: 'SyntheticAssessments',
    entityId: DEMO_SET_CODE,
    action: 'CREATE',
    unitId: null,
    before: null,
    after: { communes: communes.length, assessments, recognitions, seed: options.seed ?? null },
  });
  return { communes: communes.length, assessments, recognitions, ms: Date.now() - started };
}

/**
 * Synthetic assessments for every rural commune of the country (about 7,700), for the insights work to benchmark
 * on; in one transaction. `npm run seed:national` calls this.
 */
export function generateNationalAssessments(em: EntityManager, options: Omit<DemoOptions, 'provinceCodes'>): Promise<DemoSummary> {
  return em.transactional((tx) => generateDemoAssessments(tx, { ...options, provinceCodes: undefined }));
}
