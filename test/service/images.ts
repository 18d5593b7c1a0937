import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

/** Test images of known structure, built here with pngjs/jpeg-js (not the service's helpers). */
export type Pixel = (x: number, y: number) => [number, number, number];

export function rgba(width: number, height: number, pixel: Pixel): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return data;
}

export function png(width: number, height: number, data: Uint8Array): Buffer {
  const image = new pngjs.PNG({ width, height });
  image.data = Buffer.from(data);
  return pngjs.PNG.sync.write(image);
}

export function jpg(width: number, height: number, data: Uint8Array, quality = 90): Buffer {
  return jpeg.encode({ width, height, data }, quality).data;
}

/** Brightness rises left to right. */
export const horizontalGradient =
  (width: number): Pixel =>
  (x) => {
    const v = Math.round((x / (width - 1)) * 255);
    return [v, v, v];
  };

/** A checkerboard whose squares are `cell` pixels wide. */
export const checkerboard =
  (cellW: number, cellH: number): Pixel =>
  (x, y) => {
    const v = (Math.floor(x / cellW) + Math.floor(y / cellH)) % 2 === 0 ? 20 : 230;
    return [v, v, v];
  };

/** A smooth pattern with many different cells: interfering waves in colour. */
export const waves =
  (width: number, height: number, phase: number): Pixel =>
  (x, y) => {
    const u = x / width;
    const v = y / height;
    const base =
      128 +
      70 * Math.sin(2 * Math.PI * (1.7 * u + 0.9 * v) + phase) +
      40 * Math.cos(2 * Math.PI * (2.3 * v - 1.1 * u) + phase * 2);
    const c = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
    return [c(base + 15), c(base), c(base - 15)];
  };

/** Adds deterministic noise in [-amount, amount] to every channel. */
export function withNoise(data: Uint8Array, amount: number, seed: number): Uint8Array {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const out = new Uint8Array(data);
  for (let i = 0; i < out.length; i++) {
    if (i % 4 === 3) continue;
    out[i] = Math.max(0, Math.min(255, Math.round(out[i] + (next() * 2 - 1) * amount)));
  }
  return out;
}
