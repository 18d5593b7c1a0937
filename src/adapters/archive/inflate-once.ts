import { deflateRawSync, inflateRawSync, type ZlibOptions } from 'node:zlib';
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
