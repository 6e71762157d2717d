import { gql } from './client';
import { pagedList, type ResourceAdapter, type Row } from './adapter';

const USER_FIELDS = 'id username displayName active version createdAt grants { id role unit { id code name } }';
const ORDER: Record<string, string> = { username: 'USERNAME', displayName: 'DISPLAY_NAME', createdAt: 'CREATED' };

/** User accounts (tài khoản), for system administrators: paged, sorted and searched (accent-insensitive) on the server. */
export const users: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'users', filterType: 'UserFilter', orderType: 'UserOrderField', fields: USER_FIELDS,
    order: ORDER, fallback: 'USERNAME', filters: ['search', 'active', 'role'],
  }, params),
  async create(data) {
    const grants = ((data.grants ?? []) as Row[]).map((g) => ({ role: g.role, unitCode: g.unitCode, asOf: g.asOf || null }));
    const { createUser } = await gql<{ createUser: Row }>(`mutation Create($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`, {
      input: { username: String(data.username ?? '').trim().toLowerCase(), displayName: data.displayName, password: data.password, grants },
    });
    return createUser;
  },
};

/** Deactivates or reactivates an account, with the version the administrator saw. */
export async function setUserActive(id: string, active: boolean, expectedVersion: number): Promise<Row> {
  const { setUserActive } = await gql<{ setUserActive: Row }>(
    `mutation Active($id: ID!, $active: Boolean!, $v: Int!) { setUserActive(id: $id, active: $active, expectedVersion: $v) { ${USER_FIELDS} } }`,
    { id, active, v: expectedVersion },
  );
  return setUserActive;
}
