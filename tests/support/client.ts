import './provided-context.js';
import { hubUrl } from './hub.js';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T = any> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** Sends a GraphQL request to the hub's gateway (or to `url`, another GraphQL endpoint) over HTTP, as any client would. */
export async function gql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
  options: { token?: string; path?: string; url?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(options.url ?? `${hubUrl()}${options.path ?? '/graphql'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of each error, for asserting on failure paths. */
export const errorCodes = (result: GraphQLResult) => (result.errors ?? []).map((e) => e.extensions?.code);
