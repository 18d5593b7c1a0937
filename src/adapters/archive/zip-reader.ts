import { createHash, hash as hashOnce, type Hash } from 'node:crypto';
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { UnsafeEntryError, checkEntryName, duplicateKey, printable } from './entry-name.js';
import { SmallInflater } from './inflate-once.js';
import { readArchiveBytes, type BytesPass } from './archive-bytes.js';
import { collectGarbage } from '../../runtime/collect-garbage.js';
import { ArchiveError } from '../../domain/backup/archive-error.js';
import { decodeName } from '../../domain/backup/raw-name.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
  EXTRA_TIMESTAMP,
  EXTRA_ZIP64,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  U16_MAX,
  U32_MAX,
  ZIP64_LOCATOR_SIZE,
  fromDosDateTime,
  readExtraFields,
  typeFromAttributes,
  type EntryType,
} from './zip-format.js';

export { ArchiveError, type ArchiveProblem } from '../../domain/backup/archive-error.js';

export interface ZipEntry {
  /** The name; bytes that are not UTF-8 are kept as escapes (see raw-name.ts). */
  name: string;
  type: EntryType;
  /** Unix permission bits, when the archive carries them. */
  mode: number | null;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
  dataOffset: number;
  mtimeMs: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  fileSize: number;
  /**
   * The file the directory was read from (device, inode, mtime): a scan given this directory
   * refuses any other file, so one directory read can serve a later scan of the same archive.
   */
  identity?: { dev: number; ino: number; mtimeMs: number };
}

/** Reads and checks the central directory and every local header. Refuses what it cannot trust. */
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const handle = await open(path, 'r');
  try {
    return await readDirectoryFrom(handle);
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < length) {
    const { bytesRead } = await handle.read(buffer, offset, length - offset, position + offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  return buffer.subarray(0, offset);
}

function readAtSync(handle: FileHandle, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < length) {
    const bytesRead = readSync(handle.fd, buffer, offset, length - offset, position + offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  return buffer.subarray(0, offset);
}

/** Where the central directory is and how many entries it says it holds. */
interface DirectoryLocation {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the directory must end: the end record (or the zip64 end record). */
  cdEnd: number;
}

/** Finds the end-of-central-directory record (and the zip64 one it points to, if any). */
async function locateDirectory(handle: FileHandle, fileSize: number): Promise<DirectoryLocation> {
  const tailLength = Math.min(fileSize, EOCD_SIZE + U16_MAX);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ArchiveError(
      'not-zip',
      'not a zip archive (no end-of-central-directory record; truncated or another format)',
    );
  const eocdOffset = fileSize - tailLength + eocd;
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0)
    throw new ArchiveError('unsupported', 'multi-disk zip archives are not supported');
  const location: DirectoryLocation = {
    count: tail.readUInt16LE(eocd + 10),
    cdSize: tail.readUInt32LE(eocd + 12),
    cdOffset: tail.readUInt32LE(eocd + 16),
    cdEnd: eocdOffset,
  };
  const { count, cdSize, cdOffset } = location;
  if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX)
    await readZip64Location(handle, eocdOffset, location);
  return location;
}

/** Replaces the saturated 16/32-bit values with the zip64 end record's, when there is one. */
async function readZip64Location(
  handle: FileHandle,
  eocdOffset: number,
  location: DirectoryLocation,
): Promise<void> {
  const locatorAt = eocdOffset - ZIP64_LOCATOR_SIZE;
  const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, ZIP64_LOCATOR_SIZE) : Buffer.alloc(0);
  if (locator.length === ZIP64_LOCATOR_SIZE && locator.readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
    const zip64At = Number(locator.readBigUInt64LE(8));
    const record = await readAt(handle, zip64At, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== SIG_ZIP64_EOCD)
      throw new ArchiveError('corrupt', 'zip64 end record is missing or damaged');
    location.count = Number(record.readBigUInt64LE(32));
    location.cdSize = Number(record.readBigUInt64LE(40));
    location.cdOffset = Number(record.readBigUInt64LE(48));
    location.cdEnd = zip64At;
  }
}

