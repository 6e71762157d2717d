import { gql } from './client';
import { pagedList, type ResourceAdapter } from './adapter';
import { AUDIT_LOG_LIST, RECENT_CHANGES } from './documents/accounts';

const ORDER: Record<string, string> = { at: 'AT', username: 'USERNAME', entity: 'ENTITY', action: 'ACTION', subgraph: 'SUBGRAPH' };

/** The audit log (nhật ký thay đổi): writes within the caller's scope, sorted and filtered by the accounts subgraph. */
export const auditLog: ResourceAdapter = {
  getList: pagedList(AUDIT_LOG_LIST, {
    order: ORDER,
    fallback: 'AT',
    filters: ['withinCode', 'asOf', 'username', 'entity', 'entityId', 'action', 'subgraph', 'from', 'to'],
  }),
};

export interface RecentChange {
  id: string;
  at: string;
  username: string;
  entity: string;
  action: string;
}

export const auditLogMethods = {
  /** The eight latest writes in the caller's scope (the dashboard). */
  async recentChanges(): Promise<RecentChange[]> {
    return (await gql<{ auditLog: { nodes: RecentChange[] } }>(RECENT_CHANGES)).auditLog.nodes;
  },
};
