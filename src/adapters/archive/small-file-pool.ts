import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Reads, deflates, CRCs and hashes small files in worker threads, a batch at a time.
 *
 * A tree of tens of thousands of small files (a node_modules) spends its time per file, not per
 * byte: an async deflate per file costs a thread-pool round trip, a stream object and a 256 KiB
 * zlib state, and the main thread pays for each. Here a worker takes a batch (about 1 MiB or a few
 * hundred files), reads each file whole with one read (asking for one byte more than the listed
 * size, so a file that grew is noticed without an fstat), deflates it with the one-shot
 * deflateRawSync and inflates the result back (it must give the same size and CRC-32: this round
 * trip is the backup's proof that the compressed data decodes, see ZipFileWriter.verifyWritten),
 * keeps the stored bytes when deflate does not pay, and sends back one buffer with
 * every entry's data and a small record per file. The main thread only writes. With one worker per
 * core (two at most) the compression of a batch overlaps the writing of the previous one.
 *
 * Inline source (eval) so that it survives bundling, like the archive-hash worker of the reader.
 */
const SMALL_FILE_WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { deflateRawSync, inflateRawSync, crc32 } = require('node:zlib');
const { createHash } = require('node:crypto');
// The collector of this thread, to run a young-generation collection after each batch (see below;
// how and why: src/runtime/collect-garbage.ts, which an eval'd worker cannot import).
let collect = null;
try {
  require('node:v8').setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('typeof gc === "function" ? gc : null');
} catch {}
// Reused: one read buffer, and a batch buffer the main thread hands back once written.
let readBuffer = Buffer.allocUnsafeSlow(0);
parentPort.on('message', ({ id, files, level, storeRatio, capacity, recycled }) => {
  const body = Buffer.from(recycled && recycled.byteLength >= capacity ? recycled : new ArrayBuffer(capacity));
  const records = [];
  let total = 0;
  for (const file of files) {
    let fd;
    try {
      fd = openSync(typeof file.path === 'string' ? file.path : Buffer.from(file.path), 'r');
    } catch (error) {
      records.push({ error: { message: error.message, code: error.code } });
      continue;
    }
    if (readBuffer.length < file.size + 1) readBuffer = Buffer.allocUnsafeSlow(Math.max(file.size + 1, 64 * 1024));
    const raw = readBuffer.subarray(0, file.size + 1);
    let read = 0;
    try {
      for (;;) {
        const want = raw.length - read;
        const n = readSync(fd, raw, read, want, read);
        read += n;
        // A short read of a regular file is its end; a full one means it grew.
        if (n === 0 || n < want || read === raw.length) break;
      }
    } catch (error) {
      records.push({ error: { message: error.message, code: error.code } });
      continue;
    } finally {
      closeSync(fd);
    }
    if (read !== file.size) {
      records.push({ changedTo: read });
      continue;
    }
    const data = raw.subarray(0, read);
    const crc = crc32(data) >>> 0;
    let out = data;
    let method = 0;
    let dataCrc = crc;
    if (!file.store && read >= 64) {
      const deflated = deflateRawSync(data, { level });
      if (deflated.length < read * storeRatio) {
        // Round trip: what goes into the archive must inflate back to these very bytes.
        let back;
        try {
          back = inflateRawSync(deflated, { maxOutputLength: read, chunkSize: read + 64 });
        } catch (error) {
          back = null;
        }
        if (!back || back.length !== read || (crc32(back) >>> 0) !== crc) {
          records.push({ error: { message: 'its compressed data did not inflate back to the file (a compressor fault); no backup was written' } });
          continue;
        }
        out = deflated;
        method = 8;
        dataCrc = crc32(out) >>> 0;
      }
    }
    if (total + out.length > body.length) throw new Error('batch larger than its buffer');
    out.copy(body, total);
    total += out.length;
    records.push({
      method,
      crc,
      dataCrc,
      sha256: createHash('sha256').update(data).digest('hex'),
      compressedSize: out.length,
    });
  }
  parentPort.postMessage({ id, records, body: body.buffer, length: total }, [body.buffer]);
  // Each file leaves its deflated and inflated-back bytes as garbage outside the heap (about
  // 1.3 MiB a batch), and this thread allocates so few objects that V8, going by heap allocation,
  // collected them only every 30-40 MiB: that much memory per worker, measured. A scavenge of a
  // heap this small takes about half a millisecond (collecting every 4 MiB of garbage instead
  // cost as much CPU and 10 MB more, measured).
  if (typeof collect === 'function') collect({ type: 'minor' });
});
`;

export interface SmallFileRequest {
  /** The path to open (a Buffer when the name is not UTF-8). */
  path: string | Buffer;
  /** The size the tree listing saw; another size is reported as a change. */
  size: number;
  /** Store without trying deflate (already-compressed formats). */
  store: boolean;
}

export type SmallFileRecord =
  | {
      method: number;
      /** CRC-32 of the file's bytes. */
      crc: number;
      /** CRC-32 of the bytes that go into the archive (the deflated ones, after their round trip). */
      dataCrc: number;
      sha256: string;
      compressedSize: number;
    }
  | { changedTo: number }
  | { error: { message: string; code?: string } };

export interface SmallFileBatchResult {
  records: SmallFileRecord[];
  /** Every successful entry's data (deflated or stored), one after the other. */
  body: Buffer;
  /** Hand back once `body` is written: the workers reuse it (memory stays flat). */
  release(): void;
}

interface Pending {
  resolve: (result: SmallFileBatchResult) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

export class SmallFilePool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending & { worker: PoolWorker }>();
  private nextId = 0;
  private failure: Error | null = null;
  private readonly recycled: ArrayBuffer[] = [];

  /**
   * `capacity`: the most output bytes a batch may produce (its input bytes bound it: a file is
   * deflated only when that makes it smaller).
   */
  constructor(
    private readonly level: number,
    private readonly storeRatio: number,
    private readonly capacity: number,
    // At most two: each worker costs 12-16 MB of memory (its own V8 heap, its buffers; measured
    // with one and two), so four would take a 40,000-file backup (~190 MB) over its 200 MB budget.
    size = Math.max(1, Math.min(2, availableParallelism())),
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(SMALL_FILE_WORKER, {
        eval: true,
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      });
      const entry: PoolWorker = { worker, busy: 0 };
      worker.on(
        'message',
        (message: { id: number; records: SmallFileRecord[]; body: ArrayBuffer; length: number }) => {
          const job = this.pending.get(message.id);
          if (!job) return;
          this.pending.delete(message.id);
          entry.busy--;
          if (entry.busy === 0) worker.unref();
          const { body } = message;
          job.resolve({
            records: message.records,
            body: Buffer.from(body, 0, message.length),
            release: () => {
              this.recycled.push(body);
            },
          });
        },
      );
      worker.on('error', (error) => {
        this.fail(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a compression worker stopped (exit code ${code})`));
      });
      // Referenced only while it has work (see run): an idle pool left open (a run that failed
      // part-way) must not keep the process alive at exit. After the listeners, because a
      // 'message' listener refs the worker's port again.
      worker.unref();
      this.workers.push(entry);
    }
  }

  /** Runs a batch on the least busy worker; results come back in the order of `files`. */
  run(files: SmallFileRequest[]): Promise<SmallFileBatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    if (target.busy === 0) target.worker.ref();
    target.busy++;
    // One buffer for the one batch: a worker given every free buffer kept them while the other
    // allocated new ones (measured: ten idle 1.25 MiB buffers in one worker by the end).
    const recycled = this.recycled.pop() ?? null;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: target });
      target.worker.postMessage(
        { id, files, level: this.level, storeRatio: this.storeRatio, capacity: this.capacity, recycled },
        recycled ? [recycled] : [],
      );
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.fail(new Error('the compression workers were stopped'));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.reject(error);
    }
  }
}
