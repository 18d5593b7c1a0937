import type { GateName, QualityGates } from '../../config/schema.js';
import type { GateRule } from './types.js';

export const GATE_UNITS: Record<GateName, string> = {
  health_check: 'failed checks',
  extraction_failure_rate: '%',
  p95_hash_time: 'ms',
  low_confidence_queue: 'items',
  memory_usage: '%',
  error_rate: '%',
};

/** The enabled gates of an environment, in config order. */
export function gateRules(gates: QualityGates): GateRule[] {
  const rules: GateRule[] = [];
  for (const [name, gate] of Object.entries(gates) as [GateName, NonNullable<QualityGates[GateName]>][]) {
    if (!gate || !gate.enabled) continue;
    if (name === 'health_check' && 'consecutive_failures' in gate) {
      rules.push({
        gate: name,
        threshold: gate.consecutive_failures,
        unit: GATE_UNITS[name],
        actions: gate.actions,
        noData: 'fail',
      });
      continue;
    }
    if (!('threshold' in gate)) continue;
    rules.push({
      gate: name,
      threshold: gate.threshold,
      unit: GATE_UNITS[name],
      actions: gate.actions,
      windowMs: 'evaluation_window_minutes' in gate ? gate.evaluation_window_minutes * 60_000 : undefined,
      minSamples: 'min_sample_size' in gate ? gate.min_sample_size : undefined,
      noData: gate.no_data,
      checkIntervalMs:
        gate.check_interval_seconds !== undefined ? gate.check_interval_seconds * 1000 : undefined,
    });
  }
  return rules;
}
