import DataLoader from 'dataloader';
import { loader, type SubgraphContext } from './context.js';

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Reads the items of many keys at once (one query for every key asked in the request). */
type Fetch<K, T> = (keys: readonly K[]) => Promise<readonly T[]>;

/**
 * The request's loader `name` over a `fetch` that answers by key already; `missing` makes the value of a key the answer
 * lacks (a fresh one each time: callers may change what they get).
 */
export const mapLoader = <K, V>(
  ctx: SubgraphContext,
  name: string,
  fetch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
  missing: () => V,
) =>
  loader(
    ctx,
    name,
    () =>
      new DataLoader<K, V>(async (keys) => {
        const found = await fetch(keys);
        return keys.map((k) => (found.has(k) ? found.get(k)! : missing()));
      }),
  );

/** The request's loader `name` of one item per key (null where none matches); `key` tells an item's key. */
export const itemLoader = <K, T>(ctx: SubgraphContext, name: string, fetch: Fetch<K, T>, key: (item: T) => K) =>
  mapLoader<K, T | null>(
    ctx,
    name,
    async (keys) => new Map((await fetch(keys)).map((item) => [key(item), item])),
    () => null,
  );

/** The request's loader `name` of the items of each key, in the order read (empty where none matches). */
export const listLoader = <K, T>(ctx: SubgraphContext, name: string, fetch: Fetch<K, T>, key: (item: T) => K) =>
  mapLoader<K, T[]>(
    ctx,
    name,
    async (keys) => groupBy(await fetch(keys), key),
    () => [],
  );
