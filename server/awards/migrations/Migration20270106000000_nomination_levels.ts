import { Migration } from '@mikro-orm/migrations';

/**
 * Who decides and who reviews on the way: a nomination's deciding authority (its form's), the units that review it in
 * turn up to the deciding unit, and the one handling it now; a submission's date of receipt on its transition.
 * Nominations written before keep the unit that decided them (the campaign's issuer) as their only level.
 */
export class Migration20270106000000_nomination_levels extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`ALTER TABLE awards.nomination ADD COLUMN deciding_authority text, ADD COLUMN level_unit_ids integer[] NOT NULL DEFAULT '{}',
      ADD COLUMN current_unit_id integer`);
    this.addSql(`UPDATE awards.nomination n SET deciding_authority = f.authority, level_unit_ids = ARRAY[n.deciding_unit_id],
      current_unit_id = CASE WHEN n.status IN ('SUBMITTED', 'APPRAISED', 'COUNCIL_REVIEWED', 'DECIDED') THEN n.deciding_unit_id END
      FROM awards.award_form f WHERE f.code = n.form_code`);
    this.addSql('ALTER TABLE awards.nomination ALTER COLUMN deciding_authority SET NOT NULL');
    this.addSql('CREATE INDEX nomination_current_unit_idx ON awards.nomination (current_unit_id, status)');
    this.addSql('ALTER TABLE awards.nomination_transition ADD COLUMN received_on date');
  }
}
