/** The result of a GraphQL operation on another subgraph, as its public API returns it. */
export interface PeerResult {
  data?: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs an operation against another subgraph's public GraphQL API — in-process when this hub bundles it, over HTTP
 * otherwise. Subgraphs read each other only this way, never through each other's tables. Calls are anonymous:
 * they see what the API shows everyone.
 */
export type PeerQuery = (subgraph: string, query: string, variables?: Record<string, unknown>) => Promise<PeerResult>;

/** Runs a peer query and returns its data, turning errors into an exception that names the subgraph. */
export async function peerData<T = any>(peers: PeerQuery, subgraph: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await peers(subgraph, query, variables);
  if (result.errors?.length) throw new Error(`${subgraph} subgraph: ${result.errors[0].message}`);
  return result.data as T;
}
