import { encodeJpeg, encodePng } from '../src/images/encode.js';
import { seededRandom, type Random } from '../src/images/random.js';
import { nearDuplicate, syntheticImage } from '../src/images/synthetic.js';

/**
 * The request mix the load generator sends, like traffic a rulebook pipeline produces:
 *  - known: component images whose hashes are in the seed library (synthetic seeds 0..23);
 *  - near: re-captures of known images (noise, brightness, JPEG) that match with high confidence;
 *  - unfamiliar: images not in the library (seeds 1000..1031), which land in the review queue
 *    (once per distinct hash, so a healthy service's queue stays small);
 *  - corrupt: files that cannot be decoded, each counted as a failed extraction.
 * The default corrupt share (2 %) stays under the 5 % production gate, so a healthy release passes.
 */
export type ImageKind = 'known' | 'near' | 'unfamiliar' | 'corrupt';
export const IMAGE_KINDS: ImageKind[] = ['known', 'near', 'unfamiliar', 'corrupt'];
export type Mix = Record<ImageKind, number>;

export const DEFAULT_MIX: Mix = { known: 0.5, near: 0.3, unfamiliar: 0.18, corrupt: 0.02 };
export const KNOWN_SEEDS = Array.from({ length: 24 }, (_, i) => i);
export const UNFAMILIAR_SEEDS = Array.from({ length: 32 }, (_, i) => 1000 + i);

export interface PoolImage {
  kind: ImageKind;
  contentType: string;
  bytes: Buffer;
}

/** Parses "known=0.5,near=0.3,unfamiliar=0.18,corrupt=0.02" (shares are normalised). */
export function parseMix(text: string): Mix {
  const mix: Mix = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!IMAGE_KINDS.includes(key as ImageKind))
      throw new Error(`--mix: unknown kind "${key}"; use ${IMAGE_KINDS.join(', ')}`);
    const share = Number(value);
    if (!Number.isFinite(share) || share < 0)
      throw new Error(`--mix: ${key} needs a non-negative number, got "${value}"`);
    mix[key as ImageKind] = share;
  }
  const total = IMAGE_KINDS.reduce((sum, k) => sum + mix[k], 0);
  if (total <= 0) throw new Error('--mix: at least one share must be above 0');
  for (const k of IMAGE_KINDS) mix[k] /= total;
  return mix;
}

function corruptFiles(random: Random, validPng: Buffer): Buffer[] {
  const truncated = validPng.subarray(0, Math.floor(validPng.length / 3));
  const garbage = Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)));
  const flipped = Buffer.from(validPng);
  for (let i = 40; i < flipped.length; i += 7) flipped[i] = flipped[i] ^ 0xff;
  return [truncated, garbage, flipped, Buffer.from('this is not an image')];
}

/** Encodes every image once, up front, so sending costs no CPU in the generator. */
export function buildImagePool(size = 128): Record<ImageKind, PoolImage[]> {
  const random = seededRandom(99);
  const known = KNOWN_SEEDS.map((seed) => ({
    kind: 'known' as const,
    contentType: 'image/png',
    bytes: encodePng(syntheticImage(seed, size)),
  }));
  const near = KNOWN_SEEDS.map((seed) => ({
    kind: 'near' as const,
    contentType: 'image/jpeg',
    bytes: encodeJpeg(nearDuplicate(syntheticImage(seed, size), seed + 5000), 85),
  }));
  const unfamiliar = UNFAMILIAR_SEEDS.map((seed) => ({
    kind: 'unfamiliar' as const,
    contentType: 'image/png',
    bytes: encodePng(syntheticImage(seed, size)),
  }));
  const corrupt = corruptFiles(random, known[0].bytes).map((bytes) => ({
    kind: 'corrupt' as const,
    contentType: 'image/png',
    bytes,
  }));
  return { known, near, unfamiliar, corrupt };
}

/** Picks images in the mix's proportions: evenly spread (deterministic), not drawn by chance. */
export class MixPicker {
  private readonly credit: Record<ImageKind, number> = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };
  private readonly next: Record<ImageKind, number> = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };

  constructor(
    private readonly mix: Mix,
    private readonly pool: Record<ImageKind, PoolImage[]>,
  ) {}

  pick(): PoolImage {
    // Smooth weighted round-robin: every kind earns its share, the richest is sent and pays 1.
    let best: ImageKind = 'known';
    for (const kind of IMAGE_KINDS) {
      this.credit[kind] += this.mix[kind];
      if (this.credit[kind] > this.credit[best]) best = kind;
    }
    this.credit[best] -= 1;
    const images = this.pool[best];
    const image = images[this.next[best] % images.length];
    this.next[best]++;
    return image;
  }
}
