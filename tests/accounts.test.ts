import { describe, expect, it } from 'vitest';
import { adminToken } from './support/auth.js';
import { errorCodes, gql } from './support/client.js';
import { TEST_ADMIN } from './support/constants.js';
import { rowCounts, sql } from './support/db.js';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { id username grants { role unit { id code name } } } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id username version grants { role unit { code } } } }`;
const CLASSIFY = `mutation($i: SetUnitClassificationInput!) { setUnitClassification(input: $i) { id } }`;

const login = async (username: string, password: string) => gql(LOGIN, { u: username, p: password });
let seq = 0;
const uniqueName = (prefix: string) => `${prefix}.${Date.now().toString(36)}${seq++}`;

describe('accounts and sign-in', () => {
  it('signs in the administrator configured in the environment and tells who is signed in', async () => {
    const result = await login(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(result.errors).toBeUndefined();
    expect(result.data.login.user.grants).toEqual([{ role: 'SYSTEM_ADMIN', unit: { id: '1', code: 'VN', name: 'Việt Nam' } }]);
    expect(new Date(result.data.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await gql(`{ me { username } }`, undefined, { token: result.data.login.token });
    expect(me.data.me).toEqual({ username: TEST_ADMIN.username });
    expect((await gql(`{ me { username } }`)).data.me).toBeNull();
  });

  it('creates a province administrator who may write in the province only', async () => {
    const username = uniqueName('kh');
    const created = await gql(
      CREATE_USER,
      {
        i: {
          username,
          displayName: 'Cán bộ Khánh Hòa',
          password: 'a-long-password',
          grants: [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }],
        },
      },
      { token: await adminToken() },
    );
    expect(created.errors).toBeUndefined();
    const token = (await login(username, 'a-long-password')).data.login.token;
    const ok = await gql(
      CLASSIFY,
      { i: { unitCode: '568', asOf: '2024-01-01', scheme: 'ESPECIALLY_DISADVANTAGED', source: 'test' } },
      { token },
    );
    expect(ok.errors).toBeUndefined();
    const before = await rowCounts(['units.unit_classification', 'audit.audit_log']);
    const refused = await gql(CLASSIFY, { i: { unitCode: '06', asOf: '2024-01-01', scheme: 'BORDER' } }, { token });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(await rowCounts(['units.unit_classification', 'audit.audit_log'])).toEqual(before);
  });

  it('lets the new Khánh Hòa administrator manage the old Ninh Thuận units it took over (lineage)', async () => {
    const username = uniqueName('khnew');
    await gql(
      CREATE_USER,
      {
        i: {
          username,
          displayName: 'Cán bộ Khánh Hòa mới',
          password: 'a-long-password',
          grants: [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2026-01-01' }],
        },
      },
      { token: await adminToken() },
    );
    const token = (await login(username, 'a-long-password')).data.login.token;
    // Ninh Thuận (58) before 2025 is a FULL predecessor of the new Khánh Hòa.
    const ninhThuan = await gql(CLASSIFY, { i: { unitCode: '58', asOf: '2024-01-01', scheme: 'COASTAL', source: 'test' } }, { token });
    expect(ninhThuan.errors).toBeUndefined();
    const other = await gql(CLASSIFY, { i: { unitCode: '01', asOf: '2024-01-01', scheme: 'COASTAL' } }, { token });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('refuses to let a province administrator grant outside the province or create system administrators', async () => {
    const username = uniqueName('kh2');
    await gql(
      CREATE_USER,
      {
        i: {
          username,
          displayName: 'KH',
          password: 'a-long-password',
          grants: [{ role: 'UNIT_ADMIN', unitCode: '56', asOf: '2024-01-01' }],
        },
      },
      { token: await adminToken() },
    );
    const token = (await login(username, 'a-long-password')).data.login.token;
    const before = await rowCounts(['accounts.user_account', 'accounts.role_grant']);
    const outside = await gql(
      CREATE_USER,
      {
        i: {
          username: uniqueName('x'),
          displayName: 'X',
          password: 'a-long-password',
          grants: [{ role: 'ASSESSOR', unitCode: '06', asOf: '2024-01-01' }],
        },
      },
      { token },
    );
    const sysadmin = await gql(
      CREATE_USER,
      {
        i: { username: uniqueName('y'), displayName: 'Y', password: 'a-long-password', grants: [{ role: 'SYSTEM_ADMIN', unitCode: 'VN' }] },
      },
      { token },
    );
    const inside = await gql(
      CREATE_USER,
      {
        i: {
          username: uniqueName('z'),
          displayName: 'Z',
          password: 'a-long-password',
          grants: [{ role: 'ASSESSOR', unitCode: '568', asOf: '2024-01-01' }],
        },
      },
      { token },
    );
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    expect(errorCodes(sysadmin)).toEqual(['FORBIDDEN']);
    expect(inside.errors).toBeUndefined();
    expect((await rowCounts(['accounts.user_account']))['accounts.user_account']).toBe(before['accounts.user_account'] + 1);
  });

  it('validates new accounts with clear errors and writes nothing on failure', async () => {
    const token = await adminToken();
    const before = await rowCounts(['accounts.user_account', 'accounts.role_grant']);
    const cases = [
      { username: 'A B', displayName: 'x', password: 'a-long-password', grants: [{ role: 'VIEWER', unitCode: 'VN' }] },
      { username: uniqueName('short'), displayName: 'x', password: 'short', grants: [{ role: 'VIEWER', unitCode: 'VN' }] },
      { username: uniqueName('nogrant'), displayName: 'x', password: 'a-long-password', grants: [] },
      { username: TEST_ADMIN.username, displayName: 'x', password: 'a-long-password', grants: [{ role: 'VIEWER', unitCode: 'VN' }] },
      { username: uniqueName('nounit'), displayName: 'x', password: 'a-long-password', grants: [{ role: 'VIEWER', unitCode: '99999' }] },
    ];
    const codes = [];
    for (const input of cases) codes.push(errorCodes(await gql(CREATE_USER, { i: input }, { token }))[0]);
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']);
    expect(await rowCounts(['accounts.user_account', 'accounts.role_grant'])).toEqual(before);
  });

  it('refuses wrong passwords, then throttles the account even for the right one', async () => {
    const username = uniqueName('throttle');
    await gql(
      CREATE_USER,
      { i: { username, displayName: 'T', password: 'the-right-password', grants: [{ role: 'VIEWER', unitCode: 'VN' }] } },
      { token: await adminToken() },
    );
    for (let i = 0; i < 5; i++) expect(errorCodes(await login(username, `wrong-${i}`))).toEqual(['UNAUTHENTICATED']);
    const throttled = await login(username, 'the-right-password');
    expect(errorCodes(throttled)).toEqual(['RATE_LIMITED']);
    expect(throttled.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(errorCodes(await login('nobody-here', 'whatever-password'))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a stale version when deactivating an account (no lost update)', async () => {
    const token = await adminToken();
    const created = await gql(
      CREATE_USER,
      { i: { username: uniqueName('ver'), displayName: 'V', password: 'a-long-password', grants: [{ role: 'VIEWER', unitCode: 'VN' }] } },
      { token },
    );
    const { id, version } = created.data.createUser;
    const SET = `mutation($id: ID!, $v: Int!, $a: Boolean!) { setUserActive(id: $id, active: $a, expectedVersion: $v) { active version } }`;
    const first = await gql(SET, { id, v: version, a: false }, { token });
    expect(first.data.setUserActive).toEqual({ active: false, version: version + 1 });
    const stale = await gql(SET, { id, v: version, a: true }, { token });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect((await sql(`SELECT active FROM accounts.user_account WHERE id = $1`, [id]))[0].active).toBe(false);
  });
});

describe('user list', () => {
  const USERS = `query($f: UserFilter, $o: UserOrderField, $d: SortDirection, $offset: Int, $limit: Int) {
    users(filter: $f, orderBy: $o, direction: $d, offset: $offset, limit: $limit) { totalCount nodes { username displayName active } } }`;

  it('searches without accents, filters by role and activity, sorts in Vietnamese order and pages on the server', async () => {
    const token = await adminToken();
    const tag = uniqueName('ds');
    const names = ['Đặng Văn Ân', 'Âu Thị Bình', 'Bùi Minh Châu', 'An Thị Dung'];
    for (const [i, displayName] of names.entries()) {
      const created = await gql(
        CREATE_USER,
        {
          i: {
            username: `${tag}.${i}`,
            displayName,
            password: 'a-long-password',
            grants: [{ role: i === 3 ? 'COUNCIL' : 'VIEWER', unitCode: '56', asOf: '2024-01-01' }],
          },
        },
        { token },
      );
      expect(created.errors).toBeUndefined();
    }
    // Vietnamese alphabetical order: A < Â < B < Đ (đ sorts after d, not with it).
    const sorted = await gql(USERS, { f: { search: tag }, o: 'DISPLAY_NAME', d: 'ASC' }, { token });
    expect(sorted.data.users.nodes.map((u: any) => u.displayName)).toEqual(['An Thị Dung', 'Âu Thị Bình', 'Bùi Minh Châu', 'Đặng Văn Ân']);
    const reversed = await gql(USERS, { f: { search: tag }, o: 'DISPLAY_NAME', d: 'DESC', limit: 2, offset: 1 }, { token });
    expect(reversed.data.users).toEqual({
      totalCount: 4,
      nodes: [
        { username: `${tag}.2`, displayName: 'Bùi Minh Châu', active: true },
        { username: `${tag}.1`, displayName: 'Âu Thị Bình', active: true },
      ],
    });
    // Search ignores accents and case: "dang van an" finds "Đặng Văn Ân".
    const folded = await gql(USERS, { f: { search: 'dang van an' } }, { token });
    expect(folded.data.users.nodes.map((u: any) => u.username)).toContain(`${tag}.0`);
    const council = await gql(USERS, { f: { search: tag, role: 'COUNCIL' } }, { token });
    expect(council.data.users.nodes.map((u: any) => u.username)).toEqual([`${tag}.3`]);
    const inactive = await gql(USERS, { f: { search: tag, active: false } }, { token });
    expect(inactive.data.users.totalCount).toBe(0);
    expect(errorCodes(await gql(USERS, { limit: 501 }, { token }))).toEqual(['BAD_USER_INPUT']);
    // A unit administrator sees the accounts holding a grant inside their subtree (new Khánh Hòa took over old
    // Khánh Hòa whole), and no others; a viewer may not list accounts.
    const { tokenFor } = await import('./support/auth.js');
    const khanhHoa = await gql(USERS, { f: { search: tag } }, { token: await tokenFor('UNIT_ADMIN', '56') });
    expect(khanhHoa.data.users.totalCount).toBe(4);
    const everyoneSeen = await gql(USERS, { limit: 500 }, { token: await tokenFor('UNIT_ADMIN', '56') });
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM accounts.user_account`);
    expect(everyoneSeen.data.users.totalCount).toBeLessThan(n);
    const quangNam = await gql(USERS, { f: { search: tag } }, { token: await tokenFor('UNIT_ADMIN', '49', '2024-01-01') });
    expect(quangNam.data.users.totalCount).toBe(0);
    expect(errorCodes(await gql(USERS, {}, { token: await tokenFor('VIEWER', '56') }))).toEqual(['FORBIDDEN']);
  });
});

