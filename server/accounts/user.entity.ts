import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../shared/identity.js';
import { Identified } from '../shared/identified.entity.js';
import { TextField } from '../shared/text-field.js';

/** Tài khoản — a person who signs in to the hub. */
@ObjectType('User', { description: 'Tài khoản người dùng — a user account with its role grants.' })
@Entity({ tableName: 'user_account' })
export class UserAccount {
  [OptionalProps]?: 'version' | 'active' | 'createdAt';

  @Field(() => ID, { description: 'Mã định danh — id.' })
  @PrimaryKey()
  id!: number;

  @Field({ description: 'Tên đăng nhập (chữ thường) — sign-in name, lower case.' })
  @Property({ length: 80 })
  @Unique()
  username!: string;

  @TextField('Họ tên hiển thị — display name.')
  displayName!: string;

  /** argon2id hash; never leaves the subgraph. */
  @Property({ columnType: 'text', lazy: true })
  passwordHash!: string;

  @Field({ description: 'Đang hoạt động — whether the account may sign in.' })
  @Property({ default: true })
  active: boolean = true;

  @Field(() => Int, { description: 'Phiên bản (khóa lạc quan) — version, for optimistic locking.' })
  @Property({ version: true })
  version!: number;

  @Field(() => Date, { description: 'Thời điểm tạo — when the account was created.' })
  @Property({ columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @OneToMany(() => RoleGrant, (grant) => grant.user, { orphanRemoval: true })
  grants = new Collection<RoleGrant>(this);

  /** Accounts are not tied to one unit; their grants are. */
  auditUnitId(): number | null {
    return null;
  }
}

/** Phân quyền — a role a user holds over the subtree of one administrative unit. */
@ObjectType('RoleGrant', { description: 'Phân quyền — a role held over the subtree of an administrative unit.' })
@Entity({ tableName: 'role_grant' })
export class RoleGrant extends Identified {
  @ManyToOne(() => UserAccount, { ref: false, deleteRule: 'cascade' })
  @Index()
  user!: UserAccount;

  @Field(() => Role, { description: 'Vai trò — the role.' })
  @Enum({ items: () => Role })
  role!: Role;

  /** Id of the scope unit (an AdministrativeUnit of the units subgraph). */
  @Property()
  unitId!: number;

  auditUnitId(): number {
    return this.unitId;
  }
}
