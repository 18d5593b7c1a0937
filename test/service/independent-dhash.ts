import pngjs from 'pngjs';

/**
 * An independent dHash for tests, written without the service's code: it only handles images
 * whose width is a multiple of 9 and height a multiple of 8, so the 9x8 reduction is a plain block
 * mean with integer-exact sums (no fractional coverage), and it builds the hash with BigInt.
 * Grayscale is the same published definition: 0.299 R + 0.587 G + 0.114 B (opaque images only).
 */
export function independentDhash(width: number, height: number, rgba: Uint8Array): string {
  if (width % 9 !== 0 || height % 8 !== 0)
    throw new Error('independentDhash needs width % 9 == 0 and height % 8 == 0');
  const bw = width / 9;
  const bh = height / 8;
  const cells: number[][] = [];
  for (let row = 0; row < 8; row++) {
    const line: number[] = [];
    for (let col = 0; col < 9; col++) {
      let sum = 0;
      for (let y = row * bh; y < (row + 1) * bh; y++) {
        for (let x = col * bw; x < (col + 1) * bw; x++) {
          const i = (y * width + x) * 4;
          if (rgba[i + 3] !== 255) throw new Error('independentDhash handles opaque images only');
          sum += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
        }
      }
      line.push(sum / (bw * bh));
    }
    cells.push(line);
  }
  let bits = 0n;
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 8; col++) bits = (bits << 1n) | (cells[row][col] > cells[row][col + 1] ? 1n : 0n);
  }
  return bits.toString(16).padStart(16, '0');
}

/** Smallest gap between horizontally adjacent cells: a sample must not sit on a tie. */
export function smallestAdjacentGap(width: number, height: number, rgba: Uint8Array): number {
  const bw = width / 9;
  const bh = height / 8;
  let gap = Infinity;
  for (let row = 0; row < 8; row++) {
    const means: number[] = [];
    for (let col = 0; col < 9; col++) {
      let sum = 0;
      for (let y = row * bh; y < (row + 1) * bh; y++) {
        for (let x = col * bw; x < (col + 1) * bw; x++) {
          const i = (y * width + x) * 4;
          sum += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
        }
      }
      means.push(sum / (bw * bh));
    }
    for (let col = 0; col < 8; col++) gap = Math.min(gap, Math.abs(means[col] - means[col + 1]));
  }
  return gap;
}

export function decodePngForTest(bytes: Buffer): { width: number; height: number; data: Uint8Array } {
  const png = pngjs.PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}
