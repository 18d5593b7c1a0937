// `npm run bench [-- <name> ...]`: compiles src/ and bench/ to plain JS (tsc) and runs
// bench/<name>/index.js for each name given, or every bench/*/index.ts when none is.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
const wanted = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'bench', d.name, 'index.ts')))
  .map((d) => d.name);
const names = wanted.length > 0 ? wanted : all;
for (const name of names) {
  if (!all.includes(name)) throw new Error(`no benchmark "${name}"; have: ${all.join(', ')}`);
  console.log(`\n=== bench/${name} ===`);
  execFileSync(process.execPath, ['--expose-gc', join(root, '.build', 'js', 'bench', name, 'index.js')], {
    stdio: 'inherit',
    cwd: root,
  });
}
