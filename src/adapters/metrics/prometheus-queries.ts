import type { GateName } from '../../config/schema.js';
import { METRIC_NAMES } from '../../domain/metrics/metric-names.js';

/**
 * Default PromQL per gate. Each aggregates across every replica the selector matches:
 * rates are sums of increases (a fleet-wide ratio, not an average of ratios), P95 is taken
 * from bucket increases summed by `le`, and instant gauges take the worst replica (`max`) —
 * the review queue is shared, so summing replicas would count it several times.
 * Numerators carry `or vector(0)`: a service that never failed has no failure series at all,
 * and without it the whole ratio would be empty (no data) instead of 0 %.
 */
export interface GateQueries {
  value: string;
  /** Events in the window, for min_sample_size; absent for instant gauges and overrides. */
  samples?: string;
}

function selector(base: string, extra?: string): string {
  const parts = [base.trim(), extra].filter((p): p is string => !!p && p.length > 0);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export function rangeLabel(seconds: number): string {
  return `${Math.max(1, Math.round(seconds))}s`;
}

export function defaultQueries(gate: GateName, sel: string, rangeSeconds: number): GateQueries | null {
  const r = rangeLabel(rangeSeconds);
  switch (gate) {
    case 'extraction_failure_rate': {
      const n = METRIC_NAMES.extractions;
      const all = `sum(increase(${n}${selector(sel)}[${r}]))`;
      return {
        value: `100 * (sum(increase(${n}${selector(sel, 'result="failure"')}[${r}])) or vector(0)) / ${all}`,
        samples: all,
      };
    }
    case 'error_rate': {
      const n = METRIC_NAMES.httpRequests;
      const all = `sum(increase(${n}${selector(sel)}[${r}]))`;
      return {
        value: `100 * (sum(increase(${n}${selector(sel, 'code=~"5.."')}[${r}])) or vector(0)) / ${all}`,
        samples: all,
      };
    }
    case 'p95_hash_time': {
      const n = METRIC_NAMES.hashDuration;
      return {
        value: `1000 * histogram_quantile(0.95, sum by (le) (increase(${n}_bucket${selector(sel)}[${r}])))`,
        samples: `sum(increase(${n}_count${selector(sel)}[${r}]))`,
      };
    }
    case 'low_confidence_queue':
      return { value: `max(${METRIC_NAMES.queueLength}${selector(sel)})` };
    case 'memory_usage':
      return {
        value: `100 * max(${METRIC_NAMES.residentMemory}${selector(sel)} / ${METRIC_NAMES.memoryLimit}${selector(sel)})`,
      };
    default:
      return null;
  }
}
