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
  let manifestText: string | null = null;
  await scanZip(backupPath, directory, {
    wantWhole: (e) => e.name === MANIFEST_NAME,
    onSmallEntry: (_e, content) => (manifestText = content.toString('utf8')),
  });
  if (manifestText === null) throw new Error(`${backupPath} has no ${MANIFEST_NAME}`);
  const manifest = parseManifest(manifestText);
  if (!manifest.database) throw new Error(`${backupPath} holds no database snapshot`);
  const wanted = manifest.database.path;
  let found = false;
  await scanZip(backupPath, directory, {
    sinkFor: (entry) => {
      if (entry.name !== wanted) return null;
      found = true;
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
  if (!found) throw new Error(`${backupPath} has no entry ${wanted}`);
}
