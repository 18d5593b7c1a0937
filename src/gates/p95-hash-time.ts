import { z } from 'zod';
import { BOUNDS, count, minutes, positiveUpTo } from '../config/bounds.js';
import type { GateModule } from './gate-module.js';

const threshold = z
  .strictObject({
    max_time_ms: positiveUpTo(3_600_000, 'milliseconds')
      .default(2000)
      .describe('Breach when the P95 hash time in the window is above this. Default 2000.'),
    evaluation_window_minutes: minutes(BOUNDS.evaluationWindowMinutes).default(15).describe('Default 15.'),
    min_sample_size: count(BOUNDS.sampleSize, 'hashes')
      .default(50)
      .describe('Below this many hashes in the window the gate is inconclusive. Default 50.'),
  })
  .default({ max_time_ms: 2000, evaluation_window_minutes: 15, min_sample_size: 50 });

/** A windowed quantile over at least min_sample_size hashes is already persistent: one reading acts. */
export const p95HashTimeGate = {
  name: 'p95_hash_time',
  unit: 'ms',
  summary: 'P95 of dhash_hash_duration_seconds over the evaluation window, from histogram bucket increases.',
  threshold,
  defaultFailureLimit: 1,
  defaultActions: ['alert'],
  limits: (t) => ({
    limit: t.max_time_ms,
    windowMinutes: t.evaluation_window_minutes,
    minSamples: t.min_sample_size,
  }),
} as const satisfies GateModule<'p95_hash_time', typeof threshold>;
