/**
 * Where the data of each file that later files may repeat was written in the archive, by the
 * file's sequence number among the small files (see SEEN_CONTENTS in small-file-pool.ts): its
 * offset, compressed size, method and CRCs, so a later file with the same content gets the same
 * bytes, read back from the archive, without being deflated again. Typed arrays, grown by
 * doubling: a 40,000-file tree costs about 1.6 MB here, where an object per file would cost more.
 */
export interface ContentLocation {
  /** Where the entry's data starts in the archive. */
  offset: number;
  compressedSize: number;
  method: number;
  /** CRC-32 of the data as written (compressed). */
  dataCrc: number;
  /** CRC-32 of the file's content. */
  crc: number;
  size: number;
}

const FIELDS = 4;

export class ContentLocations {
  private offsets = new Float64Array(1024);
  /** compressedSize, dataCrc, crc, size per sequence number. */
  private fields = new Uint32Array(1024 * FIELDS);
  /** method + 1 (0: nothing recorded). */
  private methods = new Uint8Array(1024);

  set(sequence: number, at: ContentLocation): void {
    while (sequence >= this.methods.length) this.grow();
    this.offsets[sequence] = at.offset;
    const f = sequence * FIELDS;
    this.fields[f] = at.compressedSize;
    this.fields[f + 1] = at.dataCrc >>> 0;
    this.fields[f + 2] = at.crc >>> 0;
    this.fields[f + 3] = at.size;
    this.methods[sequence] = at.method + 1;
  }

  get(sequence: number): ContentLocation | null {
    if (sequence < 0 || sequence >= this.methods.length || this.methods[sequence] === 0) return null;
    const f = sequence * FIELDS;
    return {
      offset: this.offsets[sequence],
      compressedSize: this.fields[f],
      dataCrc: this.fields[f + 1],
      crc: this.fields[f + 2],
      size: this.fields[f + 3],
      method: this.methods[sequence] - 1,
    };
  }

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    const fields = new Uint32Array(this.fields.length * 2);
    fields.set(this.fields);
    const methods = new Uint8Array(this.methods.length * 2);
    methods.set(this.methods);
    this.offsets = offsets;
    this.fields = fields;
    this.methods = methods;
  }
}
