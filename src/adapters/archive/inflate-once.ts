import { InflateRaw, constants, deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
import { collectGarbage } from '../../runtime/collect-garbage.js';

/**
 * `inflateRawSync` whose engine lets go of the output it returns, on a Node that needs it.
 *
 * Each call builds a zlib engine (a stream object with a native handle), and the engine keeps its
 * last output buffer (`_outBuffer`: the whole output, when it fits in one chunk as the restore
 * asks). In Node 20 the dead engine is freed by the next young-generation collection; in Node 24
 * it survives those and is freed only by a full collection (measured: 10,000 one-shot inflates
 * with a scavenge every 500 left 12.6 MB of their outputs held; with the buffer let go, 0.8 MB).
 * A restore inflates one small entry after the other, 40,000 of them for a node_modules, and the
 * outputs piled up between full collections: the small tree's restore peaked at 187–218 MB on
 * Node 24, 174–179 MB with this.
 *
 * Only where the engines outlive a scavenge (found out once, below): on Node 20 letting go of the
 * buffer made each engine itself outlive its scavenge (measured: old space +3.3 MB per 10,000
 * inflates, and the small tree's restore 188 → 212 MB), so there the call is left as it is.
 * `_outBuffer` is Node's own field (Node 20 and 24 alike); a Node without it is left as it is.
 * `info: true` is the documented way to get the engine.
 */
export function inflateRawOnce(input: Buffer, options: ZlibOptions): Buffer {
  releaseOutputs ??= enginesOutliveScavenges();
  if (!releaseOutputs) return inflateRawSync(input, options);
  const { buffer, engine } = inflateRawSync(input, { ...options, info: true }) as unknown as {
    buffer: Buffer;
    engine: object;
  };
  if ('_outBuffer' in engine) engine._outBuffer = null;
  return buffer;
}

let releaseOutputs: boolean | undefined;

/** Whether the outputs of dropped one-shot inflates are still held after a scavenge (16 × 64 KiB). */
function enginesOutliveScavenges(): boolean {
  const size = 64 * 1024;
  const sample = deflateRawSync(Buffer.alloc(size));
  collectGarbage('young');
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 16; i++) inflateRawSync(sample, { chunkSize: size + 1 });
  collectGarbage('young');
  return process.memoryUsage().arrayBuffers - before >= 8 * size;
}

/** The fields of Node's zlib engine (lib/zlib.js, Node 20 and 24 alike) that choose where output goes. */
interface EngineOutput {
  _outBuffer: Buffer;
  _outOffset: number;
  _chunkSize: number;
  _maxOutputLength: number;
  _processChunk(chunk: Buffer, flushFlag: number): Buffer;
}

function hasOutputFields(engine: object): engine is EngineOutput {
  return (
    '_outBuffer' in engine &&
    '_outOffset' in engine &&
    '_chunkSize' in engine &&
    '_maxOutputLength' in engine &&
    '_processChunk' in engine &&
    typeof engine._processChunk === 'function'
  );
}

/**
 * Inflates small entries one after the other into one output buffer that it reuses, so a scan of
 * 40,000 small files allocates no output buffer per file.
 *
 * Each one-shot inflate allocates its output (one buffer of the entry's size); dead, those wait
 * outside the JavaScript heap for the next young-generation collection, which on Node 20 (2 × 16
 * MiB young generation) comes every ~2,000 entries: 15-25 MB of dead outputs at any time, and
 * the C heap they came from grew to hold them (measured on the bench's small tree, 40,717 files:
 * restore peak 187-212 MB → 170-172 MB on Node 20, 181-197 → 176-181 MB on Node 24, CPU the same).
 *
 * Node has no public way to give an inflate its output buffer. The one-shot engine writes into its
 * `_outBuffer` from `_outOffset`, `_chunkSize` bytes at most, before it allocates any other, and
 * refuses output past `_maxOutputLength` (what `maxOutputLength` sets): set before the call, the
 * output lands in the reused buffer and the returned buffer is a view of it. A Node without those
 * fields gets the ordinary one-shot inflate.
 */
export class SmallInflater {
  private readonly output: Buffer;

  /** `capacity`: the largest output inflated into the reused buffer; larger ones get their own. */
  constructor(readonly capacity: number) {
    this.output = Buffer.allocUnsafe(capacity + 1);
  }

  /**
   * The inflated bytes of `input`, at most `size` + 1 (more throws ERR_BUFFER_TOO_LARGE, as
   * `maxOutputLength` does; the one byte more tells the caller the entry is not the size it says). The result may be a view of the reused buffer: valid until the next
   * call, so a caller that keeps it copies it.
   */
  inflate(input: Buffer, size: number): Buffer {
    const options = { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) };
    if (size + 1 > this.output.length) return inflateRawOnce(input, options);
    // The smallest chunk size: its own first output buffer, allocated by the constructor, is then
    // a slice of Node's shared pool, not a buffer of the entry's size.
    const engine = new InflateRaw({ chunkSize: 64 });
    if (!hasOutputFields(engine)) {
      engine.close();
      return inflateRawOnce(input, options);
    }
    engine._outBuffer = this.output;
    engine._outOffset = 0;
    engine._chunkSize = size + 1;
    engine._maxOutputLength = size + 1;
    return engine._processChunk(input, constants.Z_FINISH);
  }
}
