import { Migration } from '@mikro-orm/migrations';

/** The measures criteria's rows give, in the order `insights.fact_values` returns them (as 20270112). */
const RECORDED = [
  'assessed',
  'criteria_met',
  'under_15',
  'ntm',
  'advanced',
  'model',
  'model_villages',
  'ntm_villages',
  'villages_assessed',
  'village_criteria_met',
  'communes_with_data',
  'villages_with_data',
] as const;

/**
 * Insights reads criteria only through criteria's figures contract (server/shared/figures-contract.ts): its
 * triggers on criteria's tables and the function that named criteria's tables and columns are gone;
 * `fact_values` reads `criteria.unit_year_figures_v1` and `insights.on_figures_changed` subscribes to criteria's
 * change feed. Same figures as before (the bulk switch `insights.bulk` and the shared lock with the unit-tree refresh
 * kept), so nothing is rebuilt.
 */
export class Migration20270116000000_insights_figures_contract extends Migration {
  override async up(): Promise<void> {
    for (const table of ['assessment', 'assessment_result', 'recognition_decision']) {
      for (const op of ['insert', 'update', 'delete']) this.addSql(`DROP TRIGGER IF EXISTS insights_${table}_${op} ON criteria.${table}`);
    }
    this.addSql('DROP FUNCTION IF EXISTS insights.on_criteria_change()');

    // Same signature and columns as 20270112's: its callers (refresh_facts, insert_facts) stay as they are. A
    // SQL-standard body, so PostgreSQL refuses to drop the contract while insights reads it.
    this.addSql(`CREATE OR REPLACE FUNCTION insights.fact_values(p_units integer[], p_years integer[])
      RETURNS TABLE (unit_id integer, year integer, ${RECORDED.map((m) => `${m} integer`).join(', ')})
      LANGUAGE sql STABLE
      BEGIN ATOMIC
      SELECT k.unit_id, k.year,
        (f.communes = 1 AND c.commune_criteria_met IS NOT NULL)::int,
        CASE WHEN f.communes = 1 THEN COALESCE(c.commune_criteria_met, 0) ELSE 0 END,
        COALESCE(f.communes = 1 AND c.commune_below_threshold, false)::int,
        (f.communes = 1 AND c.commune_tier_rank >= 1)::int, (f.communes = 1 AND c.commune_tier_rank >= 2)::int,
        (f.communes = 1 AND c.commune_tier_rank >= 3)::int,
        (f.villages = 1 AND c.village_tier_rank >= 2)::int, (f.villages = 1 AND c.village_tier_rank >= 1)::int,
        (f.villages = 1 AND c.village_criteria_met IS NOT NULL)::int,
        CASE WHEN f.villages = 1 THEN COALESCE(c.village_criteria_met, 0) ELSE 0 END,
        (f.communes = 1 AND (c.commune_criteria_met IS NOT NULL OR c.commune_tier_rank >= 1))::int,
        (f.villages = 1 AND (c.village_criteria_met IS NOT NULL OR c.village_tier_rank >= 1))::int
      FROM (SELECT DISTINCT * FROM unnest(p_units, p_years)) AS k(unit_id, year)
      JOIN insights.fact f ON f.unit_id = k.unit_id AND f.year = k.year
      JOIN criteria.unit_year_figures_v1(p_units, p_years) c ON c.unit_id = k.unit_id AND c.year = k.year;
      END`);

    // Criteria's change feed: the units and years a write may have changed (a null year: all the unit's years).
    // Skipped while a bulk load rebuilds set-based in its own transaction (see 20261212); a write waits for a
    // unit-tree refresh in progress (the lock the refresh takes exclusively), as the old triggers did.
    this.addSql(`CREATE FUNCTION insights.on_figures_changed(p_units integer[], p_years integer[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE u integer[]; y integer[];
      BEGIN
        IF current_setting('insights.bulk', true) = 'on' THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock_shared(hashtext('insights.tree'));
        SELECT array_agg(f.unit_id), array_agg(f.year) INTO u, y
        FROM (SELECT DISTINCT * FROM unnest(p_units, p_years)) AS k(unit_id, year)
        JOIN insights.fact f ON f.unit_id = k.unit_id AND (k.year IS NULL OR f.year = k.year);
        IF u IS NOT NULL THEN PERFORM insights.refresh_facts(u, y); END IF;
      END $$`);
    this.addSql(`INSERT INTO criteria.figure_subscriber (handler) VALUES ('insights.on_figures_changed') ON CONFLICT DO NOTHING`);
  }
}
