import { Migration } from '@mikro-orm/migrations';

/**
 * What the console's server-side lists need: an accent-insensitive search text on award standards (the plan's text,
 * the subject as the plan words it, the seed key) behind a trigram index, and when each nomination last changed
 * (back-filled from its latest transition) to sort by.
 */
export class Migration20261230000000_award_lists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE awards.award_standard ADD COLUMN search_text text
      GENERATED ALWAYS AS (public.ntm_fold(criteria_text || ' ' || coalesce(subject_label, '') || ' ' || coalesce(key, ''))) STORED`);
    this.addSql('CREATE INDEX award_standard_search_idx ON awards.award_standard USING gin (search_text public.gin_trgm_ops)');
    this.addSql('ALTER TABLE awards.nomination ADD COLUMN updated_at timestamptz');
    this.addSql(
      `UPDATE awards.nomination n SET updated_at = coalesce((SELECT max(t.at) FROM awards.nomination_transition t WHERE t.nomination_id = n.id), n.created_at)`,
    );
    this.addSql('ALTER TABLE awards.nomination ALTER COLUMN updated_at SET NOT NULL, ALTER COLUMN updated_at SET DEFAULT now()');
  }
}