/** The 64-bit sizes and offset of an entry whose 32-bit fields are saturated. */
function applyZip64Extra(
  z64: Buffer,
  name: string,
  fields: { usize: number; csize: number; offset: number },
): void {
  let q = 0;
  const next = (): number => {
    if (q + 8 > z64.length) throw new ArchiveError('corrupt', `entry "${name}": zip64 field too short`);
    const v = Number(z64.readBigUInt64LE(q));
    q += 8;
    return v;
  };
  if (fields.usize === U32_MAX) fields.usize = next();
  if (fields.csize === U32_MAX) fields.csize = next();
  if (fields.offset === U32_MAX) fields.offset = next();
}

/** Refuses an unsafe name, or one that lands on the same file as an earlier entry. */
function checkNameOnce(name: string, seen: Set<string>): void {
  try {
    checkEntryName(name);
  } catch (error) {
    if (error instanceof UnsafeEntryError) throw new ArchiveError('unsafe-name', `refused: ${error.message}`);
    throw error;
  }
  const key = duplicateKey(name);
  if (seen.has(key))
    throw new ArchiveError(
      'duplicate',
      process.platform === 'linux'
        ? `refused: entry "${printable(name)}" appears more than once`
        : `refused: entry "${printable(name)}" appears more than once (this platform's file systems fold case and Unicode forms, so two names would land on one file)`,
    );
  seen.add(key);
}

/** Parses and checks central directory entry `i` at `p`; returns it and where the next one starts. */
function readCentralEntry(
  cd: Buffer,
  p: number,
  i: number,
  count: number,
  seen: Set<string>,
): { entry: ZipEntry; next: number } {
  if (p + CENTRAL_HEADER_SIZE > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL)
    throw new ArchiveError('corrupt', `central directory entry ${i + 1} of ${count} is damaged`);
  const madeBy = cd.readUInt16LE(p + 4);
  const flags = cd.readUInt16LE(p + 8);
  const method = cd.readUInt16LE(p + 10);
  const time = cd.readUInt16LE(p + 12);
  const date = cd.readUInt16LE(p + 14);
  const crc = cd.readUInt32LE(p + 16);
  const fields = {
    csize: cd.readUInt32LE(p + 20),
    usize: cd.readUInt32LE(p + 24),
    offset: cd.readUInt32LE(p + 42),
  };
  const nameLength = cd.readUInt16LE(p + 28);
  const extraLength = cd.readUInt16LE(p + 30);
  const commentLength = cd.readUInt16LE(p + 32);
  const external = cd.readUInt32LE(p + 38);
  const nameBytes = cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
  const extra = readExtraFields(
    cd.subarray(p + CENTRAL_HEADER_SIZE + nameLength, p + CENTRAL_HEADER_SIZE + nameLength + extraLength),
  );
  const next = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (next > cd.length)
    throw new ArchiveError('corrupt', `central directory entry ${i + 1} runs past the directory`);
  // The name field's bytes are the name, whatever the UTF-8 flag says: our writer stores raw
  // bytes for non-UTF-8 names (with a Unicode Path extra field for other tools).
  const name = decodeName(nameBytes);
  const z64 = extra.get(EXTRA_ZIP64);
  if (z64) applyZip64Extra(z64, name, fields);
  const { csize, usize, offset } = fields;
  if (flags & FLAG_ENCRYPTED) throw new ArchiveError('unsupported', `entry "${name}" is encrypted`);
  if (method !== METHOD_STORE && method !== METHOD_DEFLATE)
    throw new ArchiveError(
      'unsupported',
      `entry "${name}" uses compression method ${method} (only stored and deflated are supported)`,
    );
  checkNameOnce(name, seen);
  const { type, mode } = typeFromAttributes(madeBy, external, name);
  if (method === METHOD_STORE && csize !== usize)
    throw new ArchiveError(
      'size-mismatch',
      `entry "${name}" is stored but declares ${csize} bytes stored and ${usize} bytes of content`,
    );
  const stamp = extra.get(EXTRA_TIMESTAMP);
  const mtimeMs =
    stamp && stamp.length >= 5 && stamp[0] & 1 ? stamp.readUInt32LE(1) * 1000 : fromDosDateTime(date, time);
  const entry: ZipEntry = {
    name,
    type,
    mode,
    method,
    crc32: crc,
    compressedSize: csize,
    size: usize,
    headerOffset: offset,
    dataOffset: -1,
    mtimeMs,
  };
  return { entry, next };
}

