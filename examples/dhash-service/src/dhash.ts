/**
 * The 64-bit difference hash (dHash), computed from decoded RGBA pixels:
 *  1. grayscale: Rec. 601 luma 0.299 R + 0.587 G + 0.114 B, with transparent pixels composited
 *     onto white (a transparent PNG and the same picture on white should hash alike);
 *  2. resize to 9 columns x 8 rows by exact area averaging (each output cell is the mean of the
 *     source area it covers, fractional pixels weighted by coverage);
 *  3. in each row, bit = 1 when a cell is brighter than its right neighbour (8 bits per row);
 *  4. bits in row-major order, the first bit is the most significant: 16 lowercase hex digits.
 * Pure code: no I/O, so the service, the load generator and the tests share it.
 */
export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array;
}

export const HASH_COLUMNS = 9;
export const HASH_ROWS = 8;

/** For one axis: which source pixels feed each output cell, with their coverage weights. */
interface AxisSpan {
  first: number;
  weights: number[];
  total: number;
}

function axisSpans(sourceSize: number, cells: number): AxisSpan[] {
  const spans: AxisSpan[] = [];
  for (let cell = 0; cell < cells; cell++) {
    const start = (cell * sourceSize) / cells;
    const end = ((cell + 1) * sourceSize) / cells;
    const first = Math.floor(start);
    const weights: number[] = [];
    for (let p = first; p < end; p++) weights.push(Math.min(p + 1, end) - Math.max(p, start));
    spans.push({ first, weights, total: end - start });
  }
  return spans;
}

/** Luma of every pixel (alpha composited onto white). */
export function grayscale(image: RgbaImage): Float64Array {
  const { width, height, data } = image;
  const gray = new Float64Array(width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += 4) {
    const luma = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
    const alpha = data[p + 3] / 255;
    gray[i] = alpha === 1 ? luma : luma * alpha + 255 * (1 - alpha);
  }
  return gray;
}

/** The 9x8 area-averaged grayscale grid, row-major (index = row * 9 + column). */
export function reduceToGrid(image: RgbaImage): Float64Array {
  const { width, height } = image;
  if (width < 1 || height < 1) throw new RangeError('image has no pixels');
  const gray = grayscale(image);
  const columns = axisSpans(width, HASH_COLUMNS);
  const rows = axisSpans(height, HASH_ROWS);
  // First collapse every source row into 9 column sums, then weight those rows into 8 cells:
  // two passes keep the work proportional to the pixel count.
  const rowSums = new Float64Array(height * HASH_COLUMNS);
  for (let y = 0; y < height; y++) {
    const offset = y * width;
    for (let c = 0; c < HASH_COLUMNS; c++) {
      const span = columns[c];
      let sum = 0;
      for (let k = 0; k < span.weights.length; k++) sum += gray[offset + span.first + k] * span.weights[k];
      rowSums[y * HASH_COLUMNS + c] = sum;
    }
  }
  const grid = new Float64Array(HASH_ROWS * HASH_COLUMNS);
  for (let r = 0; r < HASH_ROWS; r++) {
    const span = rows[r];
    for (let c = 0; c < HASH_COLUMNS; c++) {
      let sum = 0;
      for (let k = 0; k < span.weights.length; k++)
        sum += rowSums[(span.first + k) * HASH_COLUMNS + c] * span.weights[k];
      grid[r * HASH_COLUMNS + c] = sum / (span.total * columns[c].total);
    }
  }
  return grid;
}

/** The dHash of an image as 16 lowercase hex digits. */
export function dhash(image: RgbaImage): string {
  const grid = reduceToGrid(image);
  let hex = '';
  for (let r = 0; r < HASH_ROWS; r++) {
    let byte = 0;
    for (let c = 0; c < HASH_COLUMNS - 1; c++) {
      const left = grid[r * HASH_COLUMNS + c];
      const right = grid[r * HASH_COLUMNS + c + 1];
      byte = (byte << 1) | (left > right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

const HASH_PATTERN = /^[0-9a-f]{16}$/;

export function isHashHex(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** Number of differing bits between two 16-hex-digit hashes. */
export function hammingDistance(a: string, b: string): number {
  if (!isHashHex(a) || !isHashHex(b)) throw new RangeError(`not 16-hex-digit hashes: ${a}, ${b}`);
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
