import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Asks V8 for a garbage collection at a point where the program knows much memory just became
 * garbage, and V8 does not: it collects by how much the JavaScript heap grew, while a backup's
 * garbage is mostly outside it (buffers) or is the 40,000 file records of a finished phase, which
 * the next phase would otherwise pile its own memory on top of (measured: 20-50 MB of peak RSS).
 *
 * The collector is reached without the --expose-gc command-line flag: the flag is set at run time
 * and a new context is created, which is given the `gc` function (the context is used for nothing
 * else). The flag is left set: it only adds a `gc` global to contexts created from now on.
 */
type Collector = (options?: { type?: 'minor' | 'major'; flavor?: 'regular' | 'last-resort' }) => void;

let collector: Collector | null | undefined;

function theCollector(): Collector | null {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collector = typeof gc === 'function' ? (gc as Collector) : null;
    } catch {
      collector = null; // no collector: memory is only higher, nothing is wrong
    }
  }
  return collector;
}

/**
 * `young`: a scavenge of the young generation only (a millisecond or two; frees the buffers of
 * objects that died young); `all`: a full collection (tens of milliseconds for a backup's heap);
 * `shrink`: V8's collection for memory pressure (repeated full collections, 10-50 ms on a small
 * heap), the one after which V8 also shrinks the young generation to what is alive in it.
 */
export function collectGarbage(what: 'young' | 'all' | 'shrink'): void {
  const gc = theCollector();
  if (!gc) return;
  // Without options: Node 20's V8 took { type: 'major' } for much less than a full collection
  // (measured: 2 of 28 MB of garbage freed, against all of it without).
  if (what === 'young') gc({ type: 'minor' });
  else if (what === 'shrink') gc({ type: 'major', flavor: 'last-resort' });
  else gc();
}
