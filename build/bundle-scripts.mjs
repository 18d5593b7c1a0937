// ncc emits a front end as ES modules: an entry (index.js, holding the webpack runtime) and
// chunks (<id>.index.js, each `export const id/ids/modules`) that the entry loads with import().
// These functions turn them into plain scripts that the entries' loader (build/run-bundle.cjs) compiles through node:vm
// with a V8 code cache (why: see build/run-bundle.cjs). Only the module syntax at the edges changes;
// the code in between is ncc's, untouched. Each script starts with "use strict", as a module is
// strict. Anything not in the exact shape expected throws, so an ncc upgrade that changes the
// shape fails the build instead of shipping a bundle that breaks at run time.
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { STAND_IN_HELPER, lazyModuleHelper } from './lazy-modules.mjs';

const ENTRY_IMPORT = 'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";\n';
const CHUNK_IMPORT = 'import("./" + __nccwpck_require__.u(chunkId))';
const ENTRY_END = '/******/ __webpack_exports__ = await __webpack_exports__;\n';

// Node built-ins that cost milliseconds to load and that most commands never call: an import of
// them becomes a stand-in that loads the module on first use. Only modules whose export is a plain
// object of functions qualify (a stand-in cannot be called or extended like EventEmitter), and
// their functions do not depend on `this`.
const LAZY_BUILTINS = ['crypto', 'child_process', 'fs/promises'];

// Defined once at the top of the entry script. ncc writes every external as
// `createRequire(import.meta.url)(name)`, a new require function (a path resolution and a Module)
// per built-in; one is made on first use and shared. A lazy built-in is a stand-in
// (STAND_IN_HELPER) that loads it on first use.
const ENTRY_HELPERS = `let __dhashRequireFn;
function __dhashRequire(name) {
  return (__dhashRequireFn ??= __WEBPACK_EXTERNAL_createRequire(__dhashImportMetaUrl))(name);
}
${STAND_IN_HELPER}function __dhashLazyBuiltin(name) {
  return __dhashStandIn(() => __dhashRequire(name), true);
}
`;

const EXTERNAL_REQUIRE = '__WEBPACK_EXTERNAL_createRequire(__dhashImportMetaUrl)(';

function sharedRequire(code) {
  let out = code;
  for (const name of LAZY_BUILTINS)
    for (const spec of [name, `node:${name}`])
      out = out.replaceAll(
        `${EXTERNAL_REQUIRE}${JSON.stringify(spec)})`,
        `__dhashLazyBuiltin(${JSON.stringify(spec)})`,
      );
  return out.replaceAll(EXTERNAL_REQUIRE, '__dhashRequire(');
}

function count(code, text) {
  return code.split(text).length - 1;
}

/**
 * The entry as a script whose value is an async function (import.meta.url, createRequire,
 * loadChunk): import.meta.url becomes the first argument, the chunk import() a call of the third.
 * With `lazyPackage`, the entry defines the stand-ins of build/lazy-modules.mjs for that package.
 */
export function entryToScript(code, label, lazyPackage = undefined) {
  const fail = (what) => {
    throw new Error(`${label}: ${what}; the bundle-scripts step of build/build.mjs must follow ncc`);
  };
  if (!code.startsWith(ENTRY_IMPORT)) fail('the entry does not start with the one createRequire import');
  if (count(code, CHUNK_IMPORT) !== 1) fail('the chunk import() of the webpack runtime is not there once');
  if ((code.match(/^\/\*{6}\/\s+function __nccwpck_require__\(moduleId\) \{$/gm) ?? []).length !== 1)
    fail('the webpack runtime does not declare __nccwpck_require__ once');
  if (lazyPackage !== undefined && count(code, '__nccwpck_require__.m = __webpack_modules__;') !== 1)
    fail('the webpack runtime does not expose its modules object once');
  const afterEnd = code.split(ENTRY_END);
  if (afterEnd.length !== 2 || !/^(\/\*{6}\/\s*)*$/.test(afterEnd[1]))
    fail('the entry does not end with its await');
  const body = sharedRequire(
    code
      .slice(ENTRY_IMPORT.length)
      .replaceAll('import.meta.url', '__dhashImportMetaUrl')
      .replace(
        CHUNK_IMPORT,
        'Promise.resolve().then(() => __dhashLoadChunk(__nccwpck_require__.u(chunkId)))',
      ),
  );
  return checkedScript(
    `"use strict";\n(async function (__dhashImportMetaUrl, __WEBPACK_EXTERNAL_createRequire, __dhashLoadChunk) {\n${ENTRY_HELPERS}${lazyPackage === undefined ? '' : lazyModuleHelper(lazyPackage)}${body}\n})\n`,
    label,
  );
}

/**
 * Compiles the script once (without running it): any module syntax left (import, export,
 * import.meta) is a syntax error in a script, so the build fails here rather than at run time.
 */
function checkedScript(script, label) {
  try {
    new Script(script, { filename: label });
  } catch (error) {
    throw new Error(`${label}: not a plain script after the bundle-scripts step: ${error.message}`);
  }
  return script;
}

const CHUNK_HEAD = /^export const id = (\d+);\nexport const ids = (\[[\d,]+\]);\nexport const modules = \{/;

/** A chunk as a script whose value is a function (import.meta.url) returning what its module exported: { id, ids, modules }. */
export function chunkToScript(code, label) {
  const head = CHUNK_HEAD.exec(code);
  if (!head) throw new Error(`${label}: a chunk does not start with export const id, ids, modules`);
  const rest = code.slice(head[0].length);
  const end = rest.lastIndexOf('};');
  if (end < 0 || rest.slice(end).trim() !== '};') throw new Error(`${label}: a chunk does not end with "};"`);
  const modules = rest.slice(0, end).replaceAll('import.meta.url', '__dhashImportMetaUrl');
  return checkedScript(
    `"use strict";\n(function (__dhashImportMetaUrl) {\nreturn { id: ${head[1]}, ids: ${head[2]}, modules: {${modules}} };\n})\n`,
    label,
  );
}

/** The key of a script's code cache: the hash of its text (so an edited file never meets a stale cache). */
export function scriptKey(code) {
  return createHash('sha256').update(code).digest('hex').slice(0, 24);
}

/**
 * The one-file entry (dist/cli.js, dist/index.js, CommonJS) that runs the bundle in `dir`: the
 * loader (build/run-bundle.cjs, whose text is `loader`) written into the entry itself, so a start
 * resolves, reads and compiles one file before the bundle rather than two.
 */
export function entryFile(dir, keys, shebang, loader) {
  const sorted = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
  if (!loader.includes('\nmodule.exports = { runBundle };'))
    throw new Error('the loader does not export runBundle');
  return [
    ...(shebang ? ['#!/usr/bin/env node'] : []),
    `// Runs ./${dir}/ with a V8 code cache; the keys below are the hashes of its files. The loader`,
    '// is build/run-bundle.cjs of the dhash-rollout sources, copied in by the build.',
    loader.trimEnd(),
    '',
    '// A failure to start is an unhandled rejection: Node prints it on stderr and exits with code 1.',
    `void runBundle(require('node:path').join(__dirname, ${JSON.stringify(dir)}), ${JSON.stringify(sorted, null, 2)});`,
    '',
  ].join('\n');
}
