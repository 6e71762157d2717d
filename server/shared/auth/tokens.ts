import { jwtVerify, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { Role, type Grant, type Identity } from '../identity.js';

export const TOKEN_ISSUER = 'ntm-hub';
export const TOKEN_TTL_SECONDS = 8 * 3600;
/** The only algorithms a token may be signed with: asymmetric, so a verifier holds no key that can sign. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

/** A private key that signs tokens, named by its `kid` in the token header and the JWKS. */
export interface SigningKey {
  kid: string;
  alg: TokenAlgorithm;
  key: CryptoKey;
}

/** What a verified token says: who, with which grants, and the session version it was issued under. */
export interface VerifiedToken {
  identity: Identity;
  sessionVersion: number;
}

/** Signs the sign-in token a user presents as `Authorization: Bearer <token>`. */
export async function signToken(
  key: SigningKey,
  identity: Identity,
  sessionVersion: number,
  ttlSeconds = TOKEN_TTL_SECONDS,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ username: identity.username, sv: sessionVersion, grants: identity.grants })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(String(identity.userId))
    .setIssuer(TOKEN_ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.key);
  return { token, expiresAt };
}

const isGrant = (value: unknown): value is Grant => {
  const g = value as Partial<Record<keyof Grant, unknown>> | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    Object.values<unknown>(Role).includes(g.role) &&
    Number.isInteger(g.unitId) &&
    Array.isArray(g.paths) &&
    g.paths.every((p: unknown) => typeof p === 'string' && /^\d+(\.\d+)*$/.test(p))
  );
};

/**
 * Checks a token's signature (with a key `getKey` finds by the header's `kid`), issuer and expiry, and the shape of
 * its claims. Throws jose's errors for a bad signature or expiry; returns null for well-signed nonsense.
 */
export async function verifyToken(token: string, getKey: JWTVerifyGetKey): Promise<VerifiedToken | null> {
  const { payload } = await jwtVerify(token, getKey, {
    issuer: TOKEN_ISSUER,
    algorithms: [...TOKEN_ALGORITHMS],
    requiredClaims: ['sub', 'iat', 'exp'],
  });
  const userId = Number(payload.sub);
  const { username, sv, grants } = payload;
  if (
    !Number.isSafeInteger(userId) ||
    userId <= 0 ||
    typeof username !== 'string' ||
    !Number.isSafeInteger(sv) ||
    !Array.isArray(grants) ||
    !grants.every(isGrant)
  )
    return null;
  return { identity: { userId, username, grants }, sessionVersion: sv as number };
}
