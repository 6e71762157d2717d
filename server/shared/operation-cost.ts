import { createRequire } from 'node:module';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { DEFAULT_LIMIT } from './page-size.js';

// The library's ESM build imports `graphql/index.mjs`, a second copy of graphql beside the CommonJS one the hub and
// Apollo use ("Cannot use GraphQLObjectType from another module or realm"): load its CommonJS build, which shares ours.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * What an operation costs: every field selected costs 1, and what sits under a field returning many records costs
 * as many times as it may return records. The count is the field's `limit` argument (`first`, or `input.limit`),
 * the length of a list argument naming the records (`ids`, `unitCodes`, the federation `_entities` representations),
 * or else a documented estimate of the list's usual size (LIST_SIZES), DEFAULT_LIST_SIZE for lists not named there.
 * The same count serves the supergraph at the gateway and each subgraph's own schema.
 */
export const DEFAULT_LIST_SIZE = 10;

/** Usual sizes of unpaged lists, by `Type.field`: what a unit, a campaign or a set holds in the seed data and beyond. */
export const LIST_SIZES: Record<string, number> = {
  // Direct sub-units: a district has up to 40 communes, a province had up to 30 districts (the nation: 63 provinces).
  'AdministrativeUnit.subunits': 40,
  'AdministrativeUnit.ancestors': 5,
  'AdministrativeUnit.assessments': 10,
  'Campaign.targets': 100,
  'Campaign.children': 20,
  // A comparison without `limit` compares every unit asked for (children: as subunits; a level: LEVEL_SIZES), one
  // row per unit and metric; its rows are paid for by `compare`.
  'Comparison.rows': 1,
  'Query.progress': 10,
  'CriteriaSet.criteria': 20,
  'Criterion.indicators': 10,
};

/** How many units a level holds, for a comparison of a whole level (63 provinces before July 2025, 10,035 communes). */
export const LEVEL_SIZES: Record<string, number> = { NATION: 1, PROVINCE: 63, DISTRICT: 700, COMMUNE: 10_000, VILLAGE: 100_000 };

/** Arguments whose list length is the number of records returned. */
const COUNTING_ARGUMENTS = ['ids', 'unitIds', 'unitCodes', 'representations', 'codes'];

const isPage = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && 'nodes' in named.getFields() && 'totalCount' in named.getFields();
};

const returnsList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const limitOf = (args: { limit?: unknown; first?: unknown; input?: { limit?: unknown } }): number | undefined => {
  const limit = args.limit ?? args.first ?? args.input?.limit;
  return typeof limit === 'number' && limit >= 0 ? limit : undefined;
};

/** How many times the selection under this field is paid for. */
function multiplier({ type, field, args }: ComplexityEstimatorArgs): number {
  const coordinate = `${type.name}.${field.name}`;
  // Introspection is small whatever it asks for (and off in production).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1;
  // A page's `nodes` is paid for by the field that returned the page (its limit).
  if (isPage(type) && field.name === 'nodes') return 1;
  const limit = limitOf(args);
  const counted = [args, args.input ?? {}].flatMap((a) => COUNTING_ARGUMENTS.map((name) => a[name])).find(Array.isArray) as
    unknown[] | undefined;
  // A comparison returns one row per unit and metric.
  const metrics = Array.isArray(args.input?.metrics) ? Math.max(1, args.input.metrics.length) : 1;
  if (limit !== undefined) return limit * metrics;
  if (counted) return counted.length * metrics;
  if (args.input?.childrenOf) return LIST_SIZES['AdministrativeUnit.subunits'] * metrics;
  if (typeof args.input?.level === 'string') return (LEVEL_SIZES[args.input.level] ?? 1) * metrics;
  if (coordinate in LIST_SIZES) return LIST_SIZES[coordinate] * metrics;
  if (isPage(field.type)) return DEFAULT_LIMIT;
  return returnsList(field.type) ? DEFAULT_LIST_SIZE : 1;
}

const estimator = (options: ComplexityEstimatorArgs) => 1 + multiplier(options) * options.childComplexity;

/**
 * The cost of the operation `operationName` of `document` with these variables. Throws the library's GraphQLError
 * when variables do not fit their types (execution would refuse them too) or the document has too many nodes.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [estimator],
    maxQueryNodes: 5000,
  });
}
