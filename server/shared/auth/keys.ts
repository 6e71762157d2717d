import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type LocalJWKSet,
} from 'jose';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import { TOKEN_TTL_SECONDS, type SigningKey, type TokenAlgorithm } from './tokens.js';

/** The algorithm the hub generates keys for when none is configured. */
const GENERATED_ALG: TokenAlgorithm = 'EdDSA';
/** Serialises key generation and publication across processes starting together. */
const KEY_LOCK = `SELECT pg_advisory_xact_lock(hashtext('auth.signing_key'))`;
/** Keys that still verify: current ones, and retired ones until the last token they signed has expired. */
const VALID_KEYS = `retired_at IS NULL OR retired_at > now() - make_interval(secs => ${TOKEN_TTL_SECONDS})`;

/** A private key given in the environment (NTM_AUTH_PRIVATE_KEY). */
export interface ConfiguredKey {
  signing: SigningKey;
  publicJwk: JWK;
}

const publicJwkOf = async (jwk: JWK, alg: TokenAlgorithm): Promise<JWK> => {
  const { kty, crv, x, y } = jwk;
  const bare = Object.fromEntries(Object.entries({ kty, crv, x, y }).filter(([, v]) => v !== undefined)) as JWK;
  return { ...bare, kid: await calculateJwkThumbprint(bare), alg, use: 'sig' };
};

/**
 * Reads NTM_AUTH_PRIVATE_KEY: an Ed25519 (EdDSA) or P-256 (ES256) private key as PKCS#8 PEM or as a JWK. Its `kid`
 * is the RFC 7638 thumbprint of its public part, so every process given the same key names it the same way.
 */
export async function readConfiguredKey(text: string): Promise<ConfiguredKey> {
  const trimmed = text.trim();
  const keyObject = trimmed.startsWith('{') ? createPrivateKey({ key: JSON.parse(trimmed), format: 'jwk' }) : createPrivateKey(trimmed);
  const alg: TokenAlgorithm | undefined =
    keyObject.asymmetricKeyType === 'ed25519'
      ? 'EdDSA'
      : keyObject.asymmetricKeyType === 'ec' && keyObject.asymmetricKeyDetails?.namedCurve === 'prime256v1'
        ? 'ES256'
        : undefined;
  if (!alg) throw new Error('NTM_AUTH_PRIVATE_KEY must be an Ed25519 (EdDSA) or P-256 (ES256) private key');
  const publicJwk = await publicJwkOf(createPublicKey(keyObject).export({ format: 'jwk' }) as JWK, alg);
  const key = (await importJWK({ ...(keyObject.export({ format: 'jwk' }) as JWK), alg }, alg)) as CryptoKey;
  return { signing: { kid: publicJwk.kid!, alg, key }, publicJwk };
}

interface KeyRow {
  kid: string;
  alg: TokenAlgorithm;
  private_jwk: JWK;
}

/**
 * The keys that sign and verify sign-in tokens, kept in `auth.signing_key`. With a configured key, that key signs and
 * only its public part is stored; otherwise the newest generated key signs, and one is generated when none is left
 * (at the first start, or after an operator retired the current one).
 */
export class SigningKeys {
  private imported?: SigningKey;

