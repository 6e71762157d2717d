import argon2 from 'argon2';
import { Service } from '../shared/service.js';
import { LockMode } from '@mikro-orm/core';
import type { HubAuth, PasswordCost } from '../shared/auth/hub-auth.js';
import { badInput, checkVersion, conflict, hubError, notFound } from '../shared/errors.js';
import { parseId } from '../shared/ids.js';
import { Role, type Grant, type Identity } from '../shared/identity.js';
import { today } from '../shared/scalars.js';
import type { UnitInfo } from '../shared/unit-directory.js';
import { listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { isWithinPath, type Guard } from '../shared/guard.js';
import { Capability } from '../shared/capabilities.js';
import { Conditions, intArray, likeEscape, normaliseText } from '../shared/sql.js';
import { UserOrderField, type CreateUserInput, type GrantInput, type UserFilter } from './account.input.js';
import { LoginThrottle } from './login-throttle.js';
import { RoleGrant, UserAccount } from './user.entity.js';

const USER_ORDER: Record<UserOrderField, string> = {
  [UserOrderField.USERNAME]: 'u.username',
  [UserOrderField.DISPLAY_NAME]: 'u.display_name COLLATE "vi-x-icu"',
  [UserOrderField.CREATED]: 'u.created_at',
};

/** Longest sign-in name, and shortest and longest password: anything longer is refused before hashing or storing. */
export const MAX_USERNAME = 80;
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 1024;
const USERNAME = new RegExp(`^[a-z0-9._-]{3,${MAX_USERNAME}}$`);
// Verifying against a fixed hash for unknown names keeps their timing like that of known names: one hash per hub, made
// at its cost on first use.
const decoys = new WeakMap<HubAuth, Promise<string>>();
const decoy = (auth: HubAuth) => {
  let found = decoys.get(auth);
  if (!found) decoys.set(auth, (found = AccountService.hash('decoy-password-for-unknown-users', auth.passwordCost)));
  return found;
};

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserAccount;
  identity: Identity;
}

/** Accounts, grants and sign-in. */
export class AccountService extends Service {
  private readonly units = this.ctx.units;

