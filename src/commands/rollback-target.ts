import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { backupDir } from '../config/state-dir.js';
import type { RollbackPlan, RollbackSelection } from '../ports.js';
import { writeFileAtomic } from '../runtime/atomic-file.js';
import { messageOf } from '../runtime/errors.js';
import type { BackupArchiveReader } from './backup-ports.js';
import { listBackupFiles } from './restore/backup-files.js';
import { verifyArchive } from './restore/verify-archive.js';

/**
 * Which backup a rollback restores. The wrong choice is silent and costly (a backup taken during
 * the monitoring window holds the very release that failed), so the choice is explicit:
 *
 * - `backup`: exactly the named file, and with a sha256 only if it still has that checksum;
 * - `latest-before-deploy`: the backup the last `deploy --backup-first` / `rollout` took before
 *   changing anything (recorded next to the backups, outside the dhash_*.zip glob);
 * - `auto` (a standalone monitor): the newest backup that verifies, was made no later than the
 *   watch began, and holds a release other than the one being watched.
 */
export interface PreDeployRecord {
  environment: string;
  backup: string;
  sha256: string;
  /** The release the backup holds (live before the deploy). */
  release: string | null;
  /** The release being deployed. */
  deploying: string | null;
  deployment_id: string;
  taken_at: string;
}

export function preDeployRecordPath(config: LoadedConfig, cwd: string): string {
  return join(backupDir(config.env, cwd), `.pre-deploy_${config.envName}.json`);
}

export function writePreDeployRecord(config: LoadedConfig, cwd: string, record: PreDeployRecord): string {
  const path = preDeployRecordPath(config, cwd);
  writeFileAtomic(path, Buffer.from(`${JSON.stringify(record, null, 2)}\n`));
  return path;
}

export function readPreDeployRecord(config: LoadedConfig, cwd: string): PreDeployRecord | null {
  const path = preDeployRecordPath(config, cwd);
  if (!existsSync(path)) return null;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as PreDeployRecord;
    return record.environment === config.envName && typeof record.backup === 'string' ? record : null;
  } catch {
    return null;
  }
}

export async function selectRollbackBackup(
  config: LoadedConfig,
  cwd: string,
  selection: RollbackSelection,
  archives: BackupArchiveReader,
): Promise<RollbackPlan> {
  if (selection.kind === 'backup') {
    const path = resolve(cwd, selection.path);
    const verified = await verifyArchive(path, { archives });
    if (selection.sha256 && verified.archiveSha256 !== selection.sha256)
      return {
        backup: null,
        detail: `the pinned backup ${path} now has sha256 ${verified.archiveSha256}, not the recorded ${selection.sha256}: refusing to restore it`,
      };
    return {
      backup: verified.path,
      sha256: verified.archiveSha256,
      release: verified.manifest.release,
      detail: `pinned backup ${verified.path} (sha256 ${verified.archiveSha256}, release ${verified.manifest.release ?? 'none'})`,
    };
  }
  if (selection.kind === 'latest-before-deploy') {
    const record = readPreDeployRecord(config, cwd);
    if (!record)
      return {
        backup: null,
        detail: `no pre-deploy backup recorded for "${config.envName}" (${preDeployRecordPath(config, cwd)}); deploy with --backup-first or pass --rollback-to <backup>`,
      };
    const pinned = await selectRollbackBackup(
      config,
      cwd,
      {
        kind: 'backup',
        path: record.backup,
        sha256: record.sha256,
      },
      archives,
    );
    return pinned.backup
      ? {
          ...pinned,
          detail: `the backup taken before deploying ${record.deploying ?? 'the last release'} (${record.taken_at}): ${pinned.detail}`,
        }
      : pinned;
  }
  const dir = backupDir(config.env, cwd);
  const skipped: string[] = [];
  for (const candidate of listBackupFiles(dir, config.envName)) {
    if (!candidate.hasSidecar) continue;
    // File names carry the second the backup was made; one made after the watch began may hold
    // the release under watch.
    if (candidate.createdMs > selection.notAfterMs) {
      skipped.push(`${candidate.name} (made after the watch began)`);
      continue;
    }
    try {
      const verified = await verifyArchive(candidate.path, { archives });
      if (Date.parse(verified.manifest.created_at) > selection.notAfterMs) {
        skipped.push(`${candidate.name} (made after the watch began)`);
        continue;
      }
      if (selection.watchedRelease !== null && verified.manifest.release === selection.watchedRelease) {
        skipped.push(`${candidate.name} (holds the watched release ${selection.watchedRelease})`);
        continue;
      }
      return {
        backup: verified.path,
        sha256: verified.archiveSha256,
        release: verified.manifest.release,
        detail: `newest verified backup made before the watch began whose release (${verified.manifest.release ?? 'none'}) is not the watched ${selection.watchedRelease ?? '(unknown)'}: ${verified.path}${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}`,
      };
    } catch (error) {
      skipped.push(`${candidate.name} (does not verify: ${messageOf(error)})`);
    }
  }
  return {
    backup: null,
    detail: `no backup of "${config.envName}" in ${dir} qualifies${skipped.length ? `: skipped ${skipped.join(', ')}` : ''}`,
  };
}
