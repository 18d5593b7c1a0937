import { readArchiveManifest } from '../adapters/archive/manifest-reader.js';
import type { BackupArchiveReader } from '../commands/backup-ports.js';

/** The zip-backed archive reader the backup use-cases are handed. */
export function backupArchiveReader(): BackupArchiveReader {
  return { readManifest: readArchiveManifest };
}
