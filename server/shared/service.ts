import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from './context.js';

/**
 * Every service of every subgraph: built from the request's context — its EntityManager, the caller, the guard, the
 * units directory, peers — or, for a write, from `inTransaction(ctx, em)`; seeds build theirs on the system actor's
 * context (`SeedTools.system`). See docs/conventions.md.
 */
export abstract class Service {
  protected readonly em: EntityManager;

  constructor(protected readonly ctx: SubgraphContext) {
    this.em = ctx.em;
  }
}
