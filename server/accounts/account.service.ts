import argon2 from 'argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import { issueToken } from '../shared/auth-token.js';
import { badInput, checkVersion, conflict, hubError, notFound } from '../shared/errors.js';
import { Role, type Grant, type Identity } from '../shared/identity.js';
import { runtime } from '../shared/runtime.js';
import { today } from '../shared/scalars.js';
import type { UnitDirectory, UnitInfo } from '../shared/unit-directory.js';
import { listPage, orderClause } from '../shared/list-page.js';
import { SortDirection, type ListResult, type Page } from '../shared/paging.js';
import { isWithinPath } from '../shared/authorize.js';
import { Conditions, intArray, likeEscape, normaliseText } from '../shared/sql.js';
import { UserOrderField, type CreateUserInput, type GrantInput, type UserFilter } from './account.input.js';
import { LoginThrottle } from './login-throttle.js';
import { RoleGrant, UserAccount } from './user.entity.js';

const USER_ORDER: Record<UserOrderField, string> = {
  [UserOrderField.USERNAME]: 'u.username',
  [UserOrderField.DISPLAY_NAME]: 'u.display_name COLLATE "vi-x-icu"',
  [UserOrderField.CREATED]: 'u.created_at',
};

const USERNAME = /^[a-z0-9._-]{3,80}$/;
const MIN_PASSWORD = 10;
const throttle = new LoginThrottle();
// Verifying against a fixed hash for unknown names keeps their timing like that of known names.
const decoy = argon2.hash('decoy-password-for-unknown-users', { type: argon2.argon2id });

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserAccount;
  identity: Identity;
}

/** Accounts, grants and sign-in. */
export class AccountService {
  constructor(private readonly em: EntityManager, private readonly units: UnitDirectory) {}

  static hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
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