/**
 * Where each entry's name lies in the central directory (parallel to the entries), for the local
 * header checks only: the entries keep no view into the directory, which is dropped once checked
 * (a Buffer view per entry cost more memory than the names themselves).
 */
interface RawNames {
  cd: Buffer;
  starts: Uint32Array;
  lengths: Uint16Array;
}

/** Checks one entry's local header against the directory and sets where its data starts. */
function checkLocalHeader(
  handle: FileHandle,
  entry: ZipEntry,
  header: Buffer,
  names: RawNames,
  index: number,
): void {
  if (header.length < LOCAL_HEADER_SIZE || header.readUInt32LE(0) !== SIG_LOCAL)
    throw new ArchiveError(
      'corrupt',
      `entry "${entry.name}": local header missing at offset ${entry.headerOffset}`,
    );
  const expectedStart = names.starts[index];
  const expectedNameLength = names.lengths[index];
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const localName =
    nameLength === expectedNameLength
      ? header.subarray(LOCAL_HEADER_SIZE)
      : readAtSync(handle, entry.headerOffset + LOCAL_HEADER_SIZE, nameLength);
  if (
    localName.length !== expectedNameLength ||
    names.cd.compare(localName, 0, localName.length, expectedStart, expectedStart + expectedNameLength) !== 0
  )
    throw new ArchiveError(
      'corrupt',
      `entry "${printable(entry.name)}": local header names "${printable(decodeName(localName))}"`,
    );
  if (header.readUInt16LE(8) !== entry.method)
    throw new ArchiveError(
      'corrupt',
      `entry "${entry.name}": local header and directory disagree on the method`,
    );
  // Without a data descriptor, the local header's CRC and sizes must equal the directory's:
  // unzip and other readers trust the local header, so a disagreement is a damaged archive.
  if ((header.readUInt16LE(6) & FLAG_DATA_DESCRIPTOR) === 0) {
    const localCrc = header.readUInt32LE(14);
    const localC = header.readUInt32LE(18);
    const localU = header.readUInt32LE(22);
    const sizesAgree =
      (localC === U32_MAX && localU === U32_MAX) ||
      (localC === entry.compressedSize && localU === entry.size);
    if (localCrc !== entry.crc32 >>> 0 || !sizesAgree) {
      throw new ArchiveError(
        'corrupt',
        `entry "${entry.name}": local header and directory disagree on CRC or sizes (the archive is damaged)`,
      );
    }
  }
  entry.dataOffset = entry.headerOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
}

/**
 * Local headers: each must agree with the directory, and data ranges must not overlap
 * (overlapping entries are the classic way to make a small archive inflate enormously).
 */
