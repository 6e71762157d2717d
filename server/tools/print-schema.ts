/**
 * Writes the committed SDL: each bundled subgraph's schema and the composed supergraph, to schema/.
 * `npm run schema` regenerates them; tests/schema.test.ts fails when the committed files drift from the code.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { generateSchemaFiles } from '../gateway/schema-files.js';
import { projectPath } from '../shared/project.js';

const files = await generateSchemaFiles();
for (const [name, content] of Object.entries(files)) writeFileSync(projectPath('schema', name), content);
console.log(
  `wrote ${Object.keys(files)
    .map((f) => `schema/${f}`)
    .join(', ')}`,
);
