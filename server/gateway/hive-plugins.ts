import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import { bilingual } from '../shared/errors.js';
import { IMPORT_SUBGRAPHS } from '../shared/import/import-routes.js';
import { armorConfig, BODY_LIMIT_BYTES, guardOperation, OPERATION_LIMITS } from './limits.js';

/**
 * Plugins that make Hive Gateway (gateway.config.ts), in front of the hub's subgraphs run as separate processes,
 * answer as the hub's own gateway does.
 */

const tooLarge = () =>
  Response.json(
    {
      errors: [
        {
          message: bilingual(
            `Nội dung yêu cầu vượt quá ${BODY_LIMIT_BYTES} byte`,
            `The request body is larger than ${BODY_LIMIT_BYTES} bytes`,
          ),
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    },
    { status: 413 },
  );

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
          if (refusal)
            setResult({ errors: [new GraphQLError(refusal.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })] });
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file under `root` a console path names, or the console's index.html (its routes are the browser's). */
function consoleFile(root: string, path: string): string {
  try {
    const file = resolve(root, `.${decodeURIComponent(path)}`);
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) return file;
  } catch {
    // A malformed escape: not a file.
  }
  return join(root, 'index.html');
}

/**
 * The hub's other routes on the gateway, so that one address serves everything as `npm start` does: the console
 * (admin/dist, when built) at /admin, the exports at /exports/ (from an insights process), the imports at
 * /imports/<kind> (from the process of the subgraph that owns the kind, uploads included) and the JWKS (from an
 * accounts process), passed through as they are. Behind a reverse proxy that routes these itself, they are simply
 * never asked for.
 */
export function useHubRoutes(consoleRoot: string, subgraphUrls: Map<string, string[]>): GatewayPlugin {
  const originOf = (name: string) => {
    const url = subgraphUrls.get(name)?.[0];
    return url ? new URL(url).origin : undefined;
  };
  const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);
  const passed = [
    { matches: under('/exports'), origin: originOf('insights'), writes: false },
    { matches: (path: string) => path === '/.well-known/jwks.json', origin: originOf('accounts'), writes: false },
    ...Object.entries(IMPORT_SUBGRAPHS).map(([kind, subgraph]) => ({
      matches: under(`/imports/${kind}`),
      origin: originOf(subgraph),
      writes: true,
    })),
  ];
  const root = resolve(consoleRoot);
  const consoleBuilt = existsSync(join(root, 'index.html'));
  return {
    async onRequest({ request, url, endResponse }) {
      const reading = request.method === 'GET' || request.method === 'HEAD';
      if (!reading && request.method !== 'POST') return;
      if (reading && url.pathname === '/' && consoleBuilt)
        return endResponse(new Response(null, { status: 302, headers: { location: new URL('/admin/', url).toString() } }));
      const route = passed.find((r) => r.origin && r.matches(url.pathname) && (reading || r.writes));
      if (route) {
        const headers = Object.fromEntries(
          ['authorization', 'accept', 'accept-language', 'content-type', 'content-length'].flatMap((h) =>
            request.headers.has(h) ? [[h, request.headers.get(h)!]] : [],
          ),
        );
        // An upload streams through as it arrives (the subgraph process bounds its size).
        const upstream = await fetch(
          `${route.origin}${url.pathname}${url.search}`,
          reading ? { headers, method: request.method } : ({ headers, method: 'POST', body: request.body, duplex: 'half' } as RequestInit),
        );
        // A fetched response's headers are immutable; the gateway adds its own to what it answers.
        return endResponse(new Response(upstream.body, { status: upstream.status, headers: new Headers(upstream.headers) }));
      }
      if (!reading) return;
      if (consoleBuilt && (url.pathname === '/admin' || url.pathname.startsWith('/admin/'))) {
        const file = consoleFile(root, url.pathname.slice('/admin'.length) || '/');
        return endResponse(
          new Response(await readFile(file), { headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } }),
        );
      }
    },
  };
}
