// Bundles the front ends with ncc: the action (dist/index.js) and the bin (dist/cli.js), and the
// reference service the demo deploys: dist/reference-service/{server,loadgen}.js, so that an
// installed package assembles its releases without a bundler.
// Each front end loads a command's modules only when that command runs (dynamic import()), so
// ncc emits the bundle plus chunks; they go to dist/action/ and dist/cli/ (two bundles' chunk
// names would collide in one directory) as plain scripts (build/bundle-scripts.mjs), and
// dist/index.js and dist/cli.js are small entries that run them with the loader build/run-bundle.cjs (copied into each), which
// keeps a V8 code cache of them: most of a command's start-up is compiling functions. Everything must run with no node_modules, on Node 20.18+ and 24. The ncc CLI is used
// (not its programmatic API) because only the CLI detects the ESM package scope and emits ES
// modules. Not --transpile-only: with it ncc treats the TypeScript sources as CommonJS and the
// ESM-only @actions/* packages fail to resolve.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleReferenceService } from '../examples/dhash-service/build-releases.mjs';
import { asciiScript } from './ascii-script.mjs';
import { chunkToScript, entryFile, entryToScript, scriptKey } from './bundle-scripts.mjs';
import { lazyPackage } from './lazy-modules.mjs';
import { patchSqlJsModuleCheck } from './patch-sqljs.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const entries = [
  { input: 'src/action/main.ts', output: 'index.js', dir: 'action' },
  { input: 'src/cli/main.ts', output: 'cli.js', dir: 'cli', bin: true },
];

// `--out <dir>` builds elsewhere (parallel work must not race on the committed dist/).
const outFlag = process.argv.indexOf('--out');
const dist = outFlag > 0 ? process.argv[outFlag + 1] : join(root, 'dist');
const staging = join(root, `.build-tmp-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
const referenceService = bundleReferenceService(join(staging, 'reference-service'));
await Promise.all(
  entries.map(async (entry) => {
    const out = join(staging, entry.dir);
    await run(
      process.execPath,
      [ncc, 'build', join(root, entry.input), '-o', out, '--target', 'es2022', '--quiet'],
      { cwd: root },
    );
    const extra = readdirSync(out).filter((f) => !/^(\d+\.)?index\.js$/.test(f) && f !== 'package.json');
    if (extra.length > 0)
      throw new Error(`${entry.input}: ncc emitted assets that dist/ does not ship: ${extra.join(', ')}`);
  }),
);
await referenceService;
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(join(staging, 'reference-service'), join(dist, 'reference-service'), { recursive: true });
const loader = readFileSync(join(root, 'build', 'run-bundle.cjs'), 'utf8');
for (const entry of entries) {
  const dir = join(dist, entry.dir);
  mkdirSync(dir);
  const keys = {};
  const emitted = {};
  for (const file of readdirSync(join(staging, entry.dir)).filter((f) => f.endsWith('.js')))
    emitted[file] = patchSqlJsModuleCheck(
      readFileSync(join(staging, entry.dir, file), 'utf8'),
      `${entry.dir}/${file}`,
    );
  // zod is evaluated on first use, not at start-up (why: build/lazy-modules.mjs).
  const { files } = lazyPackage(emitted, 'zod');
  for (const [file, code] of Object.entries(files)) {
    const label = `${entry.dir}/${file}`;
    const converted = file === 'index.js' ? entryToScript(code, label, 'zod') : chunkToScript(code, label);
    const script = asciiScript(converted, label) ?? converted;
    writeFileSync(join(dir, file), script);
    keys[file] = scriptKey(script);
  }
  const path = join(dist, entry.output);
  writeFileSync(path, entryFile(entry.dir, keys, entry.bin, loader));
  if (entry.bin) chmodSync(path, 0o755);
}
// The entries are CommonJS (why: build/run-bundle.cjs), whatever the package
// around dist/ says; the reference service's bundles are ES modules.
writeFileSync(join(dist, 'package.json'), '{\n  "type": "commonjs"\n}\n');
writeFileSync(join(dist, 'reference-service', 'package.json'), '{\n  "type": "module"\n}\n');
rmSync(staging, { recursive: true, force: true });
console.log(`built ${dist}: ${readdirSync(dist).join(', ')}`);
