import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { bilingual } from '../errors.js';

/** Header in which a gateway proves to subgraph endpoints that it is the hub's gateway (not a client calling them directly). */
export const GATEWAY_CREDENTIAL_HEADER = 'x-ntm-gateway';

/**
 * The header's value, derived from NTM_INTERNAL_SECRET so the secret itself never travels: a third-party gateway
 * (Hive Gateway, Apollo Router) is configured with this fixed value, or computes it the same way.
 */
export const gatewayCredential = (internalSecret: string): string =>
  createHmac('sha256', internalSecret).update('ntm-hub gateway credential v1').digest('base64url');

/** Header with which a subgraph's call to another subgraph (a peer query, ctx.peers) says it comes from the hub's own code. */
export const PEER_CREDENTIAL_HEADER = 'x-ntm-peer';

/**
 * The peer header's value, derived like the gateway credential but apart from it: a gateway holds the gateway
 * credential, never this one, so what it forwards from clients is never taken for the hub's own queries.
 */
export const peerCredential = (internalSecret: string): string =>
  createHmac('sha256', internalSecret).update('ntm-hub peer credential v1').digest('base64url');

/** Whether a request carries the gateway credential (or, given the peer credential, that one). */
export function hasGatewayCredential(header: string | string[] | undefined, credential: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(credential);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Refuses requests to a subgraph endpoint that do not come through a gateway holding the credential (in production,
 * unless NTM_SUBGRAPHS_PUBLIC=1). The caller is still authenticated afterwards by its own Bearer token.
 */
export function requireGatewayCredential(credential: string): RequestHandler {
  return (req, res, next) => {
    if (hasGatewayCredential(req.headers[GATEWAY_CREDENTIAL_HEADER], credential)) return next();
    res.status(403).json({
      errors: [
        {
          message: bilingual(
            'Phân hệ chỉ nhận yêu cầu qua cổng GraphQL (/graphql)',
            'Subgraph endpoints answer the gateway only: send requests to /graphql',
          ),
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  };
}
