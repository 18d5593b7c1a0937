import type { GateAction } from '../../config/schema.js';
import { wilsonLowerBound } from './significance.js';
import type { GateEvaluation, GateRule, Measurement, Verdict } from './types.js';

/** A breach of a gate whose actions include auto_rollback is a `fail`; otherwise a `warn`. */
export function breachVerdict(actions: readonly GateAction[]): Verdict {
  return actions.includes('auto_rollback') ? 'fail' : 'warn';
}

function show(value: number, unit: string): string {
  const n = Math.abs(value) >= 100 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(2);
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/**
 * Judges one measurement of a metric gate. The order matters: missing data follows the gate's
 * no-data policy, too few events is inconclusive (never a failure), and only then is the value
 * compared with the threshold (strictly greater breaches, as the seed's ">" thresholds say); a
 * windowed ratio must also breach significantly (see significance.ts).
 */
export function evaluateMeasurement(rule: GateRule, m: Measurement): GateEvaluation {
  const base = {
    gate: rule.gate,
    at: m.at,
    value: m.value,
    threshold: rule.threshold,
    unit: rule.unit,
    samples: m.samples,
    minSamples: rule.minSamples,
    source: m.source,
  };
  if (m.value === null || !Number.isFinite(m.value)) {
    const why = m.error ?? m.detail ?? 'no data';
    if (rule.noData === 'pass')
      return { ...base, verdict: 'pass', reason: `no data (${why}); no_data policy is "pass"` };
    if (rule.noData === 'fail')
      return {
        ...base,
        verdict: breachVerdict(rule.actions),
        reason: `no data (${why}); no_data policy is "fail"`,
      };
    return { ...base, verdict: 'inconclusive', reason: `no data (${why})` };
  }
  if (rule.minSamples !== undefined && m.samples !== null && m.samples < rule.minSamples) {
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `${show(m.value, rule.unit)} from only ${Math.floor(m.samples)} samples (need ${rule.minSamples})`,
    };
  }
  if (m.value > rule.threshold && rule.unit === '%' && rule.minSamples !== undefined && m.samples !== null) {
    // A ratio over a window: the breach must be significant, not a small-sample fluctuation.
    const lower = 100 * wilsonLowerBound(Math.min(1, m.value / 100), m.samples);
    if (lower <= rule.threshold) {
      return {
        ...base,
        verdict: 'inconclusive',
        reason: `${show(m.value, rule.unit)} > ${show(rule.threshold, rule.unit)} on ${Math.floor(m.samples)} samples, not yet significant (90% lower bound ${show(lower, rule.unit)})`,
      };
    }
  }
  if (m.value > rule.threshold) {
    return {
      ...base,
      verdict: breachVerdict(rule.actions),
      reason: `${show(m.value, rule.unit)} > ${show(rule.threshold, rule.unit)}`,
    };
  }
  return {
    ...base,
    verdict: 'pass',
    reason: `${show(m.value, rule.unit)} ≤ ${show(rule.threshold, rule.unit)}`,
  };
}
