import type { ApolloServer, ApolloServerOptions, ApolloServerPlugin, BaseContext, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type RequestHandler } from 'express';
import { getOperationAST, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { bilingual } from '../shared/errors.js';
import { sendHttpError } from '../shared/http-errors.js';
import { checkInputs } from '../shared/input-guard.js';
import { operationCost } from '../shared/operation-cost.js';

/**
 * Limits every operation must stay within, on the gateway and on every subgraph endpoint alike; chosen so the
 * console's and the documented queries pass comfortably (docs/security.md, "Limits").
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4000,
  /** operation-cost.ts: one per field, times the records a list may return. */
  maxCost: 50_000,
};

/** Largest request body any route reads. */
export const BODY_LIMIT = '1mb';
export const BODY_LIMIT_BYTES = 1024 * 1024;

const tooCostly = (cost: number) =>
  new GraphQLError(
    bilingual(
      `Thao tác quá nặng: chi phí ${cost}, tối đa ${OPERATION_LIMITS.maxCost} (giảm limit, số bí danh hoặc độ lồng)`,
      `The operation is too costly: ${cost}, at most ${OPERATION_LIMITS.maxCost} (lower limits, aliases or nesting)`,
    ),
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, maxCost: OPERATION_LIMITS.maxCost, http: { status: 400 } } },
  );

/**
 * Refuses, before execution: an operationName the document does not define, inputs out of bounds (input-guard.ts),
 * and operations costing more than OPERATION_LIMITS.maxCost. The one check for the hub's Apollo servers and for an
 * envelop-based gateway in front of them (envelop-protection.ts).
 */
export function guardOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  { costed = true } = {},
): void {
  if (!getOperationAST(document, operationName)) {
    const name = JSON.stringify(operationName ?? null);
    throw new GraphQLError(bilingual(`Không có thao tác ${name} trong tài liệu`, `The document defines no operation ${name}`), {
      extensions: { code: 'BAD_USER_INPUT', field: 'operationName', http: { status: 400 } },
    });
  }
  checkInputs(schema, document, variables);
  if (!costed) return;
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (error) {
    // Variables that do not fit their types, or a document with too many nodes to count.
    throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (cost > OPERATION_LIMITS.maxCost) throw tooCostly(cost);
}

/** Which requests come from the hub's own code (a subgraph's peer query) rather than from a client or a gateway acting for one. */
export type TrustedCaller = (headers: HeaderMap | undefined) => boolean;

const operationGuard = <T extends BaseContext>(trusted?: TrustedCaller): ApolloServerPlugin<T> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        // The hub's own peer queries read what they need whole; clients' operations (and gateways' query plans for them) are costed.
        guardOperation(schema, document, request.variables, request.operationName, { costed: !trusted?.(request.http?.headers) });
      },
    };
  },
});

/**
 * graphql-armor's limits (depth, aliases, directives, field suggestions), for Apollo Server and envelop alike.
 * Introspection, where allowed, is exempt from the depth limit (its own query is deeper than any operation).
 */
export const armorConfig = (introspection: boolean) => ({
  maxDepth: { n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: introspection },
  maxAliases: { n: OPERATION_LIMITS.maxAliases },
  maxDirectives: { n: OPERATION_LIMITS.maxDirectives },
  // The token limit is left to graphql-js's parser (parseOptions below): armor's plugin turns syntax errors into 500s.
  maxTokens: { enabled: false },
  // guardOperation counts the cost with list sizes.
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
});

/**
 * The protections every GraphQL endpoint of the hub gets (the gateway and each `/subgraphs/<name>/graphql`):
 * depth, alias, directive, token and cost limits, bounded inputs, no batching, CSRF prevention, no field
 * suggestions, no landing page (GraphiQL is served apart, graphiql.ts), introspection only outside production
 * unless `introspection` says otherwise. Requests from `trusted` callers are not costed. Spread into the ApolloServer
 * options.
 */
export function graphqlProtection<T extends BaseContext>(
  production: boolean,
  { introspection = !production, trusted }: { introspection?: boolean; trusted?: TrustedCaller } = {},
): Pick<
  ApolloServerOptions<T>,
  'allowBatchedHttpRequests' | 'csrfPrevention' | 'introspection' | 'parseOptions' | 'validationRules' | 'stopOnTerminationSignals'
> & { plugins: ApolloServerPlugin<T>[] } {
  const protection = new ApolloArmor(armorConfig(introspection)).protect();
  return {
    introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The hub drains and stops its servers itself on SIGTERM (server/main.ts).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    // Apollo's default landing page loads Apollo Sandbox from Apollo's CDN.
    plugins: [operationGuard<T>(trusted), ApolloServerPluginLandingPageDisabled(), ...(protection.plugins as ApolloServerPlugin<T>[])],
    validationRules: [...protection.validationRules],
  };
}

/** Answers 503 with a GraphQL error when a request runs longer than `ms`; the work in flight is abandoned. */
export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(
      () =>
        sendHttpError(res, 503, 'TIMEOUT', 'Yêu cầu chạy quá lâu và đã bị dừng', `The request ran longer than ${ms} ms and was stopped`),
      ms,
    );
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}

/**
 * The HTTP side of a GraphQL endpoint, the same for the gateway and every subgraph: the time limit, a JSON body of
 * at most BODY_LIMIT (errors answered by the hub's JSON error handler), then Apollo Server.
 */
export function graphqlEndpoint<T extends BaseContext>(
  server: ApolloServer<T>,
  timeoutMs: number,
  context: (args: ExpressContextFunctionArgument) => Promise<T>,
): RequestHandler[] {
  return [requestTimeout(timeoutMs), express.json({ limit: BODY_LIMIT }), expressMiddleware(server, { context })];
}
