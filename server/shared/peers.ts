import { GraphQLError } from 'graphql';
import { MAX_LIMIT } from './page-size.js';

/** One error of a peer's answer, as its public API returns it. */
export interface PeerError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The result of a GraphQL operation on another subgraph, as its public API returns it. */
export interface PeerResult {
  /** Shaped as the operation selects: `peerResult<T>` names that shape. */
  data?: unknown;
  errors?: readonly PeerError[];
}

/**
 * Runs an operation against another subgraph's public GraphQL API — in-process when this hub bundles it, over HTTP
 * otherwise. Subgraphs read each other only this way, never through each other's tables. Calls are anonymous:
 * they see what the API shows everyone.
 */
export type PeerQuery = (subgraph: string, query: string, variables?: Record<string, unknown>) => Promise<PeerResult>;

/** The codes by which a peer says the caller asked for something wrong or absent: passed on as they are. */
const CALLER_MISTAKES: readonly string[] = ['NOT_FOUND', 'BAD_USER_INPUT'];

/** The code by which a peer says it cannot answer just now (its database restarting): the caller may retry here too. */
const TRANSIENT = 'SERVICE_UNAVAILABLE';

/**
 * A peer's error as this subgraph's own. A caller's mistake (a code in `passOn`; by default NOT_FOUND and
 * BAD_USER_INPUT) and the peer being unavailable for now keep their code and their message, already bilingual;
 * anything else is the peer failing, an internal error that names the subgraph (masked for clients, logged).
 */
export function peerError(subgraph: string, error: PeerError, passOn: readonly string[] = CALLER_MISTAKES): Error {
  const code = error.extensions?.code;
  if (typeof code === 'string' && (passOn.includes(code) || code === TRANSIENT))
    return new GraphQLError(error.message, { extensions: { code } });
  return new Error(`${subgraph} subgraph: ${error.message}`);
}

/** The data of a peer's answer, or its first error as this subgraph's own (`peerError`). */
/** `T` is what the query selects (an interface at each call site). */
export function peerResult<T>(subgraph: string, result: PeerResult, passOn?: readonly string[]): T {
  if (result.errors?.length) throw peerError(subgraph, result.errors[0], passOn);
  return result.data as T;
}

/** Runs a peer query and returns its data (`peerResult`). */
export async function peerData<T>(peers: PeerQuery, subgraph: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  return peerResult<T>(subgraph, await peers(subgraph, query, variables));
}

/** How many records a peer read asks for at a time: the most a list or an id argument of the API takes. */
export const PEER_PAGE = MAX_LIMIT;

/** Items in batches of `PEER_PAGE`: ids or codes the API takes at most that many of in one query. */
export const batches = <T>(items: readonly T[], size = PEER_PAGE): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A page of a paged list of the API. */
export interface PeerPage<T> {
  totalCount: number;
  nodes: T[];
}

/**
 * Every record of a paged list of the API, read `PEER_PAGE` at a time: `page(offset, limit)` runs the query for one
 * page. Stops at `totalCount`, or at an empty page should the list shrink meanwhile.
 */
export async function allPages<T>(page: (offset: number, limit: number) => Promise<PeerPage<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += PEER_PAGE) {
    const { totalCount, nodes } = await page(offset, PEER_PAGE);
    all.push(...nodes);
    if (offset + PEER_PAGE >= totalCount || !nodes.length) return all;
  }
}
