import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import { bilingual } from '../shared/errors.js';
import { armorConfig, BODY_LIMIT_BYTES, guardOperation, OPERATION_LIMITS } from './limits.js';

/**
 * Plugins that make Hive Gateway (gateway.config.ts), in front of the hub's subgraphs run as separate processes,
 * answer as the hub's own gateway does.
 */

const tooLarge = () => Response.json({
  errors: [{
    message: bilingual(`Nội dung yêu cầu vượt quá ${BODY_LIMIT_BYTES} byte`, `The request body is larger than ${BODY_LIMIT_BYTES} bytes`),
    extensions: { code: 'PAYLOAD_TOO_LARGE' },
  }],
}, { status: 413 });

/**
 * The hub's protections (limits.ts) on envelop: the same depth, alias, directive, token and cost limits, the same
 * input bounds and errors, and request bodies of at most BODY_LIMIT_BYTES.
 */
export function useHubProtection({ introspection }: { introspection: boolean }): GatewayPlugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(EnvelopArmorPlugin(armorConfig(introspection)));
    },
    onRequest({ request, endResponse }) {
      // The server reads a body whole: refuse a large one by its declared length, before reading it.
      if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMIT_BYTES) endResponse(tooLarge());
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => parse(source, { ...options, maxTokens: OPERATION_LIMITS.maxTokens }));
    },
    onExecute({ args }) {
      guardOperation(args.schema, args.document, args.variableValues ?? undefined, args.operationName);
    },
  };
}

/**
 * Subgraphs authenticate the caller's token themselves and refuse a bad one with HTTP 401 and UNAUTHENTICATED. The
 * hub's gateway answers such a request with 401 and that error alone (the console signs out on 401): so does this one.
 * A wrong password at `login` is an ordinary UNAUTHENTICATED error (HTTP 200) and passes through unchanged.
 */
export function useSignInRefusal(): GatewayPlugin {
  const refused = new WeakSet<object>();
  return {
    onFetch({ context }) {
      return ({ response }) => {
        if (response.status === 401 && context) refused.add(context);
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!refused.has(args.contextValue as object)) return;
          const refusal = (result as ExecutionResult).errors?.find((error) => error.extensions?.code === 'UNAUTHENTICATED');
          if (refusal) setResult({ errors: [new GraphQLError(refusal.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })] });
        },
      };
    },
  };
}

/**
 * Spreads a subgraph's requests over its replicas in turn, for subgraphs given several URLs in NTM_SUBGRAPH_URLS
 * (`insights=http://a/…|http://b/…`): Hive Gateway sends each subgraph's requests to its first URL, and this moves
 * them to the next replica, one request after another. Behind a load balancer (one URL per subgraph) it does nothing.
 */
export function useSubgraphReplicas(subgraphUrls: Map<string, string[]>): GatewayPlugin {
  const rotations = new Map<string, { replicas: string[]; next: number }>();
  for (const replicas of subgraphUrls.values()) if (replicas.length > 1) rotations.set(replicas[0], { replicas, next: 0 });
  return {
    onFetch({ url, setURL }) {
      const rotation = rotations.get(url);
      if (!rotation) return;
      setURL(rotation.replicas[rotation.next]);
      rotation.next = (rotation.next + 1) % rotation.replicas.length;
    },
  };
}
