/**
 * DDL of the `auth` schema: shared infrastructure every process reads to authenticate callers (signing keys,
 * session versions) and the accounts subgraph writes (sessions, the login throttle). Created at every start, like
 * the audit log, before any subgraph migrates.
 */
export const AUTH_DDL = [
  'CREATE SCHEMA IF NOT EXISTS auth',
  // Keys that sign sign-in tokens. `private_jwk` is kept only for keys the hub generated itself; a key supplied in
  // NTM_AUTH_PRIVATE_KEY never enters the database. A retired key verifies tokens until the last one it signed expires.
  `CREATE TABLE IF NOT EXISTS auth.signing_key (
    kid text PRIMARY KEY,
    alg text NOT NULL CHECK (alg IN ('EdDSA', 'ES256')),
    public_jwk jsonb NOT NULL,
    private_jwk jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz
  )`,
  // One row per account: a token is honoured only while its `sv` claim equals `version` and the account is active.
  // The accounts subgraph's triggers bump the version on a lock, an unlock, a password change and any grant change.
  `CREATE TABLE IF NOT EXISTS auth.user_session (
    user_id integer PRIMARY KEY,
    version integer NOT NULL DEFAULT 1,
    active boolean NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
  )`,
  // Recent failed sign-ins per account name (at most the last few, within the throttle window); pruned as it goes.
  `CREATE TABLE IF NOT EXISTS auth.login_failure (
    username varchar(80) PRIMARY KEY,
    failures timestamptz[] NOT NULL,
    last_at timestamptz NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS login_failure_last_at_idx ON auth.login_failure (last_at)',
];
