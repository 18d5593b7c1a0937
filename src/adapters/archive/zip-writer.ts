import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants as zc, crc32, deflateRaw } from 'node:zlib';
import { isAlreadyCompressedName, looksCompressible } from './compressibility.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
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
  timestampExtra,
  type EntryType,
} from './zip-format.js';

const deflateRawAsync = promisify(deflateRaw) as (buf: Buffer, options: object) => Promise<Buffer>;

/**
 * A streaming zip writer built for backups of large trees:
 *  - files are cut into 1 MiB chunks; chunks of compressible files are deflated in the libuv
 *    thread pool in parallel, each primed with the previous chunk's last 32 KiB as dictionary and
 *    ended with a sync flush, so their concatenation is one valid deflate stream (what pigz does);
 *  - already-compressed files (by extension, or by a quick deflate probe) are stored;
 *  - reading, compressing and writing overlap, with a bounded number of chunks in flight, so
 *    memory stays flat however large the tree is;
 *  - each entry's SHA-256 and CRC-32 are computed as its bytes pass, for the manifest;
 *  - local headers are patched in place once sizes are known, so no data descriptors are needed.
 */
export const CHUNK_BYTES = 1024 * 1024;
const DICTIONARY_BYTES = 32 * 1024;
const MAX_JOBS_AHEAD = 16;
const MAX_BYTES_AHEAD = 24 * 1024 * 1024;
/** Flush to disk in the background every this many bytes, so the final fsync is short. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;
const MAX_PENDING_WRITES = 8;
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
  /** Opens the file to read; the handle is closed by the writer. */
  open?: () => Promise<FileHandle>;
  /** Content held in memory (the manifest, a link target). */
  data?: Buffer;
  /** Force a method; default: decide by name and probe. */
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

interface ChunkJob {
  source: EntrySource;
  index: number;
  last: boolean;
  length: number;
  method: Promise<number>;
  result: Promise<{ raw: Buffer; out: Buffer }>;
}

export class FileChangedError extends Error {}

export interface ZipWriterOptions {
  /** Deflate level for compressible data (1 = fastest). */
  level?: number;
  /** Called with the running count of input bytes, after each chunk. */
  onProgress?: (bytesIn: number) => void;
}

export class ZipFileWriter {
  private position = 0;
  private readonly central: CentralRecord[] = [];
  private pending: Promise<unknown>[] = [];
  private writeError: unknown = null;
  private bytesIn = 0;
  private closed = false;
  private syncedUpTo = 0;
  private syncing: Promise<void> | null = null;

  private constructor(
    private readonly handle: FileHandle,
    private readonly options: ZipWriterOptions,
  ) {}

  static async create(path: string, options: ZipWriterOptions = {}): Promise<ZipFileWriter> {
    return new ZipFileWriter(await open(path, 'wx'), options);
  }

  get bytesWritten(): number {
    return this.position;
  }

