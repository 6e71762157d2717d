import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import type { SubgraphContext } from '../shared/context.js';
import { ANONYMOUS, type Grant } from '../shared/identity.js';
import { createLogger } from '../shared/logger.js';
import { openSubgraphOrm } from '../shared/orm.js';
import { UnitDirectory } from '../shared/unit-directory.js';
import { criteriaSubgraph } from './index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string;
    databaseUrl: string;
  }
}

/** Runs a GraphQL operation against the test hub's gateway (which serves the units subgraph's queries too). */
async function viaGateway(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${inject('hubUrl')}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** The criteria subgraph's ORM on the test database, and request contexts for calling its services directly. */
export async function openSpecOrm(): Promise<{ orm: MikroORM; context: (grants?: Grant[]) => SubgraphContext; units: UnitDirectory }> {
  const orm = await openSubgraphOrm(criteriaSubgraph, inject('databaseUrl'), createLogger('warn'));
  const units = new UnitDirectory(viaGateway);
  const context = (grants: Grant[] = []): SubgraphContext => ({
    em: orm.em.fork(), units, loaders: new Map(),
    identity: grants.length ? { userId: 1, username: 'spec', grants } : ANONYMOUS,
  });
  return { orm, context, units };
}