function checkLocalHeaders(handle: FileHandle, entries: ZipEntry[], names: RawNames, cdOffset: number): void {
  const order = Array.from(entries.keys()).sort((a, b) => entries[a].headerOffset - entries[b].headerOffset);
  let end = 0;
  const headers = new HeaderWindow(handle, entries, order, names.lengths);
  for (let k = 0; k < order.length; k++) {
    const entry = entries[order[k]];
    if (entry.headerOffset < end)
      throw new ArchiveError('corrupt', `entry "${entry.name}" overlaps another entry`);
    checkLocalHeader(handle, entry, headers.read(k), names, order[k]);
    end = entry.dataOffset + entry.compressedSize;
    if (end > cdOffset)
      throw new ArchiveError(
        'corrupt',
        `entry "${entry.name}" runs past the end of the data (the archive is truncated or altered)`,
      );
  }
}

async function readDirectoryFrom(handle: FileHandle): Promise<ZipDirectory> {
  const stat = await handle.stat();
  const fileSize = stat.size;
  if (fileSize < EOCD_SIZE)
    throw new ArchiveError('not-zip', `not a zip archive (${fileSize} bytes, too short for one)`);
  const { count, cdSize, cdOffset, cdEnd } = await locateDirectory(handle, fileSize);
  if (cdOffset + cdSize !== cdEnd)
    throw new ArchiveError(
      'corrupt',
      `central directory does not end where the end record starts (offset ${cdOffset} + ${cdSize} ≠ ${cdEnd}); the archive is truncated or has been altered`,
    );
  const cd = await readAt(handle, cdOffset, cdSize);
  if (cd.length !== cdSize) throw new ArchiveError('corrupt', 'central directory is truncated');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  // A central directory record is at least CENTRAL_HEADER_SIZE bytes: no more entries than that fit.
  const capacity = Math.min(count, Math.floor(cd.length / CENTRAL_HEADER_SIZE));
  const names: RawNames = { cd, starts: new Uint32Array(capacity), lengths: new Uint16Array(capacity) };
  let p = 0;
  for (let i = 0; i < count; i++) {
    const { entry, next } = readCentralEntry(cd, p, i, count, seen);
    entries.push(entry);
    names.starts[i] = p + CENTRAL_HEADER_SIZE;
    names.lengths[i] = cd.readUInt16LE(p + 28);
    p = next;
  }
  if (p !== cd.length)
    throw new ArchiveError('corrupt', 'central directory holds more than its entry count says');
  checkLocalHeaders(handle, entries, names, cdOffset);
  return { entries, fileSize, identity: { dev: stat.dev, ino: stat.ino, mtimeMs: stat.mtimeMs } };
}

/**
 * The local headers, read synchronously (a thread-pool round trip per entry costs more than the
 * whole check) and several at a time: one read covers every following header that lies within
 * HEADER_WINDOW bytes, so an archive of small files costs a read per hundred entries or so, not
 * one per entry, while the headers of large entries are read alone (their data is not read here).
 */
const HEADER_WINDOW = 256 * 1024;

class HeaderWindow {
  private window: Buffer = Buffer.alloc(0);
  private start = 0;
  private readonly buffer = Buffer.allocUnsafe(HEADER_WINDOW);

  constructor(
    private readonly handle: FileHandle,
    private readonly entries: ZipEntry[],
    /** Indices into entries, by header offset. */
    private readonly order: number[],
    private readonly nameLengths: Uint16Array,
  ) {}

  /** The local header of entries[order[k]], with as many bytes of name as the directory's name has. */
  read(k: number): Buffer {
    const entry = this.entries[this.order[k]];
    const length = LOCAL_HEADER_SIZE + this.nameLengths[this.order[k]];
    const from = entry.headerOffset - this.start;
    if (from >= 0 && from + length <= this.window.length) return this.window.subarray(from, from + length);
    if (length > HEADER_WINDOW) return readAtSync(this.handle, entry.headerOffset, length);
    let last = entry.headerOffset + length;
    for (let i = k + 1; i < this.order.length; i++) {
      const next = this.entries[this.order[i]];
      const nextEnd = next.headerOffset + LOCAL_HEADER_SIZE + this.nameLengths[this.order[i]];
      if (nextEnd - entry.headerOffset > HEADER_WINDOW) break;
      last = nextEnd;
    }
    const size = last - entry.headerOffset;
    let offset = 0;
    while (offset < size) {
      const n = readSync(this.handle.fd, this.buffer, offset, size - offset, entry.headerOffset + offset);
      if (n === 0) break;
      offset += n;
    }
    this.window = this.buffer.subarray(0, offset);
    this.start = entry.headerOffset;
    return this.window.subarray(0, Math.min(length, offset));
  }
}

