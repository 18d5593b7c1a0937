import { createHash } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fdatasync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { promisify } from 'node:util';
import { constants as zc, crc32, deflateRaw, inflateRaw } from 'node:zlib';
import { STORE_RATIO, isAlreadyCompressedName, looksCompressible } from './compressibility.js';
import { CentralDirectoryBytes } from './central-directory.js';
import { InflateCheck } from './inflate-check.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';
import { discardArchiveBytesWorker, prepareArchiveBytesWorker } from './archive-bytes.js';
import { verifyWrittenArchive, type WrittenArchive, type WrittenExpectation } from './written-archive.js';
import {
  FULL_ROUND_TRIP,
  SAMPLED_ROUND_TRIP,
  SmallFilePool,
  type SmallFileBatchResult,
  type SmallFileRecord,
  type SmallFileRequest,
} from './small-file-pool.js';
import { ContentLocations } from './content-locations.js';
import { ListAhead } from './list-ahead.js';
import { encodeName, hasRawBytes } from '../../domain/backup/raw-name.js';
import { FileChangedError } from '../../domain/backup/source-errors.js';
import { promised } from '../../runtime/promised.js';
import { collectGarbage } from '../../runtime/collect-garbage.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
  EXTRA_UNICODE_PATH,
  EXTRA_ZIP64,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  MADE_BY_UNIX,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  U16_MAX,
  U32_MAX,
  ZIP64_EOCD_SIZE,
  ZIP64_LOCATOR_SIZE,
  dosDateTime,
  externalAttributes,
  EXTRA_TIMESTAMP,
  type EntryType,
} from './zip-format.js';

const deflateRawAsync = promisify(deflateRaw) as (buf: Buffer, options: object) => Promise<Buffer>;
const inflateRawAsync = promisify(inflateRaw) as (buf: Buffer, options: object) => Promise<Buffer>;
const fdatasyncAsync = promisify(fdatasync);

/**
 * A streaming zip writer built for backups of large trees:
 *  - files are cut into 1 MiB chunks; chunks of compressible files are deflated in the libuv
 *    thread pool in parallel, each primed with the previous chunk's last 32 KiB as dictionary and
 *    ended with a sync flush, so their concatenation is one valid deflate stream (what pigz does);
 *  - already-compressed files (by extension, or because deflate did not shrink them) are stored;
 *  - file reads and archive writes are synchronous (page cache): a thread-pool round trip per
 *    open, read, stat, close and write cost more CPU in context switches than the copies
 *    themselves; only deflate (real work) goes to the pool, one call per chunk;
 *  - stored chunks are read when their turn comes into one reused buffer, and chunks to deflate
 *    are read ahead into a bounded pool of reused buffers, so memory stays flat however large the
 *    tree is and the garbage collector has little to do;
 *  - each entry's SHA-256 and CRC-32 are computed as its bytes pass, for the manifest;
 *  - local headers are patched in place once sizes are known, so no data descriptors are needed.
 */
export const CHUNK_BYTES = 1024 * 1024;
const DICTIONARY_BYTES = 32 * 1024;
const MAX_JOBS_AHEAD = 32;
/** Bytes read ahead for deflate (each in a pooled CHUNK_BYTES buffer). */
const MAX_DEFLATE_JOBS_AHEAD = 6;
/** Flush to disk in the background every this many bytes, so the final fsync is short. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;
/** Local headers of entries this large carry zip64 sizes: deflate may grow data slightly. */
const ZIP64_LOCAL_THRESHOLD = 0xf0000000;

export interface EntrySource {
  /** The zip name; directories end with "/". */
  name: string;
  type: EntryType;
  mode: number;
  mtimeMs: number;
  /** Bytes the entry holds (files: the size read when the tree was listed). */
  size: number;
  /**
   * Opens the file to read and returns its descriptor; the writer closes it. Without it, a file is
   * opened by `path` (a listed tree gives only the path: a closure per file of a 40,000-file tree
   * was about 4 MB held for the whole backup).
   */
  open?: () => number;
  /**
   * The file's path, when it may be read by path (small files are read whole by a worker);
   * absent when only `open` may be used (a snapshot held open by its descriptor).
   */
  path?: string | Buffer;
  /** Content held in memory (the manifest, a link target). */
  data?: Buffer;
  /**
   * Force a method for a file read from disk; default: decide by name and by whether deflate
   * shrinks it. Content held in memory is stored by addAll; addDeflated deflates it.
   */
  method?: 'store' | 'deflate';
}

export interface WrittenEntry {
  name: string;
  type: EntryType;
  size: number;
  compressedSize: number;
  method: number;
  sha256: string;
  crc32: number;
  mode: number;
}

interface CentralRecord {
  name: Buffer;
  utf8: boolean;
  method: number;
  time: number;
  date: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  external: number;
  mtimeMs: number;
}

/** One file's reading state, shared by its chunk jobs. */
interface OpenFile {
  fd: number | null;
  source: EntrySource;
  /** The source's `open`, which every file read by descriptor has. */
  open: () => number;
}

interface ChunkJob {
  source: EntrySource;
  index: number;
  last: boolean;
  length: number;
  file: OpenFile | null;
  /** Stored chunks: nothing is read until the job's turn. */
  store: boolean;
  /** Chunks to deflate: read ahead (into a pooled buffer) and deflating; `method` may turn to store if deflate did not help. */
  deflated: Promise<{ raw: Buffer; out: Buffer; method: number; pooled: Buffer | null }> | null;
}

