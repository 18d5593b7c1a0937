import { types } from 'node:util';
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

/**
 * The native side of Node's zlib engine (lib/zlib.js, Node 20 and 24 alike): `writeSync` runs one
 * zlib call into the output range it is given and leaves what is left of the input and output in
 * `_writeState`; an error is reported through `onerror`, during the call.
 */
interface NativeInflate {
  writeSync(
    flush: number,
    input: Buffer,
    inOffset: number,
    inLength: number,
    output: Buffer,
    outOffset: number,
    outLength: number,
  ): void;
  onerror: (message: string, errno: number, code?: string) => void;
}

function nativeOf(engine: object): { handle: NativeInflate; state: Uint32Array } | null {
  const handle = (engine as { _handle?: unknown })._handle;
  const state = (engine as { _writeState?: unknown })._writeState;
  if (
    typeof handle !== 'object' ||
    handle === null ||
    !('writeSync' in handle) ||
    typeof handle.writeSync !== 'function' ||
    !('onerror' in handle) ||
    // Not instanceof: the array is made in Node's own realm, which a test's realm does not share.
    !types.isUint32Array(state) ||
    state.length < 2
  )
    return null;
  return { handle: handle as NativeInflate, state };
}

/**
 * Inflates small entries one after the other with one zlib engine, reset between entries, into
 * one output buffer that it reuses: a scan of 40,000 small files builds no engine and allocates no
 * output buffer per file.
 *
 * A one-shot inflate (`inflateRawSync`) builds an engine (a stream object, a native handle, zlib's
 * state and 32 KiB window) and allocates its output, each time. Dead, the outputs wait outside the
 * JavaScript heap for the next young-generation collection, which on Node 20 (2 × 16 MiB) comes
 * every ~2,000 entries: 15-25 MB of dead outputs at any time, and the C heap grew to hold them; on
 * Node 24 the engines outlive young-generation collections and filled the old generation (+20 MB
 * during the scan). Measured on the bench's small tree (40,717 files), restore peak RSS 187-212 MB
 * → 170-172 MB on Node 20 with the reused output alone; 40,000 inflates of a 6 KB file take
 * 90-105 ms instead of 255-265 ms.
 *
 * Node has no public way to give an inflate its output buffer or to run one engine synchronously
 * more than once (`inflateRawSync` closes it), so this calls the engine's native `writeSync`, as
 * Node's own one-shot inflate does; `reset()` is public. A Node whose engine lacks those gets the
 * one-shot inflate.
 */
export class SmallInflater {
  private readonly output: Buffer;
  private readonly engine = new InflateRaw({ chunkSize: 64 });
  private readonly native = nativeOf(this.engine);
  private failure: { message: string; code?: string } | null = null;

  /** `capacity`: the largest output inflated into the reused buffer; larger ones get their own. */
  constructor(readonly capacity: number) {
    this.output = Buffer.allocUnsafe(capacity + 1);
    if (this.native)
      this.native.handle.onerror = (message, _errno, code) => {
        this.failure = { message, code };
      };
  }

  /**
   * The inflated bytes of `input`, at most `size`: more throws ERR_BUFFER_TOO_LARGE (as
   * `maxOutputLength` does), bytes that are not a whole deflate stream throw zlib's error. The
   * result may be a view of the reused buffer: valid until the next call, so a caller that keeps
   * it copies it.
   */
  inflate(input: Buffer, size: number): Buffer {
    const native = this.native;
    if (!native || size + 1 > this.output.length) {
      const own = inflateRawOnce(input, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
      if (own.length > size) throw tooLarge(size);
      return own;
    }
    this.failure = null;
    this.engine.reset();
    // Room for one byte more than declared: a full buffer means the entry holds more.
    native.handle.writeSync(constants.Z_FINISH, input, 0, input.length, this.output, 0, size + 1);
    const failure = this.failure as { message: string; code?: string } | null;
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
    const outputLeft = native.state[0];
    if (outputLeft === 0) throw tooLarge(size);
    return this.output.subarray(0, size + 1 - outputLeft);
  }

  /** Frees the engine (also freed by the collector if not called). */
  close(): void {
    this.engine.close();
  }
}

function tooLarge(size: number): Error {
  return Object.assign(new Error(`the output is larger than ${size} bytes`), {
    code: 'ERR_BUFFER_TOO_LARGE',
  });
}
