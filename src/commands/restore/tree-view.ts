import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { decodeName, fsPath } from '../../domain/backup/raw-name.js';
import { CURRENT_PATH, recordsOf, type BackupManifest } from '../../domain/backup/manifest.js';
import { resolveLink, type PathKind, type PathLookup } from '../../domain/backup/link-resolution.js';

/**
 * The target as it will be once a backup is restored, seen from its root: the restored paths
 * hold the backup's content, `current` is a link to releases/<release> which holds the archived
 * release, and everything else is the live tree (or, for `backup verify`, unknown). Every link the
 * backup holds is walked through this view, component by component (see resolveLink).
 */
export const RELEASES_DIR = 'releases';

/** Where an archived name lives under the root after the restore (current/x → releases/<id>/x). */
export function liveNameOf(archivedPath: string, releaseDir: string): string {
  if (archivedPath === CURRENT_PATH) return `${RELEASES_DIR}/${releaseDir}`;
  if (archivedPath.startsWith(`${CURRENT_PATH}/`))
    return `${RELEASES_DIR}/${releaseDir}/${archivedPath.slice(CURRENT_PATH.length + 1)}`;
  return archivedPath;
}

/** Returns the archived name a live name comes from, or null when the backup does not cover it. */
function archivedNameOf(manifest: BackupManifest, rel: string, releaseDir: string): string | null {
  const release = `${RELEASES_DIR}/${releaseDir}`;
  if (manifest.paths.includes(CURRENT_PATH) && (rel === release || rel.startsWith(`${release}/`)))
    return CURRENT_PATH + rel.slice(release.length);
  const covered = manifest.paths.some((p) => p !== CURRENT_PATH && (rel === p || rel.startsWith(`${p}/`)));
  if (covered || rel === manifest.database?.path) return rel;
  return null;
}

/** The view from the manifest's records; `outside` answers for what the backup does not cover. */
export function manifestView(manifest: BackupManifest, releaseDir: string, outside: PathLookup): PathLookup {
  return (rel) => {
    const records = recordsOf(manifest);
    if (rel === CURRENT_PATH && manifest.paths.includes(CURRENT_PATH))
      return { kind: 'link', target: `${RELEASES_DIR}/${releaseDir}` };
    const archived = archivedNameOf(manifest, rel, releaseDir);
    if (archived === null) return outside(rel);
    const f = records.get(archived);
    if (!f) return { kind: 'missing' };
    if (f.type === 'symlink') return { kind: 'link', target: f.target ?? '' };
    return { kind: f.type };
  };
}

/** The view from files on disk: `physical` maps a name under the root to where it is now. */
export function diskView(physical: (rel: string) => string): PathLookup {
  return (rel) => kindOnDisk(physical(rel));
}

export function kindOnDisk(path: string): PathKind {
  try {
    const st = lstatSync(fsPath(path));
    if (st.isSymbolicLink())
      return { kind: 'link', target: decodeName(readlinkSync(fsPath(path), { encoding: 'buffer' })) };
    return st.isDirectory() ? { kind: 'dir' } : { kind: 'file' };
  } catch {
    return { kind: 'missing' };
  }
}

/** The live tree under `root`, for what a backup does not cover. */
export function liveView(root: string): PathLookup {
  return (rel) => kindOnDisk(rel === '' ? root : join(root, ...rel.split('/')));
}

export const UNKNOWN_OUTSIDE: PathLookup = () => ({ kind: 'missing' });

/** Walks every link of the backup through `view`; returns one line per link that leaves the target. */
export function linksLeavingTarget(
  manifest: BackupManifest,
  releaseDir: string,
  view: PathLookup,
  absoluteRoot: string | null,
): string[] {
  const problems: string[] = [];
  for (const f of manifest.files) {
    if (f.type !== 'symlink') continue;
    const target = view(liveNameOf(f.path, releaseDir));
    const text = target.kind === 'link' ? target.target : (f.target ?? '');
    const walk = resolveLink(liveNameOf(f.path, releaseDir), text, view, absoluteRoot);
    if (!walk.ok) problems.push(walk.reason);
  }
  return problems;
}

export function releaseDirOf(manifest: BackupManifest): string {
  return manifest.release ?? 'restored';
}
