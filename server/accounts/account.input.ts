import { Field, InputType, registerEnumType } from 'type-graphql';
import { Role } from '../shared/identity.js';
import { DateScalar } from '../shared/scalars.js';

/** Một quyền cần cấp — a role over the unit with a code (valid on `asOf`). */
@InputType('GrantInput', { description: 'Quyền cần cấp — a role over the subtree of a unit.' })
export class GrantInput {
  @Field(() => Role, { description: 'Vai trò — the role.' })
  role!: Role;

  @Field({ description: 'Mã GSO của đơn vị phạm vi — code of the scope unit.' })
  unitCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày xác định đơn vị theo mã (mặc định hôm nay) — date that resolves the code (default today).',
  })
  asOf?: string;
}

@InputType('CreateUserInput', { description: 'Tạo tài khoản — a new account and its grants.' })
export class CreateUserInput {
  @Field({ description: 'Tên đăng nhập (3–80 ký tự: chữ, số, . _ -) — sign-in name.' })
  username!: string;

  @Field({ description: 'Họ tên hiển thị — display name.' })
  displayName!: string;

  @Field({ description: 'Mật khẩu (10–1024 ký tự) — password, 10 to 1024 characters.' })
  password!: string;

  @Field(() => [GrantInput], { description: 'Các quyền — the grants.' })
  grants!: GrantInput[];
}

@InputType('AuditFilter', { description: 'Bộ lọc nhật ký — filter for the audit log; conditions combine with AND.' })
export class AuditFilter {
  @Field(() => String, {
    nullable: true,
    description: "Chỉ thay đổi thuộc đơn vị này và cấp dưới — only changes within this unit's subtree.",
  })
  withinCode?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày xác định đơn vị theo mã — date that resolves `withinCode` (default today).',
  })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ của người dùng này — only by this user.' })
  username?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ loại bản ghi này (ví dụ Target) — only this entity type.' })
  entity?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Chỉ bản ghi có mã này (dùng cùng `entity`) — only the record with this id (use with `entity`).',
  })
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ thao tác này: CREATE, UPDATE, DELETE — only this action.' })
  action?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ phân hệ này (ví dụ campaigns) — only writes of this subgraph.' })
  subgraph?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Từ ngày — from this day.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến hết ngày — up to and including this day.' })
  to?: string;
}

/** Sắp xếp nhật ký theo — what the audit log can be sorted by. */
export enum AuditOrderField {
  AT = 'AT',
  USERNAME = 'USERNAME',
  ENTITY = 'ENTITY',
  ACTION = 'ACTION',
  SUBGRAPH = 'SUBGRAPH',
}
registerEnumType(AuditOrderField, {
  name: 'AuditOrderField',
  description: 'Sắp xếp nhật ký theo — sort field for the audit log.',
  valuesConfig: {
    AT: { description: 'Thời điểm — when.' },
    USERNAME: { description: 'Người thực hiện — who.' },
    ENTITY: { description: 'Loại bản ghi, rồi mã bản ghi — entity type, then entity id.' },
    ACTION: { description: 'Thao tác — the action.' },
    SUBGRAPH: { description: 'Phân hệ — the subgraph.' },
  },
});

/** Sắp xếp tài khoản theo — what the user list can be sorted by. */
export enum UserOrderField {
  USERNAME = 'USERNAME',
  DISPLAY_NAME = 'DISPLAY_NAME',
  CREATED = 'CREATED',
}
registerEnumType(UserOrderField, {
  name: 'UserOrderField',
  description: 'Sắp xếp tài khoản theo — sort field for user accounts.',
  valuesConfig: {
    USERNAME: { description: 'Tên đăng nhập — sign-in name.' },
    DISPLAY_NAME: { description: 'Họ tên, theo thứ tự chữ cái tiếng Việt — display name, in Vietnamese alphabetical order.' },
    CREATED: { description: 'Thời điểm tạo — when the account was created.' },
  },
});

@InputType('UserFilter', { description: 'Bộ lọc tài khoản — filter for user accounts; conditions combine with AND.' })
export class UserFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Tìm trong tên đăng nhập và họ tên, không phân biệt dấu — search sign-in and display names, accents ignored.',
  })
  search?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Chỉ tài khoản đang hoạt động (true) hoặc đã khóa (false) — only active (true) or deactivated (false) accounts.',
  })
  active?: boolean;

  @Field(() => Role, { nullable: true, description: 'Chỉ tài khoản có vai trò này — only accounts holding this role.' })
  role?: Role;
}