/** Small files read, compressed and written a batch at a time (see small-file-pool.ts). */
interface BatchJob {
  batch: EntrySource[];
  result: Promise<SmallFileBatchResult>;
  /** The sequence number of the batch's first file (the rest follow one by one). */
  firstSequence: number;
}

/** Where writeBatch is in a batch's body and in the bytes it read back for repeated files. */
interface BatchCursor {
  bodyAt: number;
  repeatedAt: number;
  /** Files of this batch that later ones may repeat: their data, not yet in the archive. */
  claimedHere: Map<number, Buffer>;
}

/**
 * Files up to this size go through the small-file workers, read and deflated whole (larger ones
 * are cut into chunks deflated in parallel). 1 MiB: a node_modules holds a few hundred files of
 * 256 KiB to 1 MiB (bundles, source maps, type declarations), a third of its bytes; handled on the
 * main thread, with a thread-pool round trip per chunk and a streaming inflater for the round
 * trip, they made the main thread the bottleneck once the workers got fast.
 */
export const SMALL_FILE_BYTES = 1024 * 1024;
/** Links and other entries held in memory ride in a batch up to this size. */
const INLINE_BYTES = 256 * 1024;
/** Default deflate level of small files (see ZipWriterOptions.smallFileLevel). */
const SMALL_FILE_LEVEL = 4;
/** A batch closes at this many input bytes or files. */
const BATCH_BYTES = 1024 * 1024;
/**
 * The most input bytes a batch holds (and so the size of its buffer): a file that would take a
 * batch past it starts the next one.
 */
const BATCH_CAPACITY = BATCH_BYTES + 256 * 1024;
const BATCH_FILES = 256;
/** Batches in flight: enough to keep every worker busy while the main thread writes. */
const MAX_BATCHES_AHEAD = 4;
/** Batches between two young-generation collections (see writeBatch). */
const COLLECT_EVERY_BATCHES = 4;

export { FileChangedError, type WrittenArchive };

export interface ZipWriterOptions {
  /** Deflate level for compressible data cut into chunks (1 = fastest). */
  level?: number;
  /**
   * Deflate level for small files (up to SMALL_FILE_BYTES), compressed whole in the workers.
   * Higher than `level` by default: a tree of small text files (a node_modules) is otherwise
   * 1.12× the size `zip -r` makes, and at level 4 it costs about 40 % more deflate time, spread
   * over the workers, where per-file costs dominate anyway.
   */
  smallFileLevel?: number;
  /** Called with the running count of input bytes, after each chunk. */
  onProgress?: (bytesIn: number) => void;
  /** Mode of the archive file, set before any byte is written (default 0600). */
  mode?: number;
  /**
   * Which deflated small files are inflated back as they are produced (default: a sample, see
   * RoundTrip); files cut into chunks are always inflated back whole.
   */
  roundTrip?: 'sampled' | 'every_file';
}

export class ZipFileWriter {
  private position = 0;
  private readonly central = new CentralDirectoryBytes();
  private bytesIn = 0;
  private closed = false;
  private syncedUpTo = 0;
  private syncing: Promise<void> | null = null;
  /** The first failure of a background sync, rethrown by the next call that waits for it. */
  private syncFailure: { error: unknown } | null = null;
  /** Reused CHUNK_BYTES buffers: one for stored chunks, the rest for chunks read ahead to deflate. */
  private readonly storeBuffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private readonly freeBuffers: Buffer[] = [];
  private readonly openFiles = new Set<OpenFile>();
  private pool: SmallFilePool | null = null;
  private batchesWritten = 0;
  /** Small files sent to the pool so far (the next one's sequence number). */
  private smallFiles = 0;
  /** Where files that later files may repeat were written (see SEEN_CONTENTS). */
  private readonly contents = new ContentLocations();
  /** A batch's repeated files' bytes, read back from the archive (reused from batch to batch). */
  private repeatedBytes: Buffer | null = null;
  private repeated = 0;
  /** What verifyWritten checks the file against, known once `finish` wrote the directory. */
  private expected: WrittenExpectation | null = null;

  private constructor(
    private readonly path: string,
    private readonly fd: number,
    private readonly options: ZipWriterOptions,
  ) {}

  static create(path: string, options: ZipWriterOptions = {}): Promise<ZipFileWriter> {
    return promised(() => {
      const mode = options.mode ?? 0o600;
      // Read as well as written: the bytes of a file that repeats an earlier one are read back.
      const fd = openSync(path, 'wx+', mode);
      if (process.platform !== 'win32') fchmodSync(fd, mode); // the umask may have narrowed it
      return new ZipFileWriter(path, fd, options);
    });
  }

  get bytesWritten(): number {
    return this.position;
  }

  /** Files whose content an earlier file had: written with its compressed bytes, not deflated again. */
  get repeatedFiles(): number {
    return this.repeated;
  }

