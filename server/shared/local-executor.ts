import { codeDatabaseErrors } from './database-errors.js';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';

const CACHE_SIZE = 500;

export type LocalExecutor = (
  query: string,
  variables: Record<string, unknown> | undefined,
  contextValue: object,
  operationName?: string,
) => Promise<ExecutionResult>;

/**
 * Executes operations against a schema in this process. Parsed and validated documents are cached by their text:
 * the query planner and the unit directory send the same few strings again and again. Database failures come back
 * as the API's coded errors (database-errors.ts).
 */
export function createLocalExecutor(schema: GraphQLSchema): LocalExecutor {
  const documents = new Map<string, DocumentNode>();
  return async (query, variables, contextValue, operationName) => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const errors = validate(schema, document);
      if (errors.length) return { errors };
      if (documents.size >= CACHE_SIZE) documents.delete(documents.keys().next().value!);
      documents.set(query, document);
    }
    const result = await execute({ schema, document, variableValues: variables, operationName, contextValue });
    return result.errors ? { ...result, errors: codeDatabaseErrors(result.errors) } : result;
  };
}
