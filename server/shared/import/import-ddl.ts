/**
 * DDL of the import jobs: shared infrastructure (like the audit log) that every subgraph importing its own data
 * writes to. A job is one uploaded file: its progress, its row errors and, between the dry run and the commit, the
 * rows it validated (staged in an unlogged table: a crash loses only what can be uploaded again).
 */
export const IMPORT_DDL = [
  'CREATE SCHEMA IF NOT EXISTS imports',
  `CREATE TABLE IF NOT EXISTS imports.import_job (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    subgraph text NOT NULL,
    user_id integer,
    username text NOT NULL,
    file_name text,
    format text NOT NULL,
    size_bytes bigint NOT NULL,
    checksum text NOT NULL,
    status text NOT NULL,
    rows_read integer NOT NULL DEFAULT 0,
    rows_validated integer NOT NULL DEFAULT 0,
    rows_written integer NOT NULL DEFAULT 0,
    error_count integer NOT NULL DEFAULT 0,
    to_create integer NOT NULL DEFAULT 0,
    to_update integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0,
    message text,
    unit_path public.ltree,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`,
  'CREATE INDEX IF NOT EXISTS import_job_user_idx ON imports.import_job (user_id, created_at DESC)',
  `CREATE TABLE IF NOT EXISTS imports.import_error (
    job_id uuid NOT NULL REFERENCES imports.import_job ON DELETE CASCADE,
    row integer NOT NULL,
    col text NOT NULL,
    code text NOT NULL,
    message text NOT NULL,
    expected text
  )`,
  'CREATE INDEX IF NOT EXISTS import_error_job_idx ON imports.import_error (job_id, row)',
  `CREATE UNLOGGED TABLE IF NOT EXISTS imports.import_row (
    job_id uuid NOT NULL REFERENCES imports.import_job ON DELETE CASCADE,
    row integer NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (job_id, row)
  )`,
];
