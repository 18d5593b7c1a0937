import { z } from 'zod';
import { percentage, seconds } from '../config/bounds.js';
import type { GateModule } from './gate-module.js';

const threshold = z
  .strictObject({
    max_usage_percentage: percentage()
      .default(85)
      .describe('Breach when resident memory is above this percent of the memory limit. Default 85.'),
    check_interval_seconds: seconds()
      .optional()
      .describe('Read memory at most this often. Default: at every poll.'),
  })
  .default({ max_usage_percentage: 85 });

export const memoryUsageGate = {
  name: 'memory_usage',
  unit: '%',
  summary: 'process_resident_memory_bytes as a percentage of dhash_memory_limit_bytes (instant).',
  threshold,
  defaultFailureLimit: 2,
  defaultActions: ['alert'],
  limits: (t) => ({ limit: t.max_usage_percentage, checkIntervalSeconds: t.check_interval_seconds }),
} as const satisfies GateModule<'memory_usage', typeof threshold>;
