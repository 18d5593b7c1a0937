// The loader of the front ends, written by the build into dist/cli.js and dist/index.js: runs a
// bundle that build/bundle-scripts.mjs turned into plain scripts (dist/cli/, dist/action/) through
// node:vm, with a V8 code cache.
//
// Why: a front end starts once per command and once per workflow step, and most of its start-up
// is V8 compiling functions on their first call (zod building and running the config schema,
// commander parsing argv). Node's own compile cache (module.enableCompileCache, Node 22+) keeps
// only what is compiled while a module loads, and Node 20 has none for ES modules. A vm.Script's
// cache made at exit (script.createCachedData()) holds every function the run compiled, so the
// next run of any command skips that work.
//
// The entries (dist/cli.js, dist/index.js) are CommonJS (dist/package.json says so):
// an ES module entry makes Node set up its ES module loader first, a few milliseconds of every start
// that a plain script skips. The bundles inside were never loaded as modules (see above).
//
// The cache lives in <os.tmpdir()>/dhash-rollout-code-cache-<uid>/, a folder of this user's with
// mode 0700 (a cache is code: a folder others can write is not used). One file per script,
// named by the hash of the script's text (written into the entry by the build) and of its path,
// the Node version and the architecture (V8 keeps the file name it first compiled a script under
// in the cache, so two copies of one bundle must not share an entry: stack traces would name the
// other copy); V8 itself rejects a cache from another V8 or other flags, and the file is
// then rewritten. A run that found no usable cache writes one at exit (to a temporary name, then
// renamed, so parallel runs never read half a file). Any failure to read or write only means
// compiling from source. DHASH_CODE_CACHE=off turns the cache off; DHASH_CODE_CACHE_DIR moves it.
'use strict';
const { createRequire } = require('node:module');
const {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const { isAscii } = require('node:buffer');
const { dirname, join } = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');
const { Script, constants } = require('node:vm');

/** Caches to write at exit: [file, script]. */
const unsaved = [];

/**
 * Cache files kept in the folder: each build and each copy of it adds its own (a few per command
 * run), so without a bound the folder grows with every upgrade. About three builds' worth.
 */
const MAX_CACHE_FILES = 256;

/** The cache folder, or null when caching is off or the folder is not safely this user's. */
function cacheDir(env) {
  if (env.DHASH_CODE_CACHE === 'off') return null;
  const uid = process.getuid?.();
  const dir =
    env.DHASH_CODE_CACHE_DIR || join(temporaryDir(env), `dhash-rollout-code-cache-${uid ?? 'user'}`);
  try {
    let stat = statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = statSync(dir);
    }
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0)
      return null;
    return dir;
  } catch {
    return null;
  }
}

/** os.tmpdir(), without loading node:os on the systems where its rule is this simple. */
function temporaryDir(env) {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  const path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Keeps the newest MAX_CACHE_FILES caches and removes temporary files of killed runs. */
function prune(dir) {
  const stale = Date.now() - 60_000;
  const files = [];
  for (const name of readdirSync(dir)) {
    try {
      if (name.endsWith('.v8cache')) files.push({ name, mtime: statSync(join(dir, name)).mtimeMs });
      else if (
        name.endsWith('.tmp') &&
        name.includes('.v8cache.') &&
        statSync(join(dir, name)).mtimeMs < stale
      )
        unlinkSync(join(dir, name));
    } catch {
      // Removed by a parallel run.
    }
  }
  files.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of files.slice(MAX_CACHE_FILES)) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Removed by a parallel run.
    }
  }
}

function saveAtExit() {
  for (const [file, script] of unsaved) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, file);
    } catch {
      // No cache this time (a full disk, say): the next run compiles from source again.
      try {
        unlinkSync(temporary);
      } catch {
        // It was never created.
      }
    }
  }
  try {
    prune(dirname(unsaved[0][0]));
  } catch {
    // The folder is gone: nothing to bound.
  }
}

/** A short, stable name for a script's path (FNV-1a, 32 bits: a name, not a security check). */
function pathKey(path) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The build's identity: the FNV-1a hash of every file's hash, in name order. */
function buildKey(keys) {
  const text = Object.keys(keys)
    .sort()
    .map((name) => `${name}=${keys[name]}`)
    .join('\n');
  return pathKey(text);
}

/** Compiles one script of the bundle (with its cache when there is a usable one) and runs it. */
function runScript(url, key, dir) {
  const filename = fileURLToPath(url);
  // The build writes the scripts as ASCII where it can (build/ascii-script.mjs): then Latin-1 is
  // the same text, read as a one-byte string without decoding.
  const bytes = readFileSync(filename);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheFile =
    dir && key ? join(dir, `${key}-${pathKey(filename)}-${process.version}-${process.arch}.v8cache`) : null;
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(source, {
    filename,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    if (unsaved.length === 0) process.once('exit', saveAtExit);
    unsaved.push([cacheFile, script]);
  }
  return script.runInThisContext();
}

/**
 * Runs `<dir>/index.js` (the bundle's entry script) and loads its chunks through the same cache.
 * `keys` maps each file name of the bundle to the hash of its text.
 */
async function runBundle(dirPath, keys, env = process.env) {
  const dir = cacheDir(env);
  // The bundle keeps its validated config files in the same private folder
  // (src/config/config-cache.ts), named by this build: the hash of its files' hashes.
  if (dir) globalThis[Symbol.for('dhash-rollout.startup-cache')] = { dir, build: buildKey(keys) };
  const dirUrl = pathToFileURL(`${dirPath}/`);
  const entryUrl = new URL('index.js', dirUrl);
  const entry = runScript(entryUrl, keys['index.js'], dir);
  const loadChunk = (name) => {
    const url = new URL(name, dirUrl);
    return runScript(url, keys[name], dir)(url.href);
  };
  await entry(entryUrl.href, createRequire, loadChunk);
}

module.exports = { runBundle };
