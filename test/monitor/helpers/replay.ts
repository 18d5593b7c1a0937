import { expect } from '@jest/globals';
import { readEvidence, replayEvidence } from '../../../src/commands/evidence-replay.js';

/** Every evidence file a monitor test produces must replay identically (issue: evidence replays). */
export function expectReplays(path: string): void {
  const replay = replayEvidence(readEvidence(path), path);
  expect(replay.differences).toEqual([]);
  expect(replay.ok).toBe(true);
}
