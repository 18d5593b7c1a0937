import type { LoadedConfig } from '../config/load.js';
import { backupDir } from '../config/state-dir.js';
import { messageOf } from '../runtime/errors.js';
import type { BackupArchiveReader } from './backup-ports.js';
import { listBackupFiles } from './restore/backup-files.js';
import { verifyArchive } from './restore/verify-archive.js';

/** `backup list`: the environment's backups, newest first, with age, size, release and state. */
export interface BackupListEntry {
  path: string;
  name: string;
  createdAt: string;
  ageHours: number;
  sizeBytes: number;
  release: string | null;
  /** "verified" (full check passed, with --verify), "sidecar" (verified when written, not re-hashed now),
   * "no-sidecar", or "FAILED: <reason>". */
  state: string;
  inUse: boolean;
}

export interface BackupListOptions {
  config: LoadedConfig;
  cwd: string;
  /** Re-hash every backup (slow for large ones). */
  verify?: boolean;
  includePreRollback?: boolean;
}

export async function backupListCommand(
  options: BackupListOptions,
  nowMs: number,
  archives: BackupArchiveReader,
): Promise<BackupListEntry[]> {
  const dir = backupDir(options.config.env, options.cwd);
  const files = [
    ...listBackupFiles(dir, options.config.envName),
    ...(options.includePreRollback ? listBackupFiles(dir, options.config.envName, 'pre-rollback') : []),
  ];
  const out: BackupListEntry[] = [];
  for (const f of files) {
    let release: string | null = null;
    let state: string;
    try {
      if (options.verify) {
        const v = await verifyArchive(f.path, { archives });
        release = v.manifest.release;
        state = 'verified';
      } else {
        release = (await archives.readManifest(f.path)).release;
        state = f.hasSidecar ? 'sidecar' : 'no-sidecar';
      }
    } catch (error) {
      state = `FAILED: ${messageOf(error).replace(`${f.path}: `, '')}`;
    }
    out.push({
      path: f.path,
      name: f.name,
      createdAt: new Date(f.createdMs).toISOString(),
      ageHours: (nowMs - f.createdMs) / 3_600_000,
      sizeBytes: f.sizeBytes,
      release,
      state,
      inUse: f.inUse,
    });
  }
  return out;
}
