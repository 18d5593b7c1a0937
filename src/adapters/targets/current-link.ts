import {
  existsSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { basename, join } from 'node:path';

/**
 * `<root>/current` names the live release. On POSIX it is a relative symlink to `releases/<id>`,
 * switched atomically by creating a temporary link and renaming it over `current` (rename(2)
 * replaces the old link in one step, so a reader sees the old or the new release, never neither).
 * On Windows it is a directory junction, which needs no symlink privilege; junctions cannot be
 * renamed over one another, so there the switch is remove-then-create, with a gap of microseconds.
 */
export const CURRENT = 'current';
export const RELEASES = 'releases';

export function releasePath(root: string, id: string): string {
  return join(root, RELEASES, id);
}

/** The release `current` points at, or null when there is none. A plain directory (for example
 * one a backup restored) is identified by its release.json. */
export function readCurrentRelease(root: string): string | null {
  const link = join(root, CURRENT);
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink()) {
    try {
      const target = readlinkSync(link);
      if (!existsSync(link)) return null; // dangling
      return basename(target.replace(/[\\/]+$/, ''));
    } catch {
      return null;
    }
  }
  if (stat.isDirectory()) {
    try {
      const manifest = JSON.parse(readFileSync(join(link, 'release.json'), 'utf8')) as { version?: unknown };
      return typeof manifest.version === 'string' ? manifest.version : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Points `current` at `releases/<id>`. */
export function switchCurrent(root: string, id: string, platform: NodeJS.Platform = process.platform): void {
  const link = join(root, CURRENT);
  if (platform === 'win32') {
    removeCurrent(root);
    symlinkSync(releasePath(root, id), link, 'junction');
    return;
  }
  const temporary = join(root, `.${CURRENT}.${process.pid}.${Date.now()}.tmp`);
  rmSync(temporary, { force: true });
  symlinkSync(join(RELEASES, id), temporary, 'dir');
  try {
    // A restored backup may have left `current` as a real directory; rename cannot replace a
    // directory with a link, so that one case is removed first.
    const stat = lstatSync(link, { throwIfNoEntry: false });
    if (stat && stat.isDirectory() && !stat.isSymbolicLink()) rmSync(link, { recursive: true, force: true });
    renameSync(temporary, link);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Removes `current` (the link only, never the release it points at). */
export function removeCurrent(root: string): void {
  const link = join(root, CURRENT);
  const stat = lstatSync(link, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isSymbolicLink()) {
    // A junction on Windows is removed with rmdir, which never touches what it points at.
    if (process.platform === 'win32') rmdirSync(link);
    else unlinkSync(link);
    return;
  }
  rmSync(link, { recursive: true, force: true });
}
