import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubAuth } from './auth/hub-auth.js';
import type { Guard } from './guard.js';
import type { Identity } from './identity.js';
import type { PeerQuery } from './peers.js';
import type { UnitDirectory } from './unit-directory.js';

/** What every resolver of a subgraph receives: its own forked EntityManager and the caller's identity. */
export interface SubgraphContext {
  em: EntityManager;
  identity: Identity;
  /** The scope check of the caller's capabilities, built from the identity once per request (shared/guard.ts). */
  guard: Guard;
  /** Administrative units, read through the units subgraph's API. */
  units: UnitDirectory;
  /** Other subgraphs' public APIs (awards reads assessments through the criteria subgraph, for example). */
  peers: PeerQuery;
  /** Sign-in tokens: the accounts subgraph issues them here. */
  auth: HubAuth;
  /** Per-request memo for DataLoaders, keyed by a name. */
  loaders: Map<string, unknown>;
}

/**
 * The request's context on a transaction's EntityManager. Every service is built from a context
 * (`constructor(ctx: SubgraphContext)`); one that writes is built inside `ctx.em.transactional((em) => …)` on
 * `inTransaction(ctx, em)`.
 */
export const inTransaction = (ctx: SubgraphContext, em: EntityManager): SubgraphContext => (em === ctx.em ? ctx : { ...ctx, em });

/** Returns the request's loader of that name, creating it on first use. */
export function loader<T>(ctx: SubgraphContext, name: string, create: () => T): T {
  let found = ctx.loaders.get(name) as T | undefined;
  if (!found) {
    found = create();
    ctx.loaders.set(name, found);
  }
  return found;
}