  /** Writes every source in order; `onEntry` sees each entry as soon as it is complete. */
  async addAll(sources: Iterable<EntrySource>, onEntry?: (entry: WrittenEntry) => void): Promise<void> {
    const jobs = this.jobs(sources);
    const ahead: ChunkJob[] = [];
    let bytesAhead = 0;
    const fill = (): void => {
      while (ahead.length < MAX_JOBS_AHEAD && bytesAhead < MAX_BYTES_AHEAD) {
        const next = jobs.next();
        if (next.done) return;
        // Never leave a rejection unobserved while the job waits its turn.
        next.value.result.catch(() => undefined);
        next.value.method.catch(() => undefined);
        ahead.push(next.value);
        bytesAhead += next.value.length;
      }
    };
    let entry: { headerOffset: number; headerWrite: Promise<void>; method: number; hash: ReturnType<typeof createHash>; crc: number; usize: number; csize: number; zip64: boolean; name: Buffer } | null = null;
    try {
      fill();
      while (ahead.length > 0) {
        const job = ahead.shift()!;
        bytesAhead -= job.length;
        if (job.index === 0) {
          const method = await job.method;
          const name = Buffer.from(job.source.name, 'utf8');
          const zip64 = job.source.size >= ZIP64_LOCAL_THRESHOLD;
          const headerOffset = this.position;
          const headerWrite = this.write(localHeader(name, method, job.source.mtimeMs, zip64));
          entry = { headerOffset, headerWrite, method, hash: createHash('sha256'), crc: 0, usize: 0, csize: 0, zip64, name };
        }
        const { raw, out } = await job.result;
        fill();
        const current = entry!;
        current.hash.update(raw);
        current.crc = crc32(raw, current.crc);
        current.usize += raw.length;
        current.csize += out.length;
        if (out.length > 0) this.write(out);
        this.bytesIn += raw.length;
        this.options.onProgress?.(this.bytesIn);
        await this.throttle();
        if (job.last) {
          const src = job.source;
          if (current.usize !== src.size) throw new FileChangedError(`${src.name} changed size while being archived (${src.size} → ${current.usize} bytes)`);
          if (!current.zip64 && current.csize >= U32_MAX) throw new Error(`${src.name}: compressed size passed 4 GiB without zip64`);
          // The patch must land after the header it patches, or a late header write would zero it.
          this.patchSizes(current.headerOffset, current.headerWrite, current.name.length, current.crc, current.csize, current.usize, current.zip64);
          const { time, date } = dosDateTime(src.mtimeMs);
          this.central.push({
            name: current.name,
            method: current.method,
            time,
            date,
            crc: current.crc,
            csize: current.csize,
            usize: current.usize,
            offset: current.headerOffset,
            external: externalAttributes(src.type, src.mode),
            mtimeMs: src.mtimeMs,
          });
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
      await this.drain();
    } catch (error) {
      // Let in-flight reads finish before the caller closes and removes files.
      await Promise.allSettled(ahead.map((j) => j.result));
      await Promise.allSettled(this.pending);
      throw error;
    }
  }

  /** Writes the central directory and end records, fsyncs and closes. Returns the archive size. */
  async finish(): Promise<number> {
    const cdStart = this.position;
    for (const record of this.central) this.write(centralHeader(record));
    const cdSize = this.position - cdStart;
    const count = this.central.length;
    if (count >= U16_MAX || cdStart >= U32_MAX || cdSize >= U32_MAX) {
      const zip64Start = this.position;
      this.write(zip64End(count, cdSize, cdStart));
      this.write(zip64Locator(zip64Start));
    }
    this.write(endOfCentralDirectory(count, cdSize, cdStart));
    await this.drain();
    await this.syncing;
    await this.handle.sync();
    if (this.writeError) throw this.writeError;
    await this.close();
    return this.position;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.pending);
    await this.syncing;
    await this.handle.close();
  }

  private write(buffer: Buffer): Promise<void> {
    const position = this.position;
    this.position += buffer.length;
    return this.writeAt(buffer, position);
  }

  /** Positional writes run concurrently in the thread pool; `after` orders one behind another. */
  private writeAt(buffer: Buffer, position: number, after?: Promise<void>): Promise<void> {
    const done = (async () => {
      if (after) await after;
      let offset = 0;
      while (offset < buffer.length) {
        const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset, position + offset);
        offset += bytesWritten;
      }
    })().catch((error: unknown) => {
      this.writeError ??= error;
    });
    this.pending.push(done);
    return done;
  }

  /** Starts a background data flush when enough was written since the last one. */
  private backgroundSync(): void {
    if (this.syncing || this.position - this.syncedUpTo < SYNC_EVERY_BYTES) return;
    const upTo = this.position;
    this.syncing = this.handle
      .datasync()
      .then(() => {
        this.syncedUpTo = upTo;
      })
      .catch((error: unknown) => {
        this.writeError ??= error;
      })
      .finally(() => {
        this.syncing = null;
      });
  }

  private async throttle(): Promise<void> {
    this.backgroundSync();
    if (this.pending.length >= MAX_PENDING_WRITES) {
      await Promise.all(this.pending.splice(0, this.pending.length - MAX_PENDING_WRITES / 2));
    }
    if (this.writeError) throw this.writeError;
  }

  private async drain(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    if (this.writeError) throw this.writeError;
  }

  private patchSizes(offset: number, headerWrite: Promise<void>, nameLength: number, crc: number, csize: number, usize: number, zip64: boolean): void {
    const fields = Buffer.alloc(12);
    fields.writeUInt32LE(crc >>> 0, 0);
    fields.writeUInt32LE(zip64 ? U32_MAX : csize, 4);
    fields.writeUInt32LE(zip64 ? U32_MAX : usize, 8);
    this.writeAt(fields, offset + 14, headerWrite);
    if (zip64) {
      const sizes = Buffer.alloc(16);
      sizes.writeBigUInt64LE(BigInt(usize), 0);
      sizes.writeBigUInt64LE(BigInt(csize), 8);
      this.writeAt(sizes, offset + LOCAL_HEADER_SIZE + nameLength + 4, headerWrite);
    }
  }

