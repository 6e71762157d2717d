import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import { ANONYMOUS, type Identity } from '../shared/identity.js';
import { IDENTITY_HEADER, signIdentity } from '../shared/identity-token.js';
import type { LocalExecutor } from '../shared/local-executor.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { graphqlProtection } from './limits.js';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Bundled subgraphs run in-process; the others (external) over HTTP. */
  executors: Map<string, LocalExecutor>;
  contextFor: (subgraph: string, identity: Identity) => SubgraphContext;
  internalSecret: string;
  production: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/** The gateway's Apollo Server: query planning over the supergraph, hardened against abusive operations. */
export function createGatewayServer(options: GatewayOptions): ApolloServer<{ identity: Identity }> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const executor = options.executors.get(name);
      if (executor) return new InProcessDataSource(executor, (identity) => options.contextFor(name, identity));
      return new RemoteGraphQLDataSource({
        url,
        willSendRequest: ({ request, context }) => {
          request.http?.headers.set(IDENTITY_HEADER, signIdentity((context as { identity?: Identity }).identity ?? ANONYMOUS, options.internalSecret));
        },
      });
    },
  });
  return new ApolloServer<{ identity: Identity }>({
    gateway,
    formatError: options.formatError,
    ...graphqlProtection(options.production),
  });
}
