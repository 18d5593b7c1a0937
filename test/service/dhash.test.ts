import { dhash, hammingDistance } from '../../examples/dhash-service/src/dhash.js';
import { decodeImage } from '../../examples/dhash-service/src/decode.js';
import { nearDuplicate, syntheticImage } from '../../examples/dhash-service/src/images/synthetic.js';
import { encodeJpeg } from '../../examples/dhash-service/src/images/encode.js';
import { checkerboard, horizontalGradient, png, rgba, waves } from './images.js';
import { independentDhash } from './independent-dhash.js';

const image = (width: number, height: number, data: Uint8Array) => ({ width, height, data });

describe('dhash algorithm', () => {
  it('hashes a left-to-right brightening gradient to all zeros, and its mirror to all ones, at any size', () => {
    for (const [w, h] of [
      [90, 64],
      [100, 37],
      [13, 9],
      [1024, 3],
    ] as const) {
      const data = rgba(w, h, horizontalGradient(w));
      expect(dhash(image(w, h, data))).toBe('0000000000000000');
      const mirrored = rgba(w, h, (x, y) => horizontalGradient(w)(w - 1 - x, y));
      expect(dhash(image(w, h, mirrored))).toBe('ffffffffffffffff');
    }
  });

  it('hashes a checkerboard aligned with the 9x8 grid to alternating bits', () => {
    // Cell (c, r) is dark when c + r is even: bit = 1 exactly where the left cell is the light one.
    expect(dhash(image(90, 80, rgba(90, 80, checkerboard(10, 10))))).toBe('55aa55aa55aa55aa');
    expect(dhash(image(9, 8, rgba(9, 8, checkerboard(1, 1))))).toBe('55aa55aa55aa55aa');
  });

  it('equals the independent block-mean computation on structured images', () => {
    for (const [w, h, phase] of [
      [72, 64, 0.3],
      [180, 160, 1.1],
      [45, 40, 2.5],
      [900, 800, 4],
    ] as const) {
      const data = rgba(w, h, waves(w, h, phase));
      expect(dhash(image(w, h, data))).toBe(independentDhash(w, h, data));
    }
  });

  it('composites transparency onto white', () => {
    const data = rgba(18, 16, horizontalGradient(18));
    for (let i = 3; i < data.length; i += 4) data[i] = 0;
    expect(dhash(image(18, 16, data))).toBe('0000000000000000');
  });

  it('keeps near-duplicates within a few bits and tells different images apart', () => {
    for (let seed = 0; seed < 24; seed++) {
      const original = syntheticImage(seed);
      const recaptured = decodeImage(encodeJpeg(nearDuplicate(original, seed + 77), 80)).image;
      expect(hammingDistance(dhash(original), dhash(recaptured))).toBeLessThanOrEqual(4);
    }
    expect(hammingDistance(dhash(syntheticImage(1)), dhash(syntheticImage(2)))).toBeGreaterThan(12);
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(RangeError);
  });

  it('decodes PNG and refuses what is not an image', () => {
    const bytes = png(9, 8, rgba(9, 8, checkerboard(1, 1)));
    expect(decodeImage(bytes).format).toBe('png');
    expect(() => decodeImage(Buffer.from('hello'))).toThrow(/not a PNG or JPEG/);
    expect(() => decodeImage(bytes.subarray(0, 30))).toThrow(/could not be decoded/);
  });
});
