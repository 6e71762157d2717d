import { Migration } from '@mikro-orm/migrations';

/** Every measure after this migration; `communes` and `villages` come from the unit tree, the rest from criteria's rows. */
export const MEASURES = [
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
] as const;
const RECORDED = MEASURES.filter((m) => m !== 'communes' && m !== 'villages');
const NEW = ['ntm_villages', 'villages_assessed', 'village_criteria_met'];

const cols = (f: (m: string) => string, list: readonly string[] = MEASURES) => list.map(f).join(', ');

/** Rural communes (the NTM standard's subjects) and villages: the units whose figures the facts hold. */
const FACT_UNIT = `((u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR u.level = 'VILLAGE')`;

/**
 * Villages and recorded reorganisations in the read model:
 * - village measures: villages recognised at the village standard or above (`ntm_villages`), and villages assessed
 *   against a village set with the criteria they meet (`villages_assessed`, `village_criteria_met`);
 * - lineage followed through every recorded reorganisation, one generation at a time and each direction apart
 *   (`insights.compute_rollup`), not only the one hop of 1 July 2025;
 * - incremental refresh of the units a change of the map touched (`insights.refresh_units`), so adding a village or
 *   recording a merge does not rebuild everything;
 * - the criteria triggers take a shared lock that the refresh takes exclusively, so figures never mix a refresh with a
 *   concurrent write.
 */
export class Migration20261213000000_insights_villages_lineage extends Migration {
  override async up(): Promise<void> {
    for (const table of ['fact', 'summary']) {
      for (const m of NEW) this.addSql(`ALTER TABLE insights.${table} ADD COLUMN ${m} integer NOT NULL DEFAULT 0`);
    }
    this.addSql('ALTER TABLE insights.tree_state ADD COLUMN revision text');

    // A commune's or village's figures in a year. Communes: the standard-tier commune assessment (the most derived set)
    // and the highest NTM/ADVANCED/MODEL recognition; villages: the assessment against a village set (the latest set)
    // and the highest village recognition — decided by 31 December and not revoked by then.
    this.addSql('DROP FUNCTION insights.fact_values(integer[], integer[])');
    this.addSql(`CREATE FUNCTION insights.fact_values(p_units integer[], p_years integer[])
      RETURNS TABLE (unit_id integer, year integer, ${cols((m) => `${m} integer`, RECORDED)})
      LANGUAGE sql STABLE AS $$
      SELECT k.unit_id, k.year,
        (a.met IS NOT NULL)::int, COALESCE(a.met, 0), (a.met IS NOT NULL AND a.met < 15)::int,
        (f.communes = 1 AND r.rank >= 1)::int, (f.communes = 1 AND r.rank >= 2)::int, (f.communes = 1 AND r.rank >= 3)::int,
        (f.villages = 1 AND r.village_rank >= 2)::int, (f.villages = 1 AND r.village_rank >= 1)::int,
        (v.met IS NOT NULL)::int, COALESCE(v.met, 0)
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
        SELECT COALESCE(max(CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END), 0) AS rank,
               COALESCE(max(CASE d.tier WHEN 'NTM_VILLAGE' THEN 1 WHEN 'MODEL_VILLAGE' THEN 2 ELSE 0 END), 0) AS village_rank
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

    // The criteria triggers share a lock with the unit-tree refresh (which takes it exclusively): a write waits for a
    // refresh in progress and a refresh for the writes in flight, so each sees the other's committed rows.
    this.addSql(`CREATE OR REPLACE FUNCTION insights.on_criteria_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE u integer[]; y integer[];
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(hashtext('insights.tree'));
        IF TG_TABLE_NAME = 'assessment' THEN
          IF TG_OP = 'INSERT' THEN SELECT array_agg(k.unit_id), array_agg(k.year) INTO u, y FROM new_rows k;
          ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(k.unit_id), array_agg(k.year) INTO u, y FROM old_rows k;
          ELSE SELECT array_agg(k.unit_id), array_agg(k.year) INTO u, y FROM (SELECT unit_id, year FROM new_rows UNION SELECT unit_id, year FROM old_rows) k;
          END IF;
        ELSIF TG_TABLE_NAME = 'assessment_result' THEN
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(a.unit_id), array_agg(a.year) INTO u, y FROM criteria.assessment a WHERE a.id IN (SELECT assessment_id FROM new_rows);
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(a.unit_id), array_agg(a.year) INTO u, y FROM criteria.assessment a WHERE a.id IN (SELECT assessment_id FROM old_rows);
          ELSE
            SELECT array_agg(a.unit_id), array_agg(a.year) INTO u, y FROM criteria.assessment a
              WHERE a.id IN (SELECT assessment_id FROM new_rows UNION SELECT assessment_id FROM old_rows);
          END IF;
        ELSE
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(f.unit_id), array_agg(f.year) INTO u, y FROM insights.fact f WHERE f.unit_id IN (SELECT unit_id FROM new_rows);
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(f.unit_id), array_agg(f.year) INTO u, y FROM insights.fact f WHERE f.unit_id IN (SELECT unit_id FROM old_rows);
          ELSE
            SELECT array_agg(f.unit_id), array_agg(f.year) INTO u, y FROM insights.fact f
              WHERE f.unit_id IN (SELECT unit_id FROM new_rows UNION SELECT unit_id FROM old_rows);
          END IF;
        END IF;
        IF u IS NOT NULL THEN PERFORM insights.refresh_facts(u, y); END IF;
        RETURN NULL;
      END $$`);

    // Rollup of the given fact units (all when null): their own path, then each direction of the lineage apart,
    // generation by generation. A generation is where the unit's area lies after (or before) one more reorganisation:
    // from the deepest unit on a target's path that has links that way, to the other ends of those links; a target
    // with no such link stays. In one generation an ancestor is approximate when not all targets lie under it, or it is
    // a commune or village reached through a PARTIAL link; over generations, exact if any generation says so.
    this.addSql(`CREATE FUNCTION insights.compute_rollup(p_units integer[]) RETURNS void LANGUAGE plpgsql AS $$
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
      .addSql(`CREATE FUNCTION insights.insert_facts(p_units integer[], p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
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
      .addSql(`CREATE FUNCTION insights.refresh_units(p_changed integer[], p_first_year integer, p_last_year integer) RETURNS integer LANGUAGE plpgsql AS $$
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
  }
}
