import { Migration } from '@mikro-orm/migrations';

/** The per-unit figures the triggers maintain, one column per measure (facts and summaries share them). */
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
] as const;
/** The measures the triggers change; `communes` and `villages` come from the unit tree. */
const RECORDED = MEASURES.filter((m) => m !== 'communes' && m !== 'villages');

const cols = (f: (m: string) => string, list: readonly string[] = MEASURES) => list.map(f).join(', ');

/**
 * Insights schema: read models copied from the units API (unit tree, lineage), the closure of every commune and
 * village into the units whose figures include it (own hierarchy and, through the lineage, the other side of the
 * 1 July 2025 reorganisation), one fact row per commune/village and year, and summaries per unit and year.
 *
 * Deliberate coupling: statement-level triggers on criteria's assessment, result and recognition tables (functions
 * in this schema) recompute the affected facts and add the differences to the summaries IN THE SAME TRANSACTION as
 * the write, so a read never sees stale figures. Insights' triggers read criteria's rows; criteria knows nothing of
 * insights. Needs the criteria schema migrated first (the hub migrates subgraphs in registration order).
 */
export class Migration20261210000000_insights extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE insights.unit (
      id integer PRIMARY KEY,
      code varchar(10) NOT NULL,
      name text COLLATE "vi-x-icu" NOT NULL,
      level text NOT NULL,
      kind text NOT NULL,
      parent_id integer,
      path public.ltree NOT NULL,
      valid_from date,
      valid_to date,
      classifications text[] NOT NULL DEFAULT '{}'
    )`);
    this.addSql('CREATE INDEX insights_unit_path_gist ON insights.unit USING gist (path)');
    this.addSql('CREATE INDEX insights_unit_code_idx ON insights.unit (code)');
    this.addSql('CREATE INDEX insights_unit_level_idx ON insights.unit (level, code)');
    this.addSql('CREATE INDEX insights_unit_parent_idx ON insights.unit (parent_id)');
    this.addSql(`CREATE TABLE insights.unit_lineage (
      successor_id integer NOT NULL,
      predecessor_id integer NOT NULL,
      share text NOT NULL CHECK (share IN ('FULL','PARTIAL')),
      PRIMARY KEY (successor_id, predecessor_id)
    )`);
    this.addSql('CREATE INDEX insights_lineage_predecessor_idx ON insights.unit_lineage (predecessor_id)');
    // Commune or village → every unit whose figures include it; approximate: only part of it lies there (lineage).
    this.addSql(`CREATE TABLE insights.rollup (
      unit_id integer NOT NULL,
      ancestor_id integer NOT NULL,
      approximate boolean NOT NULL,
      PRIMARY KEY (unit_id, ancestor_id)
    )`);
    this.addSql(`CREATE TABLE insights.fact (
      unit_id integer NOT NULL,
      year integer NOT NULL,
      ${cols((m) => `${m} integer NOT NULL DEFAULT 0`)},
      PRIMARY KEY (unit_id, year)
    )`);
    this.addSql(`CREATE TABLE insights.summary (
      unit_id integer NOT NULL,
      year integer NOT NULL,
      ${cols((m) => `${m} integer NOT NULL DEFAULT 0`)},
      -- communes counted here through a partial lineage link (the figure is then approximate)
      approximate_communes integer NOT NULL DEFAULT 0,
      PRIMARY KEY (unit_id, year)
    )`);
    this.addSql(`CREATE TABLE insights.tree_state (
      id integer PRIMARY KEY CHECK (id = 1),
      units integer NOT NULL,
      lineage integer NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now()
    )`);

    // A commune's figures in a year: its standard-tier commune assessment (the most derived set when several) and
    // its highest recognition decided by 31 December and not revoked by then.
    this.addSql(`CREATE FUNCTION insights.fact_values(p_units integer[], p_years integer[])
      RETURNS TABLE (unit_id integer, year integer, ${cols((m) => `${m} integer`, RECORDED)})
      LANGUAGE sql STABLE AS $$
      SELECT k.unit_id, k.year,
        (a.met IS NOT NULL)::int, COALESCE(a.met, 0), (a.met IS NOT NULL AND a.met < 15)::int,
        (f.communes = 1 AND r.rank >= 1)::int, (f.communes = 1 AND r.rank >= 2)::int, (f.communes = 1 AND r.rank >= 3)::int,
        (f.villages = 1 AND COALESCE(r.model_village, false))::int
      FROM (SELECT DISTINCT * FROM unnest(p_units, p_years)) AS k(unit_id, year)
      JOIN insights.fact f ON f.unit_id = k.unit_id AND f.year = k.year
      LEFT JOIN LATERAL (
        SELECT (SELECT count(*) FROM criteria.assessment_result res WHERE res.assessment_id = x.id AND res.met)::int AS met
        FROM criteria.assessment x JOIN criteria.criteria_set s ON s.id = x.set_id
        WHERE x.unit_id = k.unit_id AND x.year = k.year AND s.tier = 'STANDARD' AND s.applies_to = 'COMMUNE'
        ORDER BY x.set_id DESC LIMIT 1) a ON f.communes = 1
      LEFT JOIN LATERAL (
        SELECT COALESCE(max(CASE d.tier WHEN 'NTM' THEN 1 WHEN 'ADVANCED' THEN 2 WHEN 'MODEL' THEN 3 ELSE 0 END), 0) AS rank,
               bool_or(d.tier = 'MODEL_VILLAGE') AS model_village
        FROM criteria.recognition_decision d
        WHERE d.unit_id = k.unit_id AND d.decided_on <= make_date(k.year, 12, 31)
          AND (d.revoked_on IS NULL OR d.revoked_on > make_date(k.year, 12, 31))) r ON true
    $$`);

    // Recomputes the given facts and adds what changed to every unit they roll up into, ancestors in id order.
    this.addSql(`CREATE FUNCTION insights.refresh_facts(p_units integer[], p_years integer[]) RETURNS void LANGUAGE sql AS $$
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

    this.addSql(`CREATE FUNCTION insights.on_criteria_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE u integer[]; y integer[];
      BEGIN
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
    for (const table of ['assessment', 'assessment_result', 'recognition_decision']) {
      this.addSql(`CREATE TRIGGER insights_${table}_insert AFTER INSERT ON criteria.${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights.on_criteria_change()`);
      this.addSql(`CREATE TRIGGER insights_${table}_update AFTER UPDATE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights.on_criteria_change()`);
      this.addSql(`CREATE TRIGGER insights_${table}_delete AFTER DELETE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insights.on_criteria_change()`);
    }

    // Rebuilds rollup, facts and summaries from the unit tree and criteria's rows (after loading the tree).
    this.addSql(`CREATE FUNCTION insights.rebuild(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM insights.rollup;
        DELETE FROM insights.fact;
        DELETE FROM insights.summary;
        -- own hierarchy: every unit on the path
        INSERT INTO insights.rollup (unit_id, ancestor_id, approximate)
        SELECT u.id, lbl::int, false FROM insights.unit u, unnest(string_to_array(u.path::text, '.')) AS lbl
        WHERE (u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR u.level = 'VILLAGE';
        -- the other side of the reorganisation, through the lineage of the unit or of its nearest linked ancestor
        INSERT INTO insights.rollup (unit_id, ancestor_id, approximate)
        WITH fu AS (SELECT id, path FROM insights.unit WHERE (level = 'COMMUNE' AND kind = 'COMMUNE') OR level = 'VILLAGE'),
        edges AS (SELECT predecessor_id AS from_id, successor_id AS to_id, share FROM insights.unit_lineage
                  UNION ALL SELECT successor_id, predecessor_id, share FROM insights.unit_lineage),
        src AS (
          SELECT fu.id AS unit_id, s.from_id FROM fu CROSS JOIN LATERAL (
            SELECT t.id::int AS from_id FROM unnest(string_to_array(fu.path::text, '.')) WITH ORDINALITY AS t(id, n)
            WHERE EXISTS (SELECT 1 FROM edges e WHERE e.from_id = t.id::int) ORDER BY t.n DESC LIMIT 1) s),
        link AS (SELECT src.unit_id, e.to_id, e.share, o.path FROM src JOIN edges e ON e.from_id = src.from_id JOIN insights.unit o ON o.id = e.to_id),
        total AS (SELECT unit_id, count(*) AS n FROM link GROUP BY unit_id),
        cand AS (SELECT link.unit_id, lbl::int AS ancestor_id, count(*) AS n_in, bool_or(link.share = 'PARTIAL') AS partial
                 FROM link, unnest(string_to_array(link.path::text, '.')) AS lbl GROUP BY 1, 2)
        SELECT cand.unit_id, cand.ancestor_id, cand.n_in < total.n OR (a.level IN ('COMMUNE', 'VILLAGE') AND cand.partial)
        FROM cand JOIN total ON total.unit_id = cand.unit_id JOIN insights.unit a ON a.id = cand.ancestor_id
        ON CONFLICT DO NOTHING;
        -- a fact row per commune and village for every year it exists on 30 June (the date criteria reads codes at)
        INSERT INTO insights.fact (unit_id, year, communes, villages)
        SELECT u.id, y, (u.level = 'COMMUNE')::int, (u.level = 'VILLAGE')::int
        FROM insights.unit u CROSS JOIN generate_series(p_first_year, p_last_year) AS y
        WHERE ((u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR u.level = 'VILLAGE')
          AND (u.valid_from IS NULL OR u.valid_from <= make_date(y, 6, 30)) AND (u.valid_to IS NULL OR u.valid_to >= make_date(y, 6, 30));
        UPDATE insights.fact f SET ${cols((m) => `${m} = v.${m}`, RECORDED)}
        FROM insights.fact_values((SELECT array_agg(unit_id) FROM insights.fact), (SELECT array_agg(year) FROM insights.fact)) v
        WHERE f.unit_id = v.unit_id AND f.year = v.year;
        INSERT INTO insights.summary (unit_id, year, ${cols((m) => m)}, approximate_communes)
        SELECT r.ancestor_id, f.year, ${cols((m) => `sum(f.${m})`)}, COALESCE(sum(f.communes) FILTER (WHERE r.approximate), 0)
        FROM insights.fact f JOIN insights.rollup r ON r.unit_id = f.unit_id
        GROUP BY r.ancestor_id, f.year;
      END $$`);
  }
}
