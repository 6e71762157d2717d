import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import type { Identity } from '../shared/identity.js';
import type { LocalExecutor } from '../shared/local-executor.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { graphqlProtection } from './limits.js';
import { SubgraphDataSource } from './subgraph-data-source.js';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Bundled subgraphs run in-process; the others (external) over HTTP. */
  executors: Map<string, LocalExecutor>;
  contextFor: (subgraph: string, identity: Identity) => SubgraphContext;
  /** Headers that prove the gateway to a subgraph reached over HTTP (the gateway credential, for the hub's own). */
  credentialFor: (subgraph: string) => Record<string, string>;
  production: boolean;
  /** Whether the schema may be introspected (outside production, or where GraphiQL is enabled). */
  introspection: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** What the gateway knows of a request: the authenticated caller and the header it was authenticated from. */
export interface GatewayContext {
  identity: Identity;
  authorization: string | undefined;
}

/** The gateway's Apollo Server: query planning over the supergraph, hardened against abusive operations. */
export function createGatewayServer(options: GatewayOptions): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const executor = options.executors.get(name);
      if (executor) return new InProcessDataSource(executor, (identity) => options.contextFor(name, identity));
      // A subgraph over HTTP authenticates the caller itself, from the same Bearer token the gateway checked.
      const credential = Object.entries(options.credentialFor(name));
      return new SubgraphDataSource({
        url,
        willSendRequest: ({ request, context }) => {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          for (const [header, value] of credential) request.http?.headers.set(header, value);
        },
      });
    },
  });
  return new ApolloServer<GatewayContext>({
    gateway,
    formatError: options.formatError,
    ...graphqlProtection(options.production, { introspection: options.introspection }),
  });
}
