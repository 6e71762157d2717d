import { gql } from './client';
import { cleanFilter, pageWindow, type ResourceAdapter, type Row } from './adapter';

/** The audit log (nhật ký thay đổi): writes within the caller's scope, newest first. */
export const auditLog: ResourceAdapter = {
  async getList(params) {
    const { auditLog } = await gql<{ auditLog: { nodes: Row[]; totalCount: number } }>(
      `query Audit($filter: AuditFilter, $offset: Int, $limit: Int) { auditLog(filter: $filter, offset: $offset, limit: $limit) { totalCount nodes { id at username subgraph entity entityId action unitId before after } } }`,
      { ...pageWindow(params), filter: cleanFilter(params.filter, ['withinCode', 'asOf', 'username', 'entity', 'from', 'to']) },
    );
    return { data: auditLog.nodes, total: auditLog.totalCount };
  },
};