  /** Writes every source in order; `onEntry` sees each entry as soon as it is complete. */
  // eslint-disable-next-line max-lines-per-function -- kept whole: the hot loop of every backup (read-ahead, deflate, write) keeps its shared state in locals; split it only with npm run bench -- backup beside it
  async addAll(sources: Iterable<EntrySource>, onEntry?: (entry: WrittenEntry) => void): Promise<void> {
    // A lazily listed tree is listed further while the writer waits for its workers.
    const listing = new ListAhead(sources);
    const jobs = this.jobs(listing);
    const ahead: Array<ChunkJob | BatchJob> = [];
    let deflatesAhead = 0;
    let batchesAhead = 0;
    const fill = (): void => {
      while (
        ahead.length < MAX_JOBS_AHEAD &&
        deflatesAhead < MAX_DEFLATE_JOBS_AHEAD &&
        batchesAhead < MAX_BATCHES_AHEAD
      ) {
        const next = jobs.next();
        if (next.done) return;
        const job = next.value;
        // Never leave a rejection unobserved while the job waits its turn.
        if ('batch' in job) {
          job.result.catch(() => undefined);
          batchesAhead++;
        } else {
          job.deflated?.catch(() => undefined);
          if (job.deflated) deflatesAhead++;
        }
        ahead.push(job);
      }
    };
    let entry: {
      headerOffset: number;
      dataOffset: number;
      method: number;
      hash: ReturnType<typeof createHash>;
      crc: number;
      /** CRC-32 of the bytes written as the entry's data. */
      dataCrc: number;
      /** Deflated entries: the round trip of what is written (see InflateCheck). */
      check: InflateCheck | null;
      usize: number;
      csize: number;
      zip64: boolean;
      name: Buffer;
      utf8: boolean;
    } | null = null;
    try {
      fill();
      for (let job = ahead.shift(); job !== undefined; job = ahead.shift()) {
        if ('batch' in job) {
          batchesAhead--;
          const result = await listing.whileWaiting(job.result);
          fill();
          this.writeBatch(job, result, onEntry);
          continue;
        }
        let raw: Buffer;
        let out: Buffer;
        let method: number;
        let pooled: Buffer | null = null;
        if (job.deflated) {
          deflatesAhead--;
          ({ raw, out, method, pooled } = await listing.whileWaiting(job.deflated));
        } else {
          raw = job.file
            ? this.readChunk(job.file, job.index, job.length, this.storeBuffer)
            : (job.source.data ?? Buffer.alloc(0));
          out = raw;
          method = METHOD_STORE;
        }
        fill();
        if (job.index === 0) {
          const { name, utf8 } = entryName(job.source.name);
          const zip64 = job.source.size >= ZIP64_LOCAL_THRESHOLD;
          const headerOffset = this.position;
          this.write(localHeader(name, utf8, method, job.source.mtimeMs, zip64));
          entry = {
            headerOffset,
            dataOffset: this.position,
            method,
            hash: createHash('sha256'),
            crc: 0,
            dataCrc: 0,
            check: method === METHOD_DEFLATE ? new InflateCheck(job.source.size) : null,
            usize: 0,
            csize: 0,
            zip64,
            name,
            utf8,
          };
        }
        if (!entry) throw new Error(`${job.source.name}: a chunk after the first came without its entry`);
        const current = entry;
        current.hash.update(raw);
        current.crc = crc32(raw, current.crc);
        current.dataCrc = out === raw ? current.crc : crc32(out, current.dataCrc);
        current.usize += raw.length;
        current.csize += out.length;
        const caughtUp = current.check?.push(out);
        if (out.length > 0) this.write(out);
        if (pooled) this.freeBuffers.push(pooled);
        if (caughtUp) await caughtUp;
        this.bytesIn += raw.length;
        this.options.onProgress?.(this.bytesIn);
        this.backgroundSync();
        if (job.last) {
          const src = job.source;
          if (job.file) this.closeFile(job.file, true);
          if (current.usize !== src.size)
            throw new FileChangedError(
              `${src.name} changed size while being archived (${src.size} → ${current.usize} bytes)`,
            );
          if (current.check) await current.check.expect(src.name, current.usize, current.crc);
          if (!current.zip64 && current.csize >= U32_MAX)
            throw new Error(`${src.name}: compressed size passed 4 GiB without zip64`);
          this.patchSizes(
            current.headerOffset,
            current.name.length,
            current.crc,
            current.csize,
            current.usize,
            current.zip64,
          );
          this.recordCentral(
            current.name,
            current.utf8,
            current.method,
            current.crc,
            current.csize,
            current.usize,
            current.headerOffset,
            current.dataOffset,
            src,
            current.dataCrc,
          );
          onEntry?.({
            name: src.name,
            type: src.type,
            size: current.usize,
            compressedSize: current.csize,
            method: current.method,
            sha256: current.hash.digest('hex'),
            crc32: current.crc,
            mode: src.mode & 0o7777,
          });
          entry = null;
        }
      }
      if (this.syncFailure) throw this.syncFailure.error;
      // Booted while the caller adds the last entries and finishes: verifyWritten's worker.
      prepareArchiveBytesWorker();
    } catch (error) {
      entry?.check?.abort();
      // Let in-flight work finish before the caller closes and removes files.
      await Promise.allSettled(
        ahead.map((j) => ('batch' in j ? j.result : (j.deflated ?? Promise.resolve(null)))),
      );
      for (const file of this.openFiles) this.closeFile(file, false);
      throw error;
    } finally {
      await this.pool?.close();
      this.pool = null;
    }
  }

