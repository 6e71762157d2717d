import { Migration } from '@mikro-orm/migrations';

/**
 * Coverage of the summaries: `communes_with_data` (a rural commune assessed that year or holding a recognition in
 * force at its end) and `villages_with_data` (a village assessed against a village set or holding a village
 * recognition), in facts and summaries — what a comparison's coverage is made of (a unit with no data has no figure;
 * it must not count as 0).
 *
 * Only the columns: the read model's functions that fill them are defined, with the village measures of 20261213,
 * by Migration20270112000000_insights_merge, which also rebuilds the figures. (On the figures lane this migration
 * replaced those functions itself; run after the villages migration, that version dropped the village measures, so
 * the merged history keeps the columns here and the functions in one place.)
 */
export class Migration20270105000000_insights_coverage extends Migration {
  override async up(): Promise<void> {
    for (const table of ['fact', 'summary']) {
      this.addSql(
        `ALTER TABLE insights.${table} ADD COLUMN communes_with_data integer NOT NULL DEFAULT 0, ADD COLUMN villages_with_data integer NOT NULL DEFAULT 0`,
      );
    }
  }
}
