import type { GateName, ServiceConfig } from '../../config/schema.js';
import type { HealthCheck } from '../../domain/gates/health.js';
import type { GateRule, Measurement } from '../../domain/gates/types.js';
import { whileHolding, type Clock } from '../../runtime/clock.js';
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

type QueryAnswer = { value: number | null; series: number; why?: string } | { error: string };

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
          // Both queries are evaluated at one instant (`time=`), so the value and its sample
          // count describe the same window.
          const time = context.now / 1000;
          const [value, samples] = await Promise.all([
            this.query(queries.value, time, context),
            queries.samples ? this.query(queries.samples, time, context) : undefined,
          ]);
          const source = queries.samples ? `${queries.value}  [samples: ${queries.samples}]` : queries.value;
          if ('error' in value) return { ...base, value: null, samples: null, source, error: value.error };
          const sampleCount = samples && !('error' in samples) ? (samples.value ?? 0) : null;
          return {
            ...base,
            value: value.value,
            samples: sampleCount,
            source,
            error: value.value === null ? value.why : undefined,
            detail: value.series > 1 ? `worst of ${value.series} series` : undefined,
            inputs: {
              kind: 'promql',
              query: queries.value,
              time,
              value: value.value,
              series: value.series,
              samplesQuery: queries.samples,
              samples: queries.samples ? sampleCount : undefined,
            },
          };
        }),
    );
  }

  private async query(promql: string, time: number, context: MeasureContext): Promise<QueryAnswer> {
    const { signal } = context;
    const url = `${this.apiUrl}?query=${encodeURIComponent(promql)}&time=${time.toFixed(3)}`;
    try {
      const res = await whileHolding(this.options.clock, () =>
        this.options.get(url, {
          timeoutMs: Math.min(
            this.options.service.request_timeout_seconds * 1000,
            context.timeoutMs ?? Infinity,
          ),
          signal,
          maxBodyBytes: 16 * 1024 * 1024,
        }),
      );
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
  // NaN and ±Inf are no data: a NaN counter or a division by zero is not a value to judge.
  if (data.resultType === 'scalar') {
    const raw = (data.result as [number, string])[1];
    const v = Number(raw);
    return Number.isFinite(v)
      ? { value: v, series: 1 }
      : { value: null, series: 1, why: `the query answered ${raw}: no data` };
  }
  if (data.resultType !== 'vector') return { error: `expected an instant vector, got a ${data.resultType}` };
  const raw = (data.result as Array<{ value: [number, string] }>).map((s) => s.value[1]);
  const values = raw.map(Number).filter((v) => Number.isFinite(v));
  if (raw.length === 0) return { value: null, series: 0, why: 'the query returned no series' };
  if (values.length === 0)
    return { value: null, series: raw.length, why: `the query answered ${raw.join(', ')}: no data` };
  return { value: Math.max(...values), series: values.length };
}