  /**
   * Adds one entry held in memory (the manifest), deflated whole and inflated back whole in the
   * thread pool, where neither step needs the main thread: it stays free to do other work
   * meanwhile (the backup checks the manifest). addAll would cut it into chunks whose round trip
   * (InflateCheck) runs on the main thread's events: a 40,000-file backup's 8 MB manifest then
   * waited 50-60 ms for the main thread after its check. The inflated copy must equal the data.
   */
  async addDeflated(
    src: EntrySource & { data: Buffer },
    onEntry?: (entry: WrittenEntry) => void,
  ): Promise<void> {
    const data = src.data;
    if (data.length >= ZIP64_LOCAL_THRESHOLD) throw new Error(`${src.name}: too large to add from memory`);
    const level = this.options.level ?? 1;
    // Output room for all of it at once: with the default 16 KiB, each piece of output is an event
    // on the main thread, and the work waited for it.
    const out = await deflateRawAsync(data, { level, chunkSize: data.length + 64 * 1024 });
    const back = await inflateRawAsync(out, {
      maxOutputLength: data.length + 1,
      chunkSize: data.length + 64 * 1024,
    }).catch(() => null);
    if (!back?.equals(data))
      throw new ArchiveError(
        'checksum',
        `${src.name}: its compressed data did not inflate back to the bytes given; a compressor fault, no backup was written`,
      );
    const crc = crc32(data) >>> 0;
    const { name, utf8 } = entryName(src.name);
    const header = localHeader(name, utf8, METHOD_DEFLATE, src.mtimeMs, false);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(out.length, 18);
    header.writeUInt32LE(data.length, 22);
    const at = this.position;
    this.writeParts([header, out], header.length + out.length);
    this.recordCentral(
      name,
      utf8,
      METHOD_DEFLATE,
      crc,
      out.length,
      data.length,
      at,
      at + header.length,
      src,
      crc32(out) >>> 0,
    );
    this.bytesIn += data.length;
    onEntry?.({
      name: src.name,
      type: src.type,
      size: data.length,
      compressedSize: out.length,
      method: METHOD_DEFLATE,
      sha256: createHash('sha256').update(data).digest('hex'),
      crc32: crc,
      mode: src.mode & 0o7777,
    });
  }

  /**
   * Writes a batch of small files (headers already true: sizes and CRC are known) with one write,
   * and records them for the central directory.
   */
  private writeBatch(
    job: BatchJob,
    result: SmallFileBatchResult,
    onEntry?: (entry: WrittenEntry) => void,
  ): void {
    const parts: Buffer[] = [];
    let at = this.position;
    let bytesIn = 0;
    let next = 0;
    const cursor: BatchCursor = { bodyAt: 0, repeatedAt: 0, claimedHere: new Map() };
    for (const src of job.batch) {
      if (isInlineInBatch(src)) {
        const length = this.writeInline(src, at, parts, onEntry);
        at += length;
        bytesIn += src.data?.length ?? 0;
        continue;
      }
      const sequence = job.firstSequence + next;
      const record = result.records[next++];
      if ('error' in record) {
        const error = new Error(`${src.name}: ${record.error.message}`) as NodeJS.ErrnoException;
        if (record.error.code) error.code = record.error.code;
        throw error;
      }
      if ('changedTo' in record)
        throw new FileChangedError(
          record.changedTo > src.size
            ? `${src.name} grew while being archived (listed at ${src.size} bytes)`
            : `${src.name} changed size while being archived (${src.size} → ${record.changedTo} bytes)`,
        );
      const written = this.batchEntryData(src, record, result.body, cursor);
      const { name, utf8 } = entryName(src.name);
      const header = localHeader(name, utf8, written.method, src.mtimeMs, false);
      header.writeUInt32LE(record.crc, 14);
      header.writeUInt32LE(written.compressedSize, 18);
      header.writeUInt32LE(src.size, 22);
      parts.push(header, written.data);
      if ('claimed' in record && record.claimed) {
        cursor.claimedHere.set(sequence, written.data);
        this.contents.set(sequence, {
          offset: at + header.length,
          compressedSize: written.compressedSize,
          method: written.method,
          dataCrc: written.dataCrc,
          crc: record.crc,
          size: src.size,
        });
      }
      this.recordCentral(
        name,
        utf8,
        written.method,
        record.crc,
        written.compressedSize,
        src.size,
        at,
        at + header.length,
        src,
        written.dataCrc,
      );
      at += header.length + written.data.length;
      bytesIn += src.size;
      onEntry?.({
        name: src.name,
        type: src.type,
        size: src.size,
        compressedSize: written.compressedSize,
        method: written.method,
        sha256: record.sha256,
        crc32: record.crc,
        mode: src.mode & 0o7777,
      });
    }
    this.writeParts(parts, at - this.position);
    result.release();
    // Each entry's headers come from slabs of Node's buffer pool, freed only when the young
    // generation is collected; the tree listing made that generation large, so V8 would collect
    // it rarely, letting tens of MB of slabs pile up (measured). A scavenge every few batches
    // keeps them down for a millisecond or two.
    if (++this.batchesWritten % COLLECT_EVERY_BATCHES === 0) collectGarbage('young');
    this.bytesIn += bytesIn;
    this.options.onProgress?.(this.bytesIn);
    this.backgroundSync();
  }

  /**
   * A batch entry's data as it goes into the archive: the next bytes of the batch's body, or, for
   * a file that repeats an earlier one, that one's compressed bytes (from this batch, or read back
   * from the archive).
   */
  private batchEntryData(
    src: EntrySource,
    record: Extract<SmallFileRecord, { crc: number }>,
    body: Buffer,
    cursor: BatchCursor,
  ): { method: number; compressedSize: number; dataCrc: number; data: Buffer } {
    if (!('duplicateOf' in record)) {
      const data = body.subarray(cursor.bodyAt, cursor.bodyAt + record.compressedSize);
      cursor.bodyAt += record.compressedSize;
      return { method: record.method, compressedSize: record.compressedSize, dataCrc: record.dataCrc, data };
    }
    const first = this.contents.get(record.duplicateOf);
    if (!first || first.crc !== record.crc || first.size !== src.size)
      throw new Error(`${src.name}: the earlier file with its content was not written (an internal fault)`);
    this.repeated++;
    let data = cursor.claimedHere.get(record.duplicateOf);
    if (!data) {
      this.repeatedBytes ??= Buffer.allocUnsafe(BATCH_CAPACITY);
      data = this.readBack(
        first.offset,
        first.compressedSize,
        this.repeatedBytes.subarray(cursor.repeatedAt),
      );
      cursor.repeatedAt += data.length;
    }
    return { method: first.method, compressedSize: first.compressedSize, dataCrc: first.dataCrc, data };
  }

