import { Router } from 'express';
import type { HubAuth } from '../shared/auth/hub-auth.js';
import type { PeerQuery } from '../shared/peers.js';

/**
 * `/.well-known/jwks.json`: the public keys that verify sign-in tokens (current ones and retired ones whose tokens
 * may not have expired yet), for gateways and services that verify tokens without reaching the database.
 */
export function jwksRouter(_peers: PeerQuery, auth: HubAuth): Router {
  const router = Router();
  router.get('/jwks.json', async (_req, res, next) => {
    try {
      res.set('cache-control', 'public, max-age=300').json(await auth.publicJwks());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
