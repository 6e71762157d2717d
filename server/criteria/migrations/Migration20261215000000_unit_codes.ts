import { Migration } from '@mikro-orm/migrations';

/**
 * The GSO code of the assessed or recognised unit beside its id (as campaigns keep `issuer_code`), read when the
 * row is written, so lists sort by code on the server. Rows written before are filled at start-up (`backfillUnitCodes`).
 */
export class Migration20261215000000_unit_codes extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE criteria.assessment ADD COLUMN unit_code text');
    this.addSql('ALTER TABLE criteria.recognition_decision ADD COLUMN unit_code text');
    this.addSql('CREATE INDEX assessment_unit_code_idx ON criteria.assessment (unit_code, year)');
    this.addSql('CREATE INDEX recognition_unit_code_idx ON criteria.recognition_decision (unit_code)');
  }
}
