// `node build/unused-deps.mjs [--root <dir>]`: fails (exit 1) on a package.json dependency that
// nothing in the repository uses, so a dependency nobody imports cannot linger (run in .ci/run).
//
// A dependency is used when a tracked source, config or script file (not Markdown, not dist/,
// not the lockfile) names it as a module: a quoted specifier ('pkg' or 'pkg/sub'), a
// node_modules/pkg/ path (also spelt as path segments, '@scope', 'name'), or when one of its
// bin commands runs in package.json's scripts, .ci/run or a workflow. @types/x is used when x is,
// or when x is listed in tsconfig's "types".
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootFlag = process.argv.indexOf('--root');
const root = rootFlag > 0 ? process.argv[rootFlag + 1] : join(fileURLToPath(import.meta.url), '..', '..');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

function trackedFiles() {
  try {
    return execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    throw new Error(`unused-deps: ${root} is not a git work tree (git ls-files failed)`);
  }
}

const skipped =
  /(^|\/)(dist|node_modules)\/|\.md$|(^|\/)package(-lock)?\.json$|\.(png|jpe?g|zip|gz|wasm|sql)$/;
const sources = trackedFiles()
  .filter((file) => !skipped.test(file) && existsSync(join(root, file)))
  .map((file) => readFileSync(join(root, file), 'utf8'))
  .join('\n');
const commands = [
  ...Object.values(pkg.scripts ?? {}),
  ...trackedFiles()
    .filter((f) => f === '.ci/run' || /^\.github\/workflows\/.*\.ya?ml$/.test(f))
    .map((f) => readFileSync(join(root, f), 'utf8')),
].join('\n');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function binsOf(name) {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return [];
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!bin) return [];
  return typeof bin === 'string' ? [name.split('/').pop()] : Object.keys(bin);
}

function isUsed(name) {
  const n = escape(name);
  const patterns = [new RegExp(`['"\`]${n}(/[^'"\`\\s]*)?['"\`]`), new RegExp(`node_modules/${n}/`)];
  if (name.startsWith('@')) {
    const [scope, bare] = name.split('/');
    patterns.push(new RegExp(`['"]${escape(scope)}['"],\\s*['"]${escape(bare)}['"]`));
  }
  if (patterns.some((p) => p.test(sources))) return true;
  return binsOf(name).some((bin) =>
    new RegExp(`(^|[\\s;&|(])(npx\\s+)?${escape(bin)}(\\s|$)`, 'm').test(commands),
  );
}

const tsconfig = existsSync(join(root, 'tsconfig.json'))
  ? JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'))
  : {};
const tsTypes = new Set(tsconfig.compilerOptions?.types ?? []);

function typesTarget(name) {
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

const unused = declared.filter((name) => {
  if (name.startsWith('@types/')) {
    const target = typesTarget(name);
    return !(tsTypes.has(target) || isUsed(target));
  }
  return !isUsed(name);
});

if (unused.length > 0) {
  for (const name of unused)
    console.error(
      `unused dependency: ${name} (nothing in the repository imports or runs it); remove it from package.json`,
    );
  process.exit(1);
}
console.log(`dependencies: all ${declared.length} in package.json are used`);
