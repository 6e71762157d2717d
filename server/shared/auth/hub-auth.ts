import { errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import pg from 'pg';
import type { DatabaseTimeouts } from '../config.js';
import { hubError } from '../errors.js';
import { ANONYMOUS, type Identity } from '../identity.js';
import type { Logger } from '../logger.js';
import { pgTimeouts } from '../orm.js';
import { databaseKeyResolver, readConfiguredKey, remoteKeyResolver, SigningKeys } from './keys.js';
import { SessionCache } from './sessions.js';
import { signToken, verifyToken } from './tokens.js';

/** How this process signs and verifies tokens (from the environment). */
export interface AuthConfig {
  /** NTM_AUTH_PRIVATE_KEY: the signing key (PKCS#8 PEM or JWK); without it one is generated and kept in the database. */
  privateKey: string | undefined;
  /** NTM_JWKS_URL: verify with the public keys served there instead of those in the database. */
  jwksUrl: string | undefined;
  /** NTM_SESSION_CACHE_MS: how long a session state read from the database is trusted. */
  sessionCacheMs: number;
  /** NTM_PASSWORD_COST=low: argon2 at its lowest cost instead of the library's default (test suites only). */
  passwordCost: PasswordCost | undefined;
}

/** An argon2 cost other than the library's default (verifying reads the cost from the stored hash). */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
}

/** argon2's lowest cost (1 MiB, one pass): for passwords that protect nothing, such as the published demo ones. */
export const LOWEST_PASSWORD_COST: PasswordCost = { memoryCost: 1024, timeCost: 1 };

/** Signing, verification and revocation of sign-in tokens: one per process, shared by its gateway and subgraphs. */
export interface HubAuth {
  /**
   * Reads the caller from an `Authorization` header: none is the anonymous caller; a token that is malformed,
   * forged, expired, signed with an unknown key, or whose account is locked or changed since is UNAUTHENTICATED (401).
   */
  authenticate(authorization: string | undefined): Promise<Identity>;
  /** Signs a token for an identity under the account's current session version. */
  issueToken(identity: Identity, sessionVersion: number): Promise<{ token: string; expiresAt: Date }>;
  /** The public keys that verify tokens (served at `/.well-known/jwks.json`). */
  publicJwks(): Promise<JSONWebKeySet>;
  /** The cost new password hashes are made at; the library's default when undefined. */
  readonly passwordCost?: PasswordCost;
  close(): Promise<void>;
}

const unauthenticated = () =>
  hubError(
    'UNAUTHENTICATED',
    'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại',
    'Invalid or expired sign-in token: sign in again',
    { http: { status: 401 } },
  );

const unavailable = () =>
  hubError(
    'SERVICE_UNAVAILABLE',
    'Chưa kiểm tra được phiên đăng nhập, vui lòng thử lại',
    'The sign-in could not be checked just now: try again',
    { http: { status: 503 } },
  );

/** The keys could not be read (database or JWKS unreachable): not the caller's fault, so 503 rather than 401. */
class KeysUnavailable extends Error {}

const guarded =
  (getKey: JWTVerifyGetKey): JWTVerifyGetKey =>
  async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) throw error;
      throw new KeysUnavailable(String(error));
    }
  };

/**
 * `timeouts`: the hub's database time limits (NTM_DB_*), as for the subgraphs' pools. A session read on a frozen
 * database then fails in about 3 s with 503; with no client-side limit it waited for the database, and a request
 * whose session had left the cache hung as long as the database stayed frozen.
 */
export async function openHubAuth(databaseUrl: string, config: AuthConfig, log: Logger, timeouts: DatabaseTimeouts): Promise<HubAuth> {
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4, ...pgTimeouts(timeouts) });
  // An idle connection dropped by a database restart must not bring the process down; the next query reconnects.
  db.on('error', (error) => log.debug({ err: error }, 'auth pool: idle connection lost'));
  const keys = new SigningKeys(db, config.privateKey ? await readConfiguredKey(config.privateKey) : undefined, log);
  try {
    await keys.prepare();
  } catch (error) {
    await db.end();
    throw error;
  }
  const getKey = guarded(config.jwksUrl ? remoteKeyResolver(config.jwksUrl) : databaseKeyResolver(keys));
  const sessions = new SessionCache(db, config.sessionCacheMs);

  return {
    passwordCost: config.passwordCost,
    async authenticate(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw unauthenticated();
      const verified = await verifyToken(match[1], getKey).catch((error: unknown) => {
        throw error instanceof KeysUnavailable ? unavailable() : unauthenticated();
      });
      if (!verified) throw unauthenticated();
      const userId = verified.identity.userId!;
      let session = await sessions.get(userId).catch(() => {
        throw unavailable();
      });
      if (!session || verified.sessionVersion > session.version)
        session = await sessions.refresh(userId).catch(() => {
          throw unavailable();
        });
      if (!session?.active || session.version !== verified.sessionVersion) throw unauthenticated();
      return verified.identity;
    },
    async issueToken(identity, sessionVersion) {
      return signToken(await keys.current(), identity, sessionVersion);
    },
    publicJwks: () => keys.publicJwks(),
    close: () => db.end(),
  };
}
