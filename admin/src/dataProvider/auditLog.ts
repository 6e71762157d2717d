import { pagedList, type ResourceAdapter } from './adapter';

const ORDER: Record<string, string> = { at: 'AT', username: 'USERNAME', entity: 'ENTITY', action: 'ACTION', subgraph: 'SUBGRAPH' };

/** The audit log (nhật ký thay đổi): writes within the caller's scope, sorted and filtered by the accounts subgraph. */
export const auditLog: ResourceAdapter = {
  getList: (params) => pagedList({
    field: 'auditLog', filterType: 'AuditFilter', orderType: 'AuditOrderField', fields: 'id at username subgraph entity entityId action unitId before after',
    order: ORDER, fallback: 'AT', filters: ['withinCode', 'asOf', 'username', 'entity', 'entityId', 'action', 'subgraph', 'from', 'to'],
  }, params),
};
