import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { nullNonFiniteFloats } from './finite-floats.js';
import { authChecker } from './guard.js';
import { parseId } from './ids.js';
import type { SubgraphModule } from './subgraph-module.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** A subgraph ready to serve: its executable federated schema and its SDL (with federation directives). */
export interface BuiltSubgraph {
  name: string;
  schema: GraphQLSchema;
  sdl: string;
}

/** Builds a type-graphql schema into an Apollo Federation 2 subgraph schema. */
export async function buildSubgraph(module: SubgraphModule): Promise<BuiltSubgraph> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    validate: false,
    skipCheck: true,
    authChecker,
  });
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(module.referenceResolvers ?? {})) {
    // Representations reach a subgraph from any caller of its endpoint: their ids are checked like ID arguments.
    resolvers[typeName] = {
      ...resolvers[typeName],
      __resolveReference: (reference: Record<string, unknown>, ctx: never) => {
        parseId(reference.id as string, `${typeName}.id`);
        return resolveReference(reference, ctx);
      },
    };
  }
  const schema = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`),
    resolvers: resolvers as never,
  });
  nullNonFiniteFloats(schema);
  return { name: module.name, schema, sdl: printSubgraphSchema(schema) };
}
