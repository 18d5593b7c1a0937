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

export const GATE_ACTIONS = ['alert', 'auto_rollback'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];
