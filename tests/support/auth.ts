import { randomBytes } from 'node:crypto';
import { Role } from '../../server/shared/identity.js';
import { gql } from './client.js';
import { TEST_ADMIN } from './constants.js';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id username version } }`;
const newRunId = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
/** Names made in this test file end with this, so files sharing the test database never collide. */
export let RUN_ID = newRunId();
let sequence = 0;

/** Signs in through the gateway's `login` mutation and returns the token; fails the test on any error. */
export async function signIn(username: string, password: string): Promise<string> {
  const result = await gql(LOGIN, { u: username, p: password });
  if (!result.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

let admin: Promise<string> | undefined;
/** The token of the system administrator the test hub creates from the environment. */
export const adminToken = (): Promise<string> => (admin ??= signIn(TEST_ADMIN.username, TEST_ADMIN.password));

export interface TestGrant {
  role: Role | keyof typeof Role;
  unitCode: string;
  asOf?: string;
}

/** A real account made through the API by the test administrator, with a password of its own. */
export interface TestUser {
  id: string;
  username: string;
  password: string;
  version: number;
}

/** Creates an account holding `grants`, named `<prefix>-<unique suffix>`. */
export async function createTestUser(prefix: string, grants: TestGrant[]): Promise<TestUser> {
  const username = `${prefix}-${RUN_ID}${sequence++}`.toLowerCase();
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const created = await gql(
    CREATE_USER,
    { i: { username, displayName: `Tài khoản thử ${username}`, password, grants } },
    { token: await adminToken() },
  );
  if (!created.data?.createUser) throw new Error(`creating ${username} failed: ${JSON.stringify(created.errors)}`);
  return { id: created.data.createUser.id, username, password, version: created.data.createUser.version };
}

const tokens = new Map<string, Promise<string>>();

/** After a file (tests/support/setup.ts): the next file on this worker names its own accounts and signs in afresh. */
export function resetTestAccounts(): void {
  RUN_ID = newRunId();
  sequence = 0;
  admin = undefined;
  tokens.clear();
}

/**
 * A sign-in token of a real, active test account holding `role` over the unit with `unitCode` (valid on `asOf`):
 * the test administrator creates the account through the API and it signs in, as a person would. Within a test file
 * the same role, unit and date give the same account.
 */
export function tokenFor(role: Role | keyof typeof Role, unitCode = 'VN', asOf = '2024-01-01'): Promise<string> {
  const key = `${role}|${unitCode}|${asOf}`;
  let token = tokens.get(key);
  if (!token) {
    token = createTestUser(`test-${role.toLowerCase()}-${unitCode}`, [{ role, unitCode, asOf }]).then((user) =>
      signIn(user.username, user.password),
    );
    tokens.set(key, token);
    token.catch(() => tokens.delete(key));
  }
  return token;
}

export { Role };