/** Receives one entry's content during a scan. */
export interface EntrySink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
  abort(): Promise<void> | void;
}

export interface ScannedEntry {
  entry: ZipEntry;
  sha256: string;
}

export interface ScanResult {
  /** SHA-256 of the whole archive file. */
  archiveSha256: string;
  entries: ScannedEntry[];
  bytesOut: number;
}

export interface ScanOptions {
  /** Chooses where each entry's content goes; null discards it (verification only). */
  sinkFor?: (entry: ZipEntry) => Promise<EntrySink | null> | EntrySink | null;
  /** Content of small entries, whole (the manifest, link targets). */
  onSmallEntry?: (entry: ZipEntry, content: Buffer) => void;
  /** Which entries to keep whole for onSmallEntry; up to 16 MiB each. */
  wantWhole?: (entry: ZipEntry) => boolean;
  onProgress?: (bytesRead: number, total: number) => void;
  /** SHA-256 of every entry's content (default true). Without it, entries are still size- and CRC-checked. */
  hashEntries?: boolean;
  /**
   * The SHA-256 an entry is expected to have, if known (a manifest's): when the content has it,
   * the result holds this very string instead of an equal copy (40,000 copies of 64 characters,
   * 3.5 MB kept to the end of a restore, otherwise).
   */
  expectedSha256?: (entry: ZipEntry) => string | undefined;
}

const BLOCK_BYTES = 1024 * 1024;
/** Entries stored or deflated in at most this many bytes (and up to 4× that inflated) are read whole. */
const SMALL_ENTRY_BYTES = 256 * 1024;
/** The largest output of an entry inflated in one call (see SMALL_ENTRY_BYTES). */
const SMALL_ENTRY_OUTPUT_BYTES = 4 * SMALL_ENTRY_BYTES;
const WHOLE_LIMIT = 16 * 1024 * 1024;

/**
 * Reads the archive once, front to back (and once more, in parallel, for the archive's SHA-256:
 * see readArchiveBytes), and every entry is inflated, counted, CRC-checked and hashed. Output beyond an entry's declared size stops
 * the scan at once (a declared size far below the real size is how zip bombs get past checks).
 */
