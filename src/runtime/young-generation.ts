import { setFlagsFromString } from 'node:v8';
import { collectGarbage } from './collect-garbage.js';

/**
 * Keeps the main thread's young generation (V8's nursery of new objects) small while a backup or a
 * restore runs, so that Node 24 does not spend ~100 MB more on it than Node 20.
 *
 * V8 grows the young generation each time more objects survive a collection than it holds, up to
 * a maximum fixed when the process starts: 2 × 16 MiB in Node 20, 2 × 64 MiB in Node 24 (V8 13).
 * A backup of 40,000 files keeps a record per file, so they survive collections and grow the young
 * generation to that maximum, all of it touched: on the bench's small tree Node 24 peaked at
 * 227–234 MB against Node 20's 166–168 MB, 128 MB of it the young generation. The maximum cannot
 * be lowered after start-up (--max-semi-space-size is read once), but the growth factor is read at
 * each growth: set to 1, the young generation stays at the size it has. Loading the configuration
 * has already grown it (2 × 8 MiB), so it is first shrunk, by the collection V8 runs under memory
 * pressure (the only one after which it shrinks the young generation; 10-50 ms, once). Running the
 * whole command with V8 told to favour memory (--optimize-for-size) took 4–10 % more CPU time.
 * Node 20's V8 still grows it to its 2 × 16 MiB: there it changes nothing.
 *
 * Process-wide, like every V8 flag, so it is held while any backup or restore runs and V8's default
 * growth factor (2) is put back when the last one ends; V8 then grows the young generation again as
 * it needs. Flags given on the command line or in NODE_OPTIONS are the user's and left alone.
 */
let holders = 0;

const givenFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
const chosenByUser = /semi[-_]space/.test(givenFlags);

function setFlag(flag: string): void {
  try {
    setFlagsFromString(flag);
  } catch {
    // Not a flag of this V8: only memory is higher, nothing is wrong.
  }
}

function hold(): void {
  collectGarbage('shrink');
  setFlag('--semi-space-growth-factor=1');
}

/** Holds the young generation at its size until the returned function is called (once). */
export function holdYoungGeneration(): () => void {
  if (holders++ === 0 && !chosenByUser) hold();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0 && !chosenByUser) setFlag('--semi-space-growth-factor=2');
  };
}

/** Runs `work` with the young generation held (see holdYoungGeneration). */
export async function withYoungGenerationHeld<T>(work: () => Promise<T>): Promise<T> {
  const release = holdYoungGeneration();
  try {
    return await work();
  } finally {
    release();
  }
}
