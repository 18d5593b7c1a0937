import type { GateName, QualityGates } from '../../config/schema.js';
import { GATE_CATALOG, METRIC_GATE_NAMES } from './catalog/catalog.js';
import type { GateRule } from './types.js';

export const GATE_UNITS = Object.fromEntries(
  Object.values(GATE_CATALOG).map((g) => [g.name, g.unit]),
) as Record<GateName, string>;

/** The enabled gates of an environment, in catalog order. */
export function gateRules(gates: QualityGates): GateRule[] {
  const rules: GateRule[] = [];
  if (gates.health) {
    const h = gates.health;
    rules.push({
      gate: 'health',
      threshold: h.consecutive_failures,
      unit: GATE_UNITS.health,
      actions: h.actions,
      noData: 'fail',
      checkIntervalMs: h.check_interval_seconds * 1000,
    });
  }
  for (const name of METRIC_GATE_NAMES) {
    const gate = gates[name];
    if (!gate) continue;
    rules.push({
      gate: name,
      threshold: gate.threshold,
      unit: GATE_UNITS[name],
      actions: gate.actions,
      windowMs:
        gate.evaluation_window_minutes !== undefined ? gate.evaluation_window_minutes * 60_000 : undefined,
      minSamples: gate.min_sample_size,
      noData: gate.no_data,
      checkIntervalMs:
        gate.check_interval_seconds !== undefined ? gate.check_interval_seconds * 1000 : undefined,
      failureLimit: gate.failure_limit,
      inconclusiveLimit: gate.inconclusive_limit,
    });
  }
  return rules;
}
