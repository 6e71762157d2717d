import { createHmac, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Identity } from './identity.js';

/** Header in which the gateway forwards the caller's identity to subgraphs it reaches over HTTP. */
export const IDENTITY_HEADER = 'x-ntm-identity';
const MAX_AGE_MS = 60_000;

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** Signs an identity for one hop gateway → subgraph; short-lived so a captured header is of little use. */
export function signIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...identity, iat: now })).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** Verifies a forwarded identity; anything missing, forged or stale is the anonymous caller. */
export function verifyIdentity(header: string | string[] | undefined, secret: string | undefined, now = Date.now()): Identity {
  if (typeof header !== 'string' || !secret) return ANONYMOUS;
  const [payload, signature] = header.split('.');
  if (!payload || !signature) return ANONYMOUS;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return ANONYMOUS;
  try {
    const { iat, ...identity } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Identity & { iat: number };
    if (typeof iat !== 'number' || Math.abs(now - iat) > MAX_AGE_MS) return ANONYMOUS;
    return identity;
  } catch {
    return ANONYMOUS;
  }
}
