import { getHeapSpaceStatistics } from 'node:v8';
import { collectGarbage } from '../../src/runtime/collect-garbage.js';
import { holdYoungGeneration, withYoungGenerationHeld } from '../../src/runtime/young-generation.js';

function youngGenerationBytes(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!space) throw new Error('this V8 reports no new_space');
  return space.space_size;
}

/** Objects that survive scavenges, as a backup's file records do: what makes V8 grow the young generation. */
function survivors(rounds: number): number {
  const kept: { n: number; name: string }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 100_000; i++) kept.push({ n: i, name: `file-${r}-${i}` });
    collectGarbage('young');
  }
  return kept.length;
}

/**
 * The main thread's young generation while a backup or restore runs (Node 24's V8 grows it to
 * 2 × 64 MiB, Node 20's to 2 × 16 MiB). Node 20's V8 keeps its own sizing: there the assertions
 * hold with nothing to do (its young generation is at its maximum already in a test process).
 */
describe('young generation held during a backup or restore', () => {
  it('does not grow while held, however many objects survive, and grows again once released', () => {
    survivors(3);
    const before = youngGenerationBytes();
    const release = holdYoungGeneration();
    const held = youngGenerationBytes();
    expect(held).toBeLessThanOrEqual(before);
    expect(survivors(8)).toBe(800_000);
    // From-space may be committed after the shrink (twice the size it reports right after it).
    expect(youngGenerationBytes()).toBeLessThanOrEqual(Math.max(held * 2, before));
    release();
    release(); // a second call changes nothing
    survivors(8);
    if (held < before) expect(youngGenerationBytes()).toBeGreaterThan(held * 2);
  });

  it('stays held until the last of several holders releases it', async () => {
    const outer = holdYoungGeneration();
    const held = youngGenerationBytes();
    await withYoungGenerationHeld(() => Promise.resolve(survivors(4)));
    survivors(4);
    expect(youngGenerationBytes()).toBeLessThanOrEqual(Math.max(held * 2, 2 * 1024 * 1024));
    outer();
  });

  it('is released when the work fails', async () => {
    const release = holdYoungGeneration();
    const held = youngGenerationBytes();
    release();
    await expect(withYoungGenerationHeld(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    survivors(8);
    // Where V8 shrank it (Node 24), released means it grows again.
    if (held <= 2 * 1024 * 1024) expect(youngGenerationBytes()).toBeGreaterThan(held * 2);
  });
});
