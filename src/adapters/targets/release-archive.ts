import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) {
    extractTarGz(archive, into);
    return;
  }
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
              e ? reject(e) : resolve();
            }),
          ),
        end: () =>
          new Promise<void>((resolve, reject) =>
            stream.end((e?: Error | null) => {
              e ? reject(e) : resolve();
            }),
          ),
        abort: () => {
          stream.destroy();
        },
      };
    },
  });
}

/** A small ustar/pax/GNU reader: enough for `tar czf` of a release directory on any OS. */
export function extractTarGz(archive: string, into: string): void {
  const data = gunzipSync(readFileSync(archive));
  let offset = 0;
  let longName: string | null = null;
  let paxPath: string | null = null;
  const field = (block: Buffer, start: number, length: number): string => {
    const raw = block.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
  };
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0)
      throw new Error(`${archive}: corrupt tar header at byte ${offset}`);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const headerName = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const mode = parseInt(field(header, 100, 8).trim() || '644', 8);
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      paxPath = path ? path[1] : null;
      continue;
    }
    if (type === 'g') continue;
    const rawName = paxPath ?? longName ?? headerName;
    paxPath = null;
    longName = null;
    const name = rawName.replace(/^(\.\/)+/, '');
    if (name === '' || name === '.' || name === './') continue;
    if (type !== '0' && type !== '5' && type !== '7') {
      throw new Error(
        `${archive}: entry "${name}" is not a plain file or directory (tar type "${type}"); a release archive holds only files and directories`,
      );
    }
    const path = join(into, ...checkEntryName(name));
    if (type === '5') {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body, { mode: mode & 0o111 ? 0o755 : 0o644 });
  }
}
