import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReadEntry } from 'tar';
import { checkEntryName } from '../archive/entry-name.js';
import { readZipDirectory, scanZip } from '../archive/zip-reader.js';

/**
 * Unpacks a release archive (.zip, or .tar.gz/.tgz) into an empty directory. Only plain files and
 * directories are accepted: a release needs no links, and refusing them means no entry can write
 * outside the directory. Names go through the archive adapter's checks (no absolute paths, no "..").
 */
export async function extractReleaseArchive(archive: string, into: string): Promise<void> {
  const lower = archive.toLowerCase();
  if (lower.endsWith('.zip')) return extractZip(archive, into);
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return extractTarGz(archive, into);
  throw new Error(`${archive}: expected a directory, a .zip, or a .tar.gz/.tgz archive`);
}

async function extractZip(archive: string, into: string): Promise<void> {
  const directory = await readZipDirectory(archive);
  for (const entry of directory.entries) {
    if (entry.type !== 'file' && entry.type !== 'dir')
      throw new Error(
        `${archive}: entry "${entry.name}" is a ${entry.type}; a release archive holds only files and directories`,
      );
  }
  await scanZip(archive, directory, {
    sinkFor: (entry) => {
      const path = join(into, ...checkEntryName(entry.name));
      if (entry.type === 'dir') {
        mkdirSync(path, { recursive: true });
        return null;
      }
      mkdirSync(dirname(path), { recursive: true });
      const stream = createWriteStream(path, {
        mode: entry.mode !== null && entry.mode & 0o111 ? 0o755 : 0o644,
      });
      return {
        write: (chunk: Buffer) =>
          new Promise<void>((resolve, reject) =>
            stream.write(chunk, (e) => {
              if (e) reject(e);
              else resolve();
            }),
          ),
        end: () =>
          new Promise<void>((resolve, reject) =>
            stream.end((e?: Error | null) => {
              if (e) reject(e);
              else resolve();
            }),
          ),
        abort: () => {
          stream.destroy();
        },
      };
    },
  });
}

/**
 * A `tar czf` of a release directory, made on any OS, read with the `tar` package as a stream. The whole
 * listing is checked first (types and names), so a refused archive writes nothing; extraction then runs
 * with the package's own path safety (no absolute paths, no "..", no writes through links) as a second line.
 */
export async function extractTarGz(archive: string, into: string): Promise<void> {
  // tar loads only when a .tar.gz release is given.
  const { extract, list } = await import('tar');
  const problems: string[] = [];
  await list({
    file: archive,
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const name = entry.path.replace(/^(\.\/)+/, '');
      if (name === '' || name === '.' || name === './') return;
      if (
        entry.type !== 'File' &&
        entry.type !== 'OldFile' &&
        entry.type !== 'Directory' &&
        entry.type !== 'ContiguousFile'
      ) {
        problems.push(
          `${archive}: entry "${name}" is not a plain file or directory (tar type "${entry.type}"); a release archive holds only files and directories`,
        );
        return;
      }
      try {
        checkEntryName(name);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    },
  });
  if (problems.length > 0) throw new Error(problems[0]);
  await extract({
    file: archive,
    cwd: into,
    strict: true,
    preservePaths: false,
    // Files keep only their execute bit, as zip releases do: the tree's owner decides the rest.
    onReadEntry: (entry: ReadEntry) => {
      if (entry.type !== 'Directory' && entry.mode !== undefined)
        entry.mode = entry.mode & 0o111 ? 0o755 : 0o644;
    },
  });
}
