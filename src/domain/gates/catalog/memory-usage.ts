import { z } from 'zod';
import { percentage, seconds } from '../../bounds.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { memoryPercent } from '../../metrics/window-values.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      max_usage_percentage: percentage()
        .default(85)
        .describe('Breach when resident memory is above this percent of the memory limit. Default 85.'),
      check_interval_seconds: seconds()
        .optional()
        .describe('Read memory at most this often. Default: at every poll.'),
    })
    .default({ max_usage_percentage: 85 }),
);

export const memoryUsageGate = {
  name: 'memory_usage',
  unit: '%',
  summary: 'process_resident_memory_bytes as a percentage of dhash_memory_limit_bytes (instant).',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: 2,
  defaultActions: ['alert'],
  limits: (t) => ({ limit: t.max_usage_percentage, checkIntervalSeconds: t.check_interval_seconds }),
  metricFamilies: [METRIC_NAMES.residentMemory, METRIC_NAMES.memoryLimit],
  scrape: { from: 'metrics', compute: (_history, latest) => memoryPercent(latest) },
  promql: (match) => ({
    value: `100 * max(${METRIC_NAMES.residentMemory}${match()} / ${METRIC_NAMES.memoryLimit}${match()})`,
  }),
  label: 'memory usage',
  wording: {
    breach: (r) =>
      `Resident memory is at ${quantity(r.value, '%')} of the memory limit, above the ${quantity(r.threshold, '%')} threshold.`,
    recovery: (r) =>
      `Resident memory is back to ${quantity(r.value, '%')} of the memory limit, within the ${quantity(r.threshold, '%')} threshold.`,
  },
} as const satisfies GateModule<'memory_usage', ReturnType<typeof threshold>>;
