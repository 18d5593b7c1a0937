import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ArchiveError, readZipDirectory, type ZipDirectory } from './zip-reader.js';

/**
 * The proof that an archive just written is the one the writer built, re-read from the file
 * system. Together with the round trip of deflated entries as they were produced (InflateCheck
 * for files cut into chunks; a sample or all of the small files in their workers, see RoundTrip),
 * it establishes what inflating the re-read archive would, without inflating it a second time:
 *  - the directory and every local header parse and agree (the restore's own directory reader),
 *    and the directory places every entry's data exactly where the writer wrote it;
 *  - the bytes from the central directory to the end are the ones written (one CRC-32);
 *  - every entry's data on disk is byte for byte what the compressor produced (a CRC-32 per entry,
 *    compared with the one taken as they were written), and that output inflated back to the
 *    source bytes where it was round-tripped (compared byte for byte in the small-file workers, by
 *    size and CRC-32 for files cut into chunks);
 * and computes the file's SHA-256 (for the sidecar).
 *
 * The pass over the bytes (SHA-256 and CRC-32s) runs in a worker thread reading the same
 * descriptor while the main thread parses the directory: the two are independent, and after the
 * last entry is written nothing else keeps the second core busy (measured: the CRC pass on the
 * main thread was ~70 ms of a 40,000-file backup's ~400 ms single-threaded tail).
 */
export interface WrittenExpectation {
  /** Where the central directory starts; from there to `size` is the tail written last. */
  tailOffset: number;
  tailCrc: number;
  size: number;
  /** Per entry, in directory order: CRC-32 of its data bytes as written. */
  dataCrcs: Uint32Array;
  /** Per entry, in directory order: where the writer put its data ([start, end) in the file). */
  dataStarts: Float64Array;
  dataEnds: Float64Array;
}

export interface WrittenArchive {
  sha256: string;
  sizeBytes: number;
  directory: ZipDirectory;
  /** The stored content of every link entry, by entry name. */
  links: Map<string, Buffer>;
}

const BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Reads the file once, front to back: its SHA-256, and the CRC-32 of each range (ascending, not
 * overlapping) compared with the expected one; the first range that differs is reported and the
 * CRCs stop there (the hash goes on: it is cheap, and the answer is an error anyway). Progress is
 * posted after each block. Inline source (eval) so that it survives bundling.
 */
const WRITTEN_BYTES_WORKER = `
const { parentPort } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
parentPort.once('message', ({ fd, size, starts, ends, crcs, blockBytes }) => {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(blockBytes, size)));
  let k = 0;
  let crc = 0;
  let mismatch = null;
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (n === 0) break;
    const block = buffer.subarray(0, n);
    hash.update(block);
    const blockEnd = at + n;
    while (mismatch === null && k < starts.length && starts[k] < blockEnd) {
      const from = Math.max(starts[k], at);
      const to = Math.min(ends[k], blockEnd);
      if (to > from) crc = crc32(block.subarray(from - at, to - at), crc);
      if (ends[k] > blockEnd) break;
      if (crc >>> 0 !== crcs[k]) mismatch = { index: k, crc: crc >>> 0 };
      else k++;
      crc = 0;
    }
    at = blockEnd;
    parentPort.postMessage({ progress: at });
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), bytes: at, checked: k, mismatch });
});
`;

interface BytesResult {
  sha256: string;
  bytes: number;
  /** Ranges whose CRC-32 matched, from the first. */
  checked: number;
  mismatch: { index: number; crc: number } | null;
}

/** A booted worker waiting for its file (see prepareWrittenArchiveCheck). */
let spare: Worker | null = null;

function startWorker(): Worker {
  const worker = new Worker(WRITTEN_BYTES_WORKER, { eval: true });
  // An idle spare must not keep the process alive.
  worker.unref();
  return worker;
}

/**
 * Boots the worker of the next verifyWrittenArchive now (50-100 ms for an isolate and Node's
 * bootstrap), so a writer can have it ready by the time its archive is finished. Idempotent.
 */
