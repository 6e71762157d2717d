import { createHmac, createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql } from './support/client.js';
import { TEST_ADMIN } from './support/constants.js';
import { sql } from './support/db.js';
import { signIn } from './support/auth.js';
import { hubUrl } from './support/hub.js';

/**
 * Sign-in tokens: EdDSA-signed JWTs naming their key, verified by every endpoint with the published keys, refused
 * (401 UNAUTHENTICATED) in every form an attacker might try — at the gateway and at a subgraph endpoint alike.
 */
const ME = `{ me { username } }`;
const ENDPOINTS = ['/graphql', '/subgraphs/accounts/graphql'];
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

let token: string;
let adminId: number;
let sessionVersion: number;
let hubKey: { kid: string; alg: string; key: CryptoKey; publicJwk: JWK };

/** Signs claims with the hub's own current private key (read from the test database), as `login` would. */
async function signWithHubKey(claims: Record<string, unknown>, { kid = hubKey.kid, expiresIn = 3600 } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    username: TEST_ADMIN.username,
    sv: sessionVersion,
    grants: [{ role: 'SYSTEM_ADMIN', unitId: 1, paths: ['1'] }],
    ...claims,
  })
    .setProtectedHeader({ alg: hubKey.alg, kid, typ: 'JWT' })
    .setSubject(String(claims.sub ?? adminId))
    .setIssuer(String(claims.iss ?? 'ntm-hub'))
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(hubKey.key);
}

beforeAll(async () => {
  token = await signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  adminId = Number(decodeJwt(token).sub);
  [{ version: sessionVersion }] = await sql<{ version: number }>('SELECT version FROM auth.user_session WHERE user_id = $1', [adminId]);
  const [row] = await sql<{ kid: string; alg: string; private_jwk: JWK; public_jwk: JWK }>(
    'SELECT kid, alg, private_jwk, public_jwk FROM auth.signing_key WHERE retired_at IS NULL AND private_jwk IS NOT NULL ORDER BY created_at DESC LIMIT 1',
  );
  hubKey = { kid: row.kid, alg: row.alg, key: (await importJWK(row.private_jwk, row.alg)) as CryptoKey, publicJwk: row.public_jwk };
});

describe('sign-in tokens', () => {
  it('are signed with an asymmetric key named in the header and carry the user, session version, grants and an 8-hour expiry', async () => {
    const header = decodeProtectedHeader(token);
    expect(header).toEqual({ alg: 'EdDSA', kid: hubKey.kid, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'ntm-hub',
      sub: String(adminId),
      username: TEST_ADMIN.username,
      sv: sessionVersion,
      grants: [{ role: 'SYSTEM_ADMIN', unitId: 1, paths: ['1'] }],
    });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
  });

  it('are verifiable by anyone with jose and the JWKS the accounts subgraph publishes, which holds no private key', async () => {
    const response = await fetch(`${hubUrl()}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: JWK[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(hubKey.kid);
    for (const key of jwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: 'ntm-hub', algorithms: ['EdDSA'] });
    expect(payload.username).toBe(TEST_ADMIN.username);
    expect(protectedHeader.kid).toBe(hubKey.kid);
  });

  it('signed by the test with the hub key are accepted when their claims are right (so the refusals below are meaningful)', async () => {
    const own = await signWithHubKey({});
    for (const path of ENDPOINTS) {
      const result = await gql(ME, undefined, { token: own, path });
      expect(result.errors, path).toBeUndefined();
      expect(result.data.me).toEqual({ username: TEST_ADMIN.username });
    }
  });

  it('are refused with 401 UNAUTHENTICATED when forged, unsigned, expired, signed with another key or as HS256 with the public key, or naming an unknown user', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = decodeJwt(token);
    const elevated = encode({ ...claims, grants: [{ role: 'SYSTEM_ADMIN', unitId: 1, paths: ['1'] }], sub: '1' });
    const otherKey = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
    const withOtherKey = (kid: string) => new SignJWT({ ...claims }).setProtectedHeader({ alg: 'EdDSA', kid }).sign(otherKey);
    // HS256 keyed with the hub's public key, in each form a confused verifier might use as an HMAC secret.
    const hs256 = (secret: string | Buffer) => {
      const head = encode({ alg: 'HS256', kid: hubKey.kid, typ: 'JWT' });
      return `${head}.${payload}.${createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url')}`;
    };
    const forms: Record<string, string> = {
      tampered: `${header}.${elevated}.${signature}`,
      'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'alg none, kid of the hub': `${encode({ alg: 'none', kid: hubKey.kid })}.${payload}.`,
      expired: await signWithHubKey({}, { expiresIn: -60 }),
      'another key under the hub kid': await withOtherKey(hubKey.kid),
      'another key under its own kid': await withOtherKey('attacker-key'),
      'HS256 keyed with the public JWK': hs256(JSON.stringify(hubKey.publicJwk)),
      'HS256 keyed with the public PEM': hs256(
        createPublicKey({ key: hubKey.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string,
      ),
      'HS256 keyed with the raw public key': hs256(Buffer.from(hubKey.publicJwk.x!, 'base64url')),
      'HS256 keyed with the public key x': hs256(hubKey.publicJwk.x!),
      'unknown user': await signWithHubKey({ sub: '99999999' }),
      'another issuer': await signWithHubKey({ iss: 'someone-else' }),
      'stale session version': await signWithHubKey({ sv: sessionVersion - 1 }),
      'not a JWT': 'abc.def',
    };
    for (const [form, forged] of Object.entries(forms)) {
      for (const path of ENDPOINTS) {
        const result = await gql(ME, undefined, { token: forged, path });
        expect({ form, path, status: result.status, codes: errorCodes(result) }).toEqual({
          form,
          path,
          status: 401,
          codes: ['UNAUTHENTICATED'],
        });
      }
    }
    const notBearer = await gql(ME, undefined, { headers: { authorization: `Basic ${Buffer.from('root:x').toString('base64')}` } });
    expect([notBearer.status, ...errorCodes(notBearer)]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