export async function scanZip(
  path: string,
  directory: ZipDirectory,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const handle = await open(path, 'r');
  // The archive's SHA-256, taken by a worker reading the same descriptor while the entries are
  // inflated and checked here: the two passes are the bulk of a verification.
  let archiveHash: BytesPass | null = null;
  const inflater = new SmallInflater(SMALL_ENTRY_OUTPUT_BYTES);
  const streamed = new StreamedOutput();
  try {
    const before = await handle.stat();
    const identity = directory.identity;
    if (
      before.size !== directory.fileSize ||
      (identity &&
        (before.dev !== identity.dev || before.ino !== identity.ino || before.mtimeMs !== identity.mtimeMs))
    )
      throw new ArchiveError('changed', 'the archive changed while it was being read');
    archiveHash = readArchiveBytes(handle.fd, directory.fileSize);
    const reader = new SequentialReader(handle, directory.fileSize);
    const ordered = [...directory.entries].sort((a, b) => a.headerOffset - b.headerOffset);
    const scanned: ScannedEntry[] = [];
    let bytesOut = 0;
    for (const entry of ordered) {
      reader.skipTo(entry.dataOffset);
      const hash = options.hashEntries === false ? null : new ContentHash();
      const sink = options.sinkFor ? await options.sinkFor(entry) : null;
      const whole: Buffer[] | null = options.wantWhole?.(entry) && entry.size <= WHOLE_LIMIT ? [] : null;
      try {
        const produced = await inflateEntry(reader, entry, hash, inflater, streamed, async (chunk) => {
          // Copied: the reader reuses its blocks (see SequentialReader).
          if (whole) whole.push(Buffer.from(chunk));
          if (sink) await sink.write(chunk);
        });
        bytesOut += produced;
        if (sink) await sink.end();
      } catch (error) {
        if (sink) await sink.abort();
        throw error;
      }
      if (whole) options.onSmallEntry?.(entry, Buffer.concat(whole));
      const sha256 = hash ? hash.digest() : '';
      const expected = options.expectedSha256?.(entry);
      scanned.push({ entry, sha256: expected === sha256 ? expected : sha256 });
      options.onProgress?.(reader.position, directory.fileSize);
    }
    reader.skipTo(directory.fileSize);
    const after = await handle.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs)
      throw new ArchiveError('changed', 'the archive changed while it was being read');
    const whole = await archiveHash.result;
    if (whole.bytes !== directory.fileSize)
      throw new ArchiveError('changed', 'the archive became shorter while it was being read');
    return { archiveSha256: whole.sha256, entries: scanned, bytesOut };
  } finally {
    // The worker reads through this descriptor: it must have stopped before the descriptor closes.
    if (archiveHash) await archiveHash.stop();
    inflater.close();
    await handle.close();
  }
}

/**
 * SHA-256 of one entry's content. Most entries of a tree of small files arrive in one piece: those
 * are hashed in one call, without a Hash object (and its native context, freed only when the
 * collector gets to it) per file; content in several pieces goes through a Hash object.
 */
class ContentHash {
  private first: Buffer | null = null;
  private hash: Hash | null = null;

  /** `chunk` may be a view into a reused block: it is hashed before the block is reused. */
  update(chunk: Buffer): void {
    if (this.hash) {
      this.hash.update(chunk);
    } else if (this.first === null) {
      this.first = chunk;
    } else {
      this.hash = createHash('sha256').update(this.first).update(chunk);
      this.first = null;
    }
  }

  digest(): string {
    return this.hash ? this.hash.digest('hex') : hashOnce('sha256', this.first ?? Buffer.alloc(0), 'hex');
  }
}

async function inflateEntry(
  reader: SequentialReader,
  entry: ZipEntry,
  hash: ContentHash | null,
  inflater: SmallInflater,
  streamed: StreamedOutput,
  emit: (chunk: Buffer) => Promise<void>,
): Promise<number> {
  let produced = 0;
  let crc = 0;
  const accept = async (chunk: Buffer): Promise<void> => {
    produced += chunk.length;
    if (produced > entry.size) {
      throw new ArchiveError(
        'size-mismatch',
        `refused: entry "${entry.name}" holds more than the ${entry.size} bytes it declares (a zip bomb, or a damaged archive)`,
      );
    }
    hash?.update(chunk);
    crc = crc32(chunk, crc);
    await emit(chunk);
  };
  const small = entry.compressedSize <= SMALL_ENTRY_BYTES && entry.size <= SMALL_ENTRY_OUTPUT_BYTES;
  if (entry.method === METHOD_STORE && small) {
    await accept(reader.takeWhole(entry.compressedSize));
  } else if (entry.method === METHOD_STORE) {
    for (const slice of reader.take(entry.compressedSize)) await accept(slice);
  } else if (small) {
    // Small entries: one synchronous inflate is cheaper than a stream; capped at the declared size,
    // by one reused engine into one reused output buffer (no 16 KiB pieces joined afterwards, no
    // engine or output buffer per entry: see SmallInflater).
    let out: Buffer;
    try {
      out = inflater.inflate(reader.takeWhole(entry.compressedSize), entry.size);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ArchiveError(
          'size-mismatch',
          `refused: entry "${entry.name}" holds more than the ${entry.size} bytes it declares (a zip bomb, or a damaged archive)`,
        );
      }
      throw new ArchiveError(
        'corrupt',
        `entry "${entry.name}" does not inflate: ${(error as Error).message}`,
      );
    }
    await accept(out);
  } else {
    await inflateStreaming(reader.take(entry.compressedSize), entry, async (chunk) => {
      await accept(chunk);
      streamed.add(chunk.length);
    });
  }
  if (produced !== entry.size)
    throw new ArchiveError(
      'size-mismatch',
      `entry "${entry.name}" holds ${produced} bytes, not the ${entry.size} it declares (the archive is damaged)`,
    );
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw new ArchiveError(
      'checksum',
      `entry "${entry.name}" fails its CRC-32 check (the archive is damaged or altered)`,
    );
  return produced;
}

