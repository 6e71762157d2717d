import { Migration } from '@mikro-orm/migrations';

/** Every measure (as 20270112); `communes` and `villages` come from the unit tree, the rest from criteria's figures. */
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

/** The units whose figures the facts hold (as 20270112). */
const FACT_UNIT = `((u.level = 'COMMUNE' AND u.kind = 'COMMUNE') OR (u.level = 'VILLAGE' AND u.kind <> 'PLACEHOLDER'))`;

/**
 * The same facts and summaries, written with less work (the full rebuild at first start took seconds on the demo
 * data):
 * - `insert_facts` writes criteria's figures only into the fact rows they change: most commune and village years
 *   have nothing recorded and keep the zeros they were inserted with (on the demo data 16,622 of 86,540 rows are
 *   written twice instead of all of them);
 * - `rebuild` gives the summaries' aggregation (every fact × every unit it rolls up into: 580,000 rows on the demo
 *   data) the memory to group in one pass rather than spilling to disk, for its own transaction only.
 */
export class Migration20270121000000_insights_rebuild_writes_less extends Migration {
  override async up(): Promise<void> {
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
        WHERE f.unit_id = v.unit_id AND f.year = v.year
          AND (${cols((m) => `v.${m}`, RECORDED)}) IS DISTINCT FROM (${cols((m) => `f.${m}`, RECORDED)});
      END $$`);

    this.addSql(`CREATE OR REPLACE FUNCTION insights.rebuild(p_first_year integer, p_last_year integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('work_mem', '64MB', true);
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
  }
}
