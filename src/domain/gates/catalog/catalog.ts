import { errorRateGate } from './error-rate.js';
import { extractionFailureRateGate } from './extraction-failure-rate.js';
import type { GateModule } from './gate-module.js';
import { healthGate } from './health.js';
import { lowConfidenceQueueGate } from './low-confidence-queue.js';
import { memoryUsageGate } from './memory-usage.js';
import type { GateName } from './names.js';
import { p95HashTimeGate } from './p95-hash-time.js';

/**
 * Every gate, by name. `satisfies` makes a name in GATE_NAMES without a module (or a module that
 * lacks a part of GateModule) a compile error; the schema, the metric sources and the messages
 * are all derived from here.
 */
export const GATE_CATALOG = {
  health: healthGate,
  extraction_failure_rate: extractionFailureRateGate,
  p95_hash_time: p95HashTimeGate,
  low_confidence_queue: lowConfidenceQueueGate,
  memory_usage: memoryUsageGate,
  error_rate: errorRateGate,
} as const satisfies { readonly [N in GateName]: GateModule<N> };

export type GateCatalog = typeof GATE_CATALOG;
export {
  GATE_NAMES,
  GATE_ACTIONS,
  METRIC_GATE_NAMES,
  type GateName,
  type GateAction,
  type MetricGateName,
} from './names.js';

/** Every metric family the scrape source keeps: the union of the gates' own. */
export const SCRAPED_FAMILIES: ReadonlySet<string> = new Set(
  Object.values(GATE_CATALOG).flatMap((g) => g.metricFamilies),
);
