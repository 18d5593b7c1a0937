import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SmallInflater, inflateRawOnce } from '../../src/adapters/archive/inflate-once.js';
import { collectGarbage } from '../../src/runtime/collect-garbage.js';

const text = Buffer.from('export const value = 42; // a line of a small source file\n'.repeat(200));

/** Bytes of array buffers still held after 300 inflates whose outputs were dropped, and two scavenges. */
function heldAfterUse(inflate: (input: Buffer) => Buffer): number {
  const input = deflateRawSync(text);
  collectGarbage('all');
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 300; i++) {
    if (inflate(input).length !== text.length) throw new Error('wrong length');
  }
  collectGarbage('young');
  collectGarbage('young');
  return process.memoryUsage().arrayBuffers - before;
}

/**
 * A restore inflates its small entries one by one; Node 24 keeps a dead zlib engine, and the output
 * it holds, until a full collection. The one-shot inflate lets its engine drop the output, so the
 * output lives only as long as its user.
 */
describe('inflateRawOnce (one-shot inflate of a small entry)', () => {
  it('gives the bytes back and respects the output limit like inflateRawSync', () => {
    const data = Buffer.concat([text, randomBytes(300)]);
    const input = deflateRawSync(data);
    expect(inflateRawOnce(input, { maxOutputLength: data.length + 1, chunkSize: data.length + 1 })).toEqual(
      inflateRawSync(input),
    );
    expect(() => inflateRawOnce(input, { maxOutputLength: data.length - 1, chunkSize: 64 })).toThrow(
      expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
    );
    expect(() => inflateRawOnce(Buffer.from([0xff, 0xff, 0xff]), {})).toThrow();
  });

  it('does not keep its outputs past a young-generation collection once the caller dropped them', () => {
    // 300 outputs of 11.6 KB: 3.5 MB if kept (plain inflateRawSync on Node 24 keeps most of them).
    expect(heldAfterUse((input) => inflateRawOnce(input, { chunkSize: text.length + 1 }))).toBeLessThan(
      1024 * 1024,
    );
  });
});

describe('SmallInflater (small entries inflated into one reused buffer)', () => {
  it('gives the bytes back, entry after entry, each a view of the same reused buffer', () => {
    const inflater = new SmallInflater(64 * 1024);
    const first = Buffer.concat([text, randomBytes(300)]);
    const second = randomBytes(5000);
    const a = inflater.inflate(deflateRawSync(first), first.length);
    expect(a).toEqual(first);
    const b = inflater.inflate(deflateRawSync(second), second.length);
    expect(b).toEqual(second);
    expect(b.buffer === a.buffer).toBe(true); // no buffer of its own per entry
    expect(inflater.inflate(deflateRawSync(Buffer.alloc(0)), 0)).toHaveLength(0);
  });

  it('refuses output beyond the declared size, and bytes that are not deflate', () => {
    const inflater = new SmallInflater(64 * 1024);
    const input = deflateRawSync(text);
    expect(() => inflater.inflate(input, text.length - 1)).toThrow(
      expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
    );
    expect(() => inflater.inflate(input, 10)).toThrow(
      expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
    );
    expect(() => inflater.inflate(Buffer.from([0xff, 0xff, 0xff]), 100)).toThrow(
      expect.objectContaining({ code: 'Z_DATA_ERROR' }) as Error,
    );
    // A stream cut short.
    expect(() => inflater.inflate(input.subarray(0, input.length - 4), text.length)).toThrow(
      expect.objectContaining({ code: 'Z_BUF_ERROR' }) as Error,
    );
    // Still usable after a refusal.
    expect(inflater.inflate(input, text.length)).toEqual(text);
  });

  it('inflates an entry larger than its buffer into a buffer of its own', () => {
    const inflater = new SmallInflater(1024);
    const out = inflater.inflate(deflateRawSync(text), text.length);
    expect(out).toEqual(text);
    expect(out.buffer.byteLength).toBeGreaterThanOrEqual(text.length);
    expect(() => inflater.inflate(deflateRawSync(text), text.length - 1)).toThrow(
      expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
    );
  });

  it('allocates no output per entry: 300 inflates hold no more array buffers than the reused one', () => {
    const inflater = new SmallInflater(64 * 1024);
    expect(heldAfterUse((input) => inflater.inflate(input, text.length))).toBeLessThan(256 * 1024);
    inflater.close();
  });
});
