import { Migration } from '@mikro-orm/migrations';
import { COMMUNE_TIERS, tierRankSql, VILLAGE_TIERS } from '../../shared/domain/recognition-tiers.js';

/**
 * Every measure after this migration: the first migration's, the village measures (20261213) and the coverage counts
 * (20270105). `communes` and `villages` come from the unit tree, the rest from criteria's rows.
 */
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
const RECORDED = MEASURES.filter((m) => m !== 'communes' && m !== 'villages');

const cols = (f: (m: string) => string, list: readonly string[] = MEASURES) => list.map(f).join(', ');

/**
 * The units whose figures the facts hold: rural communes (the NTM standard's subjects) and villages. Placeholders (a
 * unit a plan speaks of without naming it) are copied with kind PLACEHOLDER and never counted.
 */
const FACT_UNIT = `((u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR (u.level = 'VILLAGE' AND u.kind <> 'PLACEHOLDER'))`;

/**
 * One read model for both lanes that rewrote it from the same base. The villages migration (20261213) and the coverage
 * migration (20270105) each replaced the read model's functions with versions that know only their own columns, so
 * whichever ran last dropped the other's figures. This migration defines each of those functions once, with both:
 *
 * - `fact_values`: a commune's standard-tier assessment and its highest commune recognition; a village's assessment
 *   against a village set and its highest village recognition (tier ranks generated from the shared domain); and
 *   whether each has any data that year (`communes_with_data`: assessed or recognised NTM or above;
 *   `villages_with_data`: assessed against a village set or recognised at a village tier);
 * - `refresh_facts` (the triggers' incremental update), `insert_facts`, `rebuild` and `refresh_units` (the unit-tree
 *   sync by revision): every measure, in facts and summaries;
 * - `compute_rollup`: lineage followed through every recorded reorganisation, generation by generation (as 20261213),
 *   over fact units that leave placeholders out;
 * - the trigger function `on_criteria_change` is the villages migration's (the shared lock with the tree refresh):
 *   every database has it whatever order the two ran in, and it names no measure, so it is left as it is.
 *
 * Every database ends the same: a fresh one (20261213, then 20270105 which only adds its columns, then this), one
 * that ran the villages lane's migrations (20270105, then this) and one that ran the figures lane's (20261213 runs as
 * pending after it and replaces the functions, then this). Migrations keep their own SQL rather than share it with
 * earlier ones, so what a migration did never changes afterwards. The figures are rebuilt once at the end.
 */
