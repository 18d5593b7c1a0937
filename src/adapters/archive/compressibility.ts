import { deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const deflateRawAsync = promisify(deflateRaw);

/**
 * Deflating data that is already compressed (PNG, JPEG, zip...) costs most of a backup's time and
 * saves nothing; `zip -r` spends it anyway. These are stored as they are. Files of other kinds are
 * probed: a sample is deflated at the fast level, and if it barely shrinks the file is stored too.
 */
const ALREADY_COMPRESSED = new Set([
  '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.heic', '.jp2', '.jxl',
  '.zip', '.gz', '.tgz', '.bz2', '.xz', '.zst', '.7z', '.rar', '.br', '.lz4', '.jar', '.whl',
  '.mp3', '.mp4', '.m4a', '.mov', '.mkv', '.webm', '.ogg', '.opus', '.woff', '.woff2',
]);

export function isAlreadyCompressedName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot < name.lastIndexOf('/')) return false;
  return ALREADY_COMPRESSED.has(name.slice(dot).toLowerCase());
}

/** Below this, deflating cannot save enough to matter and the header costs more than the probe. */
export const PROBE_BYTES = 32 * 1024;
/** Store when the sample's deflated size is above this share of its size. */
export const STORE_RATIO = 0.92;

export async function looksCompressible(sample: Buffer): Promise<boolean> {
  if (sample.length < 64) return sample.length > 0 && false;
  const probe = sample.subarray(0, PROBE_BYTES);
  const out = await deflateRawAsync(probe, { level: 1 });
  return out.length < probe.length * STORE_RATIO;
}
