import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { SubgraphContext } from '../shared/context.js';
import type { Identity } from '../shared/identity.js';
import { withRequestScope } from '../shared/request-scope.js';
import type { LocalExecutor } from '../shared/local-executor.js';

/** Runs the gateway's fetches for a bundled subgraph in this process, without HTTP. */
export class InProcessDataSource implements GraphQLDataSource {
  constructor(
    private readonly executor: LocalExecutor,
    private readonly createContext: (identity: Identity) => SubgraphContext,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const ctx = this.createContext((context as { identity: Identity }).identity);
    const result = await withRequestScope(() => this.executor(request.query ?? '', request.variables, ctx, request.operationName), ctx);
    return { data: result.data as GatewayGraphQLResponse['data'], errors: result.errors?.map((e) => e.toJSON()) };
  }
}
