import { Migration } from '@mikro-orm/migrations';

/** The duties a plan assigns (who receives, appraises and submits dossiers, reports, inspects), with their clauses. */
export class Migration20270107000000_responsibilities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE campaigns.responsibility (
      id serial PRIMARY KEY,
      campaign_id integer NOT NULL REFERENCES campaigns.campaign (id) ON DELETE CASCADE,
      kind text NOT NULL,
      actor text NOT NULL,
      recipient text,
      recurrence text,
      deadline_text text,
      quote text NOT NULL,
      note text,
      source text NOT NULL
    )`);
    this.addSql('CREATE INDEX responsibility_campaign_id_index ON campaigns.responsibility (campaign_id)');
  }
}
