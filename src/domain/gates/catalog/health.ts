import { z } from 'zod';
import { BOUNDS, count, seconds } from '../../bounds.js';
import { lazily } from '../../lazily.js';
import type { GateModule } from './gate-module.js';
import { quantity } from './quantity.js';

const threshold = lazily(() =>
  z
    .strictObject({
      consecutive_failures: count(BOUNDS.smallCount, 'consecutive failed checks')
        .default(2)
        .describe('Breach when more than this many health checks in a row fail. Default 2.'),
      check_interval_seconds: seconds()
        .default(10)
        .describe('Seconds between two health checks (the health loop runs on its own timer). Default 10.'),
    })
    .default({ consecutive_failures: 2, check_interval_seconds: 10 }),
);

/** GET /health: non-2xx, a timeout, an unparsable body or a status other than "ok" is a failed check. */
export const healthGate = {
  name: 'health',
  unit: 'failed checks',
  summary:
    'GET /health: non-2xx, timeout, unparsable JSON or status other than "ok" is a failed check; the gate breaches when failed checks in a row exceed consecutive_failures.',
  get threshold() {
    return threshold();
  },
  defaultFailureLimit: null,
  defaultActions: ['alert'],
  limits: (t) => ({ limit: t.consecutive_failures, checkIntervalSeconds: t.check_interval_seconds }),
  metricFamilies: [],
  scrape: { from: 'health' },
  promql: () => null,
  label: 'health',
  wording: {
    breach: (r) =>
      `The health endpoint failed ${quantity(r.value, 'checks')} in a row, more than the ${r.threshold} allowed.`,
    recovery: (r) =>
      `The health endpoint answers healthy again (a breach is more than ${r.threshold} failed checks in a row).`,
  },
} as const satisfies GateModule<'health', ReturnType<typeof threshold>>;