  /** A folder, link or empty file riding in a batch: its header and content, stored. Returns its length. */
  private writeInline(
    src: EntrySource,
    at: number,
    parts: Buffer[],
    onEntry?: (entry: WrittenEntry) => void,
  ): number {
    const raw = src.data ?? EMPTY;
    const crc = crc32(raw) >>> 0;
    const { name, utf8 } = entryName(src.name);
    const header = localHeader(name, utf8, METHOD_STORE, src.mtimeMs, false);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(raw.length, 18);
    header.writeUInt32LE(raw.length, 22);
    parts.push(header, raw);
    this.recordCentral(
      name,
      utf8,
      METHOD_STORE,
      crc,
      raw.length,
      raw.length,
      at,
      at + header.length,
      src,
      crc,
    );
    onEntry?.({
      name: src.name,
      type: src.type,
      size: raw.length,
      compressedSize: raw.length,
      method: METHOD_STORE,
      sha256: raw.length === 0 ? EMPTY_SHA256 : createHash('sha256').update(raw).digest('hex'),
      crc32: crc,
      mode: src.mode & 0o7777,
    });
    return header.length + raw.length;
  }

  private recordCentral(
    name: Buffer,
    utf8: boolean,
    method: number,
    crc: number,
    csize: number,
    usize: number,
    offset: number,
    dataOffset: number,
    src: EntrySource,
    dataCrc: number,
  ): void {
    const { time, date } = dosTime(src.mtimeMs);
    this.central.add(
      centralHeader({
        name,
        utf8,
        method,
        time,
        date,
        crc,
        csize,
        usize,
        offset,
        external: externalAttributes(src.type, src.mode),
        mtimeMs: src.mtimeMs,
      }),
      dataCrc,
      dataOffset,
      dataOffset + csize,
    );
  }

  /**
   * After `finish`: re-reads the archive from the file system and proves it is the one written
   * (see written-archive.ts for exactly what that proves); returns its SHA-256 and directory.
   */
  verifyWritten(onProgress?: (bytesRead: number, total: number) => void): Promise<WrittenArchive> {
    if (!this.expected) return Promise.reject(new Error('verifyWritten before finish'));
    return verifyWrittenArchive(this.path, this.expected, onProgress);
  }

  /** Writes the central directory and end records, fsyncs and closes. Returns the archive size. */
  async finish(): Promise<number> {
    const cdStart = this.position;
    const cdSize = this.central.size;
    const count = this.central.count;
    // The directory and end records, as one tail whose CRC-32 verifyWritten checks on disk.
    const tail = this.central.parts();
    if (count >= U16_MAX || cdStart >= U32_MAX || cdSize >= U32_MAX) {
      const zip64Start = cdStart + cdSize;
      tail.push(zip64End(count, cdSize, cdStart), zip64Locator(zip64Start));
    }
    tail.push(endOfCentralDirectory(count, cdSize, cdStart));
    let tailCrc = 0;
    let tailSize = 0;
    for (const part of tail) {
      tailCrc = crc32(part, tailCrc);
      tailSize += part.length;
    }
    this.writeParts(tail, tailSize);
    this.expected = {
      tailOffset: cdStart,
      size: this.position,
      tailCrc: tailCrc >>> 0,
      dataCrcs: this.central.dataCrcs(),
      dataStarts: this.central.dataStarts(),
      dataEnds: this.central.dataEnds(),
    };
    await this.syncing;
    if (this.syncFailure) throw this.syncFailure.error;
    fsyncSync(this.fd);
    await this.close();
    return this.position;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Closed before `finish` (a failed backup): no verification will take the booted worker.
    if (!this.expected) discardArchiveBytesWorker();
    await this.syncing;
    for (const file of this.openFiles) this.closeFile(file, false);
    closeSync(this.fd);
  }

  /** Appends synchronously: the page cache takes it at memory speed; durability comes from the syncs. */
  private write(buffer: Buffer): void {
    this.writeAt(buffer, this.position);
    this.position += buffer.length;
  }

  /** Appends several buffers with one writev (no copy into one buffer). */
  private writeParts(parts: Buffer[], length: number): void {
    let written = writevSync(this.fd, parts, this.position);
    while (written < length) {
      // A short write (rare): finish it buffer by buffer.
      let skip = written;
      for (const part of parts) {
        if (skip >= part.length) {
          skip -= part.length;
          continue;
        }
        this.writeAt(part.subarray(skip), this.position + written);
        written += part.length - skip;
        skip = 0;
      }
    }
    this.position += length;
  }

  /** Bytes already written to the archive, read back into `into`. */
  private readBack(position: number, length: number, into: Buffer): Buffer {
    const buffer = into.subarray(0, length);
    let offset = 0;
    while (offset < length) {
      const n = readSync(this.fd, buffer, offset, length - offset, position + offset);
      if (n === 0)
        throw new Error(`the archive is shorter than what was written to it (${position + offset})`);
      offset += n;
    }
    return buffer;
  }

