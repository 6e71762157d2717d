import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaFiles } from '../server/gateway/schema-files.js';
import { projectPath } from '../server/shared/project.js';
import { buildSubgraph } from '../server/shared/subgraph.js';
import { bundledSubgraphs } from '../server/subgraphs.js';
import { buildSchema, isObjectType, isInputObjectType, isEnumType, isScalarType, type GraphQLNamedType } from 'graphql';

describe('committed SDL', () => {
  it('matches what the code generates (run `npm run schema` after changing the API)', async () => {
    const files = await generateSchemaFiles();
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(projectPath('schema', name), 'utf8'), `schema/${name} is stale`).toBe(content);
    }
  });

  it('describes every public type, field and argument', async () => {
    const missing: string[] = [];
    for (const module of bundledSubgraphs) {
      const { sdl } = await buildSubgraph(module);
      const schema = buildSchema(sdl.replace(/extend schema[^]*?\)\n/, ''), { assumeValid: true, assumeValidSDL: true });
      for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
        if (type.name.startsWith('_') || type.name.startsWith('link__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
          continue;
        if (isScalarType(type) && ['FieldSet', 'link__Import', 'federation__FieldSet'].includes(type.name)) continue;
        if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(`${module.name}: type ${type.name}`);
        if (isObjectType(type) || isInputObjectType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (field.name.startsWith('_')) continue;
            if (!field.description) missing.push(`${module.name}: ${type.name}.${field.name}`);
            for (const arg of 'args' in field ? field.args : []) {
              if (!arg.description) missing.push(`${module.name}: ${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
        if (isEnumType(type)) {
          for (const value of type.getValues())
            if (!value.description && !type.description) missing.push(`${module.name}: ${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
