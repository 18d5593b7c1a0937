import type { EnvironmentConfig } from '../../config/schema.js';
import type { GateRule } from '../../domain/gates/types.js';
import type { Clock } from '../../runtime/clock.js';
import { httpGet, type HttpGet } from './http-get.js';
import type { MetricSource } from './metric-source.js';
import { PrometheusSource } from './prometheus-source.js';
import { ScrapeSource } from './scrape-source.js';

/** Builds the metric source an environment's `metrics_source` names. */
export function createMetricSource(
  env: EnvironmentConfig,
  rules: readonly GateRule[],
  clock: Clock,
  get: HttpGet = httpGet,
): MetricSource {
  const health = env.quality_gates.health;
  const confirmMs = (health?.confirm_interval_seconds ?? 10) * 1000;
  const common = {
    service: env.service,
    healthTimeoutMs: (health?.timeout_seconds ?? env.service.request_timeout_seconds) * 1000,
    // Retry a failed health request once, well inside the confirm interval.
    healthRetryDelayMs: Math.min(1000, confirmMs / 4),
    clock,
    get,
  };
  if (env.metrics_source.type === 'prometheus') {
    return new PrometheusSource({
      ...common,
      url: env.metrics_source.url,
      selector: env.metrics_source.selector,
      overrides: env.metrics_source.queries,
    });
  }
  const retainMs = Math.max(0, ...rules.map((r) => r.windowMs ?? 0)) + 60_000;
  return new ScrapeSource({ ...common, retainMs });
}
