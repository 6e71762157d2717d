import { Migration } from '@mikro-orm/migrations';
import { SCRUB_AUDIT_SECRETS } from '../../shared/audit.js';

/**
 * Sessions that can be revoked, and an audit log without secrets.
 * - Every account has a row in `auth.user_session` (backfilled here), kept in step by triggers in the same
 *   transaction as the change: creating an account adds it; a lock, an unlock or a password change bumps its
 *   version, and so does adding, removing or changing a grant. Tokens carry the version they were issued under, so
 *   a bump refuses them on every process (see docs/security.md).
 * - Audit rows written before the log redacted secrets (argon2 hashes of `UserAccount`) are scrubbed.
 */
export class Migration20270105000000_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`INSERT INTO auth.user_session (user_id, version, active) SELECT id, 1, active FROM accounts.user_account
      ON CONFLICT (user_id) DO NOTHING`);
    this.addSql(`CREATE OR REPLACE FUNCTION accounts.sync_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM auth.user_session WHERE user_id = OLD.id;
        ELSIF TG_OP = 'INSERT' OR NEW.active IS DISTINCT FROM OLD.active OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
          INSERT INTO auth.user_session AS s (user_id, version, active) VALUES (NEW.id, 1, NEW.active)
            ON CONFLICT (user_id) DO UPDATE SET version = s.version + 1, active = EXCLUDED.active, changed_at = now();
        END IF;
        RETURN NULL;
      END $$`);
    this.addSql('DROP TRIGGER IF EXISTS user_account_session ON accounts.user_account');
    this.addSql(`CREATE TRIGGER user_account_session AFTER INSERT OR UPDATE OR DELETE ON accounts.user_account
      FOR EACH ROW EXECUTE FUNCTION accounts.sync_session()`);
    this.addSql(`CREATE OR REPLACE FUNCTION accounts.grant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE auth.user_session SET version = version + 1, changed_at = now()
          WHERE user_id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.user_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.user_id END);
        RETURN NULL;
      END $$`);
    this.addSql('DROP TRIGGER IF EXISTS role_grant_session ON accounts.role_grant');
    this.addSql(`CREATE TRIGGER role_grant_session AFTER INSERT OR UPDATE OR DELETE ON accounts.role_grant
      FOR EACH ROW EXECUTE FUNCTION accounts.grant_changed()`);
    for (const statement of SCRUB_AUDIT_SECRETS) this.addSql(statement);
  }
}