  /** An argon2id hash at the library's default cost, or at `cost` (verifying reads the cost from the hash). */
  static hash(password: string, cost?: PasswordCost): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...cost });
  }

  /** A new password's hash, at the hub's configured cost (NTM_PASSWORD_COST). */
  private hashNew(password: string): Promise<string> {
    return AccountService.hash(password, this.ctx.auth.passwordCost);
  }

  /** The identity a user's token carries: each grant with the unit paths it covers. */
  async identityOf(user: UserAccount): Promise<Identity> {
    await this.em.populate(user, ['grants']);
    const grants: Grant[] = [];
    for (const grant of user.grants) {
      const paths = await this.units.grantPaths(grant.unitId);
      if (paths) grants.push({ role: grant.role, unitId: grant.unitId, paths });
    }
    return { userId: user.id, username: user.username, grants };
  }

  /**
   * Signs in: refuses over-long input at once, then throttles failures per name (shared by every process through
   * the database). The token carries the account's session version, read before its grants so that a grant changed
   * meanwhile can only make the new token stale, never let it carry old grants under a new version.
   */
  async login(usernameInput: string, password: string, auth: HubAuth): Promise<LoginResult> {
    const username = signInName(usernameInput);
    checkPasswordLength(password, 'password', 0);
    const throttle = new LoginThrottle(this.em);
    await refuseWhileThrottled(throttle, username);
    const user = await this.em.findOne(UserAccount, { username }, { populate: ['passwordHash'] });
    const ok = await argon2.verify(user?.passwordHash ?? (await decoy(this.ctx.auth)), password);
    const session = user && ok ? await this.sessionOf(user.id) : null;
    if (!user || !ok || !user.active || !session?.active) {
      await throttle.fail(username);
      throw hubError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong user name or password');
    }
    await throttle.succeed(username);
    const identity = await this.identityOf(user);
    const { token, expiresAt } = await auth.issueToken(identity, session.version);
    return { token, expiresAt, user, identity };
  }

  /** The account's session state, read now (not through any cache). */
  private async sessionOf(userId: number): Promise<{ version: number; active: boolean } | undefined> {
    const [row] = await this.em.execute<{ version: number; active: boolean }[]>(
      'SELECT version, active FROM auth.user_session WHERE user_id = ?',
      [userId],
    );
    return row;
  }

  /** Resolves each grant's unit, to authorise against before anything is written. */
  private async resolveGrants(grants: GrantInput[]): Promise<{ input: GrantInput; unit: UnitInfo }[]> {
    if (!grants.length) throw badInput('Cần ít nhất một quyền', 'At least one grant is needed', 'grants');
    return Promise.all(
      grants.map(async (input) => ({ input, unit: await this.units.requireByCode(input.unitCode, input.asOf ?? today()) })),
    );
  }

  /**
   * Who may grant or take away a role over a unit: system administrators any role; unit administrators any other role
   * inside their subtree. Only system administrators change the grants of an account that holds SYSTEM_ADMIN.
   */
  private authorizeGrant(guard: Guard, role: Role, unit: Pick<UnitInfo, 'path'>, holder?: UserAccount): void {
    if (role === Role.SYSTEM_ADMIN || holder?.grants.getItems().some((g) => g.role === Role.SYSTEM_ADMIN)) guard.requireSystemAdmin();
    else guard.require(Capability.MANAGE_ACCOUNTS, unit);
  }

  /** Creates an account with its grants, each authorised (`authorizeGrant`) before anything else is checked. */
  async createUser(input: CreateUserInput, guard: Guard): Promise<UserAccount> {
    const units = await this.resolveGrants(input.grants);
    for (const { input: grant, unit } of units) this.authorizeGrant(guard, grant.role, unit);
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) {
      throw badInput(
        `Tên đăng nhập 3–${MAX_USERNAME} ký tự: chữ thường, số, dấu . _ -`,
        `User name: 3–${MAX_USERNAME} characters of a-z 0-9 . _ -`,
        'username',
      );
    }
    checkPasswordLength(input.password, 'password');
    if (!input.displayName.trim()) throw badInput('Cần họ tên', 'Display name is required', 'displayName');
    if (await this.em.count(UserAccount, { username })) {
      throw conflict(`Tên đăng nhập "${username}" đã có`, `User name "${username}" is taken`);
    }
    const user = this.em.create(UserAccount, {
      username,
      displayName: input.displayName.trim(),
      passwordHash: await this.hashNew(input.password),
      active: true,
      createdAt: new Date(),
    });
    for (const { input: grant, unit } of units) this.em.create(RoleGrant, { user, role: grant.role, unitId: unit.id });
    await this.em.flush();
    return user;
  }

  /** Ids of the units that grants are held on and that lie inside one of these subtrees. */
  async grantUnitsWithin(scopes: readonly string[]): Promise<number[]> {
    const ids = (await this.em.execute<{ unit_id: number }[]>('SELECT DISTINCT unit_id FROM accounts.role_grant')).map((r) =>
      Number(r.unit_id),
    );
    const units = await this.units.byIds(ids);
    return units.filter((u): u is UnitInfo => u !== null && scopes.some((scope) => isWithinPath(u.path, scope))).map((u) => u.id);
  }

  /**
   * One page of accounts matching the filter, in the order asked; `withinUnits` (when given) keeps only accounts
   * holding a grant on one of those units.
   */
  async list(
    filter: UserFilter,
    page: Page,
    sort: ListSort<UserOrderField>,
    withinUnits: readonly number[] | null = null,
  ): Promise<ListResult<UserAccount>> {
    const where = new Conditions();
    if (withinUnits)
      where.add('EXISTS (SELECT 1 FROM accounts.role_grant g WHERE g.user_id = u.id AND g.unit_id = ANY(?::int[]))', intArray(withinUnits));
    const search = filter.search ? normaliseText(filter.search) : '';
    if (search) {
      where.add(`public.ntm_fold(u.username || ' ' || u.display_name) LIKE '%' || public.ntm_fold(?) || '%'`, likeEscape(search));
    }
    where.given('u.active = ?', filter.active);
    if (filter.role) where.add('EXISTS (SELECT 1 FROM accounts.role_grant g WHERE g.user_id = u.id AND g.role = ?)', filter.role);
    const order = orderClause(USER_ORDER[sort.orderBy], 'u.id', sort.direction);
    return listPage(this.em, page, { select: 'u.id', from: 'accounts.user_account u', where, order }, async (rows) => {
      const ids = rows.map((r) => Number(r.id));
      const byId = new Map((await this.em.find(UserAccount, { id: { $in: ids } })).map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id)!);
    });
  }

  async requireUser(id: number): Promise<UserAccount> {
    const user = Number.isInteger(id) ? await this.em.findOne(UserAccount, { id }, { populate: ['grants'] }) : null;
    if (!user) throw notFound(`Không có tài khoản ${id}`, `No user ${id}`);
    return user;
  }

  async requireGrant(id: string): Promise<RoleGrant> {
    const grant = await this.em.findOne(RoleGrant, { id: parseId(id, 'grantId') }, { populate: ['user', 'user.grants'] });
    if (!grant) throw notFound(`Không có quyền ${id}`, `No grant ${id}`);
    return grant;
  }

  /**
   * Adds a grant (authorised like createUser). Grant changes of one account are serialised on its row; the account's
   * session version moves with them (a trigger), so its tokens stop working and it signs in again.
   */
  async addGrant(userId: string, grant: GrantInput, guard: Guard): Promise<UserAccount> {
    const user = await this.requireUser(parseId(userId, 'userId'));
    const [{ unit }] = await this.resolveGrants([grant]);
    this.authorizeGrant(guard, grant.role, unit, user);
    const role = grant.role;
    await this.lockAccount(user);
    if (await this.em.count(RoleGrant, { user, role, unitId: unit.id })) {
      throw conflict(`Tài khoản đã có quyền ${role} tại ${unit.name}`, `The account already holds ${role} over ${unit.name}`);
    }
    this.em.create(RoleGrant, { user, role, unitId: unit.id });
    await this.em.flush();
    await this.em.populate(user, ['grants'], { refresh: true });
    return user;
  }

  /** Holds the account's row until the transaction ends, so concurrent grant changes of one account run one after another. */
  private async lockAccount(user: UserAccount): Promise<void> {
    await this.em.findOne(UserAccount, { id: user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Removes a grant (authorised like createUser); an account keeps at least one (lock it instead). */
  async removeGrant(grantId: string, guard: Guard): Promise<UserAccount> {
    const grant = await this.requireGrant(grantId);
    this.authorizeGrant(guard, grant.role, (await this.units.byId(grant.unitId)) ?? { path: '' }, grant.user);
    const user = grant.user;
    await this.lockAccount(user);
    if ((await this.em.count(RoleGrant, { user })) <= 1) {
      throw badInput(
        'Tài khoản cần ít nhất một quyền; muốn chặn truy cập thì khóa tài khoản',
        'An account keeps at least one grant: deactivate it instead',
        'grantId',
      );
    }
    this.em.remove(grant);
    await this.em.flush();
    await this.em.populate(user, ['grants'], { refresh: true });
    return user;
  }

  async setActive(user: UserAccount, active: boolean, expectedVersion: number): Promise<UserAccount> {
    checkVersion(user.version, expectedVersion);
    user.active = active;
    await this.em.flush();
    return user;
  }

  /**
   * Changes the caller's own password after checking the current one (wrong guesses count towards the sign-in
   * throttle of the name). Every token of the account stops working, the caller's included: it signs in again.
   */
  async changePassword(user: UserAccount, current: string, next: string): Promise<boolean> {
    checkPasswordLength(current, 'currentPassword', 0);
    checkPasswordLength(next, 'newPassword');
    const throttle = new LoginThrottle(this.em);
    await refuseWhileThrottled(throttle, user.username);
    await this.em.populate(user, ['passwordHash']);
    if (!(await argon2.verify(user.passwordHash, current))) {
      await throttle.fail(user.username);
      throw badInput('Mật khẩu hiện tại không đúng', 'Current password is wrong', 'currentPassword');
    }
    user.passwordHash = await this.hashNew(next);
    await this.em.flush();
    return true;
  }

  /** Creates a system administrator unless the name exists (first start, CLI). */
  async ensureSystemAdmin(username: string, password: string, nationId: number): Promise<boolean> {
    if (await this.em.count(UserAccount, { username })) return false;
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD)
      throw new Error(`The administrator password needs ${MIN_PASSWORD}–${MAX_PASSWORD} characters`);
    const user = this.em.create(UserAccount, {
      username,
      displayName: 'Quản trị hệ thống',
      passwordHash: await this.hashNew(password),
      active: true,
      createdAt: new Date(),
    });
    this.em.create(RoleGrant, { user, role: Role.SYSTEM_ADMIN, unitId: nationId });
    await this.em.flush();
    return true;
  }
}

/** The account name as stored (trimmed, lower case); an over-long one is refused before anything else. */
function signInName(input: string): string {
  const username = input.trim().toLowerCase();
  if (username.length > MAX_USERNAME) {
    throw badInput(`Tên đăng nhập dài tối đa ${MAX_USERNAME} ký tự`, `User names have at most ${MAX_USERNAME} characters`, 'username');
  }
  return username;
}

function checkPasswordLength(password: string, field: string, min = MIN_PASSWORD): void {
  if (password.length > MAX_PASSWORD) {
    throw badInput(`Mật khẩu dài tối đa ${MAX_PASSWORD} ký tự`, `Passwords have at most ${MAX_PASSWORD} characters`, field);
  }
  if (password.length < min) {
    throw badInput(`Mật khẩu cần ít nhất ${min} ký tự`, `Password needs at least ${min} characters`, field);
  }
}

async function refuseWhileThrottled(throttle: LoginThrottle, username: string): Promise<void> {
  const wait = await throttle.retryAfter(username);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw hubError(
      'RATE_LIMITED',
      `Đăng nhập sai quá nhiều lần, thử lại sau ${minutes} phút`,
      `Too many failed sign-ins: try again in ${minutes} min`,
      { retryAfterSeconds: wait },
    );
  }
}
