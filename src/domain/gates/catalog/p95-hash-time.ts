import { z } from 'zod';
import { BOUNDS, count, minutes, positiveUpTo } from '../../bounds.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { p95Milliseconds } from '../../metrics/window-values.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      max_time_ms: positiveUpTo(3_600_000, 'milliseconds')
        .default(2000)
        .describe('Breach when the P95 hash time in the window is above this. Default 2000.'),
      evaluation_window_minutes: minutes(BOUNDS.evaluationWindowMinutes).default(15).describe('Default 15.'),
      min_sample_size: count(BOUNDS.sampleSize, 'hashes')
        .default(50)
        .describe('Below this many hashes in the window the gate is inconclusive. Default 50.'),
    })
    .default({ max_time_ms: 2000, evaluation_window_minutes: 15, min_sample_size: 50 }),
);

/** A windowed quantile over at least min_sample_size hashes is already persistent: one reading acts. */
export const p95HashTimeGate = {
  name: 'p95_hash_time',
  unit: 'ms',
  summary: 'P95 of dhash_hash_duration_seconds over the evaluation window, from histogram bucket increases.',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: 1,
  defaultActions: ['alert'],
  limits: (t) => ({
    limit: t.max_time_ms,
    windowMinutes: t.evaluation_window_minutes,
    minSamples: t.min_sample_size,
  }),
  metricFamilies: [METRIC_NAMES.hashDuration],
  scrape: {
    from: 'metrics',
    compute: (history, _latest, now, windowMs) => p95Milliseconds(history, now, windowMs),
  },
  // Bucket increases summed by `le` across replicas, then the quantile (as histogram_quantile does).
  promql: (match, range) => {
    const n = METRIC_NAMES.hashDuration;
    return {
      value: `1000 * histogram_quantile(0.95, sum by (le) (increase(${n}_bucket${match()}[${range}])))`,
      samples: `sum(increase(${n}_count${match()}[${range}]))`,
    };
  },
  label: 'P95 hash time',
  wording: {
    breach: (r) =>
      `The 95th percentile of hash time over the evaluation window was ${quantity(r.value, 'ms')}, above the ${quantity(r.threshold, 'ms')} threshold.`,
    recovery: (r) =>
      `The 95th percentile of hash time over the evaluation window is back to ${quantity(r.value, 'ms')}, within the ${quantity(r.threshold, 'ms')} threshold.`,
  },
} as const satisfies GateModule<'p95_hash_time', ReturnType<typeof threshold>>;