  /** Turns sources into chunk jobs; each job starts its read (and deflate) when created. */
  private *jobs(sources: Iterable<EntrySource>): Generator<ChunkJob> {
    const level = this.options.level ?? 1;
    for (const source of sources) {
      if (source.type !== 'file' || source.data !== undefined || source.size === 0) {
        const raw = source.data ?? Buffer.alloc(0);
        const method = source.method === 'deflate' && raw.length > 0 ? METHOD_DEFLATE : METHOD_STORE;
        const result = method === METHOD_DEFLATE ? deflateRawAsync(raw, { level: 6 }).then((out) => ({ raw, out })) : Promise.resolve({ raw, out: raw });
        yield { source: { ...source, size: raw.length }, index: 0, last: true, length: raw.length, method: Promise.resolve(method), result };
        continue;
      }
      if (!source.open) throw new Error(`${source.name}: no content source`);
      const handle = source.open();
      const count = Math.max(1, Math.ceil(source.size / CHUNK_BYTES));
      const reads: Promise<Buffer>[] = [];
      let method: Promise<number> | undefined;
      for (let index = 0; index < count; index++) {
        const length = Math.min(CHUNK_BYTES, source.size - index * CHUNK_BYTES);
        const read = handle.then((h) => readExactly(h, index * CHUNK_BYTES, length, source.name));
        reads.push(read);
        if (index === count - 1) {
          // Close once every read has finished, and check nothing was appended meanwhile.
          const all = Promise.allSettled(reads);
          const closing = all.then(async () => {
            const h = await handle;
            try {
              const { size } = await h.stat();
              if (size !== source.size) throw new FileChangedError(`${source.name} changed size while being archived (${source.size} → ${size} bytes)`);
            } finally {
              await h.close();
            }
          });
          reads[index] = Promise.all([read, closing]).then(([b]) => b);
        }
        if (index === 0) {
          method =
            source.method === 'store' || (source.method === undefined && isAlreadyCompressedName(source.name))
              ? Promise.resolve(METHOD_STORE)
              : source.method === 'deflate'
                ? Promise.resolve(METHOD_DEFLATE)
                : reads[0]!.then(async (raw) => ((await looksCompressible(raw)) ? METHOD_DEFLATE : METHOD_STORE));
        }
        const previous = index > 0 ? reads[index - 1]! : null;
        const last = index === count - 1;
        const mine = reads[index]!;
        const result = Promise.all([mine, method!, previous]).then(async ([raw, m, prev]) => {
          if (m === METHOD_STORE) return { raw, out: raw };
          const options: { level: number; finishFlush: number; dictionary?: Buffer } = { level, finishFlush: last ? zc.Z_FINISH : zc.Z_SYNC_FLUSH };
          if (prev) options.dictionary = prev.subarray(Math.max(0, prev.length - DICTIONARY_BYTES));
          return { raw, out: await deflateRawAsync(raw, options) };
        });
        // Keep the handle's rejection observed even when no job reads it (e.g. after an error).
        handle.catch(() => undefined);
        yield { source, index, last, length, method: method!, result };
      }
    }
  }
}

async function readExactly(handle: FileHandle, position: number, length: number, name: string): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < length) {
    const { bytesRead } = await handle.read(buffer, offset, length - offset, position + offset);
    if (bytesRead === 0) throw new FileChangedError(`${name} shrank while being archived`);
    offset += bytesRead;
  }
  return buffer;
}

function localHeader(name: Buffer, method: number, mtimeMs: number, zip64: boolean): Buffer {
  const extra = zip64 ? Buffer.concat([zip64Extra([0n, 0n]), timestampExtra(mtimeMs)]) : timestampExtra(mtimeMs);
  const b = Buffer.alloc(LOCAL_HEADER_SIZE + name.length + extra.length);
  const { time, date } = dosDateTime(mtimeMs);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(zip64 ? 45 : 20, 4);
  b.writeUInt16LE(FLAG_UTF8, 6);
  b.writeUInt16LE(method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // crc and sizes (14..25) are patched when the entry is complete.
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  name.copy(b, LOCAL_HEADER_SIZE);
  extra.copy(b, LOCAL_HEADER_SIZE + name.length);
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
  const extra = Buffer.concat([...(big.length ? [zip64Extra(big)] : []), timestampExtra(r.mtimeMs)]);
  const b = Buffer.alloc(CENTRAL_HEADER_SIZE + r.name.length + extra.length);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(big.length ? 45 : 20, 6);
  b.writeUInt16LE(FLAG_UTF8, 8);
  b.writeUInt16LE(r.method, 10);
  b.writeUInt16LE(r.time, 12);
  b.writeUInt16LE(r.date, 14);
  b.writeUInt32LE(r.crc >>> 0, 16);
  b.writeUInt32LE(Math.min(r.csize, U32_MAX), 20);
  b.writeUInt32LE(Math.min(r.usize, U32_MAX), 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32);
  b.writeUInt16LE(0, 34);
  b.writeUInt16LE(0, 36);
  b.writeUInt32LE(r.external, 38);
  b.writeUInt32LE(Math.min(r.offset, U32_MAX), 42);
  r.name.copy(b, CENTRAL_HEADER_SIZE);
  extra.copy(b, CENTRAL_HEADER_SIZE + r.name.length);
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
