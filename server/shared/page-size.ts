/**
 * How many records a list returns by default and at most: the paging convention (paging.ts) and what the operation
 * cost counts a paged list as (operation-cost.ts). Apart from paging.ts, which declares GraphQL types with
 * decorators, so that code reading only these (Hive Gateway's configuration) needs no decorator support.
 */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;
