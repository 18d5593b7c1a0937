import type { BackupManifest } from '../domain/backup/manifest.js';

/** What the backup use-cases need from the archive store; built in src/wiring/backup-archives.ts. */
export interface BackupArchiveReader {
  /** The archive's manifest.json, without verifying the rest (throws when it has none). */
  readManifest(path: string): Promise<BackupManifest>;
}
