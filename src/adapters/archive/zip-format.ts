/**
 * The bytes of the zip format (APPNOTE 6.3) that our writer emits and our reader accepts:
 * local headers without data descriptors (the writer patches sizes in place, so every local
 * header is true), central directory, end record, and zip64 records when sizes or offsets pass
 * 4 GiB. Kept apart from the streaming code so both sides agree on one definition.
 */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export const FLAG_UTF8 = 0x0800;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_ENCRYPTED = 0x0001;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const EOCD_SIZE = 22;
export const ZIP64_EOCD_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;

export const EXTRA_ZIP64 = 0x0001;
export const EXTRA_TIMESTAMP = 0x5455;
export const EXTRA_UNICODE_PATH = 0x7075;

export const U32_MAX = 0xffffffff;
export const U16_MAX = 0xffff;

/** Unix file type bits in the high half of external attributes ("version made by" = Unix). */
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

export const MADE_BY_UNIX = (3 << 8) | 45;

export type EntryType = 'file' | 'dir' | 'symlink';

/** MS-DOS date and time (local time, 2-second resolution), as every unzip expects. */
export function dosDateTime(ms: number): { time: number; date: number } {
  const d = new Date(ms);
  const year = Math.max(1980, Math.min(2107, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function fromDosDateTime(date: number, time: number): number {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  ).getTime();
}

export function externalAttributes(type: EntryType, mode: number): number {
  const kind = type === 'dir' ? S_IFDIR : type === 'symlink' ? S_IFLNK : S_IFREG;
  const dosDir = type === 'dir' ? 0x10 : 0;
  return (((kind | (mode & 0o7777)) << 16) | dosDir) >>> 0;
}

export function typeFromAttributes(
  madeBy: number,
  external: number,
  name: string,
): { type: EntryType; mode: number | null } {
  const unix = madeBy >> 8 === 3;
  const high = (external >>> 16) & 0xffff;
  if (unix && high !== 0) {
    const kind = high & S_IFMT;
    const mode = high & 0o7777;
    if (kind === S_IFLNK) return { type: 'symlink', mode };
    if (kind === S_IFDIR || name.endsWith('/')) return { type: 'dir', mode };
    return { type: 'file', mode };
  }
  return { type: name.endsWith('/') || (external & 0x10) !== 0 ? 'dir' : 'file', mode: null };
}

/** Extended-timestamp extra field with the modification time (UTC seconds). */
export function timestampExtra(mtimeMs: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(EXTRA_TIMESTAMP, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(Math.max(0, Math.min(U32_MAX, Math.floor(mtimeMs / 1000))), 5);
  return b;
}

export function readExtraFields(extra: Buffer): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (i + 4 + size > extra.length) break;
    fields.set(id, extra.subarray(i + 4, i + 4 + size));
    i += 4 + size;
  }
  return fields;
}
