/**
 * A GraphQL operation the console sends. Documents are made only in this folder (`graphqlDocument`, `listDocument`) and
 * `gql` takes nothing else, so `tests/console-documents.test.ts` finds every one and validates it against the
 * committed `schema/supergraph.graphql`.
 */
export type Document = string & { readonly __graphqlDocument: true };

export const graphqlDocument = (text: string) => text as Document;

/**
 * One of the hub's paged lists: `field(filter: <filterType>, offset, limit, orderBy: <orderType>, direction)`
 * returning `{ totalCount nodes { <fields> } }` under the alias `page` (read by `pagedList`).
 */
export const listDocument = (field: string, filterType: string, orderType: string, fields: string) =>
  graphqlDocument(
    `query List($filter: ${filterType}, $offset: Int, $limit: Int, $orderBy: ${orderType}, $direction: SortDirection) {
    page: ${field}(filter: $filter, offset: $offset, limit: $limit, orderBy: $orderBy, direction: $direction) { totalCount nodes { ${fields} } }
  }`,
  );
