import { Migration } from '@mikro-orm/migrations';

/** Accounts schema: users with argon2id hashes and their role grants over unit subtrees. */
export class Migration20261122010000_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE accounts.user_account (
      id serial PRIMARY KEY,
      username varchar(80) NOT NULL UNIQUE CHECK (username = lower(username)),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    this.addSql(`CREATE TABLE accounts.role_grant (
      id serial PRIMARY KEY,
      user_id integer NOT NULL REFERENCES accounts.user_account (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('SYSTEM_ADMIN','UNIT_ADMIN','ASSESSOR','COUNCIL','VIEWER')),
      unit_id integer NOT NULL
    )`);
    this.addSql('CREATE INDEX role_grant_user_idx ON accounts.role_grant (user_id)');
  }
}
