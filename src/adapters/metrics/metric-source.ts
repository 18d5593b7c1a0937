import type { HealthCheck } from '../../domain/gates/health.js';
import type { GateRule, Measurement } from '../../domain/gates/types.js';

export interface MeasureContext {
  now: number;
  /** When monitoring started: windows never reach back before it (older data is the old release). */
  startedAt: number;
  signal?: AbortSignal;
  /** Deadline of each request, so a hung endpoint cannot hold a poll past its schedule. */
  timeoutMs?: number;
}

/**
 * Where gate values come from. `scrape` reads the service's own endpoints; `prometheus` asks a
 * Prometheus server, which is how a fleet of replicas is judged. Health is always a direct GET.
 */
export interface MetricSource {
  readonly kind: 'scrape' | 'prometheus';
  checkHealth(signal?: AbortSignal): Promise<HealthCheck>;
  /** Measures the given metric gates (never health). Failures become measurements without a value. */
  measure(rules: readonly GateRule[], context: MeasureContext): Promise<Measurement[]>;
  /** The query or metric behind a gate, for plans and evidence. */
  describe(rule: GateRule): string;
  /** The health URL, for plans and evidence. */
  readonly healthUrl: string;
}
