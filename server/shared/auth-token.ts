import { GraphQLError } from 'graphql';
import { jwtVerify, SignJWT } from 'jose';
import { bilingual } from './errors.js';
import { ANONYMOUS, Role, type Grant, type Identity } from './identity.js';

const ISSUER = 'ntm-hub';
export const TOKEN_TTL_SECONDS = 8 * 3600;

const key = (secret: string) => new TextEncoder().encode(secret);

/** Issues the signed, expiring sign-in token a user presents as `Authorization: Bearer <token>`. */
export async function issueToken(identity: Identity, secret: string, ttlSeconds = TOKEN_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ username: identity.username, grants: identity.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(identity.userId))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(secret));
  return { token, expiresAt };
}

const unauthenticated = () =>
  new GraphQLError(bilingual('Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại', 'Invalid or expired sign-in token: sign in again'), {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

const isGrant = (g: any): g is Grant =>
  g && Object.values(Role).includes(g.role) && Number.isInteger(g.unitId) && Array.isArray(g.paths) && g.paths.every((p: unknown) => typeof p === 'string' && /^\d+(\.\d+)*$/.test(p));

/** Reads the caller from the Authorization header: no header is the anonymous caller; a bad token is an error. */
export async function authenticate(authorization: string | undefined, secret: string): Promise<Identity> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated();
  try {
    const { payload } = await jwtVerify(match[1], key(secret), { issuer: ISSUER, algorithms: ['HS256'] });
    const grants = payload.grants;
    if (!Array.isArray(grants) || !grants.every(isGrant) || typeof payload.username !== 'string') throw unauthenticated();
    return { userId: Number(payload.sub), username: payload.username, grants };
  } catch {
    throw unauthenticated();
  }
}
