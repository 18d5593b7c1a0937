/**
 * The central directory of an archive being written, kept as the bytes it will be written as,
 * in 1 MiB blocks, instead of an object per entry: 40,000 entries cost about 5 MB here, against
 * several times that as JavaScript objects (a Buffer for each name, numbers boxed in objects).
 */
const BLOCK_BYTES = 1024 * 1024;

export class CentralDirectoryBytes {
  private readonly full: Buffer[] = [];
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  private total = 0;
  private entries = 0;
  /** Per entry, in order: the CRC-32 of the data bytes written for it (see ZipFileWriter.verifyWritten). */
  private crcs = new Uint32Array(1024);
  /** Per entry, in order: where its data starts in the archive, and where it ends. */
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);

  get count(): number {
    return this.entries;
  }

  get size(): number {
    return this.total;
  }

  /**
   * Appends one entry's header (built by the caller, copied here), its data's CRC-32 and where
   * that data lies in the archive ([dataStart, dataEnd)).
   */
  add(header: Buffer, dataCrc: number, dataStart: number, dataEnd: number): void {
    if (this.entries === this.crcs.length) {
      const crcs = new Uint32Array(this.crcs.length * 2);
      crcs.set(this.crcs);
      this.crcs = crcs;
      const starts = new Float64Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Float64Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.crcs[this.entries] = dataCrc;
    this.starts[this.entries] = dataStart;
    this.ends[this.entries] = dataEnd;
    this.entries++;
    this.total += header.length;
    let from = 0;
    while (from < header.length) {
      if (this.used === this.block.length) {
        this.full.push(this.block);
        this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, header.length));
        this.used = 0;
      }
      const n = header.copy(this.block, this.used, from);
      this.used += n;
      from += n;
    }
  }

  /** The data CRC-32 of every entry, in the order they were added. */
  dataCrcs(): Uint32Array {
    return this.crcs.subarray(0, this.entries);
  }

  /** Where every entry's data starts, in the order they were added. */
  dataStarts(): Float64Array {
    return this.starts.subarray(0, this.entries);
  }

  /** Where every entry's data ends, in the order they were added. */
  dataEnds(): Float64Array {
    return this.ends.subarray(0, this.entries);
  }

  /** The bytes, in order (views of the blocks; valid until the next add). */
  parts(): Buffer[] {
    return [...this.full, this.block.subarray(0, this.used)];
  }
}
