import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../shared/identity.js';
import { UserAccount } from './user.entity.js';

/** AdministrativeUnit as this subgraph knows it: by key only; the units subgraph resolves the rest. */
@ObjectType('AdministrativeUnit', { description: 'Đơn vị hành chính — an administrative unit (resolved by the units subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh — unit id.' })
  id!: number;
}

/** A grant as the API shows it: the role and the scope unit (an entity of the units subgraph). */
@ObjectType('Grant', { description: 'Quyền — a role over the subtree of a unit.' })
export class GrantView {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  id!: number;

  @Field(() => Role, { description: 'Vai trò — the role.' })
  role!: Role;

  @Field(() => UnitRef, { description: 'Đơn vị phạm vi — the scope unit.' })
  unit!: UnitRef;
}

@ObjectType('LoginResult', { description: 'Kết quả đăng nhập — a sign-in token and the account it belongs to.' })
export class LoginResult {
  @Field({ description: 'Mã thông báo, gửi kèm mỗi yêu cầu: "Authorization: Bearer <token>" — the token to send as a bearer token.' })
  token!: string;

  @Field(() => Date, { description: 'Hết hạn lúc — when the token expires.' })
  expiresAt!: Date;

  @Field(() => UserAccount, { description: 'Tài khoản — the account.' })
  user!: UserAccount;
}

