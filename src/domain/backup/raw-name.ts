/**
 * File names are bytes on Linux, and not every byte string is UTF-8 (a Latin-1 name from an old
 * upload, say). To carry any name through JavaScript strings, JSON and zip, invalid bytes are kept
 * as lone surrogates U+DC80..U+DCFF, one per byte (Python's "surrogateescape"): valid UTF-8 never
 * decodes to a lone surrogate, so the mapping is exact both ways. At every file-system call a name
 * with such a byte is turned back into a Buffer path, because Node would write U+FFFD instead.
 */
const ESCAPE_BASE = 0xdc00;

/** True when `name` holds escaped (non-UTF-8) bytes. */
export function hasRawBytes(name: string): boolean {
  return /[\udc80-\udcff]/.test(name);
}

export function decodeName(bytes: Buffer): string {
  const fast = bytes.toString('utf8');
  if (!fast.includes('\ufffd')) return fast;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      out += String.fromCharCode(ESCAPE_BASE + bytes[i]);
      i += 1;
    } else {
      out += bytes.toString('utf8', i, i + length);
      i += length;
    }
  }
  return out;
}

export function encodeName(name: string): Buffer {
  if (!/[\ud800-\udfff]/.test(name)) return Buffer.from(name, 'utf8');
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < name.length) {
      const d = name.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        run += name[i] + name[i + 1];
        i++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      if (run) parts.push(Buffer.from(run, 'utf8'));
      run = '';
      parts.push(Buffer.from([c - ESCAPE_BASE]));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) throw new Error(`name holds an unpaired surrogate U+${c.toString(16)}`);
    run += name[i];
  }
  if (run) parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/** The path to hand to node:fs: the string itself, or its bytes when it holds non-UTF-8 bytes. */
export function fsPath(path: string): string | Buffer {
  return hasRawBytes(path) ? encodeName(path) : path;
}

/** Length of the valid UTF-8 sequence at `i` (shortest form, no surrogates, ≤ U+10FFFF), or 0. */
function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}
