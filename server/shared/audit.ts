import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_IDENTITY } from './identity.js';
import { currentRequestContext } from './request-scope.js';

/** An entity that says which administrative unit its changes concern, so the audit log can be read by subtree. */
export interface Audited {
  auditUnitId(): number | null | undefined;
  /** The unit's path when the entity already has it; spares a lookup inside the write's transaction. */
  auditUnitPath?(): string | undefined;
}

const hasAuditUnit = (entity: object): entity is Audited => typeof (entity as Partial<Audited>).auditUnitId === 'function';

/** DDL of the audit log: shared infrastructure every subgraph writes to within its own transactions. */
export const AUDIT_DDL = [
  'CREATE SCHEMA IF NOT EXISTS audit',
  `CREATE TABLE IF NOT EXISTS audit.audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    user_id integer,
    username text NOT NULL,
    subgraph text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    action text NOT NULL CHECK (action IN ('CREATE','UPDATE','DELETE')),
    unit_id integer,
    unit_path public.ltree,
    before jsonb,
    after jsonb
  )`,
  'CREATE INDEX IF NOT EXISTS audit_log_at_idx ON audit.audit_log (at)',
  'CREATE INDEX IF NOT EXISTS audit_log_user_idx ON audit.audit_log (username, at)',
  'CREATE INDEX IF NOT EXISTS audit_log_path_idx ON audit.audit_log USING gist (unit_path)',
  // The log is append-only: no update or delete reaches it, whatever the caller.
  `CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit.audit_log is append-only'; END $$`,
  'DROP TRIGGER IF EXISTS audit_log_append_only ON audit.audit_log',
  'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()',
  // Secrets never enter the log, whichever code writes it: a field named like a secret (case, "_" and "-" ignored)
  // or a value shaped like one (a password hash, a JWT, a PEM private key) is stored as "[REDACTED]".
  `CREATE OR REPLACE FUNCTION audit.is_secret_name(name text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(lower(name), '[^a-z0-9]', '', 'g') ~ '(password|passwd|passphrase|secret|token|hash|privatekey|apikey|credential)' $$`,
  `CREATE OR REPLACE FUNCTION audit.is_secret_value(value text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value ~ '^\\$(argon2(id|i|d)|2[aby])\\$' OR value ~ '^eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.' OR value ~ '-----BEGIN [A-Z ]*PRIVATE KEY-----' $$`,
  `CREATE OR REPLACE FUNCTION audit.redact_secrets(value jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
      -- Most rows mention nothing that could be a secret: one look at the text spares walking them.
      IF value IS NULL OR value::text !~* '(pass|secret|token|hash|priv|api|cred|argon|\\$2[aby]\\$|eyJ)' THEN RETURN value; END IF;
      RETURN CASE jsonb_typeof(value)
        WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(k, CASE WHEN audit.is_secret_name(k) AND v <> 'null'::jsonb THEN '"[REDACTED]"'::jsonb
          ELSE audit.redact_secrets(v) END), '{}'::jsonb) FROM jsonb_each(value) AS e(k, v))
        WHEN 'array' THEN (SELECT coalesce(jsonb_agg(audit.redact_secrets(v) ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(value) WITH ORDINALITY AS a(v, i))
        WHEN 'string' THEN CASE WHEN audit.is_secret_value(value #>> '{}') THEN '"[REDACTED]"'::jsonb ELSE value END
        ELSE value END;
    END $$`,
  `CREATE OR REPLACE FUNCTION audit.redact_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.before := audit.redact_secrets(NEW.before); NEW.after := audit.redact_secrets(NEW.after); RETURN NEW; END $$`,
  'DROP TRIGGER IF EXISTS audit_log_redact ON audit.audit_log',
  'CREATE TRIGGER audit_log_redact BEFORE INSERT ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.redact_row()',
  // Auditing by construction: an audit row marks its transaction as audited for its subgraph (a transaction-local
  // setting, undone with the transaction or savepoint that wrote the row) ...
  `CREATE OR REPLACE FUNCTION audit.mark_audited() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE name text;
    BEGIN
      FOR name IN SELECT DISTINCT subgraph FROM added WHERE subgraph ~ '^[a-z][a-z0-9_]*$' LOOP
        PERFORM set_config('ntm_audited.' || name, 'on', true);
      END LOOP;
      RETURN NULL;
    END $$`,
  'DROP TRIGGER IF EXISTS audit_log_marks ON audit.audit_log',
  'CREATE TRIGGER audit_log_marks AFTER INSERT ON audit.audit_log REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit.mark_audited()',
  // ... and every table a subgraph owns refuses, at commit, a transaction that wrote to it without one (enforceAuditing).
  `CREATE OR REPLACE FUNCTION audit.require_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('ntm_audited.' || TG_TABLE_SCHEMA, true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'a write to %.% without an audit row of subgraph % in its transaction', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_TABLE_SCHEMA
          USING HINT = 'write through the ORM (AuditSubscriber) or call writeAudit/writeAudits in the same transaction';
      END IF;
      RETURN NULL;
    END $$`,
];

