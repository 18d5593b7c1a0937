import type { GateName, ServiceConfig } from '../../config/schema.js';
import type { HealthCheck } from '../../domain/gates/health.js';
import type { GateRule, Measurement } from '../../domain/gates/types.js';
import type { Clock } from '../../runtime/clock.js';
import { checkHealth } from './health-probe.js';
import { describeFailure, type HttpGet } from './http-get.js';
import type { MeasureContext, MetricSource } from './metric-source.js';
import { defaultQueries, type GateQueries } from './prometheus-queries.js';

export interface PrometheusSourceOptions {
  url: string;
  selector: string;
  overrides: Partial<Record<GateName, string>>;
  service: ServiceConfig;
  healthTimeoutMs: number;
  healthRetryDelayMs: number;
  clock: Clock;
  get: HttpGet;
}

/** Windows never reach back past monitoring start (older data is the previous release's), but
 * are at least this long so a fresh run still spans a few scrapes. */
export const MIN_RANGE_SECONDS = 60;

type QueryAnswer = { value: number | null; series: number } | { error: string };

/**
 * Gate values from PromQL instant queries (`GET /api/v1/query`). An empty result is "no data",
 * judged by the gate's no-data policy; a vector of several series (an override that does not
 * aggregate) is judged by its worst member.
 */
export class PrometheusSource implements MetricSource {
  readonly kind = 'prometheus' as const;
  readonly healthUrl: string;
  private readonly apiUrl: string;

  constructor(private readonly options: PrometheusSourceOptions) {
    this.healthUrl = options.service.base_url.replace(/\/+$/, '') + options.service.health_path;
    this.apiUrl = `${options.url.replace(/\/+$/, '')}/api/v1/query`;
  }

  checkHealth(signal?: AbortSignal): Promise<HealthCheck> {
    const { get, clock, healthTimeoutMs, healthRetryDelayMs } = this.options;
    return checkHealth(get, clock, this.healthUrl, healthTimeoutMs, healthRetryDelayMs, signal);
  }

  queriesFor(rule: GateRule, rangeSeconds: number): GateQueries | null {
    const override = this.options.overrides[rule.gate];
    if (override) return { value: override };
    return defaultQueries(rule.gate, this.options.selector, rangeSeconds);
  }

  describe(rule: GateRule): string {
    if (rule.gate === 'health') return `GET ${this.healthUrl}`;
    const q = this.queriesFor(rule, (rule.windowMs ?? 0) / 1000);
    return q ? `${q.value}  (Prometheus ${this.options.url})` : '(no query)';
  }

  async measure(rules: readonly GateRule[], context: MeasureContext): Promise<Measurement[]> {
    return Promise.all(
      rules
        .filter((r) => r.gate !== 'health')
        .map(async (rule): Promise<Measurement> => {
          const elapsedSeconds = (context.now - context.startedAt) / 1000;
          const range =
            rule.windowMs === undefined
              ? 0
              : Math.min(rule.windowMs / 1000, Math.max(elapsedSeconds, MIN_RANGE_SECONDS));
          const queries = this.queriesFor(rule, range);
          const base = { gate: rule.gate, at: context.now };
          if (!queries)
            return {
              ...base,
              value: null,
              samples: null,
              source: '(no query)',
              error: 'no query for this gate',
            };
          const [value, samples] = await Promise.all([
            this.query(queries.value, context.signal),
            queries.samples ? this.query(queries.samples, context.signal) : undefined,
          ]);
          const source = queries.samples ? `${queries.value}  [samples: ${queries.samples}]` : queries.value;
          if ('error' in value) return { ...base, value: null, samples: null, source, error: value.error };
          const sampleCount = samples && !('error' in samples) ? (samples.value ?? 0) : null;
          return {
            ...base,
            value: value.value,
            samples: sampleCount,
            source,
            error: value.value === null ? 'the query returned no series' : undefined,
            detail: value.series > 1 ? `worst of ${value.series} series` : undefined,
          };
        }),
    );
  }

  private async query(promql: string, signal?: AbortSignal): Promise<QueryAnswer> {
    const url = `${this.apiUrl}?query=${encodeURIComponent(promql)}`;
    try {
      const res = await this.options.get(url, {
        timeoutMs: this.options.service.request_timeout_seconds * 1000,
        signal,
        maxBodyBytes: 16 * 1024 * 1024,
      });
      let parsed: PromResponse;
      try {
        parsed = JSON.parse(res.body) as PromResponse;
      } catch {
        return { error: `Prometheus answered HTTP ${res.status} with a body that is not JSON` };
      }
      if (res.status !== 200 || parsed.status !== 'success') {
        return {
          error: `Prometheus: ${parsed.errorType ?? `HTTP ${res.status}`}: ${parsed.error ?? 'query failed'}`,
        };
      }
      return readResult(parsed.data);
    } catch (error) {
      if (signal?.aborted) throw error;
      return { error: `Prometheus: ${describeFailure(error)}` };
    }
  }
}

interface PromResponse {
  status: string;
  error?: string;
  errorType?: string;
  data?: { resultType: string; result: unknown };
}

function readResult(data: PromResponse['data']): QueryAnswer {
  if (!data) return { error: 'Prometheus answered without data' };
  if (data.resultType === 'scalar') {
    const v = Number((data.result as [number, string])[1]);
    return { value: Number.isFinite(v) ? v : null, series: 1 };
  }
  if (data.resultType !== 'vector') return { error: `expected an instant vector, got a ${data.resultType}` };
  const values = (data.result as Array<{ value: [number, string] }>)
    .map((s) => Number(s.value[1]))
    .filter((v) => Number.isFinite(v));
  if (values.length === 0) return { value: null, series: 0 };
  return { value: Math.max(...values), series: values.length };
}
