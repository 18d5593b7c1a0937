import { deflateRawSync } from 'node:zlib';

/**
 * Deflating data that is already compressed (PNG, JPEG, zip...) costs most of a backup's time and
 * saves nothing; `zip -r` spends it anyway. These are stored as they are. Files of other kinds are
 * deflated, and stored instead when that barely shrinks them: a file of one chunk is simply deflated
 * and compared; a larger one is probed first (a sample deflated at the fast level, synchronously:
 * 32 KiB costs less than a thread-pool round trip).
 */
const ALREADY_COMPRESSED = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.heic',
  '.jp2',
  '.jxl',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.zst',
  '.7z',
  '.rar',
  '.br',
  '.lz4',
  '.jar',
  '.whl',
  '.mp3',
  '.mp4',
  '.m4a',
  '.mov',
  '.mkv',
  '.webm',
  '.ogg',
  '.opus',
  '.woff',
  '.woff2',
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

export function looksCompressible(sample: Buffer): boolean {
  if (sample.length < 64) return sample.length > 0 && false;
  const probe = sample.subarray(0, PROBE_BYTES);
  const out = deflateRawSync(probe, { level: 1 });
  return out.length < probe.length * STORE_RATIO;
}
