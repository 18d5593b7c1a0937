import { z } from 'zod';
import { BOUNDS, count, minutes, percentage } from '../../bounds.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { extractionFailurePercent } from '../../metrics/window-values.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      max_failure_percentage: percentage()
        .default(5)
        .describe('Breach when more than this percent of extractions failed in the window. Default 5.'),
      evaluation_window_minutes: minutes(BOUNDS.evaluationWindowMinutes).default(10).describe('Default 10.'),
      min_sample_size: count(BOUNDS.sampleSize, 'extractions')
        .default(20)
        .describe('Below this many extractions in the window the gate is inconclusive. Default 20.'),
    })
    .default({ max_failure_percentage: 5, evaluation_window_minutes: 10, min_sample_size: 20 }),
);

export const extractionFailureRateGate = {
  name: 'extraction_failure_rate',
  unit: '%',
  summary: 'Failed share of dhash_extractions_total over the evaluation window.',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: 2,
  defaultActions: ['alert'],
  limits: (t) => ({
    limit: t.max_failure_percentage,
    windowMinutes: t.evaluation_window_minutes,
    minSamples: t.min_sample_size,
  }),
  metricFamilies: [METRIC_NAMES.extractions],
  scrape: {
    from: 'metrics',
    compute: (history, _latest, now, windowMs) => extractionFailurePercent(history, now, windowMs),
  },
  // `or vector(0)`: a service that never failed has no failure series, which is 0 %, not no data.
  promql: (match, range) => {
    const n = METRIC_NAMES.extractions;
    const all = `sum(increase(${n}${match()}[${range}]))`;
    return {
      value: `100 * (sum(increase(${n}${match('result="failure"')}[${range}])) or vector(0)) / ${all}`,
      samples: all,
    };
  },
  label: 'extraction failure rate',
  wording: {
    breach: (r) =>
      `${quantity(r.value, '%')} of extractions failed over the evaluation window, above the ${quantity(r.threshold, '%')} threshold.`,
    recovery: (r) =>
      `Extraction failures over the evaluation window are back to ${quantity(r.value, '%')}, within the ${quantity(r.threshold, '%')} threshold.`,
  },
} as const satisfies GateModule<'extraction_failure_rate', ReturnType<typeof threshold>>;
