import { Migration } from '@mikro-orm/migrations';

/** Placeholder units (a unit a document speaks of without naming it), flagged so lists and figures leave them out. */
export class Migration20270108000000_placeholders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'ALTER TABLE units.unit ADD COLUMN placeholder boolean NOT NULL DEFAULT false, ADD COLUMN note text, ADD COLUMN source text',
    );
  }
}
