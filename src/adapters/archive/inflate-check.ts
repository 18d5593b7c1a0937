import { createInflateRaw, crc32, type InflateRaw } from 'node:zlib';
import { ArchiveError } from '../../domain/backup/archive-error.js';

/**
 * The round trip of one deflated entry as it is written: every piece of compressed data that goes
 * into the archive is also fed, in order, to an inflater (in the thread pool, beside the writing),
 * and at the entry's end what came out must have the size and CRC-32 of the bytes read from the
 * source. Chunks deflated in parallel and joined by sync flushes are proven here to decode as
 * one stream, exactly as a restore will decode them.
 */
export class InflateCheck {
  private readonly inflater: InflateRaw;
  private crc = 0;
  private size = 0;
  private failure: Error | null = null;
  private readonly ended: Promise<void>;

  constructor(private readonly expectedSize: number) {
    this.inflater = createInflateRaw({ chunkSize: 256 * 1024 });
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

  push(compressed: Buffer): void {
    if (compressed.length > 0 && !this.inflater.destroyed) this.inflater.write(compressed);
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
