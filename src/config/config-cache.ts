import { readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeValidated, isSkeleton, rebuildValidated } from './config-skeleton.js';
import { withoutByteOrderMark } from './json-text.js';

/**
 * The start-up cache of validated config files. Every command starts by validating the config
 * file, and a workflow runs ten commands on one file: building the schema and parsing the file with
 * it is most of a command's start-up. A file this build of the tool has validated before is read
 * from here instead: its JSON is parsed again (JSON.parse) and the schema's defaults are put back
 * from a stored skeleton (config-skeleton.ts), which holds key names and defaults but no value of
 * the file, so no secret written in a config file is ever copied here.
 *
 * The cache is the front ends' V8 code cache folder (build/run-bundle.cjs, in dist/cli.js and dist/index.js: this user's, mode 0700,
 * `DHASH_CODE_CACHE=off` turns both off), which the bundle announces through a global. Tests and
 * any use of the sources outside the bundle have no cache. An entry is named by the build (the
 * hashes of the bundle's files) and by two independent 32-bit hashes and the length of the file's
 * text, so an edited file, or a file validated by another version, is validated again. Anything
 * unreadable or malformed in the cache only means validating again.
 */

const STARTUP_CACHE = Symbol.for('dhash-rollout.startup-cache');
/** Entries kept; older ones are removed when a new one is written. */
const MAX_ENTRIES = 64;
const PREFIX = 'config-';

export interface StartupCache {
  /** The cache folder, already checked to be this user's and private. */
  dir: string;
  /** Identifies the build of the tool (its files' hashes). */
  build: string;
}

/** The cache the running bundle offers, if any. */
export function startupCache(): StartupCache | undefined {
  const value = (globalThis as Record<symbol, unknown>)[STARTUP_CACHE];
  if (typeof value !== 'object' || value === null) return undefined;
  const { dir, build } = value as Record<string, unknown>;
  return typeof dir === 'string' && typeof build === 'string' && /^[0-9a-f]+$/.test(build)
    ? { dir, build }
    : undefined;
}

/**
 * Two 32-bit multiply-xorshift hashes of the text's UTF-8 bytes (seeded differently), as hex.
 * Hashed four bytes at a time: this runs on every start, mostly before V8 has optimised anything.
 */
function textHash(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const count = bytes.length >> 2;
  // Copied into an aligned array: a Buffer may start anywhere in Node's shared pool.
  const words = new Int32Array(count);
  new Uint8Array(words.buffer).set(bytes.subarray(0, count * 4));
  let a = 0xdeadbeef ^ bytes.length;
  let b = 0x41c6ce57 ^ bytes.length;
  for (let i = 0; i < count; i++) {
    a = Math.imul(a ^ words[i], 2654435761);
    b = Math.imul(b ^ words[i], 1597334677);
  }
  for (let i = count * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 2654435761);
    b = Math.imul(b ^ bytes[i], 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function entryPath(cache: StartupCache, text: string): string {
  return join(cache.dir, `${PREFIX}${cache.build}-${textHash(text)}-${text.length}.json`);
}

/** The validated result for this exact text, when this build validated it before; else undefined. */
export function readValidatedConfig(cache: StartupCache, text: string): unknown {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(entryPath(cache, text), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isSkeleton(stored)) return undefined;
  try {
    return rebuildValidated(stored, JSON.parse(withoutByteOrderMark(text)));
  } catch {
    return undefined;
  }
}

/** Remembers that this text validated to `validated` (parsed from `file`); never fails the command. */
export function saveValidatedConfig(
  cache: StartupCache,
  text: string,
  file: unknown,
  validated: unknown,
): void {
  const skeleton = describeValidated(validated, file);
  if (skeleton === null) return;
  const path = entryPath(cache, text);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, skeleton, { mode: 0o600 });
    renameSync(temporary, path);
    pruneEntries(cache.dir);
  } catch {
    // A full disk or a removed folder: the next run validates again.
    try {
      unlinkSync(temporary);
    } catch {
      // It was never written.
    }
  }
}

/** Keeps the newest MAX_ENTRIES entries (and removes temporary files of killed runs). */
function pruneEntries(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((e) => e !== null);
  const stale = Date.now() - 60_000;
  const temporaries = entries.filter((e) => e.name.endsWith('.tmp') && e.mtime < stale);
  const kept = entries.filter((e) => !e.name.endsWith('.tmp')).sort((x, y) => y.mtime - x.mtime);
  for (const e of [...temporaries, ...kept.slice(MAX_ENTRIES)]) {
    try {
      unlinkSync(join(dir, e.name));
    } catch {
      // Removed by a parallel run.
    }
  }
}