/** Streamed output between two young-generation collections (see StreamedOutput). */
const STREAMED_BYTES_PER_SCAVENGE = 4 * 1024 * 1024;

/**
 * A streamed inflate (an entry larger than SMALL_ENTRY_BYTES) hands out a fresh 256 KiB buffer per
 * chunk. Dead once checked and written, they are freed only by a collection, and the stream makes
 * too few JavaScript objects for V8 to run one soon: a restore of a tree of small files ends with
 * manifest.json (9.5 MB for 40,000 files), whose chunks were all still held at the peak (+9 MB);
 * a tree of large files piles up far more. A young-generation collection every
 * STREAMED_BYTES_PER_SCAVENGE bytes (a millisecond or less: few objects are alive) frees them.
 */
class StreamedOutput {
  private since = 0;

  add(bytes: number): void {
    this.since += bytes;
    if (this.since < STREAMED_BYTES_PER_SCAVENGE) return;
    this.since = 0;
    collectGarbage('young');
  }
}

async function inflateStreaming(
  input: Iterable<Buffer>,
  entry: ZipEntry,
  accept: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  // Whatever stopped the entry first: an inflate error, a read error, or `accept`'s own throw.
  let failure: { error: unknown } | null = null;
  inflater.on('error', (error) => {
    failure ??= {
      error: new ArchiveError('corrupt', `entry "${entry.name}" does not inflate: ${error.message}`),
    };
  });
  // A call, not a read of `failure`: the compiler takes the IIFE below as inline code and would
  // keep `failure` at its initial null across the awaits.
  const failed = (): boolean => failure !== null;
  const feeding = (async () => {
    try {
      for (const slice of input) {
        if (failed()) break;
        if (!inflater.write(slice)) {
          // Whichever comes first; the other listener is removed, or they pile up over a long entry.
          await new Promise<void>((resolve) => {
            const done = (): void => {
              inflater.off('drain', done).off('close', done);
              resolve();
            };
            inflater.once('drain', done).once('close', done);
          });
        }
      }
      inflater.end();
    } catch (error) {
      failure ??= { error };
      inflater.destroy();
    }
  })();
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      await accept(chunk);
    }
  } catch (error) {
    failure ??= { error };
  } finally {
    if (failure) inflater.destroy();
    await feeding;
  }
  if (failure) throw failure.error;
}

/**
 * Reads a file front to back in large blocks. The blocks are a ring of
 * BLOCK_RING reused buffers (fresh 4 MiB buffers cost a page fault per 4 KiB and garbage-collector
 * work): a slice yielded by take() stays valid until two more blocks have been read, which covers
 * a slice queued in an inflate stream while the next block is read. Anything kept longer is copied.
 */
const BLOCK_RING = 3;

class SequentialReader {
  position = 0;
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;
  private readonly ring: Buffer[] = [];
  private blocksRead = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {}