export function prepareWrittenArchiveCheck(): void {
  if (spare) return;
  const worker = startWorker();
  const forget = (): void => {
    if (spare === worker) spare = null;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  spare = worker;
}

/** Stops the booted worker, when no verification will take it (a writer closed unfinished). */
export function discardWrittenArchiveCheck(): void {
  const worker = spare;
  spare = null;
  void worker?.terminate();
}

interface BytesCheck {
  result: Promise<BytesResult>;
  /** Resolves once the worker has stopped using the descriptor (call before closing it). */
  stop(): Promise<void>;
}

function checkBytesInWorker(
  fd: number,
  expected: WrittenExpectation,
  onProgress?: (bytesRead: number, total: number) => void,
): BytesCheck {
  const worker = spare ?? startWorker();
  spare = null;
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.ref();
  const count = expected.dataCrcs.length;
  // The entries' ranges, then the tail's.
  const starts = new Float64Array(count + 1);
  const ends = new Float64Array(count + 1);
  const crcs = new Uint32Array(count + 1);
  starts.set(expected.dataStarts);
  ends.set(expected.dataEnds);
  crcs.set(expected.dataCrcs);
  starts[count] = expected.tailOffset;
  ends[count] = expected.size;
  crcs[count] = expected.tailCrc;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      resolve();
    });
  });
  const result = new Promise<BytesResult>((resolve, reject) => {
    worker.on('message', (message: BytesResult | { progress: number }) => {
      if ('progress' in message) onProgress?.(message.progress, expected.size);
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the check of the written archive stopped early (exit code ${code})`));
    });
  });
  result.catch(() => undefined);
  worker.postMessage({ fd, size: expected.size, starts, ends, crcs, blockBytes: BLOCK_BYTES });
  return {
    result,
    stop: async () => {
      await worker.terminate();
      await exited;
    },
  };
}

/** The directory places each entry's data where the writer put it. */
function checkPlacement(directory: ZipDirectory, expected: WrittenExpectation): void {
  const { entries } = directory;
  if (entries.length !== expected.dataCrcs.length)
    throw new ArchiveError(
      'corrupt',
      `holds ${entries.length} entries where ${expected.dataCrcs.length} were written`,
    );
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.dataOffset !== expected.dataStarts[i] || e.dataOffset + e.compressedSize !== expected.dataEnds[i])
      throw new ArchiveError(
        'corrupt',
        `entry "${e.name}": the directory places its data at ${e.dataOffset}-${e.dataOffset + e.compressedSize}, where ${expected.dataStarts[i]}-${expected.dataEnds[i]} was written`,
      );
  }
}

/** Each link entry's stored bytes, read back (a link is a few bytes; archives hold few). */
function linkContents(fd: number, directory: ZipDirectory): Map<string, Buffer> {
  const links = new Map<string, Buffer>();
  for (const e of directory.entries) {
    if (e.type !== 'symlink') continue;
    const bytes = Buffer.alloc(e.compressedSize);
    for (let got = 0; got < bytes.length;) {
      const n = readSync(fd, bytes, got, bytes.length - got, e.dataOffset + got);
      if (n === 0) throw new ArchiveError('changed', 'the archive became shorter while it was being read');
      got += n;
    }
    links.set(e.name, bytes);
  }
  return links;
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
    const bytes = checkBytesInWorker(fd, expected, onProgress);
    try {
      const directory = await readZipDirectory(path);
      const same = directory.identity;
      if (
        directory.fileSize !== expected.size ||
        (same && (same.dev !== opened.dev || same.ino !== opened.ino))
      )
        throw new ArchiveError('changed', 'the archive changed while it was being read');
      checkPlacement(directory, expected);
      const { sha256, bytes: read, checked, mismatch } = await bytes.result;
      if (mismatch) {
        const what =
          mismatch.index < directory.entries.length
            ? `entry "${directory.entries[mismatch.index].name}"`
            : 'the central directory';
        const written = expected.dataCrcs[mismatch.index] ?? expected.tailCrc;
        throw new ArchiveError(
          'checksum',
          `${what}: the bytes read back are not the bytes written (CRC-32 ${mismatch.crc.toString(16)}, written ${(written >>> 0).toString(16)})`,
        );
      }
      if (read !== expected.size || checked !== expected.dataCrcs.length + 1)
        throw new ArchiveError('changed', 'the archive became shorter while it was being read');
      return { sha256, sizeBytes: expected.size, directory, links: linkContents(fd, directory) };
    } finally {
      await bytes.stop();
    }
  } finally {
    closeSync(fd);
  }
}
