import { existsSync, readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PRE_ROLLBACK_DIR, SIDECAR_SUFFIX, parseBackupFileName } from '../../domain/backup/naming.js';
import { readLockOwner, tryLock } from '../../runtime/file-lock.js';
import { isAlive } from '../../runtime/file-lock.js';

/** The backups of a directory, newest first, and the "in use by a rollback" markers. */
export interface BackupFileInfo {
  name: string;
  path: string;
  environment: string;
  createdMs: number;
  sizeBytes: number;
  hasSidecar: boolean;
  inUse: boolean;
}

export function listBackupFiles(
  dir: string,
  environment?: string,
  kind: 'backup' | 'pre-rollback' = 'backup',
): BackupFileInfo[] {
  const folder = kind === 'backup' ? dir : join(dir, PRE_ROLLBACK_DIR);
  if (!existsSync(folder)) return [];
  const out: BackupFileInfo[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    if ((kind === 'pre-rollback') !== name.startsWith('pre-rollback_')) continue;
    if (environment && parsed.environment !== environment) continue;
    const path = join(folder, name);
    let sizeBytes: number;
    try {
      sizeBytes = statSync(path).size;
    } catch {
      continue;
    }
    out.push({
      name,
      path,
      environment: parsed.environment,
      createdMs: parsed.createdMs,
      sizeBytes,
      hasSidecar: existsSync(`${path}${SIDECAR_SUFFIX}`),
      inUse: isInUse(path),
    });
  }
  // Same order as `ls -1 backups/dhash_*.zip | sort -r`.
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export function inUseMarkerPath(backupPath: string): string {
  return `${backupPath}.in-use`;
}

export function isInUse(backupPath: string): boolean {
  const marker = inUseMarkerPath(backupPath);
  if (!existsSync(marker)) return false;
  const owner = readLockOwner(marker);
  if (!owner) return true;
  return owner.host !== hostname() || isAlive(owner.pid);
}

/** Marks a backup as used by a rollback so retention leaves it alone. */
export function markInUse(backupPath: string, purpose: string): () => void {
  const attempt = tryLock(inUseMarkerPath(backupPath), purpose);
  // Two rollbacks of one environment cannot run (environment lock); a second holder is another
  // environment restoring the same file, which is harmless to share.
  return attempt.acquired ? attempt.release : () => undefined;
}
