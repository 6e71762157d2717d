import { Migration } from '@mikro-orm/migrations';

/** Every measure (as 20270121). */
const MEASURES = [
  'communes',
  'villages',
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

const cols = (f: (m: string) => string) => MEASURES.map(f).join(', ');

/** The units whose figures the facts hold (as 20270112). */
const FACT_UNIT = `((u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR (u.level = 'VILLAGE' AND u.kind <> 'PLACEHOLDER'))`;

/**
 * The same rollup as 20270112, with less work in its lineage part (about half of the first start's rollup time on
 * the demo data):
 * - a generation where the unit's area stays where it is (no unit on its path has links that way) yields only the
 *   unit's own ancestors, which its own path has written already: such generations are left out before their
 *   targets' ancestors are listed and counted;
 * - pairs the own path has written are left out before looking up the ancestors' levels and grouping, rather than
 *   refused one by one on insert.
 * Each generation's targets, counts and flags are those of 20270112, so every row written is the same.
 *
 * And `rebuild` (as 20270121) in its two halves, so that a first start can roll the unit tree up while criteria is
 * still seeding and compute the figures once criteria's records are in: `rebuild_rollup` (the rollup alone, from
 * the unit tree) and `rebuild_figures` (facts and summaries, from criteria's figures over that rollup).
 */
export class Migration20270125000000_insights_rollup_less_work extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION insights.compute_rollup(p_units integer[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE depth integer;
      BEGIN
        INSERT INTO insights.rollup (unit_id, ancestor_id, approximate)
        SELECT u.id, lbl::int, false FROM insights.unit u, unnest(string_to_array(u.path::text, '.')) AS lbl
        WHERE ${FACT_UNIT} AND (p_units IS NULL OR u.id = ANY(p_units))
        ON CONFLICT DO NOTHING;
        WITH RECURSIVE chain(id, n) AS (
          SELECT DISTINCT successor_id, 1 FROM insights.unit_lineage
          UNION SELECT l.successor_id, c.n + 1 FROM chain c JOIN insights.unit_lineage l ON l.predecessor_id = c.id WHERE c.n < 10)
        SELECT COALESCE(max(n), 0) INTO depth FROM chain;
        IF depth = 0 THEN RETURN; END IF;
        INSERT INTO insights.rollup (unit_id, ancestor_id, approximate)
        WITH RECURSIVE gen(unit_id, dir, k, target_id, partial) AS (
          SELECT u.id, d.dir, 0, u.id, false FROM insights.unit u CROSS JOIN (VALUES ('F'), ('B')) AS d(dir)
          WHERE ${FACT_UNIT} AND (p_units IS NULL OR u.id = ANY(p_units))
          UNION ALL
          SELECT g.unit_id, g.dir, g.k + 1, COALESCE(e.to_id, g.target_id), g.partial OR COALESCE(e.share = 'PARTIAL', false)
          FROM gen g JOIN insights.unit t ON t.id = g.target_id
          LEFT JOIN LATERAL (
            SELECT lbl.id::int AS anchor FROM unnest(string_to_array(t.path::text, '.')) WITH ORDINALITY AS lbl(id, n)
            WHERE CASE g.dir WHEN 'F' THEN EXISTS (SELECT 1 FROM insights.unit_lineage x WHERE x.predecessor_id = lbl.id::int)
                             ELSE EXISTS (SELECT 1 FROM insights.unit_lineage x WHERE x.successor_id = lbl.id::int) END
            ORDER BY lbl.n DESC LIMIT 1) a ON true
          LEFT JOIN LATERAL (
            SELECT l.successor_id AS to_id, l.share FROM insights.unit_lineage l WHERE g.dir = 'F' AND l.predecessor_id = a.anchor
            UNION ALL
            SELECT l.predecessor_id, l.share FROM insights.unit_lineage l WHERE g.dir = 'B' AND l.successor_id = a.anchor) e ON true
          WHERE g.k < depth),
        g AS (SELECT unit_id, dir, k, target_id, bool_or(partial) AS partial FROM gen WHERE k > 0 GROUP BY 1, 2, 3, 4),
        -- Targets per generation, for generations that moved somewhere.
        total AS (SELECT unit_id, dir, k, count(*) AS n FROM g GROUP BY 1, 2, 3 HAVING bool_or(target_id <> unit_id)),
        cand AS (
          SELECT g.unit_id, lbl::int AS ancestor_id, count(*) < min(total.n) AS outside, bool_or(g.partial) AS partial
          FROM g JOIN total USING (unit_id, dir, k) JOIN insights.unit t ON t.id = g.target_id,
            unnest(string_to_array(t.path::text, '.')) AS lbl
          GROUP BY g.unit_id, g.dir, g.k, lbl)
        SELECT cand.unit_id, cand.ancestor_id, bool_and(cand.outside OR (a.level IN ('COMMUNE', 'VILLAGE') AND cand.partial))
        FROM cand JOIN insights.unit a ON a.id = cand.ancestor_id
        WHERE NOT EXISTS (SELECT 1 FROM insights.rollup o WHERE o.unit_id = cand.unit_id AND o.ancestor_id = cand.ancestor_id)
        GROUP BY cand.unit_id, cand.ancestor_id
        ON CONFLICT DO NOTHING;
      END $$`);

    this.addSql(`CREATE FUNCTION insights.rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('work_mem', '64MB', true);
        DELETE FROM insights.rollup;
        PERFORM insights.compute_rollup(NULL);
      END $$`);
    this.addSql(`CREATE FUNCTION insights.rebuild_figures(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('work_mem', '64MB', true);
        DELETE FROM insights.fact;
        DELETE FROM insights.summary;
        PERFORM insights.insert_facts(NULL, p_first_year, p_last_year);
        INSERT INTO insights.summary (unit_id, year, ${cols((m) => m)}, approximate_communes)
        SELECT r.ancestor_id, f.year, ${cols((m) => `sum(f.${m})`)}, COALESCE(sum(f.communes) FILTER (WHERE r.approximate), 0)
        FROM insights.fact f JOIN insights.rollup r ON r.unit_id = f.unit_id
        GROUP BY r.ancestor_id, f.year;
      END $$`);
    this.addSql(`CREATE OR REPLACE FUNCTION insights.rebuild(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM insights.rebuild_rollup();
        PERFORM insights.rebuild_figures(p_first_year, p_last_year);
      END $$`);
  }
}
