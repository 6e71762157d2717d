import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isWithinPath } from '../shared/guard.js';
import { Capability, CAPABILITIES } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { CreateUserInput, GrantInput, UserFilter, UserOrderField } from './account.input.js';
import { AccountService } from './account.service.js';
import { CapabilityView, LoginResult, GrantView } from './account.types.js';
import { RoleGrant, UserAccount } from './user.entity.js';

const UserList = ListType(UserAccount, 'UserList', 'Một trang tài khoản — a page of user accounts.');

const service = (ctx: SubgraphContext) => new AccountService(ctx);

const UserSort = SortArgs(UserOrderField, UserOrderField.USERNAME);

@Resolver(() => UserAccount)
export class AccountResolver {
  @Mutation(() => LoginResult, {
    description:
      'Đăng nhập, nhận mã thông báo có hạn 8 giờ — sign in and receive a token valid for 8 hours. Five failures of one name within 15 minutes refuse further attempts until the window passes (RATE_LIMITED), on every process.',
  })
  async login(
    @Arg('username', { description: 'Tên đăng nhập (tối đa 80 ký tự) — user name, at most 80 characters.' }) username: string,
    @Arg('password', { description: 'Mật khẩu (tối đa 1024 ký tự) — password, at most 1024 characters.' }) password: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LoginResult> {
    const result = await service(ctx).login(username, password, ctx.auth);
    // The rest of this request is the signed-in user's, so the result may show the user's own grants.
    ctx.identity = result.identity;
    return result;
  }

  @Query(() => UserAccount, {
    nullable: true,
    description: 'Tài khoản đang đăng nhập (null nếu ẩn danh) — the signed-in account, null when anonymous.',
  })
  async me(@Ctx() ctx: SubgraphContext): Promise<UserAccount | null> {
    return ctx.identity.userId === null ? null : ctx.em.findOne(UserAccount, { id: ctx.identity.userId });
  }

  @Query(() => [CapabilityView], {
    description:
      'Bảng năng lực: vai trò nào được làm gì, trong địa bàn của đơn vị nào (bảng mà mọi subgraph dùng để cho phép) — the capability table every subgraph authorises with: which roles may do what, within whose subtree. With `me { grants { role paths } }` a client can tell what the signed-in user may do on a record.',
  })
  capabilities(): CapabilityView[] {
    return Object.entries(CAPABILITIES).map(([capability, rule]) => ({
      capability: capability as Capability,
      roles: [...rule.roles],
      operations: [...rule.operations],
      scope: rule.scope,
    }));
  }

  @Authorized(Capability.MANAGE_ACCOUNTS)
  @Query(() => UserList, {
    description:
      'Danh sách tài khoản: quản trị hệ thống thấy tất cả, quản trị đơn vị thấy tài khoản có quyền trong địa bàn của mình — user accounts: all of them for system administrators, those holding a grant inside your subtree for unit administrators.',
  })
  async users(
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => UserFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: UserFilter,
    @Args(() => UserSort) sort?: SortRequest<UserOrderField>,
  ) {
    const scopes = ctx.guard.paths(Capability.MANAGE_ACCOUNTS);
    const accounts = service(ctx);
    const window = toPage(page);
    const within = scopes.includes('1') ? null : await accounts.grantUnitsWithin(scopes);
    return accounts.list(filter ?? {}, window, UserSort.resolve(sort), within);
  }

  @Authorized(Capability.MANAGE_ACCOUNTS)
  @Mutation(() => UserAccount, {
    description: 'Tạo tài khoản với các quyền — create an account; a UNIT_ADMIN may grant roles only inside their own subtree.',
  })
  async createUser(
    @Arg('input', () => CreateUserInput, { description: 'Tài khoản mới — the account.' }) input: CreateUserInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UserAccount> {
    return ctx.em.transactional((em) => new AccountService(inTransaction(ctx, em)).createUser(input, ctx.guard));
  }

  @Authorized(Capability.MANAGE_ACCOUNTS)
  @Mutation(() => UserAccount, {
    description:
      "Cấp thêm một quyền cho tài khoản; tài khoản phải đăng nhập lại — add a grant to an account (authorised like createUser); the account's current tokens stop working and it signs in again.",
  })
  async addUserGrant(
    @Arg('userId', () => ID, { description: 'Mã tài khoản — account id.' }) userId: string,
    @Arg('grant', () => GrantInput, { description: 'Quyền cần cấp — the grant.' }) grant: GrantInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UserAccount> {
    return ctx.em.transactional((em) => new AccountService(inTransaction(ctx, em)).addGrant(userId, grant, ctx.guard));
  }

  @Authorized(Capability.MANAGE_ACCOUNTS)
  @Mutation(() => UserAccount, {
    description:
      "Thu hồi một quyền của tài khoản; tài khoản phải đăng nhập lại — remove a grant (authorised like createUser; an account keeps at least one); the account's current tokens stop working.",
  })
  async removeUserGrant(
    @Arg('grantId', () => ID, { description: 'Mã quyền (Grant.id) — id of the grant.' }) grantId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UserAccount> {
    return ctx.em.transactional((em) => new AccountService(inTransaction(ctx, em)).removeGrant(grantId, ctx.guard));
  }

  @Authorized(Capability.LOCK_ACCOUNTS)
  @Mutation(() => UserAccount, {
    description:
      "Khóa hoặc mở khóa tài khoản (quản trị hệ thống); tài khoản bị khóa mất mọi phiên đăng nhập sau vài giây — deactivate or reactivate an account (system administrators); a deactivated account's tokens are refused within seconds.",
  })
  async setUserActive(
    @Arg('id', () => ID, { description: 'Mã tài khoản — account id.' }) id: string,
    @Arg('active', { description: 'Cho phép đăng nhập — whether it may sign in.' }) active: boolean,
    @Arg('expectedVersion', () => Int, { description: 'Phiên bản đang xem — the version you are changing.' }) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<UserAccount> {
    return ctx.em.transactional(async (em) => {
      const accounts = new AccountService(inTransaction(ctx, em));
      return accounts.setActive(await accounts.requireUser(Number(id)), active, expectedVersion);
    });
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Đổi mật khẩu của chính mình; mọi phiên đăng nhập của tài khoản hết hiệu lực, hãy đăng nhập lại — change your own password; every token of the account, this one included, stops working: sign in again.',
  })
  async changePassword(
    @Arg('currentPassword', { description: 'Mật khẩu hiện tại — current password.' }) currentPassword: string,
    @Arg('newPassword', { description: 'Mật khẩu mới (10–1024 ký tự) — new password, 10 to 1024 characters.' }) newPassword: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return ctx.em.transactional(async (em) => {
      const accounts = new AccountService(inTransaction(ctx, em));
      return accounts.changePassword(await accounts.requireUser(ctx.identity.userId!), currentPassword, newPassword);
    });
  }

  @FieldResolver(() => [GrantView], {
    description:
      "Các quyền — the account's role grants: all of them for the account itself and system administrators, otherwise those inside your UNIT_ADMIN scope.",
  })
  async grants(@Root() user: UserAccount, @Ctx() ctx: SubgraphContext): Promise<GrantView[]> {
    await ctx.em.populate(user, ['grants']);
    const grants = user.grants.getItems();
    const scopes = ctx.guard.paths(Capability.MANAGE_ACCOUNTS);
    const visible =
      ctx.identity.userId === user.id || scopes.includes('1')
        ? grants
        : (
            await Promise.all(
              grants.map(async (g: RoleGrant) => {
                const unit = await ctx.units.byId(g.unitId);
                return unit && scopes.some((scope) => isWithinPath(unit.path, scope)) ? g : null;
              }),
            )
          ).filter((g): g is RoleGrant => g !== null);
    return Promise.all(
      visible.map(async (g) => ({ id: g.id, role: g.role, unit: { id: g.unitId }, paths: (await ctx.units.grantPaths(g.unitId)) ?? [] })),
    );
  }
}