  constructor(
    private readonly db: pg.Pool,
    private readonly configured: ConfiguredKey | undefined,
    private readonly log: Logger,
  ) {}

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(KEY_LOCK);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** At start: publish the configured key and retire the others, or make sure a generated key exists. */
  async prepare(): Promise<void> {
    if (!this.configured) {
      await this.current();
      return;
    }
    const { kid, alg } = this.configured.signing;
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO auth.signing_key (kid, alg, public_jwk) VALUES ($1, $2, $3)
        ON CONFLICT (kid) DO UPDATE SET retired_at = NULL, private_jwk = NULL`,
        [kid, alg, this.configured!.publicJwk],
      );
      const retired = await client.query(
        `UPDATE auth.signing_key SET retired_at = now(), private_jwk = NULL WHERE kid <> $1 AND retired_at IS NULL RETURNING kid`,
        [kid],
      );
      if (retired.rowCount)
        this.log.info({ kid, retired: retired.rows.map((r) => r.kid) }, 'signing with the configured key; earlier keys retired');
    });
  }

  /** The key new tokens are signed with. */
  async current(): Promise<SigningKey> {
    if (this.configured) return this.configured.signing;
    const find = `SELECT kid, alg, private_jwk FROM auth.signing_key WHERE retired_at IS NULL AND private_jwk IS NOT NULL ORDER BY created_at DESC, kid LIMIT 1`;
    const row =
      (await this.db.query<KeyRow>(find)).rows[0] ??
      (await this.transaction(async (client) => {
        const again = (await client.query<KeyRow>(find)).rows[0];
        return again ?? this.generate(client);
      }));
    if (this.imported?.kid !== row.kid) {
      this.imported = { kid: row.kid, alg: row.alg, key: (await importJWK(row.private_jwk, row.alg)) as CryptoKey };
    }
    return this.imported;
  }

  private async generate(client: pg.PoolClient): Promise<KeyRow> {
    const { privateKey, publicKey } = await generateKeyPair(GENERATED_ALG, { crv: 'Ed25519', extractable: true });
    const publicJwk = await publicJwkOf(await exportJWK(publicKey), GENERATED_ALG);
    const privateJwk = { ...(await exportJWK(privateKey)), kid: publicJwk.kid, alg: GENERATED_ALG };
    await client.query(`UPDATE auth.signing_key SET retired_at = now(), private_jwk = NULL WHERE retired_at IS NULL`);
    await client.query(`INSERT INTO auth.signing_key (kid, alg, public_jwk, private_jwk) VALUES ($1, $2, $3, $4)`, [
      publicJwk.kid,
      GENERATED_ALG,
      publicJwk,
      privateJwk,
    ]);
    this.log.info(
      { kid: publicJwk.kid },
      'generated a token signing key and stored it in the database (production: set NTM_AUTH_PRIVATE_KEY)',
    );
    return { kid: publicJwk.kid!, alg: GENERATED_ALG, private_jwk: privateJwk };
  }

  /** The public keys that still verify tokens, as a JWKS (what `/.well-known/jwks.json` serves). */
  async publicJwks(): Promise<JSONWebKeySet> {
    const rows = await this.db.query<{ public_jwk: JWK }>(
      `SELECT public_jwk FROM auth.signing_key WHERE ${VALID_KEYS} ORDER BY created_at DESC, kid`,
    );
    return { keys: rows.rows.map((r) => r.public_jwk) };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Finds the public key for a token's `kid` among the keys in the database: cached for a minute, reloaded when a
 * token names a key the cache does not know (one just generated by a rotation), at most once a second — a token
 * arriving sooner waits for that second rather than being refused.
 */
export function databaseKeyResolver(keys: SigningKeys, maxAgeMs = 60_000, cooldownMs = 1_000): JWTVerifyGetKey {
  let set: LocalJWKSet | undefined;
  let loadedAt = 0;
  let loading: Promise<LocalJWKSet> | undefined;
  const load = () =>
    (loading ??= keys
      .publicJwks()
      .then((jwks) => {
        set = createLocalJWKSet(jwks);
        loadedAt = Date.now();
        return set;
      })
      .finally(() => {
        loading = undefined;
      }));
  return async (header, token) => {
    const known = set && Date.now() - loadedAt < maxAgeMs ? set : await load();
    try {
      return await known(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      await sleep(loadedAt + cooldownMs - Date.now());
      const fresh = loading || Date.now() - loadedAt >= cooldownMs ? await load() : set!;
      return fresh(header, token);
    }
  };
}

/**
 * Finds the public key for a token's `kid` in a JWKS served elsewhere (NTM_JWKS_URL): cached for ten minutes,
 * refetched when a token names an unknown key, at most every 2 s — a token arriving sooner waits rather than being
 * refused.
 */
export function remoteKeyResolver(url: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 2_000, cacheMaxAge: 10 * 60_000 });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      while (remote.coolingDown) await sleep(100);
      return remote(header, token);
    }
  };
}
