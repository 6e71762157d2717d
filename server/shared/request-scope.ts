import { AsyncLocalStorage } from 'node:async_hooks';
import type { SubgraphContext } from './context.js';

/** The context of the request being executed, for code that is not handed one (the audit subscriber). */
const storage = new AsyncLocalStorage<{ ctx?: SubgraphContext }>();

/** Runs `fn` with a request scope; the context may be filled in later within it (HTTP context factories). */
export const withRequestScope = <T>(fn: () => T, ctx?: SubgraphContext): T => storage.run({ ctx }, fn);

/** Sets the scope's context (called by the subgraph HTTP context factory). */
export const enterRequestContext = (ctx: SubgraphContext): void => {
  const scope = storage.getStore();
  if (scope) scope.ctx = ctx;
};

export const currentRequestContext = (): SubgraphContext | undefined => storage.getStore()?.ctx;
