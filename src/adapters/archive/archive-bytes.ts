import { Worker } from 'node:worker_threads';

/**
 * One pass over an archive's bytes in a worker thread reading the caller's open descriptor (the
 * same file, even if its path were replaced meanwhile), beside the main thread's own work on it:
 * the file's SHA-256 and, when given ranges (ascending, not overlapping), each range's CRC-32
 * compared with the expected one. A restore's scan takes the hash while it inflates the entries
 * (zip-reader.ts); a backup takes both to prove the archive it just wrote (written-archive.ts).
 *
 * The first range that differs is reported and the CRCs stop there (the hash goes on: it is cheap,
 * and the answer is an error anyway). Progress is posted after each block. Inline source (eval) so
 * that it survives bundling.
 */
const ARCHIVE_BYTES_WORKER = `
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

const BLOCK_BYTES = 1024 * 1024;

/** Byte ranges of the file ([starts[i], ends[i])) and the CRC-32 each must have. */
export interface CrcRanges {
  starts: Float64Array;
  ends: Float64Array;
  crcs: Uint32Array;
}

export interface BytesResult {
  sha256: string;
  /** Bytes read (less than the size asked for when the file became shorter). */
  bytes: number;
  /** Ranges whose CRC-32 matched, from the first. */
  checked: number;
  mismatch: { index: number; crc: number } | null;
}

export interface BytesPass {
  result: Promise<BytesResult>;
  /** Resolves once the worker has stopped using the descriptor (call before closing it). */
  stop(): Promise<void>;
}

/** A booted worker waiting for its file (see prepareArchiveBytesWorker). */
let spare: Worker | null = null;

function startWorker(): Worker {
  const worker = new Worker(ARCHIVE_BYTES_WORKER, { eval: true });
  // An idle spare must not keep the process alive.
  worker.unref();
  return worker;
}

/**
 * Boots the worker of the next pass now (50-100 ms for an isolate and Node's bootstrap), so that a
 * writer has it ready by the time its archive is finished. Idempotent.
 */
export function prepareArchiveBytesWorker(): void {
  if (spare) return;
  const worker = startWorker();
  const forget = (): void => {
    if (spare === worker) spare = null;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  spare = worker;
}

/** Stops the booted worker, when no pass will take it (a writer closed unfinished). */
export function discardArchiveBytesWorker(): void {
  const worker = spare;
  spare = null;
  void worker?.terminate();
}

const NO_RANGES: CrcRanges = {
  starts: new Float64Array(0),
  ends: new Float64Array(0),
  crcs: new Uint32Array(0),
};

/** Reads `size` bytes of `fd` in a worker: the SHA-256, and the ranges' CRC-32s checked. */
export function readArchiveBytes(
  fd: number,
  size: number,
  ranges: CrcRanges = NO_RANGES,
  onProgress?: (bytesRead: number, total: number) => void,
): BytesPass {
  const worker = spare ?? startWorker();
  spare = null;
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.ref();
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      resolve();
    });
  });
  const result = new Promise<BytesResult>((resolve, reject) => {
    worker.on('message', (message: BytesResult | { progress: number }) => {
      if ('progress' in message) onProgress?.(message.progress, size);
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the pass over the archive's bytes stopped early (exit code ${code})`));
    });
  });
  result.catch(() => undefined);
  worker.postMessage({ fd, size, ...ranges, blockBytes: BLOCK_BYTES });
  return {
    result,
    stop: async () => {
      await worker.terminate();
      await exited;
    },
  };
}
