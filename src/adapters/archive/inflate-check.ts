import { createInflateRaw, crc32, type InflateRaw } from 'node:zlib';
import { ArchiveError } from '../../domain/backup/archive-error.js';

/**
 * The round trip of one deflated entry as it is written: every piece of compressed data that goes
 * into the archive is also fed, in order, to an inflater (in the thread pool, beside the writing),
 * and at the entry's end what came out must have the size and CRC-32 of the bytes read from the
 * source. Chunks deflated in parallel and joined by sync flushes are proven here to decode as
 * one stream, exactly as a restore will decode them.
 */
/** Compressed bytes the inflater may have queued before the writer waits for it. */
const QUEUE_LIMIT = 1024 * 1024;

export class InflateCheck {
  private readonly inflater: InflateRaw;
  private crc = 0;
  private size = 0;
  private failure: Error | null = null;
  private readonly ended: Promise<void>;

  constructor(private readonly expectedSize: number) {
    this.inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    this.inflater.on('data', (chunk: Buffer) => {
      this.crc = crc32(chunk, this.crc);
      this.size += chunk.length;
      // More than the source held: stop at once rather than inflate a runaway stream.
      if (this.size > this.expectedSize) this.inflater.destroy(new Error('inflates past the size read'));
    });
    this.ended = new Promise<void>((resolve) => {
      this.inflater.once('end', resolve);
      this.inflater.once('close', resolve);
      this.inflater.once('error', (error) => {
        this.failure ??= error;
        resolve();
      });
    });
  }

  /**
   * Feeds the next piece; when the inflater has fallen QUEUE_LIMIT behind, returns a promise that
   * settles once it caught up (the writer waits, so compressed data does not pile up in memory).
   */
  push(compressed: Buffer): Promise<void> | null {
    if (compressed.length === 0 || this.inflater.destroyed) return null;
    if (this.inflater.write(compressed) || this.inflater.writableLength <= QUEUE_LIMIT) return null;
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.inflater.off('drain', done);
        this.inflater.off('close', done);
        resolve();
      };
      this.inflater.on('drain', done);
      this.inflater.on('close', done);
    });
  }

  /** Waits for the inflater and throws unless it gave back `size` bytes with CRC-32 `crc`. */
  async expect(name: string, size: number, crc: number): Promise<void> {
    if (!this.inflater.destroyed) this.inflater.end();
    await this.ended;
    if (this.failure || this.size !== size || this.crc >>> 0 !== crc >>> 0)
      throw new ArchiveError(
        'checksum',
        `${name}: its compressed data did not inflate back to the bytes read (${this.failure ? this.failure.message : `${this.size} bytes, CRC ${(this.crc >>> 0).toString(16)}; expected ${size}, ${(crc >>> 0).toString(16)}`}); a compressor fault, no backup was written`,
      );
  }

  abort(): void {
    this.inflater.destroy();
  }
}
