import type { EntityManager } from '@mikro-orm/postgresql';
import { LOWEST_PASSWORD_COST } from '../shared/auth/hub-auth.js';
import { inTransaction } from '../shared/context.js';
import { Role } from '../shared/identity.js';
import type { SeedTools } from '../shared/subgraph-module.js';
import { AccountService } from './account.service.js';
import { RoleGrant, UserAccount } from './user.entity.js';

/**
 * Demo accounts, created only in the demo profile (never when NODE_ENV=production). Their passwords are public:
 * they are listed in docs/accounts.md.
 */
export const DEMO_ACCOUNTS = [
  {
    username: 'admin',
    password: 'ntm-demo-admin',
    displayName: 'Quản trị hệ thống (demo)',
    role: Role.SYSTEM_ADMIN,
    unitCode: 'VN',
    asOf: null,
  },
  {
    username: 'khanhhoa.admin',
    password: 'demo-khanhhoa',
    displayName: 'Quản trị tỉnh Khánh Hòa (demo)',
    role: Role.UNIT_ADMIN,
    unitCode: '56',
    asOf: null,
  },
  {
    username: 'khanhhoa.council',
    password: 'demo-council',
    displayName: 'Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa (demo)',
    role: Role.COUNCIL,
    unitCode: '56',
    asOf: null,
  },
  {
    username: 'quangnam.admin',
    password: 'demo-quangnam',
    displayName: 'Quản trị tỉnh Quảng Nam 2021–2025 (demo)',
    role: Role.UNIT_ADMIN,
    unitCode: '49',
    asOf: '2024-01-01',
  },
  {
    username: 'backan.assessor',
    password: 'demo-backan',
    displayName: 'Cán bộ đánh giá tỉnh Bắc Kạn 2021–2025 (demo)',
    role: Role.ASSESSOR,
    unitCode: '06',
    asOf: '2024-01-01',
  },
  { username: 'viewer', password: 'demo-viewer', displayName: 'Người xem (demo)', role: Role.VIEWER, unitCode: 'VN', asOf: null },
] as const;

export async function seedAccounts(em: EntityManager, { log, units, demo }: SeedTools): Promise<void> {
  if (!demo) return;
  // argon2 is slow by design, which protects nothing here: these passwords are published. At the lowest cost
  // (1 MiB, one pass; verifying reads it from the hash) the first start spends no CPU on them; a password set later
  // through the API is hashed at the full cost.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => AccountService.hash(account.password, LOWEST_PASSWORD_COST)));
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    const unit = await units.requireByCode(account.unitCode, account.asOf ?? undefined);
    const user = em.create(UserAccount, {
      username: account.username,
      displayName: account.displayName,
      passwordHash: hashes[i],
      active: true,
      createdAt: new Date(),
    });
    em.create(RoleGrant, { user, role: account.role, unitId: unit.id });
  }
  await em.flush();
  log.info({ accounts: DEMO_ACCOUNTS.map((a) => a.username) }, 'created demo accounts');
}

/** On every start: the system administrator named by NTM_ADMIN_USERNAME / NTM_ADMIN_PASSWORD, if missing. */
export async function ensureConfiguredAdmin(em: EntityManager, { log, units, admin, system }: SeedTools): Promise<void> {
  if (!admin) return;
  const { username, password } = admin;
  const nation = await units.requireByCode('VN');
  if (await new AccountService(inTransaction(system, em)).ensureSystemAdmin(username, password, nation.id)) {
    log.info({ username }, 'created the system administrator from the environment');
  }
}
