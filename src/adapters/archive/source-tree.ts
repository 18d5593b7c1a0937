import { lstatSync, openSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UnsafeEntryError, checkEntryName, linkStaysInside } from './entry-name.js';
import type { EntrySource } from './zip-writer.js';

/**
 * Lists a directory tree as archive entries, in a stable order, without reading file content
 * (the writer streams it). Names are checked here with the same rules restore applies, so a
 * backup that could not be restored is refused when it is made, not when it is needed.
 */
export interface TreeOptions {
  /** Absolute paths left out (the live database, handled as a snapshot; lock files). */
  exclude?: (absolutePath: string) => boolean;
}

export class SourceTreeError extends Error {}

export function listTree(
  absoluteRoot: string,
  entryPrefix: string,
  options: TreeOptions = {},
): EntrySource[] {
  const out: EntrySource[] = [];
  const rootStat = statSync(absoluteRoot);
  if (!rootStat.isDirectory()) {
    out.push(fileEntry(entryPrefix, absoluteRoot, rootStat));
    return out;
  }
  out.push(dirEntry(entryPrefix, rootStat));
  walk(absoluteRoot, entryPrefix, options, out, 0);
  return out;
}

function walk(dir: string, prefix: string, options: TreeOptions, out: EntrySource[], depth: number): void {
  if (depth > 64) throw new SourceTreeError(`${dir}: directories nested more than 64 deep (a link loop?)`);
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const path = join(dir, name);
    if (options.exclude?.(path)) continue;
    const entryName = `${prefix}/${name}`;
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      const target = readlinkSync(path).replace(/\\/g, '/');
      if (linkStaysInside(entryName, target) && !target.startsWith('/')) {
        checkName(entryName, path);
        out.push({
          name: entryName,
          type: 'symlink',
          mode: 0o777,
          mtimeMs: stat.mtimeMs,
          size: Buffer.byteLength(target),
          data: Buffer.from(target, 'utf8'),
        });
        continue;
      }
      // A link leaving the tree is archived as what it points at (a file), never as a link,
      // because restore refuses links that leave the target.
      let followed;
      try {
        followed = statSync(path);
      } catch {
        throw new SourceTreeError(`${path} is a dangling link to ${target}`);
      }
      if (!followed.isFile())
        throw new SourceTreeError(
          `${path} links to a directory outside the backed-up tree (${target}); back up that directory instead`,
        );
      out.push(fileEntry(entryName, path, followed));
    } else if (stat.isDirectory()) {
      out.push(dirEntry(entryName, stat));
      walk(path, entryName, options, out, depth + 1);
    } else if (stat.isFile()) {
      out.push(fileEntry(entryName, path, stat));
    }
    // Sockets, FIFOs and devices are not content; they are skipped.
  }
}

function checkName(entryName: string, path: string): void {
  try {
    checkEntryName(entryName);
  } catch (error) {
    if (error instanceof UnsafeEntryError)
      throw new SourceTreeError(`cannot back up ${path}: ${error.message}`);
    throw error;
  }
}

function dirEntry(name: string, stat: { mode: number; mtimeMs: number }): EntrySource {
  checkName(`${name}/`, name);
  return { name: `${name}/`, type: 'dir', mode: stat.mode & 0o7777, mtimeMs: stat.mtimeMs, size: 0 };
}

export function fileEntry(
  name: string,
  path: string,
  stat: { mode: number; mtimeMs: number; size: number },
): EntrySource {
  checkName(name, path);
  return {
    name,
    type: 'file',
    mode: stat.mode & 0o7777,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    open: () => openSync(path, 'r'),
  };
}
