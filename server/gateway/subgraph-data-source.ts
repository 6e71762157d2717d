import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { subgraphUnavailable } from '../shared/errors.js';
import type { GatewayContext } from './gateway.js';

/** The statuses by which a subgraph over HTTP says it cannot answer just now. */
const UNAVAILABLE = new Set([502, 503, 504]);

/**
 * A subgraph reached over HTTP. A subgraph that refuses a whole request (HTTP 4xx/5xx) still says why in a GraphQL
 * body (the sign-in could not be checked while its database restarts: 503 with SERVICE_UNAVAILABLE): that coded
 * error reaches the client, not Apollo's bare "503: Service Unavailable", which the hub would mask as internal.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined)?.errors?.[0];
    const code = first?.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && typeof first?.message === 'string')
      return new GraphQLError(first.message, { extensions: { code } });
    if (UNAVAILABLE.has(response.status)) return subgraphUnavailable(this.url ?? '');
    return error;
  }
}
