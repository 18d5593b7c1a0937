import { readArchiveManifest } from '../adapters/archive/manifest-reader.js';
import { fileEntry, walkTree } from '../adapters/archive/source-tree.js';
import { ZipFileWriter } from '../adapters/archive/zip-writer.js';
import { startSmallFileWorkers } from '../adapters/archive/small-file-pool.js';
import { readEntryContent, readZipDirectory, scanZip } from '../adapters/archive/zip-reader.js';
import { readCurrentRelease, releasePath, switchCurrent } from '../adapters/targets/current-link.js';
import { recordActivation } from '../adapters/targets/release-history.js';
import type { BackupArchiveReader, BackupStorage } from '../commands/backup-ports.js';

/** The zip-backed archive reader the backup use-cases are handed. */
export function backupArchiveReader(): BackupArchiveReader {
  return {
    readManifest: readArchiveManifest,
    readDirectory: readZipDirectory,
    scan: scanZip,
    readEntry: readEntryContent,
  };
}

/** The backup, verify and restore ports: zip archives and the local target's release links. */
export function backupStorage(): BackupStorage {
  return {
    ...backupArchiveReader(),
    walkTree,
    fileEntry,
    createWriter: (path, options) => ZipFileWriter.create(path, options),
    prepareWriter: startSmallFileWorkers,
    currentRelease: readCurrentRelease,
    releasePath,
    switchCurrent: (root, id) => {
      switchCurrent(root, id);
    },
    recordActivation,
  };
}
