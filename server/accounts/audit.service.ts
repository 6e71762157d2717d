import { Service } from '../shared/service.js';
import { Capability } from '../shared/capabilities.js';
import type { Guard } from '../shared/guard.js';
import { listPage, orderClause } from '../shared/list-page.js';
import type { ListResult, ListSort, Page } from '../shared/paging.js';
import { today } from '../shared/scalars.js';
import { Conditions } from '../shared/sql.js';
import { AuditOrderField, type AuditFilter } from './account.input.js';

/** The subgraph whose rows (accounts, grants) only system administrators read. */
const ACCOUNTS_SUBGRAPH = 'accounts';

const AUDIT_ORDER: Record<AuditOrderField, string | string[]> = {
  [AuditOrderField.AT]: 'at',
  [AuditOrderField.USERNAME]: 'username',
  [AuditOrderField.ENTITY]: ['entity', 'entity_id'],
  [AuditOrderField.ACTION]: 'action',
  [AuditOrderField.SUBGRAPH]: 'subgraph',
};

/** One row of audit.audit_log as the API shows it. */
export interface AuditEntryData {
  id: string;
  at: Date;
  username: string;
  subgraph: string;
  entity: string;
  entityId: string;
  action: string;
  unitId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Reads the audit log (shared/audit.ts writes it) within what the caller may see. */
export class AuditService extends Service {
  private readonly units = this.ctx.units;

  /**
   * One page of the log. System administrators read everything. Everyone else reads the rows of the subtrees where
   * they hold READ_AUDIT_LOG, never those about accounts and grants (the accounts subgraph's) nor those of no unit —
   * whatever the scope, the nation included.
   */
  async list(filter: AuditFilter, page: Page, sort: ListSort<AuditOrderField>, guard: Guard): Promise<ListResult<AuditEntryData>> {
    const where = new Conditions();
    if (!guard.isSystemAdmin()) {
      const scopes = guard.paths(Capability.READ_AUDIT_LOG);
      where.add(`(unit_path IS NOT NULL AND unit_path <@ ?::public.ltree[] AND subgraph <> ?)`, `{${scopes.join(',')}}`, ACCOUNTS_SUBGRAPH);
    }
    if (filter.withinCode) {
      const unit = await this.units.requireByCode(filter.withinCode, filter.asOf ?? today());
      where.add('unit_path <@ ?::public.ltree', unit.path);
    }
    if (filter.username) where.add('username = ?', filter.username.trim().toLowerCase());
    if (filter.entity) where.add('entity = ?', filter.entity);
    if (filter.entityId) where.add('entity_id = ?', filter.entityId);
    if (filter.action) where.add('action = ?', filter.action.toUpperCase());
    if (filter.subgraph) where.add('subgraph = ?', filter.subgraph);
    if (filter.from) where.add(`at >= ?::date`, filter.from);
    if (filter.to) where.add(`at < ?::date + 1`, filter.to);
    const order = orderClause(AUDIT_ORDER[sort.orderBy], 'id', sort.direction);
    return listPage(this.em, page, { from: 'audit.audit_log', where, order }, (rows) =>
      rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at),
        username: r.username,
        subgraph: r.subgraph,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        unitId: r.unit_id,
        before: r.before,
        after: r.after,
      })),
    );
  }
}
