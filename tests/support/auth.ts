import { inject } from 'vitest';
import { issueToken } from '../../server/shared/auth-token.js';
import { Role, type Grant } from '../../server/shared/identity.js';
import { gql } from './client.js';
import './provided-context.js';

let nextUserId = 900_000;

/** The ltree paths a grant on this unit covers, as sign-in computes them: its own and its FULL predecessors'. */
async function grantPaths(unitCode: string, asOf: string): Promise<{ unitId: number; paths: string[] }> {
  const result = await gql(`query($c: String!, $d: Date) { unit(code: $c, asOf: $d) { id coveredPaths } }`, { c: unitCode, d: asOf });
  if (!result.data?.unit) throw new Error(`tokenFor: no unit ${unitCode} on ${asOf}`);
  return { unitId: Number(result.data.unit.id), paths: result.data.unit.coveredPaths };
}

/**
 * A sign-in token for a test user holding `role` over the unit with `unitCode` (valid on `asOf`), signed with the
 * test hub's key exactly as `login` signs one. Tests of sign-in itself go through the `login` mutation.
 */
export async function tokenFor(role: Role | keyof typeof Role, unitCode = 'VN', asOf = '2024-01-01'): Promise<string> {
  const { unitId, paths } = await grantPaths(unitCode, asOf);
  const grants: Grant[] = [{ role: role as Role, unitId, paths }];
  const userId = nextUserId++;
  const { token } = await issueToken({ userId, username: `test-${role.toLowerCase()}-${unitCode}-${userId}`, grants }, inject('authSecret'));
  return token;
}

export { Role };
