import { gql } from './client';
import { cleanFilter, direction, pageWindow, type ResourceAdapter, type Row } from './adapter';

const ORDER: Record<string, string> = { at: 'AT', username: 'USERNAME', entity: 'ENTITY', action: 'ACTION', subgraph: 'SUBGRAPH' };

/** The audit log (nhật ký thay đổi): writes within the caller's scope, sorted and filtered by the accounts subgraph. */
export const auditLog: ResourceAdapter = {
  async getList(params) {
    const { auditLog } = await gql<{ auditLog: { nodes: Row[]; totalCount: number } }>(
      `query Audit($filter: AuditFilter, $offset: Int, $limit: Int, $orderBy: AuditOrderField, $direction: SortDirection) {
        auditLog(filter: $filter, offset: $offset, limit: $limit, orderBy: $orderBy, direction: $direction) { totalCount nodes { id at username subgraph entity entityId action unitId before after } }
      }`,
      {
        ...pageWindow(params),
        orderBy: ORDER[params.sort?.field ?? 'at'] ?? 'AT',
        direction: direction(params),
        filter: cleanFilter(params.filter, ['withinCode', 'asOf', 'username', 'entity', 'entityId', 'action', 'subgraph', 'from', 'to']),
      },
    );
    return { data: auditLog.nodes, total: auditLog.totalCount };
  },
};