export class Migration20270112000000_insights_merge extends Migration {
  override async up(): Promise<void> {
    // The return type differs from both earlier versions, so the function is dropped (its callers name it as text).
    this.addSql('DROP FUNCTION insights.fact_values(integer[], integer[])');
    this.addSql(`CREATE FUNCTION insights.fact_values(p_units integer[], p_years integer[])
      RETURNS TABLE (unit_id integer, year integer, ${cols((m) => `${m} integer`, RECORDED)})
      LANGUAGE sql STABLE AS $$
      SELECT k.unit_id, k.year,
        (a.met IS NOT NULL)::int, COALESCE(a.met, 0), (a.met IS NOT NULL AND a.met < 15)::int,
        (f.communes = 1 AND r.rank >= 1)::int, (f.communes = 1 AND r.rank >= 2)::int, (f.communes = 1 AND r.rank >= 3)::int,
        (f.villages = 1 AND r.village_rank >= 2)::int, (f.villages = 1 AND r.village_rank >= 1)::int,
        (v.met IS NOT NULL)::int, COALESCE(v.met, 0),
        (f.communes = 1 AND (a.met IS NOT NULL OR r.rank >= 1))::int,
        (f.villages = 1 AND (v.met IS NOT NULL OR r.village_rank >= 1))::int
      FROM (SELECT DISTINCT * FROM unnest(p_units, p_years)) AS k(unit_id, year)
      JOIN insights.fact f ON f.unit_id = k.unit_id AND f.year = k.year
      LEFT JOIN LATERAL (
        SELECT (SELECT count(*) FROM criteria.assessment_result res WHERE res.assessment_id = x.id AND res.met)::int AS met
        FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
        WHERE f.communes = 1 AND x.unit_id = k.unit_id AND x.year = k.year AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        ORDER BY x.set_id DESC LIMIT 1) a ON true
      LEFT JOIN LATERAL (
        SELECT (SELECT count(*) FROM criteria.assessment_result res WHERE res.assessment_id = x.id AND res.met)::int AS met
        FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
        WHERE f.villages = 1 AND x.unit_id = k.unit_id AND x.year = k.year AND s.applies_to = 'VILLAGE'
        ORDER BY x.set_id DESC LIMIT 1) v ON true
      LEFT JOIN LATERAL (
        SELECT COALESCE(max(${tierRankSql('d.tier', COMMUNE_TIERS)}), 0) AS rank,
               COALESCE(max(${tierRankSql('d.tier', VILLAGE_TIERS)}), 0) AS village_rank
        FROM criteria.recognition_decision d
        WHERE d.unit_id = k.unit_id AND d.decided_on <= make_date(k.year, 12, 31)
          AND (d.revoked_on IS NULL OR d.revoked_on > make_date(k.year, 12, 31))) r ON true
    $$`);

    // Recomputes the given facts and adds what changed to every unit they roll up into, ancestors in id order.
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

    // Rollup of the given fact units (all when null): their own path, then each direction of the lineage apart,
    // generation by generation. A generation is where the unit's area lies after (or before) one more reorganisation:
    // from the deepest unit on a target's path that has links that way, to the other ends of those links; a target
    // with no such link stays. In one generation an ancestor is approximate when not all targets lie under it, or it is
    // a commune or village reached through a PARTIAL link; over generations, exact if any generation says so.
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
        total AS (SELECT unit_id, dir, k, count(*) AS n FROM g GROUP BY 1, 2, 3),
        cand AS (
          SELECT g.unit_id, g.dir, g.k, lbl::int AS ancestor_id, count(*) AS n_in, bool_or(g.partial) AS partial
          FROM g JOIN insights.unit t ON t.id = g.target_id, unnest(string_to_array(t.path::text, '.')) AS lbl
          GROUP BY 1, 2, 3, 4)
        SELECT cand.unit_id, cand.ancestor_id, bool_and(cand.n_in < total.n OR (a.level IN ('COMMUNE', 'VILLAGE') AND cand.partial))
        FROM cand JOIN total USING (unit_id, dir, k) JOIN insights.unit a ON a.id = cand.ancestor_id
        GROUP BY cand.unit_id, cand.ancestor_id
        ON CONFLICT DO NOTHING;
      END $$`);

    // Fact rows (a row per year the unit exists on 30 June, the date criteria reads codes at) and their values.
    this
      .addSql(`CREATE OR REPLACE FUNCTION insights.insert_facts(p_units integer[], p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO insights.fact (unit_id, year, communes, villages)
        SELECT u.id, y, (u.level = 'COMMUNE')::int, (u.level = 'VILLAGE')::int
        FROM insights.unit u CROSS JOIN generate_series(p_first_year, p_last_year) AS y
        WHERE ${FACT_UNIT} AND (p_units IS NULL OR u.id = ANY(p_units))
          AND (u.valid_from IS NULL OR u.valid_from <= make_date(y, 6, 30)) AND (u.valid_to IS NULL OR u.valid_to >= make_date(y, 6, 30));
        UPDATE insights.fact f SET ${cols((m) => `${m} = v.${m}`, RECORDED)}
        FROM insights.fact_values(
          (SELECT array_agg(x.unit_id) FROM insights.fact x WHERE p_units IS NULL OR x.unit_id = ANY(p_units)),
          (SELECT array_agg(x.year) FROM insights.fact x WHERE p_units IS NULL OR x.unit_id = ANY(p_units))) v
        WHERE f.unit_id = v.unit_id AND f.year = v.year;
      END $$`);

    // Rebuilds rollup, facts and summaries from the unit tree and criteria's rows (after a full load of the tree).
    this.addSql(`CREATE OR REPLACE FUNCTION insights.rebuild(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM insights.rollup;
        DELETE FROM insights.fact;
        DELETE FROM insights.summary;
        PERFORM insights.compute_rollup(NULL);
        PERFORM insights.insert_facts(NULL, p_first_year, p_last_year);
        INSERT INTO insights.summary (unit_id, year, ${cols((m) => m)}, approximate_communes)
        SELECT r.ancestor_id, f.year, ${cols((m) => `sum(f.${m})`)}, COALESCE(sum(f.communes) FILTER (WHERE r.approximate), 0)
        FROM insights.fact f JOIN insights.rollup r ON r.unit_id = f.unit_id
        GROUP BY r.ancestor_id, f.year;
      END $$`);

    // After the unit copy took the changes: the fact units whose rollup or facts a changed (or removed) unit may
    // alter — those rolling into it, those below it — lose their contributions, get a new rollup and facts, and add
    // them back. Returns how many fact units were refreshed.
    this
      .addSql(`CREATE OR REPLACE FUNCTION insights.refresh_units(p_changed integer[], p_first_year integer, p_last_year integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE affected integer[];
      BEGIN
        SELECT array_agg(DISTINCT x.id) INTO affected FROM (
          SELECT r.unit_id AS id FROM insights.rollup r WHERE r.ancestor_id = ANY(p_changed)
          UNION SELECT u.id FROM insights.unit c JOIN insights.unit u ON u.path <@ c.path WHERE c.id = ANY(p_changed) AND ${FACT_UNIT}
          UNION SELECT unnest(p_changed)) x;
        IF affected IS NULL THEN RETURN 0; END IF;
        WITH old AS (
          SELECT r.ancestor_id, f.year, ${cols((m) => `sum(f.${m}) AS ${m}`)}, COALESCE(sum(f.communes) FILTER (WHERE r.approximate), 0) AS approximate_communes
          FROM insights.fact f JOIN insights.rollup r ON r.unit_id = f.unit_id WHERE f.unit_id = ANY(affected) GROUP BY 1, 2)
        UPDATE insights.summary s SET ${cols((m) => `${m} = s.${m} - old.${m}`)}, approximate_communes = s.approximate_communes - old.approximate_communes
        FROM old WHERE s.unit_id = old.ancestor_id AND s.year = old.year;
        DELETE FROM insights.fact WHERE unit_id = ANY(affected);
        DELETE FROM insights.rollup WHERE unit_id = ANY(affected);
        DELETE FROM insights.summary s WHERE s.unit_id = ANY(p_changed) AND NOT EXISTS (SELECT 1 FROM insights.unit u WHERE u.id = s.unit_id);
        PERFORM insights.compute_rollup(affected);
        PERFORM insights.insert_facts(affected, p_first_year, p_last_year);
        INSERT INTO insights.summary AS s (unit_id, year, ${cols((m) => m)}, approximate_communes)
        SELECT r.ancestor_id, f.year, ${cols((m) => `sum(f.${m})`)}, COALESCE(sum(f.communes) FILTER (WHERE r.approximate), 0)
        FROM insights.fact f JOIN insights.rollup r ON r.unit_id = f.unit_id WHERE f.unit_id = ANY(affected)
        GROUP BY r.ancestor_id, f.year ORDER BY r.ancestor_id, f.year
        ON CONFLICT (unit_id, year) DO UPDATE SET ${cols((m) => `${m} = s.${m} + excluded.${m}`)},
          approximate_communes = s.approximate_communes + excluded.approximate_communes;
        RETURN array_length(affected, 1);
      END $$`);

    this.addSql('SELECT insights.rebuild(2021, 2030)');
  }
}
