import { AUDIT_REQUIRED_TRIGGER } from '../server/shared/audit.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { FIGURES_CONTRACT, FIGURES_CONTRACT_RESULT, figuresContractProblem } from '../server/shared/figures-contract.js';
import { sql } from './support/db.js';
import { databaseUrl } from './support/hub.js';

/** Runs statements in a transaction that is always rolled back: what a careless criteria migration would do. */
async function inRolledBackTransaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: any) => ({ code: e.code as string, message: e.message as string }),
  );

describe('the figures contract between criteria and insights', () => {
  it('is the one crossing: insights functions name only the contract of criteria, and no trigger on criteria runs an insights function', async () => {
    const functions = await sql<{
      name: string;
      source: string;
    }>(`SELECT p.proname AS name, COALESCE(pg_get_functiondef(p.oid), p.prosrc) AS source
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'insights'`);
    expect(functions.length).toBeGreaterThan(5);
    const crossings = new Set<string>();
    for (const f of functions) for (const m of f.source.matchAll(/criteria\.(\w+)/g)) crossings.add(`${f.name} → criteria.${m[1]}`);
    expect([...crossings].sort()).toEqual(['fact_values → criteria.unit_year_figures_v1']);

    const triggers = await sql<{ handler: string }>(
      `SELECT DISTINCT t.tgfoid::regproc::text AS handler
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'criteria' AND NOT t.tgisinternal AND t.tgname <> $1`,
      [AUDIT_REQUIRED_TRIGGER],
    ); // the audit requirement: shared, every subgraph's
    expect(triggers.map((t) => t.handler)).toEqual(['criteria.publish_figure_changes']);
    expect(await sql('SELECT handler::text FROM criteria.figure_subscriber')).toEqual([{ handler: 'insights.on_figures_changed' }]);
  });

  it('returns what the assessment and recognition rows say, by hand', async () => {
    // A seeded commune assessed against the standard set, and its criteria met counted by hand from the rows.
    const [a] = await sql<{ unit_id: number; year: number; met: string }>(`SELECT x.unit_id, x.year,
        (SELECT count(*) FROM criteria.assessment_result r WHERE r.assessment_id = x.id AND r.met) AS met
      FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
      WHERE s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        AND NOT EXISTS (SELECT 1 FROM criteria.assessment y JOIN criteria.criteria_set t ON t.id = y.set_id
          WHERE y.unit_id = x.unit_id AND y.year = x.year AND t.tier = 'STANDARD' AND t.applies_to = 'COMMUNE' AND y.id <> x.id)
      ORDER BY x.id LIMIT 1`);
    expect(a).toBeDefined();
    const [row] = await sql(`SELECT * FROM criteria.unit_year_figures_v1($1::int[], $2::int[])`, [[a.unit_id], [a.year]]);
    expect(row.commune_criteria_met).toBe(Number(a.met));
    expect(row.commune_below_threshold).toBe(Number(a.met) < 15);

    // A unit and year with nothing recorded: no figure (null), not 0; no recognition: rank 0.
    const [none] = await sql(`SELECT * FROM criteria.unit_year_figures_v1($1::int[], $2::int[])`, [[a.unit_id], [1990]]);
    expect(none).toMatchObject({
      commune_criteria_met: null,
      commune_below_threshold: null,
      village_criteria_met: null,
      commune_tier_rank: 0,
      village_tier_rank: 0,
    });
  });

  it('gives every key the same figures asked all at once (a rebuild) as asked alone (a write), and ranks a village by hand', async () => {
    // Keys with rows behind them (assessments of both kinds, recognitions, revoked ones) and keys without any.
    const keys = await sql<{ unit_id: number; year: number }>(`SELECT unit_id, year FROM (
        (SELECT DISTINCT x.unit_id, x.year FROM criteria.assessment x ORDER BY 1, 2 LIMIT 120)
        UNION (SELECT DISTINCT x.unit_id, x.year FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
               WHERE s.applies_to = 'VILLAGE' ORDER BY 1, 2 LIMIT 60)
        UNION (SELECT d.unit_id, y FROM criteria.recognition_decision d, generate_series(2021, 2026) y
               ORDER BY d.revoked_on IS NULL, d.id LIMIT 120)
        UNION (SELECT f.unit_id, f.year FROM insights.fact f WHERE f.assessed = 0 AND f.villages_with_data = 0 AND f.communes_with_data = 0
               ORDER BY 1, 2 LIMIT 30)) k ORDER BY unit_id, year`);
    expect(keys.length).toBeGreaterThan(200);
    const together = await sql(`SELECT * FROM criteria.unit_year_figures_v1($1::int[], $2::int[]) ORDER BY unit_id, year`, [
      keys.map((k) => k.unit_id),
      keys.map((k) => k.year),
    ]);
    const alone = [];
    for (const k of keys)
      alone.push(...(await sql(`SELECT * FROM criteria.unit_year_figures_v1($1::int[], $2::int[])`, [[k.unit_id], [k.year]])));
    expect(together).toEqual(alone);
    expect(together.some((r) => r.village_criteria_met !== null) && together.some((r) => r.commune_tier_rank > 0)).toBe(true);

    // A village with one recognition, a model village never revoked: rank 2 from its decision's year on, 0 before.
    const [v] = await sql<{ unit_id: number; year: number }>(`SELECT d.unit_id, extract(year FROM d.decided_on)::int AS year
      FROM criteria.recognition_decision d WHERE d.tier = 'MODEL_VILLAGE' AND d.revoked_on IS NULL
        AND NOT EXISTS (SELECT 1 FROM criteria.recognition_decision e WHERE e.unit_id = d.unit_id AND e.id <> d.id)
      ORDER BY d.id LIMIT 1`);
    expect(v).toBeDefined();
    const ranks = await sql<{ year: number; village_tier_rank: number; commune_tier_rank: number }>(
      `SELECT year, village_tier_rank, commune_tier_rank FROM criteria.unit_year_figures_v1($1::int[], $2::int[]) ORDER BY year`,
      [
        [v.unit_id, v.unit_id, v.unit_id],
        [v.year - 1, v.year, v.year + 1],
      ],
    );
    expect(ranks).toEqual([
      { year: v.year - 1, village_tier_rank: 0, commune_tier_rank: 0 },
      { year: v.year, village_tier_rank: 2, commune_tier_rank: 0 },
      { year: v.year + 1, village_tier_rank: 2, commune_tier_rank: 0 },
    ]);
  });

  it('keeps insights current through the change feed, and a bulk load leaves it to the rebuild', async () => {
    const [a] = await sql<{ id: number; unit_id: number; year: number }>(`SELECT x.id, x.unit_id, x.year FROM criteria.assessment x
      JOIN criteria.criteria_set s ON s.id = x.set_id JOIN insights.fact f ON f.unit_id = x.unit_id AND f.year = x.year
      WHERE s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE' AND EXISTS (SELECT 1 FROM criteria.assessment_result r WHERE r.assessment_id = x.id AND r.met)
      ORDER BY x.id LIMIT 1`);
    await inRolledBackTransaction(async (client) => {
      const met = async () =>
        Number(
          (await client.query('SELECT criteria_met FROM insights.fact WHERE unit_id = $1 AND year = $2', [a.unit_id, a.year])).rows[0]
            .criteria_met,
        );
      const before = await met();
      const changed = await client.query(`UPDATE criteria.assessment_result SET met = false WHERE assessment_id = $1 AND met`, [a.id]);
      expect(changed.rowCount).toBeGreaterThan(0);
      expect(await met()).toBe(before - changed.rowCount!);
      await client.query(`SET LOCAL insights.bulk = 'on'`);
      await client.query(`UPDATE criteria.assessment_result SET met = true WHERE assessment_id = $1`, [a.id]);
      expect(await met()).toBe(before - changed.rowCount!);
    });
  });

  it('cannot be broken silently by a criteria migration', async () => {
    expect(await figuresContractProblem((text) => sql(text))).toBeNull();
    await inRolledBackTransaction(async (client) => {
      // Dropping the contract, or a column it reads, is refused while insights reads it.
      const dropped = await failure(client.query(`DROP FUNCTION ${FIGURES_CONTRACT}`));
      expect(dropped?.code).toBe('2BP01');
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      const column = await failure(client.query('ALTER TABLE criteria.recognition_decision DROP COLUMN revoked_on'));
      expect(column?.code).toBe('2BP01');
    });
    await inRolledBackTransaction(async (client) => {
      // A contract replaced by one with other columns (after dropping insights' reader): insights' start-up check says so.
      await client.query('DROP FUNCTION insights.fact_values(integer[], integer[])');
      await client.query(`DROP FUNCTION ${FIGURES_CONTRACT}`);
      await client.query(`CREATE FUNCTION criteria.unit_year_figures_v1(p_units integer[], p_years integer[])
        RETURNS TABLE (unit_id integer, year integer, met integer) LANGUAGE sql AS 'SELECT 1, 1, 1'`);
      const problem = await figuresContractProblem(async (text) => (await client.query(text)).rows);
      expect(problem).toContain(FIGURES_CONTRACT_RESULT);
      await client.query(`DROP FUNCTION ${FIGURES_CONTRACT}`);
      expect(await figuresContractProblem(async (text) => (await client.query(text)).rows)).toContain('missing');
    });
  });
});
