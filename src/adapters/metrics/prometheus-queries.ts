import type { GateName } from '../../config/schema.js';
import { GATE_CATALOG } from '../../domain/gates/catalog/catalog.js';
import type { GateQueries } from '../../domain/gates/catalog/gate-module.js';

/**
 * Default PromQL per gate, from each gate's module in the catalog (src/domain/gates/catalog).
 * Each aggregates across every replica the selector matches: rates are sums of increases (a
 * fleet-wide ratio, not an average of ratios), P95 is taken from bucket increases summed by `le`,
 * and instant gauges take the worst replica (`max`).
 */
export type { GateQueries };

function selector(base: string, extra?: string): string {
  const parts = [base.trim(), extra].filter((p): p is string => !!p && p.length > 0);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export function rangeLabel(seconds: number): string {
  return `${Math.max(1, Math.round(seconds))}s`;
}

export function defaultQueries(gate: GateName, sel: string, rangeSeconds: number): GateQueries | null {
  return GATE_CATALOG[gate].promql((extra) => selector(sel, extra), rangeLabel(rangeSeconds));
}