  private writeAt(buffer: Buffer, position: number): void {
    let offset = 0;
    while (offset < buffer.length)
      offset += writeSync(this.fd, buffer, offset, buffer.length - offset, position + offset);
  }

  /** Starts a background data flush when enough was written since the last one. */
  private backgroundSync(): void {
    if (this.syncing || this.position - this.syncedUpTo < SYNC_EVERY_BYTES) return;
    const upTo = this.position;
    this.syncing = fdatasyncAsync(this.fd)
      .then(() => {
        this.syncedUpTo = upTo;
      })
      .catch((error: unknown) => {
        this.syncFailure ??= { error };
      })
      .finally(() => {
        this.syncing = null;
      });
  }

  private patchSizes(
    offset: number,
    nameLength: number,
    crc: number,
    csize: number,
    usize: number,
    zip64: boolean,
  ): void {
    const fields = Buffer.alloc(12);
    fields.writeUInt32LE(crc >>> 0, 0);
    fields.writeUInt32LE(zip64 ? U32_MAX : csize, 4);
    fields.writeUInt32LE(zip64 ? U32_MAX : usize, 8);
    this.writeAt(fields, offset + 14);
    if (zip64) {
      const sizes = Buffer.alloc(16);
      sizes.writeBigUInt64LE(BigInt(usize), 0);
      sizes.writeBigUInt64LE(BigInt(csize), 8);
      this.writeAt(sizes, offset + LOCAL_HEADER_SIZE + nameLength + 4);
    }
  }

  private readChunk(file: OpenFile, index: number, length: number, into: Buffer): Buffer {
    if (file.fd === null) {
      file.fd = file.open();
      this.openFiles.add(file);
    }
    const buffer = into.subarray(0, length);
    const position = index * CHUNK_BYTES;
    let offset = 0;
    while (offset < length) {
      const bytesRead = readSync(file.fd, buffer, offset, length - offset, position + offset);
      if (bytesRead === 0) throw new FileChangedError(`${file.source.name} shrank while being archived`);
      offset += bytesRead;
    }
    return buffer;
  }

  /** Closes a source file; after its last chunk, checks nothing was appended meanwhile. */
  private closeFile(file: OpenFile, check: boolean): void {
    if (file.fd === null) return;
    const fd = file.fd;
    file.fd = null;
    this.openFiles.delete(file);
    try {
      if (check) {
        const { size } = fstatSync(fd);
        if (size !== file.source.size)
          throw new FileChangedError(
            `${file.source.name} changed size while being archived (${file.source.size} → ${size} bytes)`,
          );
      }
    } finally {
      closeSync(fd);
    }
  }

  private takeBuffer(): Buffer {
    return this.freeBuffers.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  }

