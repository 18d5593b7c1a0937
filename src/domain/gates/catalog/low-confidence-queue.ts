import { z } from 'zod';
import { BOUNDS, count, seconds } from '../../bounds.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      max_queue_length: count({ min: 1, max: BOUNDS.queueLength.max }, 'queue items')
        .default(1000)
        .describe('Breach when more items than this wait for human review. Default 1000.'),
      check_interval_seconds: seconds()
        .optional()
        .describe('Read the queue at most this often. Default: at every poll.'),
    })
    .default({ max_queue_length: 1000 }),
);

export const lowConfidenceQueueGate = {
  name: 'low_confidence_queue',
  unit: 'items',
  summary: 'Instant length of the low-confidence review queue.',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: 2,
  defaultActions: ['alert'],
  limits: (t) => ({ limit: t.max_queue_length, checkIntervalSeconds: t.check_interval_seconds }),
  metricFamilies: [],
  scrape: { from: 'queue_status' },
  // The review queue is shared: the worst replica's view, never a sum that counts it twice.
  promql: (match) => ({ value: `max(${METRIC_NAMES.queueLength}${match()})` }),
  label: 'low-confidence review queue',
  wording: {
    breach: (r) =>
      `The low-confidence review queue holds ${quantity(r.value, 'items')}, more than the ${quantity(r.threshold, 'items')} allowed.`,
    recovery: (r) =>
      `The low-confidence review queue is down to ${quantity(r.value, 'items')}, within the ${quantity(r.threshold, 'items')} allowed.`,
  },
} as const satisfies GateModule<'low_confidence_queue', ReturnType<typeof threshold>>;
