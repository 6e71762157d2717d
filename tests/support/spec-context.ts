import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll } from 'vitest';
import { openHubAuth, type HubAuth } from '../../server/shared/auth/hub-auth.js';
import { readConfig } from '../../server/shared/config.js';
import { requestGuard } from '../../server/shared/guard.js';
import type { SubgraphContext } from '../../server/shared/context.js';
import { ANONYMOUS, type Grant } from '../../server/shared/identity.js';
import { createLogger } from '../../server/shared/logger.js';
import { openSubgraphOrm } from '../../server/shared/orm.js';
import type { PeerQuery } from '../../server/shared/peers.js';
import type { SubgraphModule } from '../../server/shared/subgraph-module.js';
import { UnitDirectory } from '../../server/shared/unit-directory.js';
import './provided-context.js';
import { databaseUrl, hubUrl } from './hub.js';

/** Runs a GraphQL operation against the test hub's gateway, which serves every subgraph's public queries. */
export const viaGateway: PeerQuery = async (_subgraph, query, variables) => {
  const response = await fetch(`${hubUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Awaited<ReturnType<PeerQuery>>;
};

/** The test database's token service, opened on first use: service specs seldom sign anyone in. */
let opened: Promise<HubAuth> | undefined;
const realAuth = () => {
  const config = readConfig({}, []);
  return (opened ??= openHubAuth(databaseUrl(), config.auth, createLogger('warn'), config.databaseTimeouts));
};
// Closed after the file that imports this module: only spec files that call services directly load it.
afterAll(async () => {
  await (await opened)?.close();
  opened = undefined;
});
const auth: HubAuth = {
  authenticate: async (authorization) => (await realAuth()).authenticate(authorization),
  issueToken: async (identity, sessionVersion) => (await realAuth()).issueToken(identity, sessionVersion),
  publicJwks: async () => (await realAuth()).publicJwks(),
  close: async () => {},
};

/**
 * A subgraph's ORM on the test database and request contexts for calling its services directly in specs
 * (beside the code); other subgraphs are reached through the test hub's gateway.
 */
export async function openSpecOrm(
  module: SubgraphModule,
): Promise<{ orm: MikroORM; context: (grants?: Grant[]) => SubgraphContext; units: UnitDirectory }> {
  const { databaseTimeouts, poolSize } = readConfig({}, []);
  const orm = await openSubgraphOrm(module, databaseUrl(), createLogger('warn'), databaseTimeouts, poolSize);
  const units = new UnitDirectory((query, variables) => viaGateway('units', query, variables));
  const context = (grants: Grant[] = []): SubgraphContext => {
    const ctx = {
      em: orm.em.fork(),
      units,
      peers: viaGateway,
      auth,
      loaders: new Map(),
      identity: grants.length ? { userId: 1, username: 'spec', grants } : ANONYMOUS,
    };
    return { ...ctx, guard: requestGuard(ctx) };
  };
  return { orm, context, units };
}
