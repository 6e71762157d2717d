import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Identity } from '../shared/identity.js';

const CACHE_SIZE = 500;

/**
 * Runs the gateway's subgraph fetches against a subgraph's schema in this process, without HTTP.
 * Parsed and validated fetch documents are cached: the query planner sends the same few strings again and again.
 */
export class InProcessDataSource implements GraphQLDataSource {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly createContext: (identity: Identity) => object,
  ) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const source = request.query ?? '';
    let document = this.documents.get(source);
    if (!document) {
      document = parse(source);
      const errors = validate(this.schema, document);
      if (errors.length) return { errors: errors.map((e) => e.toJSON()) };
      if (this.documents.size >= CACHE_SIZE) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(source, document);
    }
    const identity = (context as { identity?: Identity }).identity;
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: this.createContext(identity!),
    });
    return { data: result.data as GatewayGraphQLResponse['data'], errors: result.errors?.map((e) => e.toJSON()) };
  }
}