  /** Turns sources into chunk jobs; a job to deflate reads its chunk and starts deflating when created. */
  // eslint-disable-next-line max-lines-per-function -- kept whole: one generator yields every job in archive order (entry kinds interleave); splitting it splits that order
  private *jobs(sources: Iterable<EntrySource>): Generator<ChunkJob | BatchJob> {
    const level = this.options.level ?? 1;
    let batch: EntrySource[] = [];
    let requests: SmallFileRequest[] = [];
    let batchBytes = 0;
    const sendBatch = (): BatchJob => {
      this.pool ??= new SmallFilePool(
        this.options.smallFileLevel ?? SMALL_FILE_LEVEL,
        STORE_RATIO,
        BATCH_CAPACITY,
        this.options.roundTrip === 'every_file' ? FULL_ROUND_TRIP : SAMPLED_ROUND_TRIP,
      );
      const sent = batch;
      const firstSequence = requests.length > 0 ? requests[0].sequence : this.smallFiles;
      const result = this.pool.run(requests);
      batch = [];
      requests = [];
      batchBytes = 0;
      return { batch: sent, result, firstSequence };
    };
    for (const source of sources) {
      if (batch.length > 0 && isInlineInBatch(source)) {
        // A folder, link or empty file between small files: written in its place by the main
        // thread with the batch, instead of closing it (a node_modules has a folder every ten
        // files, and batches of two or three files cost a worker round trip each).
        batch.push(source);
        continue;
      }
      if (
        source.type === 'file' &&
        source.data === undefined &&
        source.path !== undefined &&
        source.size > 0 &&
        source.size <= SMALL_FILE_BYTES
      ) {
        if (batchBytes + source.size > BATCH_CAPACITY) yield sendBatch();
        batch.push(source);
        requests.push({
          path: source.path,
          size: source.size,
          store:
            source.method === 'store' ||
            (source.method === undefined && isAlreadyCompressedName(source.name)),
          sequence: this.smallFiles++,
        });
        batchBytes += source.size;
        if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES) yield sendBatch();
        continue;
      }
      if (batch.length > 0) yield sendBatch();
      if (source.type !== 'file' || source.data !== undefined || source.size === 0) {
        // Held in memory: stored here (links, empty files); deflated only by addDeflated.
        if (source.data !== undefined && source.method === 'deflate')
          throw new Error(`${source.name}: content held in memory is deflated by addDeflated, not addAll`);
        const raw = source.data ?? Buffer.alloc(0);
        yield {
          source: { ...source, size: raw.length },
          index: 0,
          last: true,
          length: raw.length,
          file: null,
          store: true,
          deflated: null,
        };
        continue;
      }
      const byPath = source.path;
      const open = source.open ?? (byPath !== undefined ? () => openSync(byPath, 'r') : undefined);
      if (!open) throw new Error(`${source.name}: no content source`);
      const file: OpenFile = { fd: null, source, open };
      const count = Math.max(1, Math.ceil(source.size / CHUNK_BYTES));
      const byName =
        source.method === 'store' || (source.method === undefined && isAlreadyCompressedName(source.name));
      if (byName) {
        for (let index = 0; index < count; index++) {
          const length = Math.min(CHUNK_BYTES, source.size - index * CHUNK_BYTES);
          yield { source, index, last: index === count - 1, length, file, store: true, deflated: null };
        }
        continue;
      }
      let dictionary: Buffer | null = null;
      let decided: number | null = source.method === 'deflate' ? METHOD_DEFLATE : null;
      for (let index = 0; index < count; index++) {
        const length = Math.min(CHUNK_BYTES, source.size - index * CHUNK_BYTES);
        const last = index === count - 1;
        if (decided === METHOD_STORE) {
          yield { source, index, last, length, file, store: true, deflated: null };
          continue;
        }
        const pooled = this.takeBuffer();
        const raw = this.readChunk(file, index, length, pooled);
        if (decided === null) {
          // Tiny: not worth a deflate. One chunk: deflate it and store instead if that did not pay. Larger: probe the start.
          decided =
            length < 64
              ? METHOD_STORE
              : count === 1
                ? -1
                : looksCompressible(raw)
                  ? METHOD_DEFLATE
                  : METHOD_STORE;
          if (decided === METHOD_STORE) {
            // Read again when its turn comes, into the store buffer.
            this.freeBuffers.push(pooled);
            yield { source, index, last, length, file, store: true, deflated: null };
            continue;
          }
        }
        const options: { level: number; finishFlush: number; dictionary?: Buffer; chunkSize: number } = {
          level,
          finishFlush: last ? zc.Z_FINISH : zc.Z_SYNC_FLUSH,
          // Room for the whole output of compressible data in one call (zlib grows it if needed).
          chunkSize: Math.max(1024, Math.min(length + 1024, 256 * 1024)),
        };
        if (dictionary) options.dictionary = dictionary;
        // Copied: the buffer it comes from goes back to the pool before the next chunk is read.
        dictionary = last ? null : Buffer.from(raw.subarray(Math.max(0, raw.length - DICTIONARY_BYTES)));
        const single = decided === -1;
        const deflated = deflateRawAsync(raw, options).then((out) => {
          if (single && out.length >= raw.length * STORE_RATIO)
            return { raw, out: raw, method: METHOD_STORE, pooled };
          return { raw, out, method: METHOD_DEFLATE, pooled };
        });
        yield { source, index, last, length, file, store: false, deflated };
      }
    }
    if (batch.length > 0) yield sendBatch();
  }
}

const EMPTY = Buffer.alloc(0);
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** Entries with nothing to read or compress (folders, links, empty files): they may ride in a batch. */
function isInlineInBatch(source: EntrySource): boolean {
  if (source.method === 'deflate') return false;
  if (source.data !== undefined) return source.data.length <= INLINE_BYTES;
  return source.type !== 'file' || source.size === 0;
}

/** The name field's bytes: UTF-8 (flagged), or the raw bytes of a name that is not UTF-8. */
function entryName(text: string): { name: Buffer; utf8: boolean } {
  const utf8 = !hasRawBytes(text);
  return { name: utf8 ? Buffer.from(text, 'utf8') : encodeName(text), utf8 };
}

/**
 * Info-ZIP Unicode Path extra field, for names that are not UTF-8: the name field keeps the exact
 * bytes (what our restore uses), and this carries a UTF-8 rendering for other tools to show.
 */
