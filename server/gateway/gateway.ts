import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from '../shared/context.js';
import type { Identity } from '../shared/identity.js';
import type { LocalExecutor } from '../shared/local-executor.js';
import { InProcessDataSource } from './in-process-data-source.js';
import { inputGuardPlugin } from '../shared/input-guard.js';

/** Limits every operation must stay within; chosen so the console's and the documented queries pass comfortably. */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: 20000,
};

export interface GatewayOptions {
  supergraphSdl: string;
  /** Bundled subgraphs run in-process; the others (external) over HTTP. */
  executors: Map<string, LocalExecutor>;
  contextFor: (subgraph: string, identity: Identity) => SubgraphContext;
  /** Headers that prove the gateway to a subgraph reached over HTTP (the gateway credential, for the hub's own). */
  credentialFor: (subgraph: string) => Record<string, string>;
  production: boolean;
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
      return new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest: ({ request, context }) => {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          for (const [header, value] of credential) request.http?.headers.set(header, value);
        },
      });
    },
  });
  const armor = new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: !options.production },
    maxAliases: { n: OPERATION_LIMITS.maxAliases },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
    // The token limit is left to graphql-js's parser (parseOptions below): armor's plugin turns syntax errors into 500s.
    maxTokens: { enabled: false },
    costLimit: { maxCost: OPERATION_LIMITS.maxCost, ignoreIntrospection: !options.production },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return new ApolloServer<GatewayContext>({
    gateway,
    formatError: options.formatError,
    introspection: !options.production,
    allowBatchedHttpRequests: false,
    // The hub drains and stops its servers itself on SIGTERM (server/main.ts).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    plugins: [inputGuardPlugin, ...(protection.plugins as ApolloServerPlugin<GatewayContext>[])],
    validationRules: [...protection.validationRules],
  });
}
