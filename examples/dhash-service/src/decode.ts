import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import type { RgbaImage } from './dhash.js';

/**
 * Decodes PNG and JPEG bytes to RGBA, refusing anything else and anything too large before the
 * decoder allocates memory for it (a 20-byte PNG header can claim gigapixels).
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type ImageFormat = 'png' | 'jpeg';

export class UndecodableImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableImageError';
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function decodePng(bytes: Buffer): RgbaImage {
  // IHDR is always the first chunk: width and height are big-endian at offsets 16 and 20.
  if (bytes.length < 24) throw new UndecodableImageError('PNG is truncated before its header');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new UndecodableImageError(`PNG is ${width}x${height}, above the ${MAX_IMAGE_PIXELS}-pixel limit`);
  }
  const png = pngjs.PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

function decodeJpeg(bytes: Buffer): RgbaImage {
  const image = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 512,
  });
  return { width: image.width, height: image.height, data: image.data };
}

/** Decodes an image; every failure is an UndecodableImageError naming what was wrong. */
export function decodeImage(bytes: Buffer): { format: ImageFormat; image: RgbaImage } {
  const format = detectFormat(bytes);
  if (format === null) throw new UndecodableImageError('not a PNG or JPEG image (unrecognised signature)');
  try {
    const image = format === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
    if (image.width < 1 || image.height < 1) throw new UndecodableImageError(`${format} image has no pixels`);
    return { format, image };
  } catch (error) {
    if (error instanceof UndecodableImageError) throw error;
    throw new UndecodableImageError(
      `${format} could not be decoded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