function unicodePathExtra(name: Buffer): Buffer {
  const shown = Buffer.from(name.toString('utf8'), 'utf8');
  const b = Buffer.alloc(9 + shown.length);
  b.writeUInt16LE(EXTRA_UNICODE_PATH, 0);
  b.writeUInt16LE(5 + shown.length, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(crc32(name) >>> 0, 5);
  shown.copy(b, 9);
  return b;
}

/** The UT extra field (modification time) is this long, in local and central headers alike. */
const TIMESTAMP_EXTRA_BYTES = 9;
const ZIP64_LOCAL_EXTRA_BYTES = 20;

/** Writes the UT extra field (what timestampExtra builds) at `at`; returns where it ends. */
function writeTimestampExtra(b: Buffer, at: number, mtimeMs: number): number {
  b.writeUInt16LE(EXTRA_TIMESTAMP, at);
  b.writeUInt16LE(5, at + 2);
  b.writeUInt8(1, at + 4);
  b.writeUInt32LE(Math.max(0, Math.min(U32_MAX, Math.floor(mtimeMs / 1000))), at + 5);
  return at + TIMESTAMP_EXTRA_BYTES;
}

let dosSecond = Number.NaN;
let dosStamp = { time: 0, date: 0 };

/** dosDateTime, remembered for the last second seen: files of a tree mostly share a few seconds. */
function dosTime(mtimeMs: number): { time: number; date: number } {
  const second = Math.floor(mtimeMs / 1000);
  if (second !== dosSecond) {
    dosSecond = second;
    dosStamp = dosDateTime(mtimeMs);
  }
  return dosStamp;
}

// Headers are built with allocUnsafe (small ones come from Node's shared pool) and every byte
// written: tens of thousands of entries each allocating zeroed buffers of their own kept the
// collector busy and the process's memory high.
function localHeader(name: Buffer, utf8: boolean, method: number, mtimeMs: number, zip64: boolean): Buffer {
  const unicode = utf8 ? null : unicodePathExtra(name);
  const extraLength = (zip64 ? ZIP64_LOCAL_EXTRA_BYTES : 0) + TIMESTAMP_EXTRA_BYTES + (unicode?.length ?? 0);
  const b = Buffer.allocUnsafe(LOCAL_HEADER_SIZE + name.length + extraLength);
  const { time, date } = dosTime(mtimeMs);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(zip64 ? 45 : 20, 4);
  b.writeUInt16LE(utf8 ? FLAG_UTF8 : 0, 6);
  b.writeUInt16LE(method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // crc and sizes (14..25) are patched when the entry is complete.
  b.fill(0, 14, 26);
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(extraLength, 28);
  name.copy(b, LOCAL_HEADER_SIZE);
  let at = LOCAL_HEADER_SIZE + name.length;
  if (zip64) {
    // zip64 first: patchSizes finds its sizes right after the name.
    b.writeUInt16LE(EXTRA_ZIP64, at);
    b.writeUInt16LE(16, at + 2);
    b.fill(0, at + 4, at + ZIP64_LOCAL_EXTRA_BYTES);
    at += ZIP64_LOCAL_EXTRA_BYTES;
  }
  at = writeTimestampExtra(b, at, mtimeMs);
  if (unicode) unicode.copy(b, at);
  return b;
}

function zip64Extra(values: bigint[]): Buffer {
  const b = Buffer.alloc(4 + values.length * 8);
  b.writeUInt16LE(EXTRA_ZIP64, 0);
  b.writeUInt16LE(values.length * 8, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(v, 4 + i * 8));
  return b;
}

function centralHeader(r: CentralRecord): Buffer {
  const big: bigint[] = [];
  if (r.usize >= U32_MAX) big.push(BigInt(r.usize));
  if (r.csize >= U32_MAX) big.push(BigInt(r.csize));
  if (r.offset >= U32_MAX) big.push(BigInt(r.offset));
  const zip64 = big.length ? zip64Extra(big) : null;
  const unicode = r.utf8 ? null : unicodePathExtra(r.name);
  const extraLength = (zip64?.length ?? 0) + TIMESTAMP_EXTRA_BYTES + (unicode?.length ?? 0);
  const b = Buffer.allocUnsafe(CENTRAL_HEADER_SIZE + r.name.length + extraLength);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(big.length ? 45 : 20, 6);
  b.writeUInt16LE(r.utf8 ? FLAG_UTF8 : 0, 8);
  b.writeUInt16LE(r.method, 10);
  b.writeUInt16LE(r.time, 12);
  b.writeUInt16LE(r.date, 14);
  b.writeUInt32LE(r.crc >>> 0, 16);
  b.writeUInt32LE(Math.min(r.csize, U32_MAX), 20);
  b.writeUInt32LE(Math.min(r.usize, U32_MAX), 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt16LE(extraLength, 30);
  b.writeUInt16LE(0, 32);
  b.writeUInt16LE(0, 34);
  b.writeUInt16LE(0, 36);
  b.writeUInt32LE(r.external, 38);
  b.writeUInt32LE(Math.min(r.offset, U32_MAX), 42);
  r.name.copy(b, CENTRAL_HEADER_SIZE);
  let at = CENTRAL_HEADER_SIZE + r.name.length;
  if (zip64) at += zip64.copy(b, at);
  at = writeTimestampExtra(b, at, r.mtimeMs);
  if (unicode) unicode.copy(b, at);
  return b;
}

function zip64End(count: number, cdSize: number, cdStart: number): Buffer {
  const b = Buffer.alloc(ZIP64_EOCD_SIZE);
  b.writeUInt32LE(SIG_ZIP64_EOCD, 0);
  b.writeBigUInt64LE(BigInt(ZIP64_EOCD_SIZE - 12), 4);
  b.writeUInt16LE(MADE_BY_UNIX, 12);
  b.writeUInt16LE(45, 14);
  b.writeUInt32LE(0, 16);
  b.writeUInt32LE(0, 20);
  b.writeBigUInt64LE(BigInt(count), 24);
  b.writeBigUInt64LE(BigInt(count), 32);
  b.writeBigUInt64LE(BigInt(cdSize), 40);
  b.writeBigUInt64LE(BigInt(cdStart), 48);
  return b;
}

function zip64Locator(zip64Start: number): Buffer {
  const b = Buffer.alloc(ZIP64_LOCATOR_SIZE);
  b.writeUInt32LE(SIG_ZIP64_LOCATOR, 0);
  b.writeUInt32LE(0, 4);
  b.writeBigUInt64LE(BigInt(zip64Start), 8);
  b.writeUInt32LE(1, 16);
  return b;
}

function endOfCentralDirectory(count: number, cdSize: number, cdStart: number): Buffer {
  const b = Buffer.alloc(EOCD_SIZE);
  b.writeUInt32LE(SIG_EOCD, 0);
  b.writeUInt16LE(Math.min(count, U16_MAX), 8);
  b.writeUInt16LE(Math.min(count, U16_MAX), 10);
  b.writeUInt32LE(Math.min(cdSize, U32_MAX), 12);
  b.writeUInt32LE(Math.min(cdStart, U32_MAX), 16);
  b.writeUInt16LE(0, 20);
  return b;
}
