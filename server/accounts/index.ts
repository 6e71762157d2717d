import type { SubgraphModule } from '../shared/subgraph-module.js';
import { AccountResolver } from './account.resolver.js';
import { GrantView, UnitRef } from './account.types.js';
import { ensureConfiguredAdmin, seedAccounts } from './account.seed.js';
import { AuditResolver } from './audit.resolver.js';
import { Migration20261122010000_accounts } from './migrations/Migration20261122010000_accounts.js';
import { RoleGrant, UserAccount } from './user.entity.js';

/** Tài khoản — users, role grants over unit subtrees, sign-in, and the audit log's reader. */
export const accountsSubgraph: SubgraphModule = {
  name: 'accounts',
  dbSchema: 'accounts',
  entities: [UserAccount, RoleGrant],
  migrations: [{ name: 'Migration20261122010000_accounts', class: Migration20261122010000_accounts }],
  resolvers: [AccountResolver, AuditResolver],
  orphanedTypes: [GrantView, UnitRef],
  seed: seedAccounts,
  start: ensureConfiguredAdmin,
};
