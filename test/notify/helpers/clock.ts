import { VirtualClock } from '../../../src/runtime/clock.js';

/** A VirtualClock that remembers every sleep it was asked for, so tests assert the waits exactly. */
export class RecordingClock extends VirtualClock {
  readonly sleeps: number[] = [];
  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return super.sleep(ms, signal);
  }
}

/** A random source that returns the given values in turn (then repeats the last). */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}
