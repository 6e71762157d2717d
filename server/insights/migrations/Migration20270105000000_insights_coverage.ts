import { Migration } from '@mikro-orm/migrations';
import { COMMUNE_TIERS, tierRankSql } from '../../shared/domain/recognition-tiers.js';

/**
 * The per-unit figures after this migration: the first migration's measures, plus how many communes and villages
 * have any data that year — what a comparison's coverage is made of (a commune with neither an assessment nor a
 * recognition has no figure; it must not count as 0).
 */
const MEASURES = ['communes', 'villages', 'assessed', 'criteria_met', 'under_15', 'ntm', 'advanced', 'model', 'model_villages',
  'communes_with_data', 'villages_with_data'] as const;
/** The measures the triggers change; `communes` and `villages` come from the unit tree. */
const RECORDED = MEASURES.filter((m) => m !== 'communes' && m !== 'villages');

const cols = (f: (m: string) => string, list: readonly string[] = MEASURES) => list.map(f).join(', ');

/**
 * Coverage of the summaries: `communes_with_data` (a rural commune assessed that year or holding a recognition in
 * force at its end) and `villages_with_data` (a village holding a village recognition), in facts and summaries.
 * Replaces the read model's functions with versions that maintain them (same shape as the first migration's), the
 * tier ranks generated from `shared/domain/recognition-tiers.ts`, and rebuilds the figures once.
 */
export class Migration20270105000000_insights_coverage extends Migration {
  override async up(): Promise<void> {
    for (const table of ['fact', 'summary']) {
      this.addSql(`ALTER TABLE insights.${table} ADD COLUMN communes_with_data integer NOT NULL DEFAULT 0, ADD COLUMN villages_with_data integer NOT NULL DEFAULT 0`);
    }
    // The return type changes, so the function is dropped (refresh_facts and rebuild call it by name, as text).
    this.addSql('DROP FUNCTION insights.fact_values(integer[], integer[])');
    this.addSql(`CREATE FUNCTION insights.fact_values(p_units integer[], p_years integer[])
      RETURNS TABLE (unit_id integer, year integer, ${cols((m) => `${m} integer`, RECORDED)})
      LANGUAGE sql STABLE AS $$
      SELECT k.unit_id, k.year,
        (a.met IS NOT NULL)::int, COALESCE(a.met, 0), (a.met IS NOT NULL AND a.met < 15)::int,
        (f.communes = 1 AND r.rank >= 1)::int, (f.communes = 1 AND r.rank >= 2)::int, (f.communes = 1 AND r.rank >= 3)::int,
        (f.villages = 1 AND COALESCE(r.model_village, false))::int,
        (f.communes = 1 AND (a.met IS NOT NULL OR r.rank >= 1))::int,
        (f.villages = 1 AND COALESCE(r.village_recognised, false))::int
      FROM (SELECT DISTINCT * FROM unnest(p_units, p_years)) AS k(unit_id, year)
      JOIN insights.fact f ON f.unit_id = k.unit_id AND f.year = k.year
      LEFT JOIN LATERAL (
        SELECT (SELECT count(*) FROM criteria.assessment_result res WHERE res.assessment_id = x.id AND res.met)::int AS met
        FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
        WHERE x.unit_id = k.unit_id AND x.year = k.year AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        ORDER BY x.set_id DESC LIMIT 1) a ON f.communes = 1
      LEFT JOIN LATERAL (
        SELECT COALESCE(max(${tierRankSql('d.tier', COMMUNE_TIERS)}), 0) AS rank,
               bool_or(d.tier = 'MODEL_VILLAGE') AS model_village,
               bool_or(d.tier IN ('NTM_VILLAGE', 'MODEL_VILLAGE')) AS village_recognised
        FROM criteria.recognition_decision d
        WHERE d.unit_id = k.unit_id AND d.decided_on <= make_date(k.year, 12, 31)
          AND (d.revoked_on IS NULL OR d.revoked_on > make_date(k.year, 12, 31))) r ON true
    $$`);

    this.addSql(`CREATE OR REPLACE FUNCTION insights.refresh_facts(p_units integer[], p_years integer[]) RETURNS void LANGUAGE sql AS $$
      WITH n AS (SELECT * FROM insights.fact_values(p_units, p_years)),
      d AS (
        SELECT n.unit_id, n.year, ${cols((m) => `n.${m} - f.${m} AS ${m}`, RECORDED)}
        FROM n JOIN insights.fact f ON f.unit_id = n.unit_id AND f.year = n.year
        WHERE (${cols((m) => `n.${m}`, RECORDED)}) IS DISTINCT FROM (${cols((m) => `f.${m}`, RECORDED)})),
      u AS (
        UPDATE insights.fact f SET ${cols((m) => `${m} = f.${m} + d.${m}`, RECORDED)}
        FROM d WHERE f.unit_id = d.unit_id AND f.year = d.year RETURNING 1)
      INSERT INTO insights.summary AS s (unit_id, year, ${cols((m) => m, RECORDED)})
      SELECT r.ancestor_id, d.year, ${cols((m) => `sum(d.${m})`, RECORDED)}
      FROM d JOIN insights.rollup r ON r.unit_id = d.unit_id
      GROUP BY r.ancestor_id, d.year ORDER BY r.ancestor_id, d.year
      ON CONFLICT (unit_id, year) DO UPDATE SET ${cols((m) => `${m} = s.${m} + excluded.${m}`, RECORDED)}
    $$`);

    // rebuild() recomputes facts with fact_values and sums every measure: only its column lists change, so its body
    // is patched where they are written, and the patch fails loudly if the body is not the one expected.
    const patches: [string, string][] = [
      ['model_villages = v.model_villages', 'model_villages = v.model_villages, communes_with_data = v.communes_with_data, villages_with_data = v.villages_with_data'],
      ['model_villages, approximate_communes)', 'model_villages, communes_with_data, villages_with_data, approximate_communes)'],
      ['sum(f.model_villages),', 'sum(f.model_villages), sum(f.communes_with_data), sum(f.villages_with_data),'],
    ];
    this.addSql(`DO $do$ DECLARE body text; patched text; BEGIN
      SELECT prosrc INTO body FROM pg_proc WHERE oid = 'insights.rebuild(integer, integer)'::regprocedure;
      ${patches.map(([from, to]) => `patched := replace(body, '${from}', '${to}');
      IF patched = body THEN RAISE EXCEPTION 'insights.rebuild: "%" not found', '${from}'; END IF;
      body := patched;`).join('\n      ')}
      EXECUTE format('CREATE OR REPLACE FUNCTION insights.rebuild(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS %L', body);
    END $do$`);
    this.addSql('SELECT insights.rebuild(2021, 2030)');
  }
}
