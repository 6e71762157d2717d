import { Field, ID, ObjectType } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { Role } from '../shared/identity.js';
import { UnitRef } from './accounts.reference.js';
import { UserAccount } from './user.entity.js';

/** A grant as the API shows it: the role and the scope unit (an entity of the units subgraph). */
@ObjectType('Grant', { description: 'Quyền — a role over the subtree of a unit.' })
export class GrantView {
  @Field(() => ID, { description: 'Mã định danh — id.' })
  id!: number;

  @Field(() => Role, { description: 'Vai trò — the role.' })
  role!: Role;

  @Field(() => UnitRef, { description: 'Đơn vị phạm vi — the scope unit.' })
  unit!: UnitRef;

  @Field(() => [String], {
    description:
      "Các đường dẫn (ltree) quyền bao trùm: của đơn vị phạm vi và, với đơn vị hình thành khi sắp xếp 2025, của các đơn vị nhập trọn vào nó — the ltree paths the grant covers: the scope unit's and, for a unit formed in the 2025 reorganisation, those of the units it took over whole. A record is in scope when its unit's path starts with one of them.",
  })
  paths!: string[];
}

@ObjectType('CapabilityRule', {
  description:
    'Một dòng của bảng năng lực: ai được làm gì, trong địa bàn của đơn vị nào — one row of the capability table: who may do what, within whose subtree. SYSTEM_ADMIN may do everything.',
})
export class CapabilityView {
  @Field(() => Capability, { description: 'Năng lực — the capability.' })
  capability!: Capability;

  @Field(() => [Role], {
    description: 'Vai trò được phép, trong địa bàn chứa đơn vị `scope` — roles that may, over a subtree containing the unit `scope` names.',
  })
  roles!: Role[];

  @Field(() => [String], {
    description:
      'Các thao tác (mutation, hoặc mutation:bước của quy trình) — the operations it governs (a mutation, or mutation:step of a workflow).',
  })
  operations!: string[];

  @Field({ description: 'Đơn vị quyết định phạm vi, "tiếng Việt — English" — whose subtree decides.' })
  scope!: string;
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
