import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
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
];

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
    [ctx?.identity.userId ?? null, ctx?.identity.username ?? 'system', record.subgraph, record.entity, String(record.entityId), record.action,
      record.unitId, path ?? null, json(record.before), json(record.after)],
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
    [ctx?.identity.userId ?? null, ctx?.identity.username ?? 'system', JSON.stringify(records.map((r) => ({
      subgraph: r.subgraph, entity: r.entity, entity_id: String(r.entityId), action: r.action, unit_id: r.unitId, unit_path: r.unitPath,
      before: r.before ?? null, after: r.after ?? null,
    })))],
    'run',
    em.getTransactionContext(),
  );
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
