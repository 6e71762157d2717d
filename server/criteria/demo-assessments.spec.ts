import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecOrm } from '../../tests/support/spec-context.js';
import { criteriaSubgraph } from './index.js';
import { DEMO_SET_CODE, DEMO_YEARS, demoCommunes, generateDemoAssessments, mulberry32, planCommune } from './demo-assessments.js';
import type { UnitDirectory } from '../shared/unit-directory.js';

const CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);
const communes = Array.from({ length: 400 }, (_, i) => ({
  id: 1_300_000 + i,
  code: String(i).padStart(5, '0'),
  provinceId: 1_100_000 + (i % 5),
}));

describe('demo assessment generator (pure)', () => {
  it('is deterministic: the same seed gives the same plans, another seed different ones', () => {
    const once = communes.map((c) => planCommune(c, CRITERIA));
    expect(communes.map((c) => planCommune(c, CRITERIA))).toEqual(once);
    expect(communes.map((c) => planCommune(c, CRITERIA, 7))).not.toEqual(once);
    expect(Array.from({ length: 3 }, mulberry32(42))).toEqual(Array.from({ length: 3 }, mulberry32(42)));
  });

  it('progresses plausibly: counts mostly grow, recognition comes the first year all 19 are met', () => {
    let drops = 0;
    for (const plan of communes.map((c) => planCommune(c, CRITERIA))) {
      const counts = plan.years.map((y) => y.met.length);
      expect(plan.years.map((y) => y.year)).toEqual(DEMO_YEARS);
      for (let i = 1; i < counts.length; i++) if (counts[i] < counts[i - 1]) drops++;
      const first = plan.years.find((y) => y.met.length === 19);
      expect(plan.recognition?.decidedOn.slice(0, 4) ?? null).toBe(first ? String(first.year) : null);
      for (const y of plan.years) expect(y.met.every((n) => CRITERIA.includes(n))).toBe(true);
    }
    expect(drops / (communes.length * 4)).toBeLessThan(0.05);
    const ntm2021 = communes.filter((c) => planCommune(c, CRITERIA).years[0].met.length === 19).length;
    const ntm2025 = communes.filter((c) => planCommune(c, CRITERIA).years[4].met.length === 19).length;
    expect(ntm2021).toBeGreaterThan(communes.length * 0.2);
    expect(ntm2025).toBeGreaterThan(ntm2021);
  });
});

describe('demo assessment generator (database)', () => {
  let orm: MikroORM;
  let units: UnitDirectory;
  beforeAll(async () => ({ orm, units } = await openSpecOrm(criteriaSubgraph)));
  afterAll(() => orm.close(true));

  const snapshot = async (unitIds: number[]) =>
    orm.em.fork().execute(
      `SELECT a.unit_id, a.year, array_agg(r.criterion_number ORDER BY r.criterion_number) FILTER (WHERE r.met) AS met,
       (SELECT d.decided_on::text FROM criteria.recognition_decision d WHERE d.unit_id = a.unit_id AND d.synthetic) AS recognised
     FROM criteria.assessment a JOIN criteria.assessment_result r ON r.assessment_id = a.id
     WHERE a.synthetic AND a.unit_id = ANY(?::int[]) GROUP BY a.unit_id, a.year ORDER BY a.unit_id, a.year`,
      [`{${unitIds.join(',')}}`],
    );

  /**
   * Assessments of these communes in the demo years already recorded for real (not synthetic) against the demo set:
   * the generator never replaces them, so it writes that many fewer. Other test files record some in Bắc Kạn
   * (tests/awards.test.ts does) before this one may run, so the expectation comes from the database, not a constant.
   */
  const recorded = async (unitIds: number[]) =>
    Number(
      (
        await orm.em.fork().execute(
          `SELECT count(*)::int AS n FROM criteria.assessment a JOIN criteria.criteria_set s ON s.id = a.set_id AND s.code = ?
     WHERE NOT a.synthetic AND a.unit_id = ANY(?::int[]) AND a.year = ANY(?::int[])`,
          [DEMO_SET_CODE, `{${unitIds.join(',')}}`, `{${DEMO_YEARS.join(',')}}`],
        )
      )[0].n,
    );

  it('writes the same synthetic rows every run, set-based and fast (Bắc Kạn)', async () => {
    const em = orm.em.fork();
    const ids = (await demoCommunes(units, ['06'])).map((c) => c.id);
    const first = await em.transactional((tx) => generateDemoAssessments(tx, { units, provinceCodes: ['06'] }));
    expect(first.communes).toBeGreaterThan(80);
    const real = await recorded(ids);
    expect(first.assessments).toBe(first.communes * 5 - real);
    expect(ids).toHaveLength(first.communes);
    const rows = await snapshot(ids);
    const second = await orm.em.fork().transactional((tx) => generateDemoAssessments(tx, { units, provinceCodes: ['06'] }));
    expect({ ...second, ms: 0 }).toEqual({ ...first, ms: 0 });
    expect(await snapshot(ids)).toEqual(rows);
    expect(rows.length).toBe(first.communes * 5 - real);
    const [flag] = await orm.em
      .fork()
      .execute(
        `SELECT bool_and(synthetic) AS all_synthetic, count(*) AS n FROM criteria.recognition_decision WHERE decision_number LIKE 'GL-%'`,
      );
    expect(flag.all_synthetic).toBe(true);
  });
});
