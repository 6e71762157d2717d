import type { RequestHandler } from 'express';
import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { bilingual } from '../shared/errors.js';
import { EXAMPLES } from './examples.js';

/** What the page is rendered with; Yoga's GraphiQL also reads `query` and `variables` (the editors' first content), untyped there. */
type GraphiQLOptions = NonNullable<Parameters<typeof renderGraphiQL>[0]> & { query?: string; variables?: string };

/**
 * GraphiQL as the hub serves it: titled, with one tab per example operation (examples.ts), its variables filled in.
 * GraphiQL's own documentation explorer reads the schema by introspection.
 */
export function graphiqlOptions(): GraphiQLOptions {
  const tabs = EXAMPLES.map((example) => ({
    query: `# ${bilingual(example.title.vi, example.title.en)}\n${example.query}\n`,
    variables: JSON.stringify(example.variables, null, 2),
  }));
  return {
    title: 'NTM Hub — GraphiQL',
    defaultTabs: tabs,
    // GraphiQL fills its editors from these, not from the first tab, when it first opens; equal to the first tab,
    // they also let it find that tab again after a reload instead of opening another.
    query: tabs[0].query,
    variables: tabs[0].variables,
    // The variables editor open, so each tab's variables are there (and sent) from the start.
    defaultEditorToolsVisibility: 'variables',
    // A token put in the headers editor ({"Authorization": "Bearer …"}) is not kept in the browser's storage.
    shouldPersistHeaders: false,
  };
}

/**
 * The whole GraphiQL page: the GraphiQL build of `@graphql-yoga/render-graphiql` (from npm) inlined, scripts,
 * styles and editor workers included, so it works on a network without internet and sends nothing to a CDN.
 * Loaded only when served (the bundle is some 9 MB).
 */
export async function renderGraphiqlPage(options: GraphiQLOptions = graphiqlOptions()): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}

/**
 * Answers a browser opening /graphql (a GET that prefers HTML and carries no query) with GraphiQL; any other request
 * goes on to the GraphQL server. The page is rendered once.
 */
export function graphiqlRoute(endpoint: string): RequestHandler {
  let page: Promise<string> | undefined;
  return (req, res, next) => {
    if (
      req.query.query !== undefined ||
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html'
    )
      return next();
    (page ??= renderGraphiqlPage({ ...graphiqlOptions(), endpoint })).then((html) => {
      res.type('html').send(html);
    }, next);
  };
}
