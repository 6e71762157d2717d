import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubAuth, type AuthConfig, type HubAuth } from '../server/shared/auth/hub-auth.js';
import { prepareDatabase } from '../server/shared/database.js';
import { Role, type Identity } from '../server/shared/identity.js';
import { readConfig } from '../server/shared/config.js';
import { createLogger } from '../server/shared/logger.js';
import { databaseUrl } from './support/hub.js';

/**
 * Signing keys and their rotation, on a database of their own (so rotating keys here disturbs no other test): the
 * token service of each process is opened on it as a hub opens it at start.
 */
const identity: Identity = { userId: 1, username: 'keys', grants: [{ role: Role.VIEWER, unitId: 1, paths: ['1'] }] };
const generated: AuthConfig = { privateKey: undefined, jwksUrl: undefined, sessionCacheMs: 0, passwordCost: undefined };
let url: string;
let db: pg.Client;
const opened: HubAuth[] = [];
const open = async (config: AuthConfig = generated) => {
  const auth = await openHubAuth(url, config, createLogger('silent'), readConfig({}, []).databaseTimeouts);
  opened.push(auth);
  return auth;
};
const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const bearer = (token: string) => `Bearer ${token}`;
const keysTable = async () =>
  (
    await db.query(
      `SELECT kid, alg, private_jwk IS NOT NULL AS private, retired_at IS NOT NULL AS retired FROM auth.signing_key ORDER BY created_at, kid`,
    )
  ).rows;

beforeAll(async () => {
  const server = new URL(databaseUrl());
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS ntm_keys_test WITH (FORCE)');
  await admin.query('CREATE DATABASE ntm_keys_test');
  await admin.end();
  server.pathname = '/ntm_keys_test';
  url = server.toString();
  await prepareDatabase(url);
  db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`INSERT INTO auth.user_session (user_id, version, active) VALUES (1, 1, true)`);
});

afterAll(async () => {
  for (const auth of opened) await auth.close();
  await db?.end();
});

describe('signing keys', () => {
  it('are generated once when processes start together on an empty database, and kept for the next start', async () => {
    const [a, b, c] = await Promise.all([open(), open(), open()]);
    expect(await keysTable()).toEqual([{ kid: expect.any(String), alg: 'EdDSA', private: true, retired: false }]);
    const tokens = await Promise.all([a, b, c].map((auth) => auth.issueToken(identity, 1)));
    expect(new Set(tokens.map((t) => kidOf(t.token))).size).toBe(1);
    for (const auth of [a, b, c]) for (const { token } of tokens) expect(await auth.authenticate(bearer(token))).toEqual(identity);
    await open();
    expect(await keysTable()).toHaveLength(1);
  });

  it('rotate when an operator retires the generated key: new tokens use a new key at once, old tokens verify until they expire', async () => {
    const [signer, verifier] = [await open(), await open()];
    const before = (await signer.issueToken(identity, 1)).token;
    expect(await verifier.authenticate(bearer(before))).toEqual(identity);
    // The documented rotation: one statement, no restart.
    await db.query(`UPDATE auth.signing_key SET retired_at = now(), private_jwk = NULL WHERE retired_at IS NULL`);
    const after = (await signer.issueToken(identity, 1)).token;
    expect(kidOf(after)).not.toBe(kidOf(before));
    // The verifier loaded its keys a moment ago and has never seen the new one: it looks again instead of refusing.
    expect(await verifier.authenticate(bearer(after))).toEqual(identity);
    expect(await verifier.authenticate(bearer(before))).toEqual(identity);
    expect((await signer.publicJwks()).keys.map((k) => k.kid)).toEqual([kidOf(after), kidOf(before)]);
    // Eight hours after its retirement a key has no valid token left: it leaves the JWKS and verifies nothing.
    await db.query(`UPDATE auth.signing_key SET retired_at = now() - interval '8 hours 1 minute' WHERE kid <> $1`, [kidOf(after)]);
    const fresh = await open();
    expect((await fresh.publicJwks()).keys.map((k) => k.kid)).toEqual([kidOf(after)]);
    await expect(fresh.authenticate(bearer(before))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('come from NTM_AUTH_PRIVATE_KEY when set (Ed25519 PEM or P-256 JWK): only the public part is stored, earlier keys retire but still verify', async () => {
    const generatedSigner = await open();
    const old = (await generatedSigner.issueToken(identity, 1)).token;
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const configured = await open({ ...generated, privateKey: pem });
    const signed = (await configured.issueToken(identity, 1)).token;
    expect(decodeProtectedHeader(signed)).toMatchObject({ alg: 'EdDSA' });
    const table = await keysTable();
    expect(table.find((k) => k.kid === kidOf(signed))).toEqual({ kid: kidOf(signed), alg: 'EdDSA', private: false, retired: false });
    expect(table.filter((k) => k.kid !== kidOf(signed)).every((k) => k.retired && !k.private)).toBe(true);
    // Every process verifies both: the configured key's tokens and those of the key it retired.
    for (const auth of [generatedSigner, configured]) {
      expect(await auth.authenticate(bearer(signed))).toEqual(identity);
      expect(await auth.authenticate(bearer(old))).toEqual(identity);
    }
    // A second process given the same key names it the same way (its thumbprint) and changes nothing.
    await open({ ...generated, privateKey: pem });
    expect(await keysTable()).toEqual(table);

    const jwk = JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }));
    const es256 = await open({ ...generated, privateKey: jwk });
    const p256 = (await es256.issueToken(identity, 1)).token;
    expect(decodeProtectedHeader(p256)).toMatchObject({ alg: 'ES256' });
    expect(await configured.authenticate(bearer(p256))).toEqual(identity);
    expect(await configured.authenticate(bearer(signed))).toEqual(identity);
    for (const key of (await es256.publicJwks()).keys) expect(key).not.toHaveProperty('d');

    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await expect(open({ ...generated, privateKey: rsa })).rejects.toThrow(/Ed25519 \(EdDSA\) or P-256 \(ES256\)/);
  });

  it('refuse a token whose account has no session row or another session version, and one of a deactivated account', async () => {
    const auth = await open();
    const token = (await auth.issueToken(identity, 1)).token;
    expect(await auth.authenticate(bearer(token))).toEqual(identity);
    const stale = (await auth.issueToken(identity, 0)).token;
    const stranger = (await auth.issueToken({ ...identity, userId: 2 }, 1)).token;
    await db.query(`UPDATE auth.user_session SET active = false WHERE user_id = 1`);
    for (const refused of [token, stale, stranger]) {
      await expect(auth.authenticate(bearer(refused))).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    await db.query(`UPDATE auth.user_session SET active = true WHERE user_id = 1`);
  });

  it('accept at once a token issued under a newer session version than a process has cached (signed in again after an unlock)', async () => {
    const auth = await open({ ...generated, sessionCacheMs: 60_000 });
    const [{ version }] = (await db.query(`SELECT version FROM auth.user_session WHERE user_id = 1`)).rows;
    const before = (await auth.issueToken(identity, version)).token;
    expect(await auth.authenticate(bearer(before))).toEqual(identity);
    // A lock and an unlock later (two bumps), the account signs in again: the minute-long cache still holds the old state.
    await db.query(`UPDATE auth.user_session SET version = version + 2 WHERE user_id = 1`);
    const after = (await auth.issueToken(identity, version + 2)).token;
    expect(await auth.authenticate(bearer(after))).toEqual(identity);
    // Having looked again, the process refuses the old token at once too.
    await expect(auth.authenticate(bearer(before))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
