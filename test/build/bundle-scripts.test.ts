import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error -- a plain-JS build script without type declarations
import { chunkToScript, entryFile, entryToScript, scriptKey } from '../../build/bundle-scripts.mjs';

type Transform = (code: string, label: string) => string;
const toEntry = entryToScript as Transform;
const toChunk = chunkToScript as Transform;
const keyOf = scriptKey as (code: string) => string;
const entryOf = entryFile as (
  dir: string,
  keys: Record<string, string>,
  shebang: boolean,
  loader: string,
) => string;

// A bundle in the shape ncc emits (see build/bundle-scripts.mjs), small enough to read: the entry
// loads chunk 7 through the webpack runtime's import(), uses createRequire(import.meta.url), and
// prints what the chunk's module returns (including whether it ran in strict mode, as modules do).
const NCC_ENTRY = `import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ function __nccwpck_require__(moduleId) {
/******/ }
__nccwpck_require__.u = (chunkId) => "" + chunkId + ".index.js";
var chunkId = 7;
var __webpack_exports__ = import("./" + __nccwpck_require__.u(chunkId)).then((chunk) => {
  const os = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
  console.log(JSON.stringify({ ids: chunk.ids, said: chunk.modules[1](), entry: import.meta.url.endsWith("/index.js"), eol: os.EOL.length }));
});
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
`;
const NCC_CHUNK = `export const id = 7;
export const ids = [7,8];
export const modules = {

/***/ 1:
/***/ (() => {
return { from: import.meta.url.split("/").pop(), strict: (function () { return this === undefined; })() };
/***/ })

};
`;
const EXPECTED = { ids: [7, 8], said: { from: '7.index.js', strict: true }, entry: true, eol: 1 };

describe('bundle scripts with a V8 code cache (build/bundle-scripts.mjs, build/run-bundle.cjs)', () => {
  let work: string;
  let dist: string;
  let cache: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'dhash-bundle-scripts-'));
    dist = join(work, 'dist');
    cache = join(work, 'cache');
    mkdirSync(join(dist, 'cli'), { recursive: true });
    const files = {
      'index.js': toEntry(NCC_ENTRY, 'cli/index.js'),
      '7.index.js': toChunk(NCC_CHUNK, 'cli/7.index.js'),
    };
    const keys: Record<string, string> = {};
    for (const [name, script] of Object.entries(files)) {
      writeFileSync(join(dist, 'cli', name), script);
      keys[name] = keyOf(script);
    }
    writeFileSync(
      join(dist, 'cli.js'),
      entryOf('cli', keys, true, readFileSync(resolve('build/run-bundle.cjs'), 'utf8')),
    );
    writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  const run = (env: Record<string, string> = {}) => {
    const ran = spawnSync(process.execPath, [join(dist, 'cli.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DHASH_CODE_CACHE_DIR: cache, ...env },
    });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    return JSON.parse(ran.stdout) as unknown;
  };
  const cacheFiles = () => readdirSync(cache).sort();

  test('the scripts behave as the modules did; the first run writes one private cache file per script', () => {
    expect(run()).toEqual(EXPECTED);
    expect(cacheFiles()).toHaveLength(2);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    for (const file of cacheFiles()) {
      expect(file).toMatch(
        new RegExp(`^[0-9a-f]{24}-[0-9a-f]{8}-${process.version}-${process.arch}\\.v8cache$`),
      );
      expect(statSync(join(cache, file)).mode & 0o777).toBe(0o600);
    }
  });

  test('a later run uses the cache (V8 accepts it, so it is not rewritten)', () => {
    run();
    const written = cacheFiles().map((f) => [
      f,
      statSync(join(cache, f)).mtimeMs,
      readFileSync(join(cache, f)),
    ]);
    expect(run()).toEqual(EXPECTED);
    for (const [file, mtime, bytes] of written) {
      expect(statSync(join(cache, file as string)).mtimeMs).toBe(mtime);
      expect(readFileSync(join(cache, file as string))).toEqual(bytes);
    }
  });

  test('a damaged cache file is rejected, the run is unaffected, and the file is rewritten', () => {
    run();
    const [file] = cacheFiles();
    writeFileSync(join(cache, file), 'not a V8 code cache');
    expect(run()).toEqual(EXPECTED);
    expect(readFileSync(join(cache, file), 'utf8')).not.toBe('not a V8 code cache');
  });

  test('a cache folder others can write is not used; DHASH_CODE_CACHE=off uses none', () => {
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    expect(run()).toEqual(EXPECTED);
    expect(cacheFiles()).toEqual([]);
    chmodSync(cache, 0o700);
    expect(run({ DHASH_CODE_CACHE: 'off' })).toEqual(EXPECTED);
    expect(cacheFiles()).toEqual([]);
  });

  test('the folder keeps the newest 256 caches; temporary files of killed runs go', () => {
    mkdirSync(cache, { mode: 0o700 });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < 300; i++) {
      const file = join(cache, `${String(i).padStart(24, '0')}-00000000-v0-x64.v8cache`);
      writeFileSync(file, 'an older build');
      utimesSync(file, hourAgo, new Date(hourAgo.getTime() + i * 1000));
    }
    const killed = join(cache, 'f'.repeat(24) + '-00000000-v0-x64.v8cache.4242.tmp');
    writeFileSync(killed, 'half');
    utimesSync(killed, hourAgo, hourAgo);
    expect(run()).toEqual(EXPECTED);
    const left = cacheFiles();
    expect(left).toHaveLength(256);
    // The two this run wrote, and the newest 254 of the older ones.
    expect(left.filter((f) => !f.startsWith('0000'))).toHaveLength(2);
    expect(left).not.toContain(`${'45'.padStart(24, '0')}-00000000-v0-x64.v8cache`);
    expect(left).toContain(`${'46'.padStart(24, '0')}-00000000-v0-x64.v8cache`);
    expect(run()).toEqual(EXPECTED);
    expect(cacheFiles()).toEqual(left);
  });

  test('a bundle not in the shape expected fails the build, naming the file', () => {
    expect(() => toChunk(NCC_CHUNK.replace('export const ids', 'const ids'), 'cli/7.index.js')).toThrow(
      /^cli\/7\.index\.js: a chunk does not start with export const id, ids, modules/,
    );
    expect(() => toEntry(`${NCC_ENTRY}export const leftover = 1;\n`, 'cli/index.js')).toThrow(
      /^cli\/index\.js: the entry does not end with its await/,
    );
    expect(() =>
      toEntry(
        NCC_ENTRY.replace('function __nccwpck_require__(moduleId)', 'function require(moduleId)'),
        'cli/index.js',
      ),
    ).toThrow(/^cli\/index\.js: the webpack runtime does not declare __nccwpck_require__ once/);
    expect(() =>
      toEntry(NCC_ENTRY.replace('var chunkId = 7;', 'var chunkId = 7; export { chunkId };'), 'cli/index.js'),
    ).toThrow(/^cli\/index\.js: not a plain script after the bundle-scripts step: Unexpected token 'export'/);
    expect(() =>
      toChunk(NCC_CHUNK.replace('split("/")', 'split(import.meta.dirname)'), 'cli/7.index.js'),
    ).toThrow(
      /^cli\/7\.index\.js: not a plain script after the bundle-scripts step: Cannot use 'import\.meta' outside a module/,
    );
  });
});
