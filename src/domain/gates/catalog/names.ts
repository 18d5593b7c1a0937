/** The quality gates, by the names the config file uses (the seed's). */
export const GATE_NAMES = [
  'health',
  'extraction_failure_rate',
  'p95_hash_time',
  'low_confidence_queue',
  'memory_usage',
  'error_rate',
] as const;
export type GateName = (typeof GATE_NAMES)[number];

/** Every gate but health (which has its own loop and settings): the gates judged from a metric source. */
export type MetricGateName = Exclude<GateName, 'health'>;
export const METRIC_GATE_NAMES: readonly MetricGateName[] = GATE_NAMES.filter(
  (name): name is MetricGateName => name !== 'health',
);

export const GATE_ACTIONS = ['alert', 'auto_rollback'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];