  async login(usernameInput: string, password: string): Promise<LoginResult> {
    const username = usernameInput.trim().toLowerCase();
    const wait = throttle.retryAfter(username);
    if (wait > 0) {
      throw hubError('RATE_LIMITED', `Đăng nhập sai quá nhiều lần, thử lại sau ${Math.ceil(wait / 60_000)} phút`,
        `Too many failed sign-ins: try again in ${Math.ceil(wait / 60_000)} min`, { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
    const user = await this.em.findOne(UserAccount, { username }, { populate: ['passwordHash'] });
    const ok = await argon2.verify(user?.passwordHash ?? (await decoy), password);
    if (!user || !ok || !user.active) {
      throttle.fail(username);
      throw hubError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong user name or password');
    }
    throttle.succeed(username);
    const identity = await this.identityOf(user);
    const { token, expiresAt } = await issueToken(identity, runtime.authSecret);
    return { token, expiresAt, user, identity };
  }

  /** Resolves each grant's unit; the caller authorises against the returned units before anything is written. */
  async resolveGrants(grants: GrantInput[]): Promise<{ input: GrantInput; unit: UnitInfo }[]> {
    if (!grants.length) throw badInput('Cần ít nhất một quyền', 'At least one grant is needed', 'grants');
    return Promise.all(grants.map(async (input) => ({ input, unit: await this.units.requireByCode(input.unitCode, input.asOf ?? today()) })));
  }

  async createUser(input: CreateUserInput, units: { input: GrantInput; unit: UnitInfo }[]): Promise<UserAccount> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) {
      throw badInput('Tên đăng nhập 3–80 ký tự: chữ thường, số, dấu . _ -', 'User name: 3–80 characters of a-z 0-9 . _ -', 'username');
    }
    if (input.password.length < MIN_PASSWORD) {
      throw badInput(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`, `Password needs at least ${MIN_PASSWORD} characters`, 'password');
    }
    if (!input.displayName.trim()) throw badInput('Cần họ tên', 'Display name is required', 'displayName');
    if (await this.em.count(UserAccount, { username })) {
      throw conflict(`Tên đăng nhập "${username}" đã có`, `User name "${username}" is taken`);
    }
    const user = this.em.create(UserAccount, { username, displayName: input.displayName.trim(), passwordHash: await AccountService.hash(input.password), active: true, createdAt: new Date() });
    for (const { input: grant, unit } of units) this.em.create(RoleGrant, { user, role: grant.role, unitId: unit.id });
    await this.em.flush();
    return user;
  }

  /** Ids of the units that grants are held on and that lie inside one of these subtrees. */
  async grantUnitsWithin(scopes: readonly string[]): Promise<number[]> {
    const ids = (await this.em.execute<{ unit_id: number }[]>('SELECT DISTINCT unit_id FROM accounts.role_grant')).map((r) => Number(r.unit_id));
    const units = await this.units.byIds(ids);
    return units.filter((u): u is UnitInfo => u !== null && scopes.some((scope) => isWithinPath(u.path, scope))).map((u) => u.id);
  }

  /**
   * One page of accounts matching the filter, in the order asked; `withinUnits` (when given) keeps only accounts
   * holding a grant on one of those units.
   */
  async list(filter: UserFilter, page: Page, orderBy = UserOrderField.USERNAME, direction = SortDirection.ASC, withinUnits: readonly number[] | null = null): Promise<ListResult<UserAccount>> {
    const where = new Conditions();
    if (withinUnits) where.add('EXISTS (SELECT 1 FROM accounts.role_grant g WHERE g.user_id = u.id AND g.unit_id = ANY(?::int[]))', intArray(withinUnits));
    const search = filter.search ? normaliseText(filter.search) : '';
    if (search) {
      where.add(`public.ntm_fold(u.username || ' ' || u.display_name) LIKE '%' || public.ntm_fold(?) || '%'`, likeEscape(search));
    }
    if (filter.active != null) where.add('u.active = ?', filter.active);
    if (filter.role) where.add('EXISTS (SELECT 1 FROM accounts.role_grant g WHERE g.user_id = u.id AND g.role = ?)', filter.role);
    const { rows, totalCount } = await listPage(this.em, 'u.id', `FROM accounts.user_account u ${where.where()}`, where.params, orderClause(USER_ORDER[orderBy], 'u.id', direction), page);
    const ids = rows.map((r) => Number(r.id));
    const byId = new Map((await this.em.find(UserAccount, { id: { $in: ids } })).map((u) => [u.id, u]));
    return { nodes: ids.map((id) => byId.get(id)!), totalCount };
  }

  async requireUser(id: number): Promise<UserAccount> {
    const user = Number.isInteger(id) ? await this.em.findOne(UserAccount, { id }, { populate: ['grants'] }) : null;
    if (!user) throw notFound(`Không có tài khoản ${id}`, `No user ${id}`);
    return user;
  }

  async setActive(user: UserAccount, active: boolean, expectedVersion: number): Promise<UserAccount> {
    checkVersion(user.version, expectedVersion);
    user.active = active;
    await this.em.flush();
    return user;
  }

  async changePassword(user: UserAccount, current: string, next: string): Promise<boolean> {
    await this.em.populate(user, ['passwordHash']);
    if (!(await argon2.verify(user.passwordHash, current))) throw badInput('Mật khẩu hiện tại không đúng', 'Current password is wrong', 'currentPassword');
    if (next.length < MIN_PASSWORD) throw badInput(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`, `Password needs at least ${MIN_PASSWORD} characters`, 'newPassword');
    user.passwordHash = await AccountService.hash(next);
    await this.em.flush();
    return true;
  }

  /** Creates a system administrator unless the name exists (first start, CLI). */
  async ensureSystemAdmin(username: string, password: string, nationId: number): Promise<boolean> {
    if (await this.em.count(UserAccount, { username })) return false;
    if (password.length < MIN_PASSWORD) throw new Error(`The administrator password needs at least ${MIN_PASSWORD} characters`);
    const user = this.em.create(UserAccount, { username, displayName: 'Quản trị hệ thống', passwordHash: await AccountService.hash(password), active: true, createdAt: new Date() });
    this.em.create(RoleGrant, { user, role: Role.SYSTEM_ADMIN, unitId: nationId });
    await this.em.flush();
    return true;
  }
}

