import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { REUSABLE_ZLIB_ENGINES } from '../../src/adapters/archive/small-file-pool.js';

interface Engines {
  deflate(data: Buffer, room: Buffer): number;
  inflate(input: Buffer, into: Buffer): number;
}

/** The worker's source text, evaluated here with a real `require`, as the worker does. */
function load(): (level: number) => Engines | null {
  return runInNewContext(`${REUSABLE_ZLIB_ENGINES}; reusableEngines`, {
    require: createRequire(import.meta.url),
    Buffer,
  }) as (level: number) => Engines | null;
}

/**
 * The small-file workers' reused zlib engines: they must come up on this Node (a fallback to the
 * one-shot calls would be correct but silently slow), produce streams any inflater accepts, and
 * refuse what is not one whole stream.
 */
describe('reused zlib engines of the small-file workers', () => {
  const engines = load()(4);
  const text = Buffer.from('export const value = 42; // a line of a small source file\n'.repeat(300));

  it('come up on this Node', () => {
    expect(engines).not.toBeNull();
  });

  it('deflate file after file into streams that zlib inflates back, and inflate them back', () => {
    const e = engines!;
    for (const data of [text, text.subarray(0, 100), Buffer.concat([text, randomBytes(500), text])]) {
      const room = Buffer.alloc(data.length);
      const length = e.deflate(data, room);
      expect(length).toBeGreaterThan(0);
      expect(inflateRawSync(room.subarray(0, length)).equals(data)).toBe(true);
      const back = Buffer.alloc(data.length + 1);
      expect(e.inflate(room.subarray(0, length), back)).toBe(data.length);
      expect(back.subarray(0, data.length).equals(data)).toBe(true);
    }
  });

  it('report an output that does not fit, a truncated, a corrupt and an overlong stream as -1, and go on working', () => {
    const e = engines!;
    expect(e.deflate(randomBytes(4096), Buffer.alloc(4000))).toBe(-1);
    const stream = deflateRawSync(text);
    const back = Buffer.alloc(text.length + 1);
    expect(e.inflate(stream.subarray(0, stream.length - 10), back)).toBe(-1);
    const corrupt = Buffer.from(stream);
    corrupt[0] ^= 0xff;
    expect(e.inflate(corrupt, back)).toBe(-1);
    expect(e.inflate(stream, Buffer.alloc(text.length))).toBe(-1);
    expect(e.inflate(Buffer.concat([stream, Buffer.from([1, 2, 3])]), back)).toBe(-1);
    expect(e.inflate(stream, back)).toBe(text.length);
    expect(back.subarray(0, text.length).equals(text)).toBe(true);
  });
});

describe('the one-shot fallback of the small-file workers', () => {
  const { deflateInto, inflateInto } = runInNewContext(
    `${REUSABLE_ZLIB_ENGINES}; ({ deflateInto, inflateInto })`,
    {
      require: createRequire(import.meta.url),
      Buffer,
    },
  ) as {
    deflateInto: (data: Buffer, room: Buffer, level: number) => number;
    inflateInto: (input: Buffer, into: Buffer) => number;
  };
  const text = Buffer.from('export const value = 42; // a line of a small source file\n'.repeat(300));

  it('keeps the reused engines’ contract: lengths, and -1 for what does not fit or is not one whole stream', () => {
    const room = Buffer.alloc(text.length);
    const length = deflateInto(text, room, 4);
    expect(length).toBeGreaterThan(0);
    const back = Buffer.alloc(text.length + 1);
    expect(inflateInto(room.subarray(0, length), back)).toBe(text.length);
    expect(back.subarray(0, text.length).equals(text)).toBe(true);
    expect(deflateInto(randomBytes(4096), Buffer.alloc(4000), 4)).toBe(-1);
    expect(inflateInto(room.subarray(0, length - 10), back)).toBe(-1);
    expect(inflateInto(room.subarray(0, length), Buffer.alloc(text.length))).toBe(-1);
  });
});

describe('a reused zlib engine over many files', () => {
  const engines = load()(4);
  const text = Buffer.from('export const value = 42; // a line of a small source file\n'.repeat(300));

  // What the workers' sampled round trip rests on (see RoundTrip): one engine, reset file after
  // file, gives a stream zlib's own inflater decodes to the very bytes, whatever came before.
  it('keep producing exact streams over thousands of files of every size and kind, one after the other', () => {
    const e = engines!;
    const room = Buffer.alloc(400 * 1024);
    let x = 7;
    const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 3000; i++) {
      const size = i % 100 === 0 ? 100_000 + (next() % 200_000) : next() % 12_000;
      const kind = i % 3;
      const data =
        kind === 0
          ? Buffer.from(`const v${i} = ${i};\n`.repeat(Math.ceil(size / 16))).subarray(0, size)
          : kind === 1
            ? randomBytes(size)
            : Buffer.concat([randomBytes(size >> 2), text, randomBytes(size >> 3)]).subarray(0, size);
      const length = e.deflate(data, room.subarray(0, data.length));
      if (length === -1) continue; // did not pay: stored
      expect(inflateRawSync(room.subarray(0, length)).equals(data)).toBe(true);
    }
  });
});
