import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readZipDirectory, scanZip } from '../adapters/archive/zip-reader.js';
import { MANIFEST_NAME, parseManifest } from '../domain/backup/manifest.js';

/**
 * Copies the embedded database snapshot out of a backup archive (read and CRC-checked by the
 * product's own verifying reader), so the demo can compare it with the live database.
 */
export async function extractDatabaseFromBackup(backupPath: string, outPath: string): Promise<void> {
  const directory = await readZipDirectory(backupPath);
  const read: { manifest?: string } = {};
  await scanZip(backupPath, directory, {
    wantWhole: (e) => e.name === MANIFEST_NAME,
    onSmallEntry: (_e, content) => {
      read.manifest = content.toString('utf8');
    },
  });
  if (read.manifest === undefined) throw new Error(`${backupPath} has no ${MANIFEST_NAME}`);
  const manifest = parseManifest(read.manifest);
  if (!manifest.database) throw new Error(`${backupPath} holds no database snapshot`);
  const wanted = manifest.database.path;
  await scanZip(backupPath, directory, {
    sinkFor: (entry) => {
      if (entry.name !== wanted) return null;
      const stream = createWriteStream(outPath);
      return {
        write: async (chunk) => {
          if (!stream.write(chunk)) await once(stream, 'drain');
        },
        end: async () => {
          stream.end();
          await once(stream, 'finish');
        },
        abort: () => {
          stream.destroy();
        },
      };
    },
  });
  // The scan offers every entry of the directory to sinkFor.
  if (!directory.entries.some((e) => e.name === wanted))
    throw new Error(`${backupPath} has no entry ${wanted}`);
}
