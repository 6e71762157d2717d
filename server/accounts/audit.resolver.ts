import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import type { SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, SortDirection, toPage } from '../shared/paging.js';
import { AuditFilter, AuditOrderField } from './account.input.js';
import { AuditService } from './audit.service.js';

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

const AuditSort = SortArgs(AuditOrderField, AuditOrderField.AT, { direction: SortDirection.DESC });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Capability.READ_AUDIT_LOG)
  @Query(() => AuditEntryList, {
    description:
      'Nhật ký thay đổi trong phạm vi quyền của bạn, mặc định mới nhất trước; nhật ký về tài khoản chỉ quản trị hệ thống xem được — writes within your scope, newest first by default; rows about accounts and grants, and rows of no unit, are for system administrators only.',
  })
  async auditLog(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: AuditFilter,
    @Args(() => AuditSort) sort?: SortRequest<AuditOrderField>,
  ) {
    return new AuditService(ctx).list(filter ?? {}, toPage(page), AuditSort.resolve(sort), ctx.guard);
  }
}