/** The trigger every table a subgraph owns carries, unless the subgraph declares it unaudited (`SubgraphModule.unaudited`). */
export const AUDIT_REQUIRED_TRIGGER = 'audit_required';

/**
 * Puts the audit requirement on every table of `schema` that lacks it, except `unaudited` ones (derived data and
 * bookkeeping, each with its reason): a table added by a later migration is covered on the next start without anyone
 * remembering to. Runs after the subgraph's migrations, under its start-up lock.
 */
export async function enforceAuditing(em: EntityManager, schema: string, unaudited: Readonly<Record<string, string>> = {}): Promise<void> {
  const missing: { name: string }[] = await em.getConnection().execute(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'mikro_orm_migrations' AND NOT c.relname = ANY(?::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ?)`,
    [schema, `{${Object.keys(unaudited).join(',')}}`, AUDIT_REQUIRED_TRIGGER],
  );
  for (const { name } of missing) {
    await em.getConnection()
      .execute(`CREATE CONSTRAINT TRIGGER ${AUDIT_REQUIRED_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "${schema}"."${name}"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit.require_audit()`);
  }
}

/**
 * Redacts secrets in rows written before the log redacted them (once, from a migration). The log is append-only: its
 * guard trigger is lifted for this statement alone, inside the caller's transaction, whose table lock keeps every
 * other writer out meanwhile.
 */
export const SCRUB_AUDIT_SECRETS = [
  'ALTER TABLE audit.audit_log DISABLE TRIGGER audit_log_append_only',
  `UPDATE audit.audit_log SET before = audit.redact_secrets(before), after = audit.redact_secrets(after)
    WHERE before IS DISTINCT FROM audit.redact_secrets(before) OR after IS DISTINCT FROM audit.redact_secrets(after)`,
  'ALTER TABLE audit.audit_log ENABLE TRIGGER audit_log_append_only',
];

/** Who writes outside a request (seeds, start-up jobs): the audit log names this user, with no user id. */
export const SYSTEM_ACTOR = SYSTEM_IDENTITY.username!;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** One write to record: which record of which subgraph, the unit it concerns, its values before and after. */
export interface AuditRecord {
  subgraph: string;
  entity: string;
  entityId: string | number;
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  unitId: number | null;
  /** The unit's path, when the writer knows it; otherwise it is looked up through the units subgraph. */
  unitPath?: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends a write to the audit log within the EntityManager's current transaction, as the request's caller
 * ("system" outside a request). The ORM subscriber below calls it for entity writes; code that writes with SQL
 * calls it directly.
 */
export async function writeAudit(em: EntityManager, record: AuditRecord): Promise<void> {
  const ctx = currentRequestContext();
  const path = record.unitPath ?? (record.unitId !== null && ctx ? (await ctx.units.byId(record.unitId))?.path : undefined);
  await em.getConnection().execute(
    `INSERT INTO audit.audit_log (user_id, username, subgraph, entity, entity_id, action, unit_id, unit_path, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::public.ltree, ?::jsonb, ?::jsonb)`,
    [
      ctx?.identity.userId ?? null,
      ctx?.identity.username ?? SYSTEM_ACTOR,
      record.subgraph,
      record.entity,
      String(record.entityId),
      record.action,
      record.unitId,
      path ?? null,
      json(record.before),
      json(record.after),
    ],
    'run',
    em.getTransactionContext(),
  );
}

/**
 * Appends many writes at once (one statement), as `writeAudit` does one: for services that write rows in bulk with
 * SQL and know each row's unit path.
 */
export async function writeAudits(em: EntityManager, records: readonly (AuditRecord & { unitPath: string })[]): Promise<void> {
  if (!records.length) return;
  const ctx = currentRequestContext();
  await em.getConnection().execute(
    `INSERT INTO audit.audit_log (user_id, username, subgraph, entity, entity_id, action, unit_id, unit_path, before, after)
     SELECT ?, ?, r.subgraph, r.entity, r.entity_id, r.action, r.unit_id, r.unit_path::public.ltree, r.before, r.after
     FROM jsonb_to_recordset(?::jsonb) AS r(subgraph text, entity text, entity_id text, action text, unit_id int, unit_path text, before jsonb, after jsonb)`,
    [
      ctx?.identity.userId ?? null,
      ctx?.identity.username ?? SYSTEM_ACTOR,
      JSON.stringify(
        records.map((r) => ({
          subgraph: r.subgraph,
          entity: r.entity,
          entity_id: String(r.entityId),
          action: r.action,
          unit_id: r.unitId,
          unit_path: r.unitPath,
          before: r.before ?? null,
          after: r.after ?? null,
        })),
      ),
    ],
    'run',
    em.getTransactionContext(),
  );
}

/**
/**
 * The system's record of loading a subgraph's seed data (many rows written with SQL in one transaction): one audit
 * row names the seed, which is what lets that transaction commit (enforceAuditing).
 */
export function auditSeed(em: EntityManager, subgraph: string): Promise<void> {
  return writeAudit(em, {
    subgraph,
    entity: 'Seed',
    entityId: subgraph,
    action: 'CREATE',
    unitId: null,
    before: null,
    after: { seeded: subgraph },
  });
}

/**
 * Records every entity write — who, when, what, before and after — in audit.audit_log, inside the transaction
 * of the write itself, so a write and its audit row commit or roll back together.
 */
export class AuditSubscriber implements EventSubscriber {
  constructor(private readonly subgraph: string) {}

  afterCreate(args: EventArgs<object>) {
    return this.record(args, 'CREATE', null, args.changeSet?.payload);
  }

  afterUpdate(args: EventArgs<object>) {
    return this.record(args, 'UPDATE', args.changeSet?.originalEntity, args.changeSet?.payload);
  }

  afterDelete(args: EventArgs<object>) {
    return this.record(args, 'DELETE', args.changeSet?.originalEntity, null);
  }

  private record(args: EventArgs<object>, action: AuditRecord['action'], before: unknown, after: unknown) {
    const entity = args.entity;
    return writeAudit(args.em as EntityManager, {
      subgraph: this.subgraph,
      entity: args.meta.className,
      entityId: args.changeSet?.getSerializedPrimaryKey?.() ?? String((entity as { id?: unknown }).id ?? ''),
      action,
      unitId: hasAuditUnit(entity) ? (entity.auditUnitId() ?? null) : null,
      unitPath: hasAuditUnit(entity) ? entity.auditUnitPath?.() : undefined,
      before,
      after: action === 'UPDATE' ? { ...(before as object), ...(after as object) } : after,
    });
  }
}