  /**
   * Synchronous on purpose: the blocks come from the page cache or read-ahead, and a thread-pool
   * round trip per block costs more than the copy, most of all on a loaded runner.
   */
  private advanceBlock(): void {
    const start = this.blockStart + this.block.length;
    if (start >= this.size) throw new ArchiveError('corrupt', 'unexpected end of archive');
    const length = Math.min(BLOCK_BYTES, this.size - start);
    const slot = this.blocksRead++ % BLOCK_RING;
    // A small archive does not need full-size blocks.
    this.ring[slot] ??= Buffer.allocUnsafe(Math.min(BLOCK_BYTES, this.size));
    const buffer = this.ring[slot];
    let offset = 0;
    while (offset < length) {
      const n = readSync(this.handle.fd, buffer, offset, length - offset, start + offset);
      if (n === 0) break;
      offset += n;
    }
    if (offset === 0) throw new ArchiveError('changed', 'the archive became shorter while it was being read');
    this.block = buffer.subarray(0, offset);
    this.blockStart = start;
  }

  /** The next at most `max` bytes: a view into the current block. */
  private nextSlice(max: number): Buffer {
    if (this.position >= this.blockStart + this.block.length) this.advanceBlock();
    const from = this.position - this.blockStart;
    const n = Math.min(this.block.length - from, max);
    this.position += n;
    return this.block.subarray(from, from + n);
  }

  *take(length: number): Generator<Buffer> {
    let remaining = length;
    while (remaining > 0) {
      const slice = this.nextSlice(remaining);
      remaining -= slice.length;
      yield slice;
    }
  }

  /**
   * `length` bytes in one buffer, without a generator and its promises (small entries, tens of
   * thousands of them): a view into the current block when they lie within it, else a copy.
   */
  takeWhole(length: number): Buffer {
    const first = length === 0 ? Buffer.alloc(0) : this.nextSlice(length);
    if (first.length === length) return first;
    const whole = Buffer.allocUnsafe(length);
    first.copy(whole);
    for (let at = first.length; at < length;) {
      const slice = this.nextSlice(length - at);
      slice.copy(whole, at);
      at += slice.length;
    }
    return whole;
  }

  /** Moves to `offset`; bytes skipped past are not read (the archive-bytes worker reads them, see archive-bytes.ts). */
  skipTo(offset: number): void {
    if (offset < this.position) throw new ArchiveError('corrupt', 'entries overlap');
    if (offset > this.blockStart + this.block.length) {
      // Beyond the current block: the next block is read from there.
      this.block = Buffer.alloc(0);
      this.blockStart = offset;
    }
    this.position = offset;
  }
}

/**
 * Inflates one small entry on its own (the manifest, read before anything is staged), checking
 * its size and CRC-32. The full scan later proves it again with the rest of the archive.
 */
export async function readEntryContent(path: string, entry: ZipEntry, limit: number): Promise<Buffer> {
  if (entry.size > limit || entry.compressedSize > limit)
    throw new ArchiveError('size-mismatch', `entry "${printable(entry.name)}" is larger than ${limit} bytes`);
  const handle = await open(path, 'r');
  let body: Buffer;
  try {
    body = await readAt(handle, entry.dataOffset, entry.compressedSize);
  } finally {
    await handle.close();
  }
  if (body.length !== entry.compressedSize)
    throw new ArchiveError('corrupt', `entry "${printable(entry.name)}" is truncated`);
  let out: Buffer;
  try {
    out = entry.method === METHOD_STORE ? body : inflateRawSync(body, { maxOutputLength: entry.size + 1 });
  } catch (error) {
    throw new ArchiveError(
      'corrupt',
      `entry "${printable(entry.name)}" does not inflate: ${(error as Error).message}`,
    );
  }
  if (out.length !== entry.size || crc32(out) >>> 0 !== entry.crc32 >>> 0)
    throw new ArchiveError('checksum', `entry "${printable(entry.name)}" fails its size or CRC-32 check`);
  return out;
}
