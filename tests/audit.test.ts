import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AUDIT_REQUIRED_TRIGGER, SCRUB_AUDIT_SECRETS, SYSTEM_ACTOR } from '../server/shared/audit.js';
import { bundledSubgraphs } from '../server/subgraphs.js';
import { adminToken, createTestUser, RUN_ID, signIn, tokenFor } from './support/auth.js';
import { databaseUrl } from './support/hub.js';
import { errorCodes, gql } from './support/client.js';
import { sql } from './support/db.js';

/** Secrets never enter the audit log, and rows about accounts are for system administrators only. */
const SECRET_NAME = /(password|passwd|passphrase|secret|token|hash|privatekey|apikey|credential)/;
const SECRET_VALUE = /^\$(argon2(id|i|d)|2[aby])\$|^eyJ[\w-]*\.[\w-]+\.|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Every place in a JSON value that holds a secret: a field named like one with a value, or a value shaped like one. */
function secretsIn(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => secretsIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      SECRET_NAME.test(key.toLowerCase().replace(/[^a-z0-9]/g, '')) && v !== null && v !== '[REDACTED]'
        ? [`${at}.${key}`]
        : secretsIn(v, `${at}.${key}`),
    );
  }
  return [];
}

const AUDIT = `query($f: AuditFilter) { auditLog(filter: $f, limit: 500) { totalCount nodes { entity subgraph unitId before after } } }`;

