import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { requireSignedIn, scopePaths } from '../shared/authorize.js';
import { CAPABILITIES } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { forbidden } from '../shared/errors.js';
import { Role } from '../shared/identity.js';
import { listPage, orderClause } from '../shared/list-page.js';
import { ListType, PageArgs, SortDirection, toPage } from '../shared/paging.js';
import { today } from '../shared/scalars.js';
import { Conditions } from '../shared/sql.js';
import { AuditFilter, AuditOrderField } from './account.input.js';

/** The subgraph whose rows (accounts, grants) only system administrators read. */
const ACCOUNTS_SUBGRAPH = 'accounts';

const AUDIT_ORDER: Record<AuditOrderField, string | string[]> = {
  [AuditOrderField.AT]: 'at',
  [AuditOrderField.USERNAME]: 'username',
  [AuditOrderField.ENTITY]: ['entity', 'entity_id'],
  [AuditOrderField.ACTION]: 'action',
  [AuditOrderField.SUBGRAPH]: 'subgraph',
};

/** Một dòng nhật ký — one recorded write. */
@ObjectType('AuditEntry', { description: 'Nhật ký thay đổi — one recorded write: who, when, what, before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  id!: string;

  @Field(() => Date, { description: 'Thời điểm — when.' })
  at!: Date;

  @Field({ description: 'Người thực hiện ("system" cho nạp dữ liệu) — who ("system" for seeding).' })
  username!: string;

  @Field({ description: 'Phân hệ — the subgraph that wrote.' })
  subgraph!: string;

  @Field({ description: 'Loại bản ghi — entity type.' })
  entity!: string;

  @Field({ description: 'Mã bản ghi — entity id.' })
  entityId!: string;

  @Field({ description: 'Thao tác: CREATE, UPDATE, DELETE — the action.' })
  action!: string;

  @Field(() => Int, { nullable: true, description: 'Đơn vị liên quan — id of the unit the record concerns.' })
  unitId!: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Giá trị trước — values before.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Giá trị sau — values after.' })
  after!: Record<string, unknown> | null;
}

const AuditEntryList = ListType(AuditEntry, 'AuditEntryList', 'Một trang nhật ký — a page of audit entries.');

/** The audit log is read-only through the API: there is no mutation for it, and the table refuses updates. */
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryList, { description: 'Nhật ký thay đổi trong phạm vi quyền của bạn, mặc định mới nhất trước; nhật ký về tài khoản chỉ quản trị hệ thống xem được — writes within your scope, newest first by default; rows about accounts and grants, and rows of no unit, are for system administrators only.' })
  async auditLog(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AuditFilter,
    @Arg('orderBy', () => AuditOrderField, { nullable: true, description: 'Sắp xếp theo (mặc định AT) — sort field (default AT).' }) orderBy?: AuditOrderField,
    @Arg('direction', () => SortDirection, { nullable: true, description: 'Chiều sắp xếp (mặc định DESC) — sort direction (default DESC).' }) direction?: SortDirection,
  ) {
    requireSignedIn(ctx);
    const window = toPage(page);
    const where = new Conditions();
    // System administrators read everything. Everyone else reads the rows of their subtrees, never those about
    // accounts and grants (the accounts subgraph's) nor those of no unit — whatever the scope, the nation included.
    if (!ctx.identity.grants.some((grant) => grant.role === Role.SYSTEM_ADMIN)) {
      const scopes = scopePaths(ctx, CAPABILITIES.READ_AUDIT_LOG.roles);
      if (!scopes.length) throw forbidden('Không có quyền xem nhật ký', 'You may not read the audit log');
      where.add(`(unit_path IS NOT NULL AND unit_path <@ ?::public.ltree[] AND subgraph <> ?)`, `{${scopes.join(',')}}`, ACCOUNTS_SUBGRAPH);
    }
    if (filter?.withinCode) {
      const unit = await ctx.units.requireByCode(filter.withinCode, filter.asOf ?? today());
      where.add('unit_path <@ ?::public.ltree', unit.path);
    }
    if (filter?.username) where.add('username = ?', filter.username.trim().toLowerCase());
    if (filter?.entity) where.add('entity = ?', filter.entity);
    if (filter?.entityId) where.add('entity_id = ?', filter.entityId);
    if (filter?.action) where.add('action = ?', filter.action.toUpperCase());
    if (filter?.subgraph) where.add('subgraph = ?', filter.subgraph);
    if (filter?.from) where.add(`at >= ?::date`, filter.from);
    if (filter?.to) where.add(`at < ?::date + 1`, filter.to);
    const { rows, totalCount } = await listPage(ctx.em, '*', `FROM audit.audit_log ${where.where()}`, where.params,
      orderClause(AUDIT_ORDER[orderBy ?? AuditOrderField.AT], 'id', direction ?? SortDirection.DESC), window);
    return {
      totalCount,
      nodes: rows.map((r: any) => ({ id: String(r.id), at: new Date(r.at), username: r.username, subgraph: r.subgraph, entity: r.entity, entityId: r.entity_id, action: r.action, unitId: r.unit_id, before: r.before, after: r.after })),
    };
  }
}
