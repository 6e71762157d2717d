import { Migration } from '@mikro-orm/migrations';

/**
 * Bulk loads: the triggers on criteria's tables skip their work while the transaction has set
 * `SET LOCAL insights.bulk = 'on'`. Whoever sets it must rebuild the summaries set-based in the same transaction
 * before committing (`SELECT insights.rebuild(2021, 2030)`), so no reader ever sees stale figures — `npm run
 * seed:national` does. Unset (every ordinary write) the triggers run as before.
 */
export class Migration20261212000000_insights_bulk extends Migration {
  override async up(): Promise<void> {
    const when = `WHEN (current_setting('insights.bulk', true) IS DISTINCT FROM 'on')`;
    for (const table of ['assessment', 'assessment_result', 'recognition_decision']) {
      for (const op of ['insert', 'update', 'delete']) this.addSql(`DROP TRIGGER insights_${table}_${op} ON criteria.${table}`);
      this.addSql(`CREATE TRIGGER insights_${table}_insert AFTER INSERT ON criteria.${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION insights.on_criteria_change()`);
      this.addSql(`CREATE TRIGGER insights_${table}_update AFTER UPDATE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION insights.on_criteria_change()`);
      this.addSql(`CREATE TRIGGER insights_${table}_delete AFTER DELETE ON criteria.${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${when} EXECUTE FUNCTION insights.on_criteria_change()`);
    }
  }
}
