/**
 * Hive Gateway in front of the hub's subgraphs run as separate processes (`node dist/server/main.js --only <name>`):
 *
 *   npx hive-gateway supergraph schema/supergraph.graphql
 *
 * It serves the committed supergraph with the protections of the hub's own gateway, and reads the hub's
 * environment (docs/deployment.md): NTM_SUBGRAPH_URLS (where each subgraph is served, replicas in turn),
 * NTM_INTERNAL_SECRET (the gateway credential subgraphs require in production), PORT, HOST, NODE_ENV,
 * NTM_GRAPHIQL, NTM_REQUEST_TIMEOUT_MS, LOG_LEVEL.
 */
import { defineConfig } from '@graphql-hive/gateway';
import { graphiqlOptions, renderGraphiqlPage } from './server/gateway/graphiql.js';
import { useHubProtection, useHubRoutes, useSignInRefusal, useSubgraphReplicas } from './server/gateway/hive-plugins.js';
import { GATEWAY_CREDENTIAL_HEADER, gatewayCredential } from './server/shared/auth/gateway-credential.js';
import { readConfig } from './server/shared/config.js';
import { projectPath } from './server/shared/project.js';

const config = readConfig(process.env, []);
// GraphiQL's documentation explorer reads the schema by introspection: enabling GraphiQL in production enables it.
const introspection = !config.production || config.graphiql;
// Subgraph endpoints answer only the gateway credential in production; the caller is still its own Bearer token.
const credential: Record<string, string> = config.internalSecret
  ? { [GATEWAY_CREDENTIAL_HEADER]: gatewayCredential(config.internalSecret) }
  : {};
if (config.production && !config.internalSecret && !config.subgraphsPublic) {
  throw new Error('NTM_INTERNAL_SECRET is required in production: subgraph endpoints answer only the gateway credential derived from it');
}

export const gatewayConfig = defineConfig({
  port: config.port,
  host: config.host,
  // Subgraph URLs by configuration: the committed supergraph names http://localhost:4000/subgraphs/<name>/graphql.
  transportEntries: Object.fromEntries([...config.subgraphUrls].map(([name, [url]]) => [name, { location: url }])),
  // Subgraphs authenticate every caller themselves, from the caller's own token.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined, ...credential }),
  },
  plugins: () => [
    useHubProtection({ introspection }),
    useSignInRefusal(),
    useSubgraphReplicas(config.subgraphUrls),
    // The console, the exports and the JWKS at the same address, as the one-process hub serves them.
    useHubRoutes(projectPath('admin', 'dist'), config.subgraphUrls),
  ],
  batching: false,
  // Apollo Server's rule, with its preflight headers: a request is safe with a non-simple content type or one of these.
  csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight'] },
  disableIntrospection: introspection ? undefined : { disableIf: () => true },
  landingPage: false,
  graphiql: config.graphiql ? graphiqlOptions() : false,
  // The self-hosted page (no CDN), not Yoga's default that loads GraphiQL from unpkg.com.
  renderGraphiQL: (options) => renderGraphiqlPage({ ...graphiqlOptions(), ...options }),
  requestDeadline: config.requestTimeoutMs,
  upstreamTimeout: config.requestTimeoutMs,
  gracefulShutdownTimeout: 15_000,
  healthCheckEndpoint: '/healthz',
  readinessCheckEndpoint: '/readyz',
  logging: config.logLevel as 'info',
});
