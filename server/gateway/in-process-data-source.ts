import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Identity } from '../shared/identity.js';
import type { LocalExecutor } from '../shared/local-executor.js';

/** Runs the gateway's fetches for a bundled subgraph in this process, without HTTP. */
export class InProcessDataSource implements GraphQLDataSource {
  constructor(
    private readonly executor: LocalExecutor,
    private readonly createContext: (identity: Identity) => object,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const identity = (context as { identity: Identity }).identity;
    const result = await this.executor(request.query ?? '', request.variables, this.createContext(identity), request.operationName);
    return { data: result.data as GatewayGraphQLResponse['data'], errors: result.errors?.map((e) => e.toJSON()) };
  }
}
