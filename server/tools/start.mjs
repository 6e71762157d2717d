// `npm start`: builds only what start needs and only what changed, then starts the hub while the console builds.
// - The server is transpiled file by file with SWC (decorators and their metadata as tsc emits them for type-graphql
//   and MikroORM) without type-checking: type errors are `npm test`'s and CI's (`tsc -p tsconfig.json`), not start's.
//   A file is transpiled again when it is newer than its output or the options changed.
// - The console is built by Vite, in a child process while the hub starts, when a hash of its inputs differs from the
//   one stored beside its last build; until it is written, /admin says so (and reloads itself).
// - The hub runs in this process, with Node's compile cache on, so a restart does not parse every module again.
// Plain JavaScript, because it runs before anything is compiled.
import { spawn } from 'node:child_process';
import module from 'node:module';
import os from 'node:os';
import process from 'node:process';
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (...parts) => join(root, ...parts);

/** Every file under `dir`, relative to the project, sorted. */
function filesUnder(dir) {
  if (!existsSync(at(dir))) return [];
  const found = [];
  for (const entry of readdirSync(at(dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(relative(root, join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

/**
 * Transpiles the files the server's tsconfig includes into its outDir with SWC (some 50 times faster than TypeScript
 * file by file), told what the tsconfig says that changes the output: legacy decorators with their design-time
 * metadata, class fields assigned in the constructor (`useDefineForClassFields: false`), the target, ES modules,
 * source maps. Returns how many files were written.
 */
function transpileServer() {
  // Read as JSON rather than through TypeScript, which takes longer to load than SWC takes to transpile everything.
  const { compilerOptions: options, include, ...rest } = JSON.parse(readFileSync(at('tsconfig.json'), 'utf8'));
  if (
    Object.keys(rest).length ||
    !options.experimentalDecorators ||
    !options.emitDecoratorMetadata ||
    options.useDefineForClassFields !== false
  ) {
    throw new Error('tsconfig.json changed in a way server/tools/start.mjs does not follow: change it to match');
  }
  const swcOptions = {
    jsc: {
      target: options.target.toLowerCase(),
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6', strict: true },
    sourceMaps: options.sourceMap ? true : false,
  };
  const outDir = at(options.outDir);
  // Other options or another SWC: every output is stale.
  const stamp = join(outDir, '.transpiled');
  const optionsHash = createHash('sha256').update(swc.version).update(JSON.stringify(swcOptions)).digest('hex');
  const sameOptions = existsSync(stamp) && readFileSync(stamp, 'utf8') === optionsHash;
  let written = 0;
  for (const file of globSync(include, { cwd: root })) {
    if (file.endsWith('.d.ts')) continue;
    const source = at(file);
    const output = join(outDir, relative(at(options.rootDir), source)).replace(/\.ts$/, '.js');
    if (sameOptions && existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) continue;
    const { code, map } = swc.transformSync(readFileSync(source, 'utf8'), {
      ...swcOptions,
      filename: source,
      sourceFileName: relative(dirname(output), source),
      outputPath: output,
    });
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, map ? `${code}\n//# sourceMappingURL=${basename(output)}.map\n` : code);
    if (map) writeFileSync(`${output}.map`, map);
    written++;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(stamp, optionsHash);
  return written;
}

/** What the console's build reads: its sources, the server's domain rules it imports, its config and the lock file. */
function consoleInputsHash() {
  const hash = createHash('sha256');
  const outputs = [join('admin', 'dist') + sep, join('admin', 'node_modules') + sep];
  const inputs = [...filesUnder('admin'), ...filesUnder('server/shared/domain'), 'package-lock.json'].filter(
    (file) => !outputs.some((dir) => file.startsWith(dir)),
  );
  for (const file of inputs)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(at(file)))
      .update('\0');
  return hash.digest('hex');
}

/** Starts Vite on the console unless its inputs are those of the last build; the child, or null when up to date. */
function buildConsole() {
  const stamp = at('admin', 'dist', '.build-inputs');
  const inputs = consoleInputsHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return null;
  const started = Date.now();
  const vite = at('node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', 'admin', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  // The hub's start (and its PostgreSQL) goes first when both want the CPU: the API is what /readyz waits for.
  try {
    os.setPriority(child.pid, 10);
  } catch {
    /* not permitted here: same priority */
  }
  child.once('exit', (code, signal) => {
    if (code === 0) {
      writeFileSync(stamp, inputs);
      log(`console built (${Date.now() - started} ms)`);
    } else if (!signal) {
      log(`the console build failed (vite exited with ${code}): /admin is not served until it builds`);
    }
  });
  // The hub exits (Ctrl-C, SIGTERM) before a build it does not need any more has finished: stop it too.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill();
  });
  return child;
}

function log(message) {
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), service: 'ntm-start', msg: message })}\n`);
}

const started = Date.now();
const building = buildConsole();
const transpiled = transpileServer();
log(`${transpiled} server file(s) transpiled, console ${building ? 'building' : 'unchanged'} (${Date.now() - started} ms)`);
if (process.argv.includes('--build-only')) {
  // Builds what start would, waits for the console and stops (`node server/tools/start.mjs --build-only`).
  if (building && building.exitCode === null) await new Promise((resolve) => building.once('exit', resolve));
  process.exitCode = building?.exitCode ?? 0;
} else {
  module.enableCompileCache?.();
  await import(at('dist', 'server', 'main.js'));
}
