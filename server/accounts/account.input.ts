import { Field, InputType } from 'type-graphql';
import { Role } from '../shared/identity.js';
import { DateScalar } from '../shared/scalars.js';

/** Một quyền cần cấp — a role over the unit with a code (valid on `asOf`). */
@InputType('GrantInput', { description: 'Quyền cần cấp — a role over the subtree of a unit.' })
export class GrantInput {
  @Field(() => Role, { description: 'Vai trò — the role.' })
  role!: Role;

  @Field({ description: 'Mã GSO của đơn vị phạm vi — code of the scope unit.' })
  unitCode!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày xác định đơn vị theo mã (mặc định hôm nay) — date that resolves the code (default today).' })
  asOf?: string;
}

@InputType('CreateUserInput', { description: 'Tạo tài khoản — a new account and its grants.' })
export class CreateUserInput {
  @Field({ description: 'Tên đăng nhập (3–80 ký tự: chữ, số, . _ -) — sign-in name.' })
  username!: string;

  @Field({ description: 'Họ tên hiển thị — display name.' })
  displayName!: string;

  @Field({ description: 'Mật khẩu (ít nhất 10 ký tự) — password, at least 10 characters.' })
  password!: string;

  @Field(() => [GrantInput], { description: 'Các quyền — the grants.' })
  grants!: GrantInput[];
}

@InputType('AuditFilter', { description: 'Bộ lọc nhật ký — filter for the audit log; conditions combine with AND.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Chỉ thay đổi thuộc đơn vị này và cấp dưới — only changes within this unit\'s subtree.' })
  withinCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày xác định đơn vị theo mã — date that resolves `withinCode` (default today).' })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ của người dùng này — only by this user.' })
  username?: string;

  @Field(() => String, { nullable: true, description: 'Chỉ loại bản ghi này (ví dụ Target) — only this entity type.' })
  entity?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Từ ngày — from this day.' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến hết ngày — up to and including this day.' })
  to?: string;
}
