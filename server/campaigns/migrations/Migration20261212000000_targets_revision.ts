import { Migration } from '@mikro-orm/migrations';

/**
 * A revision of the targets, for readers that cache them (insights): one row whose counter statement-level triggers
 * bump in the same transaction as every insert, update or delete of a target, and of a campaign (its period and
 * issuer decide which year and unit a target speaks for). The counter changes only when such a transaction commits,
 * together with its rows; `epoch` tells databases apart (a recreated database starts again at revision 0).
 */
export class Migration20261212000000_targets_revision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE campaigns.targets_revision (
      id integer PRIMARY KEY CHECK (id = 1),
      revision bigint NOT NULL DEFAULT 0,
      epoch text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text)
    )`);
    this.addSql('INSERT INTO campaigns.targets_revision (id) VALUES (1)');
    this.addSql(`CREATE FUNCTION campaigns.bump_targets_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE campaigns.targets_revision SET revision = revision + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of ['target', 'campaign']) {
      this.addSql(`CREATE TRIGGER targets_revision_${table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION campaigns.bump_targets_revision()`);
    }
  }
}