describe('secrets and the audit log', () => {
  it('holds no password hash, token or other secret anywhere after sign-ins, account creation, a password change and grant changes', async () => {
    const admin = await adminToken();
    const user = await createTestUser('audited', [{ role: 'VIEWER', unitCode: '56', asOf: '2024-01-01' }]);
    const token = await signIn(user.username, user.password);
    const changed = await gql(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: user.password, n: 'another-long-password' },
      { token },
    );
    expect(changed.data).toEqual({ changePassword: true });
    const added = await gql(
      `mutation($u: ID!) { addUserGrant(userId: $u, grant: { role: ASSESSOR, unitCode: "568", asOf: "2024-01-01" }) { grants { id role } } }`,
      { u: user.id },
      { token: admin },
    );
    const assessor = added.data.addUserGrant.grants.find((g: { role: string }) => g.role === 'ASSESSOR');
    expect(
      (await gql(`mutation($g: ID!) { removeUserGrant(grantId: $g) { id } }`, { g: assessor.id }, { token: admin })).errors,
    ).toBeUndefined();
    await signIn(user.username, 'another-long-password');

    const rows = await sql<{ id: string; entity: string; before: unknown; after: unknown }>(
      'SELECT id, entity, before, after FROM audit.audit_log',
    );
    const found = rows.flatMap((r) => [
      ...secretsIn(r.before, `#${r.id} ${r.entity} before`),
      ...secretsIn(r.after, `#${r.id} ${r.entity} after`),
    ]);
    expect(found).toEqual([]);
    const [{ text }] = await sql<{ text: string }>("SELECT string_agg(before::text || after::text, ' ') AS text FROM audit.audit_log");
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(token.split('.')[2]);
    // The password change is recorded, without the hashes.
    const [update] = await sql(
      `SELECT before->>'passwordHash' AS before, after->>'passwordHash' AS after FROM audit.audit_log
      WHERE entity = 'UserAccount' AND entity_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
      [user.id],
    );
    expect(update).toEqual({ before: '[REDACTED]', after: '[REDACTED]' });
  });

  it('shows account rows and rows of no unit to system administrators only', async () => {
    // The probe, as the demo viewer (nation scope).
    const demoViewer = await signIn('viewer', 'demo-viewer');
    // The accounts this test signs in with are made now, through the API: audited rows of the accounts subgraph, of
    // this file's own (the demo accounts are seeded, not audited).
    const tokens = [demoViewer, await tokenFor('VIEWER', 'VN'), await tokenFor('UNIT_ADMIN', '56'), await tokenFor('COUNCIL', '56')];
    const probe = await gql(`{ auditLog(filter: { entity: "UserAccount" }) { totalCount nodes { entityId before after } } }`, undefined, {
      token: demoViewer,
    });
    expect(probe.errors).toBeUndefined();
    expect(probe.data.auditLog).toEqual({ totalCount: 0, nodes: [] });
    const [{ accounts }] = await sql<{ accounts: number }>(
      `SELECT count(*)::int AS accounts FROM audit.audit_log WHERE subgraph = 'accounts'`,
    );
    expect(accounts).toBeGreaterThan(0);

    for (const token of tokens) {
      for (const filter of [{ entity: 'UserAccount' }, { entity: 'RoleGrant' }, { subgraph: 'accounts' }]) {
        expect((await gql(AUDIT, { f: filter }, { token })).data.auditLog.totalCount).toBe(0);
      }
      const visible = await gql(AUDIT, {}, { token });
      expect(
        visible.data.auditLog.nodes.every(
          (n: { unitId: number | null; subgraph: string }) => n.unitId !== null && n.subgraph !== 'accounts',
        ),
      ).toBe(true);
    }
    // Rows of their subtree stay readable to them: a classification of a Khánh Hòa district this test records.
    const source = `audit visibility ${RUN_ID}`;
    const written = await gql(
      `mutation($s: String) { setUnitClassification(input: { unitCode: "568", asOf: "2024-01-01", scheme: COASTAL, source: $s }) { id } }`,
      { s: source },
      { token: await adminToken() },
    );
    expect(written.errors).toBeUndefined();
    const subtree = await gql(
      AUDIT,
      { f: { withinCode: '56', asOf: '2024-01-01', entity: 'UnitClassification' } },
      { token: await tokenFor('VIEWER', 'VN') },
    );
    expect(subtree.data.auditLog.nodes.filter((n: { after: { source?: string } | null }) => n.after?.source === source)).toHaveLength(1);

    const admin = await gql(AUDIT, { f: { entity: 'UserAccount' } }, { token: await adminToken() });
    expect(admin.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(
      admin.data.auditLog.nodes.every(
        (n: { after: { passwordHash?: string } | null }) => n.after?.passwordHash === undefined || n.after.passwordHash === '[REDACTED]',
      ),
    ).toBe(true);
    expect(errorCodes(await gql(AUDIT, {}, { token: await tokenFor('ASSESSOR', '56') }))).toEqual(['FORBIDDEN']);
  });

  it('scrubs secrets from rows written before redaction existed, leaving every other row as it was, and stays append-only', async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      // A row as the hub wrote them before: redaction lifted for this one insert, as if it did not exist yet.
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit.audit_log DISABLE TRIGGER audit_log_redact');
      const hash = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';
      const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
      const {
        rows: [{ id }],
      } = await client.query(
        `INSERT INTO audit.audit_log (username, subgraph, entity, entity_id, action, before, after)
        VALUES ('system', 'accounts', 'UserAccount', 'seeded', 'UPDATE', $1, $2) RETURNING id`,
        [
          { username: 'old', passwordHash: hash, displayName: 'Nguyễn Văn Ánh' },
          { username: 'old', password_hash: hash, nested: [{ apiKey: 'k-123', note: jwt, kept: 'Đắk Lắk' }] },
        ],
      );
      await client.query('ALTER TABLE audit.audit_log ENABLE TRIGGER audit_log_redact');
      await client.query('COMMIT');
      const [seeded] = await sql(`SELECT before, after FROM audit.audit_log WHERE id = $1`, [id]);
      expect(seeded.before.passwordHash).toBe(hash);
      const others = `SELECT md5(string_agg(coalesce(before::text, '') || coalesce(after::text, ''), '|' ORDER BY id)) AS digest FROM audit.audit_log WHERE id <> $1`;
      const [othersBefore] = await sql(others, [id]);

      await client.query('BEGIN');
      for (const statement of SCRUB_AUDIT_SECRETS) await client.query(statement);
      await client.query('COMMIT');

      const [scrubbed] = await sql(`SELECT before, after FROM audit.audit_log WHERE id = $1`, [id]);
      expect(scrubbed).toEqual({
        before: { username: 'old', passwordHash: '[REDACTED]', displayName: 'Nguyễn Văn Ánh' },
        after: { username: 'old', password_hash: '[REDACTED]', nested: [{ apiKey: '[REDACTED]', note: '[REDACTED]', kept: 'Đắk Lắk' }] },
      });
      expect(await sql(others, [id])).toEqual([othersBefore]);
      await expect(sql(`UPDATE audit.audit_log SET username = 'x' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});

/** Infrastructure schemas every subgraph shares; every other schema holding tables belongs to a subgraph. */
const SHARED_SCHEMAS = ['audit', 'auth', 'imports', 'public'];

describe('auditing by construction', () => {
  const tablesOf = async (schema: string) =>
    await sql<{ name: string; audited: boolean }>(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2) AS audited
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'mikro_orm_migrations' ORDER BY 1`,
      [schema, AUDIT_REQUIRED_TRIGGER],
    );

  it('puts the audit requirement on every table a subgraph owns, except the ones it declares unaudited with a reason', async () => {
    for (const module of bundledSubgraphs) {
      const tables = await tablesOf(module.dbSchema);
      const unaudited = Object.keys(module.unaudited ?? {}).sort();
      expect(tables.length, module.name).toBeGreaterThan(0);
      expect(
        tables.filter((t) => !t.audited).map((t) => t.name),
        `${module.name}: tables without the audit requirement`,
      ).toEqual(unaudited);
      expect(
        unaudited.filter((name) => !tables.some((t) => t.name === name)),
        `${module.name}: exemptions of tables that do not exist`,
      ).toEqual([]);
      expect(
        Object.values(module.unaudited ?? {}).every((reason) => reason.length > 10),
        `${module.name}: every exemption says why`,
      ).toBe(true);
    }
    // A table in a schema no subgraph owns would escape the check above.
    const schemas = await sql<{
      schema: string;
    }>(`SELECT DISTINCT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' ORDER BY 1`);
    expect(
      schemas
        .map((s) => s.schema)
        .filter((s) => !SHARED_SCHEMAS.includes(s))
        .sort(),
    ).toEqual(bundledSubgraphs.map((m) => m.dbSchema).sort());
  });

  it('refuses to commit a write to any audited table that holds rows without an audit row of its subgraph, and commits it with one', async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const tried: string[] = [];
    try {
      for (const module of bundledSubgraphs) {
        for (const { name } of (await tablesOf(module.dbSchema)).filter((t) => t.audited)) {
          const table = `"${module.dbSchema}"."${name}"`;
          const {
            rows: [column],
          } = await client.query(
            `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
            AND attgenerated = '' ORDER BY attnum LIMIT 1`,
            [table],
          );
          // The same value written back: a real write as far as triggers go, without changing anything.
          const touch = `UPDATE ${table} SET "${column.attname}" = "${column.attname}" WHERE ctid = (SELECT ctid FROM ${table} LIMIT 1)`;
          await client.query('BEGIN');
          const { rowCount } = await client.query(touch);
          if (!rowCount) {
            await client.query('ROLLBACK');
            continue;
          }
          tried.push(table);
          await expect(client.query('COMMIT'), table).rejects.toThrow(
            `a write to ${module.dbSchema}.${name} without an audit row of subgraph ${module.dbSchema}`,
          );
          // An audit row of another subgraph does not cover it either.
          const other = bundledSubgraphs.find((m) => m.dbSchema !== module.dbSchema)!.name;
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO audit.audit_log (username, subgraph, entity, entity_id, action) VALUES ('test', $1, 'Probe', '-', 'UPDATE')`,
            [other],
          );
          await client.query(touch);
          await expect(client.query('SET CONSTRAINTS ALL IMMEDIATE'), table).rejects.toThrow(/without an audit row/);
          await client.query('ROLLBACK');
          // With an audit row of its own subgraph in the transaction, the deferred check passes (then rolled back).
          await client.query('BEGIN');
          await client.query(touch);
          await client.query(
            `INSERT INTO audit.audit_log (username, subgraph, entity, entity_id, action) VALUES ('test', $1, 'Probe', '-', 'UPDATE')`,
            [module.name],
          );
          await client.query('SET CONSTRAINTS ALL IMMEDIATE');
          await client.query('ROLLBACK');
        }
      }
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    }
    // The seeded database has rows in the main tables of every subgraph but insights (all derived, all unaudited).
    for (const table of [
      'units.unit',
      'accounts.user_account',
      'campaigns.campaign',
      'campaigns.target',
      'criteria.assessment',
      'awards.award_form',
    ]) {
      expect(tried).toContain(`"${table.split('.')[0]}"."${table.split('.')[1]}"`);
    }
  });

  it('records seeds as written by the system, one audit row per seeded subgraph', async () => {
    const seeds = await sql<{ subgraph: string; username: string; user_id: number | null }>(
      `SELECT subgraph, username, user_id FROM audit.audit_log WHERE entity = 'Seed' ORDER BY subgraph`,
    );
    const seeded = bundledSubgraphs
      .filter((m) => m.seed)
      .map((m) => m.name)
      .sort();
    expect(seeds.map((s) => s.subgraph)).toEqual(seeded);
    expect(seeds.every((s) => s.username === SYSTEM_ACTOR && s.user_id === null)).toBe(true);
  });
});
