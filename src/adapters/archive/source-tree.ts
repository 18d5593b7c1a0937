import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { UnsafeEntryError, checkEntryName } from './entry-name.js';
import { decodeName, encodeName, fsPath } from '../../domain/backup/raw-name.js';
import { SourceTreeError } from '../../domain/backup/source-errors.js';
import type { EntrySource } from './zip-writer.js';

/**
 * Lists a directory tree as archive entries, in a stable order, without reading file content
 * (the writer streams it). Names are read as bytes, so any name Linux allows is kept exactly
 * (see raw-name.ts). A link that really leads inside the target root (resolved by the kernel, not
 * by reading its text) is archived as a link, relative or absolute as it is; one leading out is
 * archived as the file it points at, because a restore refuses links that leave the target.
 */
export interface TreeOptions {
  /** Absolute paths left out (the live database, handled as a snapshot; lock files). */
  exclude?: (absolutePath: string) => boolean;
  /** The target root: links resolving inside it stay links. Default: the listed directory. */
  inside?: string;
}

export { SourceTreeError };

export function listTree(
  absoluteRoot: string,
  entryPrefix: string,
  options: TreeOptions = {},
): EntrySource[] {
  return [...walkTree(absoluteRoot, entryPrefix, options)];
}

/**
 * The same entries as listTree, in the same order, listed as they are iterated: a backup lists
 * its tree while the first files are already being compressed (see ZipFileWriter.addAll).
 * Depth-first with a stack of folders (a recursive generator would resume every enclosing
 * generator for each entry).
 */
export function* walkTree(
  absoluteRoot: string,
  entryPrefix: string,
  options: TreeOptions = {},
): Generator<EntrySource, void, undefined> {
  const rootStat = statSync(fsPath(absoluteRoot));
  if (!rootStat.isDirectory()) {
    yield fileEntry(entryPrefix, absoluteRoot, rootStat);
    return;
  }
  const inside = realRoot(options.inside ?? absoluteRoot);
  yield dirEntry(entryPrefix, rootStat);
  const stack: Folder[] = [folder(absoluteRoot, entryPrefix, 0)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.names.length) {
      stack.pop();
      continue;
    }
    const name = top.names[top.next++];
    const path = join(top.dir, name);
    if (options.exclude?.(path)) continue;
    const entryName = `${top.prefix}/${name}`;
    const stat = lstatSync(fsPath(path));
    if (stat.isSymbolicLink()) {
      yield linkEntry(path, entryName, stat, inside);
    } else if (stat.isDirectory()) {
      yield dirEntry(entryName, stat);
      stack.push(folder(path, entryName, top.depth + 1));
    } else if (stat.isFile()) {
      yield fileEntry(entryName, path, stat);
    }
    // Sockets, FIFOs and devices are not content; they are skipped.
  }
}

/** A folder being walked: its names, sorted, and the next one to list. */
interface Folder {
  dir: string;
  prefix: string;
  depth: number;
  names: string[];
  next: number;
}

function folder(dir: string, prefix: string, depth: number): Folder {
  if (depth > 64) throw new SourceTreeError(`${dir}: directories nested more than 64 deep (a link loop?)`);
  // Sorted by bytes, so the order is the same whatever the names' encoding.
  const names = (readdirSync(fsPath(dir), { encoding: 'buffer' }) as Buffer[])
    .sort((a, b) => Buffer.compare(a, b))
    .map(decodeName);
  return { dir, prefix, depth, names, next: 0 };
}

/** A link leading inside the target stays a link; one leading out is archived as the file it points at. */
function linkEntry(path: string, entryName: string, stat: { mtimeMs: number }, inside: string): EntrySource {
  const targetBytes = readlinkSync(fsPath(path), { encoding: 'buffer' });
  if (linkLeadsInside(path, decodeName(targetBytes), inside)) {
    checkName(entryName, path);
    return {
      name: entryName,
      type: 'symlink',
      mode: 0o777,
      mtimeMs: stat.mtimeMs,
      size: targetBytes.length,
      data: targetBytes,
    };
  }
  let followed;
  try {
    followed = statSync(fsPath(path));
  } catch {
    throw new SourceTreeError(`${path} is a dangling link to ${decodeName(targetBytes)}, outside the target`);
  }
  if (!followed.isFile())
    throw new SourceTreeError(
      `${path} links to a directory outside the backed-up tree (${decodeName(targetBytes)}); back up that directory instead`,
    );
  return fileEntry(entryName, path, followed);
}

function realRoot(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Where the kernel takes the link (if it leads anywhere); a dangling one is judged by its text. */
function linkLeadsInside(path: string, target: string, inside: string): boolean {
  try {
    return isInside(decodeName(realpathSync(fsPath(path), { encoding: 'buffer' })), inside);
  } catch {
    const base = target.startsWith('/') ? target : join(path, '..', target);
    return isInside(resolve(base), inside);
  }
}

function checkName(entryName: string, path: string): void {
  try {
    checkEntryName(entryName, 'linux');
    encodeName(entryName);
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
    path: fsPath(path),
  };
}
