import { gql } from './client';
import { pagedList, type ResourceAdapter, type Row } from './adapter';
import { CREATE_USER, SET_USER_ACTIVE, USER_LIST } from './documents/accounts';

const ORDER: Record<string, string> = { username: 'USERNAME', displayName: 'DISPLAY_NAME', createdAt: 'CREATED' };

/** User accounts (tài khoản), for system administrators: paged, sorted and searched (accent-insensitive) on the server. */
export const users: ResourceAdapter = {
  getList: pagedList(USER_LIST, { order: ORDER, fallback: 'USERNAME', filters: ['search', 'active', 'role'] }),
  async create(data) {
    const grants = ((data.grants ?? []) as Row[]).map((g) => ({ role: g.role, unitCode: g.unitCode, asOf: g.asOf || null }));
    const { createUser } = await gql<{ createUser: Row }>(CREATE_USER, {
      input: {
        username: String(data.username ?? '')
          .trim()
          .toLowerCase(),
        displayName: data.displayName,
        password: data.password,
        grants,
      },
    });
    return createUser;
  },
};

/** The data provider's account methods beyond react-admin's own. */
export const userMethods = {
  /** Deactivates or reactivates an account, with the version the administrator saw. */
  async setUserActive(id: string, active: boolean, expectedVersion: number): Promise<Row> {
    return (await gql<{ setUserActive: Row }>(SET_USER_ACTIVE, { id, active, v: expectedVersion })).setUserActive;
  },
};
