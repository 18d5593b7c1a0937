import { errorRateGate } from './error-rate.js';
import { extractionFailureRateGate } from './extraction-failure-rate.js';
import type { GateModule } from './gate-module.js';
import { healthGate } from './health.js';
import { lowConfidenceQueueGate } from './low-confidence-queue.js';
import { memoryUsageGate } from './memory-usage.js';
import { p95HashTimeGate } from './p95-hash-time.js';

/**
 * Every gate, one module each, in the order plans, reports and the config schema list them.
 * Adding a gate is its module plus its line here: the gate names, the config schema, the
 * normalized config, the monitor's rules, both metric sources and the messages' wording all come
 * from this list. Each module is checked against GateModule in its own file, so a module that
 * lacks a part does not compile.
 */
const MODULES = [
  healthGate,
  extractionFailureRateGate,
  p95HashTimeGate,
  lowConfidenceQueueGate,
  memoryUsageGate,
  errorRateGate,
] as const satisfies readonly GateModule[];

/** The quality gates, by the names the config file uses (the seed's). */
export type GateName = (typeof MODULES)[number]['name'];
/** Every gate but health (which has its own loop and settings): the gates judged from a metric source. */
export type MetricGateName = Exclude<GateName, 'health'>;

/** Each module under its name, with its own threshold type. */
export const GATE_CATALOG = Object.fromEntries(MODULES.map((m) => [m.name, m])) as {
  readonly [N in GateName]: Extract<(typeof MODULES)[number], { name: N }>;
};
export type GateCatalog = typeof GATE_CATALOG;

/** The gate names, catalog order (a tuple, as z.enum takes it). */
export const GATE_NAMES = MODULES.map((m) => m.name) as unknown as readonly [GateName, ...GateName[]];
export const METRIC_GATE_NAMES: readonly MetricGateName[] = GATE_NAMES.filter(
  (name): name is MetricGateName => name !== 'health',
);

/** Every metric family the scrape source keeps: the union of the gates' own. */
export const SCRAPED_FAMILIES: ReadonlySet<string> = new Set(MODULES.flatMap((g) => g.metricFamilies));
