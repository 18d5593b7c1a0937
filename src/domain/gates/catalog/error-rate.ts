import { z } from 'zod';
import { BOUNDS, count, minutes, percentage } from '../../bounds.js';
import { METRIC_NAMES } from '../../metrics/metric-names.js';
import { errorRatePercent } from '../../metrics/window-values.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      max_error_percentage: percentage()
        .default(3)
        .describe('Breach when more than this percent of HTTP responses in the window were 5xx. Default 3.'),
      evaluation_window_minutes: minutes(BOUNDS.evaluationWindowMinutes).default(5).describe('Default 5.'),
      min_sample_size: count(BOUNDS.sampleSize, 'requests')
        .default(10)
        .describe('Below this many requests in the window the gate is inconclusive. Default 10.'),
    })
    .default({ max_error_percentage: 3, evaluation_window_minutes: 5, min_sample_size: 10 }),
);

export const errorRateGate = {
  name: 'error_rate',
  unit: '%',
  summary: '5xx share of dhash_http_requests_total over the evaluation window.',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: 2,
  defaultActions: ['alert'],
  limits: (t) => ({
    limit: t.max_error_percentage,
    windowMinutes: t.evaluation_window_minutes,
    minSamples: t.min_sample_size,
  }),
  metricFamilies: [METRIC_NAMES.httpRequests],
  scrape: {
    from: 'metrics',
    compute: (history, _latest, now, windowMs) => errorRatePercent(history, now, windowMs),
  },
  promql: (match, range) => {
    const n = METRIC_NAMES.httpRequests;
    const all = `sum(increase(${n}${match()}[${range}]))`;
    return {
      value: `100 * (sum(increase(${n}${match('code=~"5.."')}[${range}])) or vector(0)) / ${all}`,
      samples: all,
    };
  },
  label: 'HTTP error rate',
  wording: {
    breach: (r) =>
      `${quantity(r.value, '%')} of HTTP responses over the evaluation window were 5xx errors, above the ${quantity(r.threshold, '%')} threshold.`,
    recovery: (r) =>
      `5xx errors over the evaluation window are back to ${quantity(r.value, '%')} of HTTP responses, within the ${quantity(r.threshold, '%')} threshold.`,
  },
} as const satisfies GateModule<'error_rate', ReturnType<typeof threshold>>;