describe('audit log', () => {
  it('records who changed what, before and after, readable by subtree and never editable', async () => {
    const username = uniqueName('auditor');
    await gql(
      CREATE_USER,
      {
        i: {
          username,
          displayName: 'A',
          password: 'a-long-password',
          grants: [{ role: 'UNIT_ADMIN', unitCode: '06', asOf: '2024-01-01' }],
        },
      },
      { token: await adminToken() },
    );
    const token = (await login(username, 'a-long-password')).data.login.token;
    const write = await gql(CLASSIFY, { i: { unitCode: '06', asOf: '2024-01-01', scheme: 'BORDER', source: 'QĐ test' } }, { token });
    expect(write.errors).toBeUndefined();
    const log = await gql(
      `{ auditLog(filter: { withinCode: "06", asOf: "2024-01-01" }) { totalCount nodes { username subgraph entity entityId action before after } } }`,
      undefined,
      { token },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.nodes[0]).toMatchObject({
      username,
      subgraph: 'units',
      entity: 'UnitClassification',
      entityId: write.data.setUnitClassification.id,
      action: 'CREATE',
      before: null,
    });
    expect(log.data.auditLog.nodes[0].after).toMatchObject({ scheme: 'BORDER', source: 'QĐ test' });
    // Another province's administrator does not see it.
    const other = await gql(`{ auditLog(filter: { username: "${username}" }) { totalCount } }`, undefined, {
      token: await (await import('./support/auth.js')).tokenFor('UNIT_ADMIN', '49'),
    });
    expect(other.data.auditLog.totalCount).toBe(0);
    // No mutation edits it, and the table refuses edits from any client.
    const mutations = await gql(`{ __type(name: "Mutation") { fields { name } } }`);
    expect(mutations.data.__type.fields.map((f: any) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
    await expect(sql(`UPDATE audit.audit_log SET username = 'x' WHERE username = $1`, [username])).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit.audit_log WHERE username = $1`, [username])).rejects.toThrow(/append-only/);
  });

  it("records writes made with SQL (an assessment) with the assessor and the commune's subtree", async () => {
    const { tokenFor } = await import('./support/auth.js');
    const token = await tokenFor('ASSESSOR', '06');
    const set = await gql(`{ criteriaSets(filter: { code: "COMMUNE-NTM-2021-2025" }) { nodes { id } } }`);
    const commune = await gql(
      `{ units(filter: { withinCode: "06", kind: COMMUNE, asOf: "2024-01-01" }, limit: 1, offset: 7) { nodes { code } } }`,
    );
    const code = commune.data.units.nodes[0].code;
    const recorded = await gql(
      `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { id version } }`,
      {
        i: {
          unitCode: code,
          criteriaSetId: set.data.criteriaSets.nodes[0].id,
          year: 2022,
          results: [{ criterionNumber: 4, met: true }],
          expectedVersion: 1,
        },
      },
      { token },
    );
    expect(recorded.errors).toBeUndefined();
    const [row] = await sql(
      `SELECT username, subgraph, entity, action, unit_path::text AS path, after FROM audit.audit_log WHERE entity = 'Assessment' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [recorded.data.recordAssessment.id],
    );
    expect(row).toMatchObject({ subgraph: 'criteria', entity: 'Assessment', action: 'UPDATE' });
    expect(row.username).toMatch(/^test-assessor-06-/);
    expect(row.path.startsWith('1.1100006.')).toBe(true);
    expect(row.after).toBeTruthy();
  });

  it('sorts by column and filters by action and entity on the server, paging consistently', async () => {
    const token = await adminToken();
    const AUDIT = `query($f: AuditFilter, $o: AuditOrderField, $d: SortDirection, $offset: Int, $limit: Int) {
      auditLog(filter: $f, orderBy: $o, direction: $d, offset: $offset, limit: $limit) { totalCount nodes { id at username entity entityId action } } }`;
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit.audit_log WHERE entity = 'UserAccount' AND action = 'CREATE'`);
    const created = await gql(AUDIT, { f: { entity: 'UserAccount', action: 'create' }, o: 'USERNAME', d: 'ASC', limit: 500 }, { token });
    expect(created.errors).toBeUndefined();
    expect(created.data.auditLog.totalCount).toBe(n);
    const usernames = created.data.auditLog.nodes.map((e: any) => e.username);
    expect(usernames).toEqual([...usernames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(created.data.auditLog.nodes.map((e: any) => e.action))).toEqual(new Set(['CREATE']));
    // Oldest first, two pages of 3 are the first 6 entries in that order.
    const oldest = await gql(AUDIT, { o: 'AT', d: 'ASC', limit: 6 }, { token });
    const pages = [
      await gql(AUDIT, { o: 'AT', d: 'ASC', limit: 3 }, { token }),
      await gql(AUDIT, { o: 'AT', d: 'ASC', limit: 3, offset: 3 }, { token }),
    ];
    expect(pages.flatMap((p) => p.data.auditLog.nodes.map((e: any) => e.id))).toEqual(oldest.data.auditLog.nodes.map((e: any) => e.id));
    const times = oldest.data.auditLog.nodes.map((e: any) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const one = created.data.auditLog.nodes[0];
    const byId = await gql(AUDIT, { f: { entity: 'UserAccount', entityId: one.entityId } }, { token });
    expect(byId.data.auditLog.nodes.every((e: any) => e.entityId === one.entityId)).toBe(true);
  });

  it('is refused to anonymous callers', async () => {
    expect(errorCodes(await gql(`{ auditLog { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('grant management', () => {
  const ADD = `mutation($u: ID!, $g: GrantInput!) { addUserGrant(userId: $u, grant: $g) { id grants { id role unit { code } } } }`;
  const REMOVE = `mutation($g: ID!) { removeUserGrant(grantId: $g) { id grants { id role unit { code } } } }`;
  const roles = (user: { grants: { role: string; unit: { code: string } }[] }) => user.grants.map((g) => `${g.role}@${g.unit.code}`).sort();

  it('adds and removes grants, audited, refusing duplicates and the last grant, writing nothing on failure', async () => {
    const token = await adminToken();
    const created = await gql(
      CREATE_USER,
      {
        i: {
          username: uniqueName('grants'),
          displayName: 'G',
          password: 'a-long-password',
          grants: [{ role: 'VIEWER', unitCode: '56', asOf: '2024-01-01' }],
        },
      },
      { token },
    );
    const id = created.data.createUser.id;
    const added = await gql(ADD, { u: id, g: { role: 'ASSESSOR', unitCode: '568', asOf: '2024-01-01' } }, { token });
    expect(added.errors).toBeUndefined();
    expect(roles(added.data.addUserGrant)).toEqual(['ASSESSOR@568', 'VIEWER@56']);
    const before = await rowCounts(['accounts.role_grant', 'audit.audit_log']);
    const duplicate = await gql(ADD, { u: id, g: { role: 'ASSESSOR', unitCode: '568', asOf: '2024-01-01' } }, { token });
    const noUser = await gql(ADD, { u: '99999999', g: { role: 'VIEWER', unitCode: '56' } }, { token });
    const noUnit = await gql(ADD, { u: id, g: { role: 'VIEWER', unitCode: '99999' } }, { token });
    const noGrant = await gql(REMOVE, { g: '99999999' }, { token });
    const badId = await gql(REMOVE, { g: 'abc' }, { token });
    expect([duplicate, noUser, noUnit, noGrant, badId].map((r) => errorCodes(r)[0])).toEqual([
      'CONFLICT',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'BAD_USER_INPUT',
    ]);
    expect(await rowCounts(['accounts.role_grant', 'audit.audit_log'])).toEqual(before);

    const viewer = added.data.addUserGrant.grants.find((g: { role: string }) => g.role === 'VIEWER');
    const removed = await gql(REMOVE, { g: viewer.id }, { token });
    expect(roles(removed.data.removeUserGrant)).toEqual(['ASSESSOR@568']);
    const last = await gql(REMOVE, { g: removed.data.removeUserGrant.grants[0].id }, { token });
    expect(errorCodes(last)).toEqual(['BAD_USER_INPUT']);
    const audit = await sql(`SELECT entity, action FROM audit.audit_log WHERE entity = 'RoleGrant' AND entity_id = ANY($1) ORDER BY id`, [
      added.data.addUserGrant.grants.map((g: { id: string }) => g.id),
    ]);
    expect(audit).toEqual([
      { entity: 'RoleGrant', action: 'CREATE' },
      { entity: 'RoleGrant', action: 'CREATE' },
      { entity: 'RoleGrant', action: 'DELETE' },
    ]);
  });

  it('lets a unit administrator manage grants inside the subtree only, and never those of a system administrator', async () => {
    const admin = await adminToken();
    const { tokenFor } = await import('./support/auth.js');
    const khanhHoa = await tokenFor('UNIT_ADMIN', '56');
    const created = await gql(
      CREATE_USER,
      {
        i: {
          username: uniqueName('kh.staff'),
          displayName: 'S',
          password: 'a-long-password',
          grants: [{ role: 'VIEWER', unitCode: '56', asOf: '2024-01-01' }],
        },
      },
      { token: admin },
    );
    const id = created.data.createUser.id;
    const [{ id: rootId }] = await sql(`SELECT id::text FROM accounts.user_account WHERE username = $1`, [TEST_ADMIN.username]);
    const before = await rowCounts(['accounts.role_grant']);
    const outside = await gql(ADD, { u: id, g: { role: 'VIEWER', unitCode: '06', asOf: '2024-01-01' } }, { token: khanhHoa });
    const sysadmin = await gql(ADD, { u: id, g: { role: 'SYSTEM_ADMIN', unitCode: 'VN' } }, { token: khanhHoa });
    const ofRoot = await gql(ADD, { u: rootId, g: { role: 'VIEWER', unitCode: '568', asOf: '2024-01-01' } }, { token: khanhHoa });
    expect([outside, sysadmin, ofRoot].map((r) => errorCodes(r))).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
    expect(await rowCounts(['accounts.role_grant'])).toEqual(before);
    const inside = await gql(ADD, { u: id, g: { role: 'ASSESSOR', unitCode: '568', asOf: '2024-01-01' } }, { token: khanhHoa });
    expect(roles(inside.data.addUserGrant)).toEqual(['ASSESSOR@568', 'VIEWER@56']);
    const assessor = inside.data.addUserGrant.grants.find((g: { role: string }) => g.role === 'ASSESSOR');
    expect(roles((await gql(REMOVE, { g: assessor.id }, { token: khanhHoa })).data.removeUserGrant)).toEqual(['VIEWER@56']);
  });
});
