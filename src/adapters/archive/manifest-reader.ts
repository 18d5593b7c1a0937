import { MANIFEST_NAME, parseManifest, type BackupManifest } from '../../domain/backup/manifest.js';
import { readZipDirectory, scanZip } from './zip-reader.js';

/** A backup's manifest.json, read without hashing the rest of the archive (fast listings). */
export async function readArchiveManifest(path: string): Promise<BackupManifest> {
  const directory = await readZipDirectory(path);
  const manifestEntry = directory.entries.find((e) => e.name === MANIFEST_NAME);
  if (!manifestEntry) throw new Error('no manifest.json');
  let text = '';
  // Only the manifest is read: its entry is the last data before the central directory.
  await scanZip(
    path,
    { entries: [manifestEntry], fileSize: directory.fileSize },
    { wantWhole: () => true, onSmallEntry: (_e, c) => (text = c.toString('utf8')) },
  );
  return parseManifest(text);
}
