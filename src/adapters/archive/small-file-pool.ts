import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * One deflate and one inflate engine kept for a worker's life and reset between files, instead of
 * deflateRawSync / inflateRawSync per file: those build a stream object and a fresh zlib state
 * (about 300 KiB, allocated and cleared) for every call, which on a tree of 40,000 small files
 * cost 0.8 s of CPU of the backup's 6 (measured: deflate 2.38 s → 1.91 s, the round trip's
 * inflate 0.72 s → 0.39 s; identical streams but for block boundaries). Node has no public
 * synchronous API over a reused engine, so this drives the zlib handle behind a stream object
 * (`_handle.writeSync` into a caller's buffer, `_writeState` for what is left, `reset`), as Node
 * 20 and 24 both have it; it first proves itself on a sample (deflate, inflate, compare) and
 * otherwise gives null, and the worker falls back to the public one-shot calls.
 *
 * deflate(data, room): the deflated length, or -1 when the output does not fit in `room`.
 * inflate(input, into): the inflated length, or -1 when the input is not one complete deflate
 * stream whose output fits in `into`.
 * Source text (not a function) because it runs inside the eval'd worker; exported for its test.
 */
export const REUSABLE_ZLIB_ENGINES = `
// zlib's largest hash table (memLevel 9, 128 KiB more per engine than the default 8): fewer hash
// collisions on a node_modules' text, measured 2-3 % less deflate time at level 4 for 0.1 % more
// output (the default trades speed for memory that two engines do not need to save).
const MEM_LEVEL = 9;
function reusableEngines(level) {
  const { createDeflateRaw, createInflateRaw, constants } = require('node:zlib');
  try {
    const deflater = createDeflateRaw({ level, memLevel: MEM_LEVEL });
    const inflater = createInflateRaw();
    const d = deflater._handle;
    const i = inflater._handle;
    const dState = deflater._writeState;
    const iState = inflater._writeState;
    if (!d || !i || typeof d.writeSync !== 'function' || typeof i.writeSync !== 'function') return null;
    if (typeof d.reset !== 'function' || typeof i.reset !== 'function') return null;
    const isState = (s) => Object.prototype.toString.call(s) === '[object Uint32Array]' && s.length >= 2;
    if (!isState(dState) || !isState(iState)) return null;
    let fault = false;
    // Errors reach the handle's onerror; the stream's own handler would close the handle.
    d.onerror = () => { fault = true; };
    i.onerror = () => { fault = true; };
    const run = (handle, state, input, into) => {
      fault = false;
      handle.reset();
      handle.writeSync(constants.Z_FINISH, input, 0, input.length, into, 0, into.length);
      // Done when zlib left output room (Z_FINISH fills the room until the stream is complete)
      // and took all the input.
      if (fault || state[1] !== 0 || state[0] === 0) return -1;
      return into.length - state[0];
    };
    const engines = {
      deflater,
      inflater,
      deflate: (data, room) => run(d, dState, data, room),
      inflate: (input, into) => run(i, iState, input, into),
    };
    // Proven on a short repetitive sample and on 256 KiB of varied text (several deflate blocks,
    // matches across the whole window), each twice (the second time after a reset), and on an
    // output that does not fit.
    const repetitive = Buffer.from('a sample that proves the reused engines: '.repeat(64));
    const varied = Buffer.alloc(256 * 1024);
    for (let i = 0, x = 1; i < varied.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      varied[i] = x >>> 27 < 6 ? 32 : 97 + ((x >>> 16) % 26);
    }
    for (const sample of [repetitive, varied]) {
      const room = Buffer.alloc(sample.length);
      const back = Buffer.alloc(sample.length + 1);
      for (let n = 0; n < 2; n++) {
        const length = engines.deflate(sample, room);
        if (length <= 0) return null;
        if (engines.inflate(room.subarray(0, length), back) !== sample.length) return null;
        if (!back.subarray(0, sample.length).equals(sample)) return null;
      }
    }
    if (engines.deflate(repetitive, Buffer.alloc(8)) !== -1) return null;
    return engines;
  } catch {
    return null;
  }
}
// The public one-shot calls, where the reused engines are not available.
function deflateInto(data, room, level) {
  const out = require('node:zlib').deflateRawSync(data, { level, memLevel: MEM_LEVEL });
  if (out.length >= room.length) return -1;
  out.copy(room);
  return out.length;
}
function inflateInto(input, into) {
  try {
    const back = require('node:zlib').inflateRawSync(input, { maxOutputLength: into.length, chunkSize: into.length });
    if (back.length >= into.length) return -1;
    back.copy(into);
    return back.length;
  } catch {
    return -1;
  }
}
`;

/**
 * The contents the workers have seen, shared by them (a SharedArrayBuffer): for each content that
 * is deflated, 128 bits of its SHA-256 and the sequence number of the first file that had it. A
 * tree of packages holds many identical files (a node_modules: the same file in several packages'
 * copies of a dependency, in a package's esm/ and cjs/ builds; 16 % of the bytes of this
 * checkout's own); each is read and hashed as usual, but deflated (and inflated back) only once:
 * the writer copies the first one's compressed bytes from the archive (see ContentLocations).
 *
 * Open addressing, a slot written once: [key0..key3, sequence, state] as Int32, state 0 empty,
 * 1 being written, 2 ready. seen() returns the sequence number of an earlier file with the same
 * content, or CLAIMED when this file is now the one others will refer to, or UNKNOWN (the slot is
 * being written by the other worker, the content was first seen in a later file, or the table is
 * full): then the file is deflated as usual.
 */
export const SEEN_CONTENTS = `
const SLOT_INTS = 6;
const CLAIMED = -1;
const UNKNOWN = -2;
function seen(table, digest, sequence) {
  const mask = table.length / SLOT_INTS - 1;
  const k0 = digest.readInt32LE(0);
  const k1 = digest.readInt32LE(4);
  const k2 = digest.readInt32LE(8);
  const k3 = digest.readInt32LE(12);
  let slot = (k0 >>> 0) & mask;
  for (let probes = 0; probes < 64; probes++) {
    const at = slot * SLOT_INTS;
    let state = Atomics.load(table, at + 5);
    if (state === 0) {
      if (Atomics.compareExchange(table, at + 5, 0, 1) === 0) {
        Atomics.store(table, at, k0);
        Atomics.store(table, at + 1, k1);
        Atomics.store(table, at + 2, k2);
        Atomics.store(table, at + 3, k3);
        Atomics.store(table, at + 4, sequence);
        Atomics.store(table, at + 5, 2);
        return CLAIMED;
      }
      state = Atomics.load(table, at + 5);
    }
    if (state !== 2) return UNKNOWN;
    if (
      Atomics.load(table, at) === k0 &&
      Atomics.load(table, at + 1) === k1 &&
      Atomics.load(table, at + 2) === k2 &&
      Atomics.load(table, at + 3) === k3
    ) {
      const first = Atomics.load(table, at + 4);
      return first < sequence ? first : UNKNOWN;
    }
    slot = (slot + 1) & mask;
  }
  return UNKNOWN;
}
`;

/** Slots of the table of contents seen (a power of two; 1.5 MiB): room for ~40,000 contents. */
export const SEEN_CONTENTS_SLOTS = 1 << 16;

/**
 * Reads, deflates, CRCs and hashes small files in worker threads, a batch at a time.
 *
 * A tree of tens of thousands of small files (a node_modules) spends its time per file, not per
 * byte: an async deflate per file costs a thread-pool round trip, a stream object and a 256 KiB
 * zlib state, and the main thread pays for each. Here a worker takes a batch (about 1 MiB or a few
 * hundred files), reads each file whole with one read (asking for one byte more than the listed
 * size, so a file that grew is noticed without an fstat), deflates it straight into the batch's
 * buffer with an engine reused from file to file (REUSABLE_ZLIB_ENGINES), inflates the result of
 * a sample of files back (it must give the very bytes read; see RoundTrip), keeps the stored bytes
 * when deflate does not pay, and sends back that one buffer with every entry's data and a small
 * record per file. The main thread only writes. With one worker per core (two at most) the
 * compression of a batch overlaps the writing of the previous one.
 *
 * Inline source (eval) so that it survives bundling, like the archive-bytes worker (archive-bytes.ts).
 */
const SMALL_FILE_WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { crc32 } = require('node:zlib');
const { createHash, hash: hashOnce } = require('node:crypto');
// One-shot SHA-256 (no Hash object per file) where Node has it (20.12+), else a Hash object.
const sha256Of = typeof hashOnce === 'function'
  ? (data) => hashOnce('sha256', data, 'buffer')
  : (data) => createHash('sha256').update(data).digest();
// The collector of this thread, to run a young-generation collection after each batch (see below;
// how and why: src/runtime/collect-garbage.ts, which an eval'd worker cannot import).
let collect = null;
try {
  require('node:v8').setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('typeof gc === "function" ? gc : null');
} catch {}
${REUSABLE_ZLIB_ENGINES}
${SEEN_CONTENTS}
// Reused: one read buffer, one for the round trip, and a batch buffer the main thread hands back once written.
let readBuffer = Buffer.allocUnsafeSlow(0);
let backBuffer = Buffer.allocUnsafeSlow(0);
let engines = null;
let enginesLevel = -1;
// Files this worker has deflated: which ones are inflated back (see roundTripEvery).
let deflatedFiles = 0;
parentPort.on('message', ({ id, files, level, storeRatio, capacity, recycled, seen: seenContents, roundTripFirst, roundTripEvery }) => {
  const seenTable = new Int32Array(seenContents);
  if (enginesLevel !== level) {
    engines = reusableEngines(level);
    enginesLevel = level;
  }
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
    const digest = sha256Of(data);
    const sha256 = digest.toString('hex');
    const deflatable = !file.store && read >= 64;
    const first = deflatable ? seen(seenTable, digest, file.sequence) : UNKNOWN;
    if (first >= 0) {
      records.push({ duplicateOf: first, crc, sha256 });
      continue;
    }
    if (total + read > body.length) throw new Error('batch larger than its buffer');
    // Deflated straight into the batch, given room only for an output that pays (under storeRatio
    // of the input): one that does not fit is stored instead.
    let length = -1;
    if (deflatable) {
      const room = body.subarray(total, total + Math.ceil(read * storeRatio));
      length = engines ? engines.deflate(data, room) : deflateInto(data, room, level);
    }
    let method = 0;
    let dataCrc = crc;
    if (length > 0) {
      const out = body.subarray(total, total + length);
      // Round trip (the first files, then one in roundTripEvery): what goes into the archive must
      // inflate back to these very bytes.
      const checked = deflatedFiles < roundTripFirst || deflatedFiles % roundTripEvery === 0;
      deflatedFiles++;
      if (checked) {
        if (backBuffer.length < read + 1) backBuffer = Buffer.allocUnsafeSlow(Math.max(read + 1, 64 * 1024));
        const back = backBuffer.subarray(0, read + 1);
        const got = engines ? engines.inflate(out, back) : inflateInto(out, back);
        if (got !== read || !back.subarray(0, read).equals(data)) {
          records.push({ error: { message: 'its compressed data did not inflate back to the file (a compressor fault); no backup was written' } });
          continue;
        }
      }
      method = 8;
      dataCrc = crc32(out) >>> 0;
    } else {
      length = read;
      data.copy(body, total);
    }
    total += length;
    records.push({ method, crc, dataCrc, sha256, compressedSize: length, claimed: first === CLAIMED });
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

/**
 * Which deflated files a worker inflates back and compares with the bytes it read: its first
 * `first` files, then one in `every` ({ first: 0, every: 1 }: all of them).
 *
 * Sampled by default. The compressor is one zlib engine per worker, reset between files, and the
 * same code path for every file: a fault in it (above all in how it is driven, see
 * REUSABLE_ZLIB_ENGINES) shows on its proving samples and its first files, not on one file in
 * forty thousand. Inflating every file cost 0.5 of a 40,000-file backup's 4.9 CPU seconds (0.3 s of
 * its 2.7 s on two cores), what stood between it and 3× zip's speed. What every file still gets:
 * its bytes on disk matched by CRC-32 to what the compressor produced (written-archive.ts), and a
 * full inflate, CRC-32 and SHA-256 check by `backup verify` and by every restore before it changes
 * anything. Files over 1 MiB, cut into chunks, are still inflated back whole (InflateCheck).
 */
export interface RoundTrip {
  first: number;
  every: number;
}

export const SAMPLED_ROUND_TRIP: RoundTrip = { first: 64, every: 16 };
export const FULL_ROUND_TRIP: RoundTrip = { first: 0, every: 1 };

export interface SmallFileRequest {
  /** The path to open (a Buffer when the name is not UTF-8). */
  path: string | Buffer;
  /** The size the tree listing saw; another size is reported as a change. */
  size: number;
  /** Store without trying deflate (already-compressed formats). */
  store: boolean;
  /** The file's number among the pool's files, increasing in the order batches are run. */
  sequence: number;
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
      /** Later files with the same content refer to this one (their `duplicateOf`). */
      claimed: boolean;
    }
  | {
      /**
       * The sequence number of an earlier file (in this batch or an earlier one) with the same
       * content: its compressed bytes are this file's; nothing is in the batch's body for it.
       */
      duplicateOf: number;
      crc: number;
      sha256: string;
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

/**
 * At most two workers: each costs 12-16 MB of memory (its own V8 heap, its buffers; measured with
 * one and two), so four would take a 40,000-file backup (~190 MB) over its 200 MB budget.
 */
function poolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function startWorker(): Worker {
  return new Worker(SMALL_FILE_WORKER, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
}

/**
 * Workers started ahead of need (startSmallFileWorkers), each with what stops watching it, taken
 * by the next pool.
 */
const spares: Array<{ worker: Worker; adopt: () => void }> = [];

/**
 * Starts the next pool's workers now: a worker takes 50-100 ms to boot (an isolate and Node's
 * bootstrap), time a backup's listing of its tree can hide. Idempotent; a spare that fails or
 * exits before a pool takes it is forgotten, and spares never keep the process alive.
 */
export function startSmallFileWorkers(): void {
  while (spares.length < poolSize()) {
    const worker = startWorker();
    const forget = (): void => {
      const at = spares.findIndex((s) => s.worker === worker);
      if (at >= 0) spares.splice(at, 1);
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    worker.unref();
    spares.push({
      worker,
      adopt: () => {
        worker.off('error', forget);
        worker.off('exit', forget);
      },
    });
  }
}

/** A spare worker if there is one (no longer watched as a spare), or a new one. */
function takeWorker(): Worker {
  const spare = spares.shift();
  if (!spare) return startWorker();
  spare.adopt();
  return spare.worker;
}

export class SmallFilePool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending & { worker: PoolWorker }>();
  private nextId = 0;
  private failure: Error | null = null;
  private readonly recycled: ArrayBuffer[] = [];
  private readonly seen = new SharedArrayBuffer(SEEN_CONTENTS_SLOTS * 6 * Int32Array.BYTES_PER_ELEMENT);

  /**
   * `capacity`: the most output bytes a batch may produce (its input bytes bound it: a file is
   * deflated only when that makes it smaller).
   */
  constructor(
    private readonly level: number,
    private readonly storeRatio: number,
    private readonly capacity: number,
    private readonly roundTrip: RoundTrip = SAMPLED_ROUND_TRIP,
    size = poolSize(),
  ) {
    for (let i = 0; i < size; i++) {
      const worker = takeWorker();
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
        {
          id,
          files,
          level: this.level,
          storeRatio: this.storeRatio,
          capacity: this.capacity,
          roundTripFirst: this.roundTrip.first,
          roundTripEvery: this.roundTrip.every,
          recycled,
          seen: this.seen,
        },
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
