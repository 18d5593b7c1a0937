import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OperationError, UsageError } from '../runtime/errors.js';
import type { BackupArchiveReader } from './backup-ports.js';
import { BackupRejectedError, verifyArchive } from './restore/verify-archive.js';

/** `backup verify <file>`: checksum against the sidecar, manifest, and every entry's hash. Works from any directory. */
export interface BackupVerifyResult {
  path: string;
  sha256: string;
  sizeBytes: number;
  environment: string;
  release: string | null;
  createdAt: string;
  files: number;
  sidecar: 'matches' | 'absent';
  signed: boolean;
}

export async function backupVerifyCommand(
  file: string,
  cwd: string,
  archives: BackupArchiveReader,
  options: {
    allowMissingSidecar?: boolean;
    hmacKey?: Buffer;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<BackupVerifyResult> {
  const path = resolve(cwd, file);
  // A path that names no file is the caller's mistake (exit 2), not a backup that failed (exit 1).
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`file: no such backup: ${path}`);
  if (!stat.isFile()) throw new UsageError(`file: ${path} is not a file (expected a backup .zip)`);
  try {
    const v = await verifyArchive(path, {
      archives,
      requireSidecar: !options.allowMissingSidecar,
      hmacKey: options.hmacKey,
      onProgress: options.onProgress,
    });
    return {
      path,
      sha256: v.archiveSha256,
      sizeBytes: v.sizeBytes,
      environment: v.manifest.environment,
      release: v.manifest.release,
      createdAt: v.manifest.created_at,
      files: v.manifest.totals.files,
      sidecar: v.sidecar.present ? 'matches' : 'absent',
      signed: Boolean(options.hmacKey),
    };
  } catch (error) {
    if (error instanceof BackupRejectedError)
      throw new OperationError(`verification failed: ${error.message}`);
    throw error;
  }
}
