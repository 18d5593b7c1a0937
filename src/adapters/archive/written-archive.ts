import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { ArchiveError, hashArchiveInWorker, readZipDirectory, type ZipDirectory } from './zip-reader.js';

/**
 * The proof that an archive just written is the one the writer built, re-read from the file
 * system. Together with the round trip of every deflated entry as it was produced (in the
 * small-file workers, and InflateCheck for the rest), it establishes what inflating the re-read
 * archive would, without inflating it a second time:
 *  - the directory and every local header parse and agree (the restore's own directory reader);
 *  - the bytes from the central directory to the end are the ones written (one CRC-32);
 *  - every entry's data on disk is byte for byte what the compressor produced (a CRC-32 per entry,
 *    compared with the one taken as they were written), and that output inflated back to the
 *    source bytes (the round trip: compared byte for byte in the small-file workers, by size and
 *    CRC-32 for files cut into chunks);
 * and computes the file's SHA-256 (for the sidecar) in a worker thread reading the same
 * descriptor, beside those checks.
 */
export interface WrittenExpectation {
  /** Where the central directory starts; from there to `size` is the tail written last. */
  tailOffset: number;
  tailCrc: number;
  size: number;
  /** Per entry, in directory order: CRC-32 of its data bytes as written. */
  dataCrcs: Uint32Array;
}

export interface WrittenArchive {
  sha256: string;
  sizeBytes: number;
  directory: ZipDirectory;
  /** The stored content of every link entry, by entry name. */
  links: Map<string, Buffer>;
}

const BLOCK_BYTES = 4 * 1024 * 1024;

interface Range {
  start: number;
  end: number;
  crc: number;
  what: string;
  /** Link entries: their name, and their content kept (a few bytes each). */
  link: string | null;
  keep: Buffer[] | null;
}

function rangesOf(directory: ZipDirectory, expected: WrittenExpectation): Range[] {
  const { entries } = directory;
  if (entries.length !== expected.dataCrcs.length)
    throw new ArchiveError(
      'corrupt',
      `holds ${entries.length} entries where ${expected.dataCrcs.length} were written`,
    );
  const ranges: Range[] = entries.map((e, i) => ({
    start: e.dataOffset,
    end: e.dataOffset + e.compressedSize,
    crc: expected.dataCrcs[i],
    what: `entry "${e.name}"`,
    link: e.type === 'symlink' ? e.name : null,
    keep: e.type === 'symlink' ? [] : null,
  }));
  ranges.push({
    start: expected.tailOffset,
    end: expected.size,
    crc: expected.tailCrc,
    what: 'the central directory',
    link: null,
    keep: null,
  });
  return ranges.sort((a, b) => a.start - b.start);
}

export async function verifyWrittenArchive(
  path: string,
  expected: WrittenExpectation,
  onProgress?: (bytesRead: number, total: number) => void,
): Promise<WrittenArchive> {
  const fd = openSync(path, 'r');
  try {
    const opened = fstatSync(fd);
    if (opened.size !== expected.size)
      throw new ArchiveError('changed', `is ${opened.size} bytes where ${expected.size} were written`);
    // The SHA-256 is taken by a worker thread reading this descriptor while the directory is
    // parsed and the entries' CRC-32s are checked here (the two are independent).
    const hashing = hashArchiveInWorker(fd, expected.size);
    try {
      const directory = await readZipDirectory(path);
      const same = directory.identity;
      if (
        directory.fileSize !== expected.size ||
        (same && (same.dev !== opened.dev || same.ino !== opened.ino))
      )
        throw new ArchiveError('changed', 'the archive changed while it was being read');
      const links = checkRanges(fd, rangesOf(directory, expected), expected.size, onProgress);
      const { sha256, bytes } = await hashing.result;
      if (bytes !== expected.size)
        throw new ArchiveError('changed', 'the archive became shorter while it was being read');
      return { sha256, sizeBytes: expected.size, directory, links };
    } finally {
      await hashing.stop();
    }
  } finally {
    closeSync(fd);
  }
}

/** One sequential read: each range's CRC-32 compared with the one written; link contents kept. */
function checkRanges(
  fd: number,
  ranges: Range[],
  size: number,
  onProgress?: (bytesRead: number, total: number) => void,
): Map<string, Buffer> {
  const links = new Map<string, Buffer>();
  const buffer = Buffer.allocUnsafe(BLOCK_BYTES);
  let k = 0;
  let crc = 0;
  for (let at = 0; at < size;) {
    const n = readSync(fd, buffer, 0, Math.min(BLOCK_BYTES, size - at), at);
    if (n === 0) throw new ArchiveError('changed', 'the archive became shorter while it was being read');
    const block = buffer.subarray(0, n);
    const blockEnd = at + n;
    while (k < ranges.length && ranges[k].start < blockEnd) {
      const r = ranges[k];
      const from = Math.max(r.start, at);
      const to = Math.min(r.end, blockEnd);
      if (to > from) {
        const piece = block.subarray(from - at, to - at);
        crc = crc32(piece, crc);
        r.keep?.push(Buffer.from(piece));
      }
      if (r.end > blockEnd) break;
      if (crc >>> 0 !== r.crc >>> 0)
        throw new ArchiveError(
          'checksum',
          `${r.what}: the bytes read back are not the bytes written (CRC-32 ${(crc >>> 0).toString(16)}, written ${(r.crc >>> 0).toString(16)})`,
        );
      if (r.link !== null && r.keep) links.set(r.link, Buffer.concat(r.keep));
      crc = 0;
      k++;
    }
    at = blockEnd;
    onProgress?.(at, size);
  }
  return links;
}
