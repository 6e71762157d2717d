import type { SubgraphModule } from '../shared/subgraph-module.js';
import { AccountResolver } from './account.resolver.js';
import { GrantView } from './account.types.js';
import { UnitRef } from './accounts.reference.js';
import { ensureConfiguredAdmin, seedAccounts } from './accounts.seed.js';
import { AuditResolver } from './audit.resolver.js';
import { jwksRouter } from './jwks.js';
import { Migration20261122010000_accounts } from './migrations/Migration20261122010000_accounts.js';
import { Migration20270105000000_sessions } from './migrations/Migration20270105000000_sessions.js';
import { RoleGrant, UserAccount } from './user.entity.js';

/** Tài khoản — users, role grants over unit subtrees, sign-in (and the JWKS that verifies its tokens), and the audit log's reader. */
export const accountsSubgraph: SubgraphModule = {
  name: 'accounts',
  dbSchema: 'accounts',
  entities: [UserAccount, RoleGrant],
  migrations: [
    { name: 'Migration20261122010000_accounts', class: Migration20261122010000_accounts },
    { name: 'Migration20270105000000_sessions', class: Migration20270105000000_sessions },
  ],
  resolvers: [AccountResolver, AuditResolver],
  orphanedTypes: [GrantView, UnitRef],
  seed: seedAccounts,
  seedsAfter: ['units'],
  start: ensureConfiguredAdmin,
  http: { path: '/.well-known', router: jwksRouter },
};
