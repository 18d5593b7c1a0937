import {
  SAMPLE_DHASH_HEX,
  SAMPLE_HEIGHT,
  SAMPLE_PNG_BASE64,
  SAMPLE_REQUEST,
  SAMPLE_WIDTH,
} from '../../src/smoke-sample/sample-image.js';
import { dhash } from '../../examples/dhash-service/src/dhash.js';
import { decodePngForTest, independentDhash, smallestAdjacentGap } from './independent-dhash.js';

describe('smoke sample', () => {
  const bytes = Buffer.from(SAMPLE_PNG_BASE64, 'base64');
  const image = decodePngForTest(bytes);

  it('is a small PNG of the stated size', () => {
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeLessThan(5000);
    expect([image.width, image.height]).toEqual([SAMPLE_WIDTH, SAMPLE_HEIGHT]);
  });

  it('has the stated hash by an independent computation, with no near-tie between cells', () => {
    expect(independentDhash(image.width, image.height, image.data)).toBe(SAMPLE_DHASH_HEX);
    expect(smallestAdjacentGap(image.width, image.height, image.data)).toBeGreaterThan(0.5);
  });

  it('has the same hash by the service algorithm', () => {
    expect(dhash(image)).toBe(SAMPLE_DHASH_HEX);
  });

  it('has structure: its hash is neither all zeros nor all ones', () => {
    expect(SAMPLE_DHASH_HEX).not.toMatch(/^(0{16}|f{16})$/);
    expect(JSON.parse(SAMPLE_REQUEST.body).image_base64).toBe(SAMPLE_PNG_BASE64);
  });
});
