import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../server/shared/project.js';

/**
 * Every GraphQL document the console sends is made in `admin/src/dataProvider/documents/` (`graphqlDocument`,
 * `listDocument`) and exported from there; `gql` accepts only those (its `Document` type). Here each one is
 * validated against the API schema of the committed supergraph, so a renamed or removed field fails the suite
 * rather than a page in a browser.
 */
const folder = projectPath('admin', 'src', 'dataProvider', 'documents');
const moduleFiles = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && f !== 'document.ts')
  .sort();

/** The API clients see: the supergraph without its federation machinery (join__, link__, @inaccessible). */
const apiSchema = (): GraphQLSchema =>
  Supergraph.build(readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();

const load = (file: string): Promise<Record<string, unknown>> => import(pathToFileURL(join(folder, file)).href);

const errorsOf = (schema: GraphQLSchema, text: string) => validate(schema, parse(text)).map((e) => e.message);

/** An operation in a string or template literal (named, or anonymous `{ field … }`), or a document made outside the documents folder. */
const writesDocument = (text: string) =>
  /[`'"]\s*(query|mutation|subscription)(\s+\w+)?\s*[({]/.test(text) ||
  /[`'"]\s*\{\s*\w+\s*[({]/.test(text) ||
  /\b(graphqlDocument|listDocument)\(|as Document\b/.test(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the console's GraphQL documents", () => {
  let schema: GraphQLSchema;
  let documents: { name: string; text: string }[];

  beforeAll(async () => {
    schema = apiSchema();
    documents = [];
    for (const file of moduleFiles) {
      for (const [name, value] of Object.entries(await load(file))) documents.push({ name: `${file}:${name}`, text: value as string });
    }
  });

  it('are all found: one per `export const` of the documents modules, and as many as the console sends', () => {
    const declared = moduleFiles.reduce(
      (n, file) => n + (readFileSync(join(folder, file), 'utf8').match(/^export const /gm) ?? []).length,
      0,
    );
    expect(moduleFiles).toEqual(['accounts.ts', 'awards.ts', 'campaigns.ts', 'criteria.ts', 'insights.ts', 'targets.ts', 'units.ts']);
    expect(documents.length).toBe(declared);
    // 84 when this test was written: an extraction that finds nothing (or half) fails here.
    expect(documents.length).toBeGreaterThanOrEqual(84);
    for (const { name, text } of documents) expect(typeof text, name).toBe('string');
  });

  it('each parses and validates against the API schema of schema/supergraph.graphql', () => {
    const invalid = documents.map(({ name, text }) => ({ name, errors: errorsOf(schema, text) })).filter((d) => d.errors.length);
    expect(invalid).toEqual([]);
  });

  it('a document naming a field, argument or type the API lacks is refused (the check can fail)', () => {
    expect(errorsOf(schema, '{ units { totalCount nodes { id code noSuchField } } }')).toEqual([
      'Cannot query field "noSuchField" on type "AdministrativeUnit".',
    ]);
    expect(errorsOf(schema, 'query($id: ID!) { campaign(id: $id, noSuchArgument: 1) { id } }')).toEqual([
      'Unknown argument "noSuchArgument" on field "Query.campaign".',
    ]);
    const unknownType = errorsOf(schema, 'query List($orderBy: NoSuchOrderField) { units(orderBy: $orderBy) { totalCount } }');
    expect(unknownType).toHaveLength(1);
    expect(unknownType[0]).toMatch(/^Unknown type "NoSuchOrderField"\. Did you mean "UserOrderField"/);
    // Federation's own fields are not part of the API a client may query.
    expect(errorsOf(schema, '{ _service { sdl } }')).toEqual(['Cannot query field "_service" on type "Query".']);
  });

  it('a list document built for a wrong filter type is refused too', async () => {
    const { listDocument } = (await load('document.ts')) as { listDocument: (...args: string[]) => string };
    expect(errorsOf(schema, listDocument('units', 'UnitFilter', 'UnitOrderField', 'id code name'))).toEqual([]);
    expect(errorsOf(schema, listDocument('units', 'CampaignFilter', 'UnitOrderField', 'id'))).toEqual([
      'Variable "$filter" of type "CampaignFilter" used in position expecting type "UnitFilter".',
    ]);
  });

  it('no document is written anywhere else in admin/src', () => {
    expect(writesDocument('gql(`query Pick($f: UnitFilter) { units(filter: $f) { nodes { id } } }`)')).toBe(true);
    expect(writesDocument("gql('{ capabilities { capability } }')")).toBe(true);
    expect(writesDocument("const d = graphqlDocument('…')")).toBe(true);
    expect(writesDocument("/** Signs in through the gateway's `login` mutation and keeps the token (in localStorage). */")).toBe(false);
    const outside = sourceFiles(projectPath('admin', 'src')).filter((path) => !path.startsWith(folder));
    const offenders = outside.filter((path) => writesDocument(readFileSync(path, 'utf8'))).map((path) => relative(projectPath(), path));
    expect(offenders).toEqual([]);
    expect(outside.length).toBeGreaterThan(100);
  });
});
