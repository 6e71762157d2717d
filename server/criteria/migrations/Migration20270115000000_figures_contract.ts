import { Migration } from '@mikro-orm/migrations';
import { figuresContractV1Sql } from '../../shared/figures-contract.js';

/**
 * The figures contract (see server/shared/figures-contract.ts): the function other schemas read criteria's figures through, and a
 * change feed — criteria's own statement triggers tell each registered subscriber which units and years a write may
 * have changed. Criteria names no other schema: a subscriber registers itself in `criteria.figure_subscriber`.
 */
export class Migration20270115000000_figures_contract extends Migration {
  override async up(): Promise<void> {
    this.addSql(figuresContractV1Sql);
    this.addSql(`CREATE TABLE criteria.figure_subscriber (
      handler regproc PRIMARY KEY
    )`);
    this.addSql(`COMMENT ON TABLE criteria.figure_subscriber IS
      'Functions (p_units integer[], p_years integer[]) called after each statement that writes assessments, their results or recognitions; a null year means every year'`);
    this.addSql(`CREATE FUNCTION criteria.publish_figure_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE u integer[]; y integer[]; s record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM criteria.figure_subscriber) THEN RETURN NULL; END IF;
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
          -- A recognition counts from its decision on, in every later year: all years of the unit.
          IF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT k.unit_id) INTO u FROM new_rows k;
          ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT k.unit_id) INTO u FROM old_rows k;
          ELSE SELECT array_agg(DISTINCT k.unit_id) INTO u FROM (SELECT unit_id FROM new_rows UNION SELECT unit_id FROM old_rows) k;
          END IF;
          y := array_fill(NULL::integer, ARRAY[COALESCE(array_length(u, 1), 0)]);
        END IF;
        IF u IS NULL THEN RETURN NULL; END IF;
        FOR s IN SELECT handler FROM criteria.figure_subscriber ORDER BY handler::text LOOP
          EXECUTE format('SELECT %s($1, $2)', s.handler) USING u, y;
        END LOOP;
        RETURN NULL;
      END $$`);
    for (const table of ['assessment', 'assessment_result', 'recognition_decision']) {
      this.addSql(`CREATE TRIGGER figures_${table}_insert AFTER INSERT ON criteria.${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION criteria.publish_figure_changes()`);
      this.addSql(`CREATE TRIGGER figures_${table}_update AFTER UPDATE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION criteria.publish_figure_changes()`);
      this.addSql(`CREATE TRIGGER figures_${table}_delete AFTER DELETE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION criteria.publish_figure_changes()`);
    }
  }
}
