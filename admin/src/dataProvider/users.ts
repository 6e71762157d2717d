import { gql } from './client';
import { cleanFilter, direction, pageWindow, type ResourceAdapter, type Row } from './adapter';

const USER_FIELDS = 'id username displayName active version createdAt grants { id role unit { id code name } }';
const ORDER: Record<string, string> = { username: 'USERNAME', displayName: 'DISPLAY_NAME', createdAt: 'CREATED' };

/** User accounts (tài khoản), for system administrators: paged, sorted and searched (accent-insensitive) on the server. */
export const users: ResourceAdapter = {
  async getList(params) {
    const { users } = await gql<{ users: { nodes: Row[]; totalCount: number } }>(
      `query Users($filter: UserFilter, $offset: Int, $limit: Int, $orderBy: UserOrderField, $direction: SortDirection) {
        users(filter: $filter, offset: $offset, limit: $limit, orderBy: $orderBy, direction: $direction) { totalCount nodes { ${USER_FIELDS} } }
      }`,
      {
        ...pageWindow(params),
        orderBy: ORDER[params.sort?.field ?? 'username'] ?? 'USERNAME',
        direction: direction(params),
        filter: cleanFilter(params.filter, ['search', 'active', 'role']),
      },
    );
    return { data: users.nodes, total: users.totalCount };
  },
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
