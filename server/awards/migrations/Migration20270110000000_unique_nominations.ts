import { Migration } from '@mikro-orm/migrations';

/**
 * One nomination per subject, standard and year, enforced by the database as the service checks it: concurrent
 * createNomination calls used to slip several past the check. (A standard fixes the occasion.)
 */
export class Migration20270110000000_unique_nominations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE UNIQUE INDEX nomination_subject_idx ON awards.nomination (standard_id, year, subject_unit_id, coalesce(subject_contributor_id, 0))`,
    );
  }
}
