import { registerEnumType } from 'type-graphql';

/** Vai trò — what a user may do, always within the subtree of a scope unit. */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  UNIT_ADMIN = 'UNIT_ADMIN',
  ASSESSOR = 'ASSESSOR',
  COUNCIL = 'COUNCIL',
  VIEWER = 'VIEWER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Vai trò — role of a user within the subtree of a scope unit.',
  valuesConfig: {
    SYSTEM_ADMIN: { description: 'Quản trị hệ thống — everything.' },
    UNIT_ADMIN: { description: 'Quản trị đơn vị — configures campaigns, targets, criteria overrides and standards in the subtree.' },
    ASSESSOR: { description: 'Cán bộ đánh giá — records assessments and contributions in the subtree.' },
    COUNCIL: { description: 'Hội đồng thi đua — moves nominations and records decisions for the scope unit.' },
    VIEWER: { description: 'Người xem — reads personal data in the subtree, writes nothing.' },
  },
});

/**
 * A role granted over the subtree of one administrative unit. `paths` holds the scope unit's ltree path and, for a
 * unit formed in the 2025 reorganisation, the paths of its FULL predecessors (whose records it inherits).
 */
export interface Grant {
  role: Role;
  unitId: number;
  paths: string[];
}

/** Who is calling: established by the gateway from a signed token, never by a subgraph's client. */
export interface Identity {
  userId: number | null;
  username: string | null;
  grants: Grant[];
}

export const ANONYMOUS: Identity = Object.freeze({ userId: null, username: null, grants: [] });

/**
 * The system actor: who loads seeds and runs start-up jobs, with no caller. Its writes are audited as "system" (no user
 * id); it passes every scope check (SYSTEM_GUARD in shared/guard.ts) and is never the identity of a request.
 */
export const SYSTEM_IDENTITY: Identity = Object.freeze({ userId: null, username: 'system', grants: [] });
