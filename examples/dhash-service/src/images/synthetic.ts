import type { RgbaImage } from '../dhash.js';
import { seededRandom, type Random } from './random.js';

/**
 * Deterministic synthetic "component images": smooth interfering waves (so brightness rises and
 * falls across the picture, giving each seed its own hash) under a few translucent ellipses
 * (edges, as a rulebook component has). The same seed always gives the same pixels, so the seed
 * library in the migrations can hold their hashes.
 */
export interface Wave {
  amplitude: number;
  fx: number;
  fy: number;
  phase: number;
}

function wave(random: Random, amplitude: number): Wave {
  const frequency = () => (0.8 + random() * 2.4) * (random() < 0.5 ? -1 : 1);
  return { amplitude, fx: frequency(), fy: frequency(), phase: random() * Math.PI * 2 };
}

export function syntheticImage(seed: number, width = 128, height = width): RgbaImage {
  const random = seededRandom(seed * 7919 + 17);
  const waves = [wave(random, 60), wave(random, 45), wave(random, 30)];
  const tint = [random() * 40 - 20, random() * 40 - 20, random() * 40 - 20];
  const ellipses = Array.from({ length: 3 }, () => ({
    cx: random(),
    cy: random(),
    rx: 0.08 + random() * 0.2,
    ry: 0.08 + random() * 0.2,
    rgb: [random() * 255, random() * 255, random() * 255],
  }));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      let base = 128;
      for (const w of waves) base += w.amplitude * Math.sin(2 * Math.PI * (w.fx * u + w.fy * v) + w.phase);
      const rgb = [base + tint[0], base + tint[1], base + tint[2]];
      for (const e of ellipses) {
        const dx = (u - e.cx) / e.rx;
        const dy = (v - e.cy) / e.ry;
        if (dx * dx + dy * dy <= 1) for (let c = 0; c < 3; c++) rgb[c] = rgb[c] * 0.5 + e.rgb[c] * 0.5;
      }
      const p = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[p + c] = Math.max(0, Math.min(255, Math.round(rgb[c])));
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}

/**
 * A near-duplicate: the same picture re-captured — brightness shifted and per-pixel noise added.
 * Area averaging washes the noise out, so the hash moves by a few bits at most.
 */
export function nearDuplicate(image: RgbaImage, seed: number, noise = 10, brightness = 8): RgbaImage {
  const random = seededRandom(seed * 104729 + 3);
  const data = new Uint8Array(image.data.length);
  for (let p = 0; p < data.length; p += 4) {
    for (let c = 0; c < 3; c++) {
      const value = image.data[p + c] + brightness + (random() * 2 - 1) * noise;
      data[p + c] = Math.max(0, Math.min(255, Math.round(value)));
    }
    data[p + 3] = image.data[p + 3];
  }
  return { width: image.width, height: image.height, data };
}
