import type { ServiceConfig } from '../../config/schema.js';
import type { HealthCheck } from '../../domain/gates/health.js';
import type { GateRule, Measurement } from '../../domain/gates/types.js';
import { parseExposition, type Sample } from '../../domain/metrics/exposition.js';
import { GATE_CATALOG, SCRAPED_FAMILIES } from '../../domain/gates/catalog/catalog.js';
import type { GateName } from '../../domain/gates/catalog/names.js';
import { METRIC_NAMES } from '../../domain/metrics/metric-names.js';
import { SeriesHistory } from '../../domain/metrics/series-history.js';
import type { WindowValue } from '../../domain/metrics/window-values.js';
import { whileHolding, type Clock } from '../../runtime/clock.js';
import { checkHealth } from './health-probe.js';
import { describeFailure, type HttpGet } from './http-get.js';
import type { MeasureContext, MetricSource } from './metric-source.js';

/** Gates computed from /metrics, by their catalog module. */
const fromMetrics = (gate: GateName): boolean => GATE_CATALOG[gate].scrape.from === 'metrics';

export interface ScrapeSourceOptions {
  service: ServiceConfig;
  healthTimeoutMs: number;
  healthRetryDelayMs: number;
  /** The longest gate window: history older than this is dropped. */
  retainMs: number;
  clock: Clock;
  get: HttpGet;
}

/**
 * The default source: GET /health, /metrics and the queue status of one service URL. Windowed
 * gates come from the history of /metrics scrapes, so they need two scrapes inside their window
 * before they have a value (until then they are inconclusive, never failed).
 */
export class ScrapeSource implements MetricSource {
  readonly kind = 'scrape' as const;
  readonly healthUrl: string;
  private readonly metricsUrl: string;
  private readonly queueUrl: string;
  private readonly history: SeriesHistory;

  constructor(private readonly options: ScrapeSourceOptions) {
    const base = options.service.base_url.replace(/\/+$/, '');
    this.healthUrl = base + options.service.health_path;
    this.metricsUrl = base + options.service.metrics_path;
    this.queueUrl = base + options.service.queue_status_path;
    this.history = new SeriesHistory(options.retainMs);
  }

  checkHealth(signal?: AbortSignal): Promise<HealthCheck> {
    const { get, clock, healthTimeoutMs, healthRetryDelayMs } = this.options;
    return checkHealth(get, clock, this.healthUrl, healthTimeoutMs, healthRetryDelayMs, signal);
  }

  describe(rule: GateRule): string {
    const from = GATE_CATALOG[rule.gate].scrape.from;
    if (from === 'health') return `GET ${this.healthUrl}`;
    if (from === 'queue_status') return `GET ${this.queueUrl} → queue_length`;
    const at = { now: 0, startedAt: 0 };
    const empty = new SeriesHistory(0);
    return `${this.valueFor(rule, empty, [], at).source} (from GET ${this.metricsUrl})`;
  }

  async measure(rules: readonly GateRule[], context: MeasureContext): Promise<Measurement[]> {
    const metricRules = rules.filter((r) => fromMetrics(r.gate));
    const queueRule = rules.find((r) => GATE_CATALOG[r.gate].scrape.from === 'queue_status');
    // /metrics and the queue status are asked at once, each with its own deadline.
    const [scraped, queue] = await Promise.all([
      metricRules.length > 0 ? this.scrapeMetrics(context) : undefined,
      queueRule ? this.measureQueue(queueRule, context) : undefined,
    ]);
    const out: Measurement[] = [];
    for (const rule of metricRules) {
      if (!scraped || 'error' in scraped) {
        out.push({
          gate: rule.gate,
          at: context.now,
          value: null,
          samples: null,
          source: this.describe(rule),
          error: scraped?.error ?? 'not scraped',
        });
        continue;
      }
      const v = this.valueFor(rule, this.history, scraped.samples, context);
      out.push({
        gate: rule.gate,
        at: context.now,
        value: v.value,
        samples: v.samples,
        source: v.source,
        detail: v.detail,
        inputs: v.inputs,
        warnings: scraped.duplicates.length
          ? [
              `the scrape carried ${scraped.duplicates.length} duplicate series (kept the first sample of each, as Prometheus does): ${scraped.duplicates.slice(0, 5).join(', ')}${scraped.duplicates.length > 5 ? ', …' : ''}`,
            ]
          : undefined,
      });
    }
    if (queue) out.push(queue);
    return out;
  }

  private timeoutMs(context: MeasureContext): number {
    return Math.min(this.options.service.request_timeout_seconds * 1000, context.timeoutMs ?? Infinity);
  }

  private async scrapeMetrics(
    context: MeasureContext,
  ): Promise<{ samples: Sample[]; duplicates: string[] } | { error: string }> {
    try {
      const res = await whileHolding(this.options.clock, () =>
        this.options.get(this.metricsUrl, {
          timeoutMs: this.timeoutMs(context),
          signal: context.signal,
          maxBodyBytes: 256 * 1024 * 1024,
        }),
      );
      if (res.status !== 200)
        return { error: `GET ${this.options.service.metrics_path}: HTTP ${res.status}` };
      const { samples } = parseExposition(res.body, { families: SCRAPED_FAMILIES });
      const duplicates = this.history.record(context.now, samples);
      return { samples, duplicates };
    } catch (error) {
      if (context.signal?.aborted) throw error;
      return { error: `GET ${this.options.service.metrics_path}: ${describeFailure(error)}` };
    }
  }

  private valueFor(
    rule: GateRule,
    history: SeriesHistory,
    latest: Sample[],
    context: MeasureContext,
  ): WindowValue {
    // History starts with the first scrape of this run, so a window never reaches back into the
    // previous release's data.
    const windowMs = rule.windowMs ?? 0;
    const reading = GATE_CATALOG[rule.gate].scrape;
    if (reading.from !== 'metrics') return { value: null, samples: null, source: rule.gate };
    return reading.compute(history, latest, context.now, windowMs);
  }

  private async measureQueue(rule: GateRule, context: MeasureContext): Promise<Measurement> {
    const source = `GET ${this.queueUrl} → queue_length`;
    const base = { gate: rule.gate, at: context.now, samples: null, source };
    try {
      const res = await whileHolding(this.options.clock, () =>
        this.options.get(this.queueUrl, {
          timeoutMs: this.timeoutMs(context),
          signal: context.signal,
          maxBodyBytes: 1024 * 1024,
        }),
      );
      if (res.status !== 200) return { ...base, value: null, error: `HTTP ${res.status}` };
      const length = (JSON.parse(res.body) as { queue_length?: unknown }).queue_length;
      if (typeof length !== 'number' || !Number.isFinite(length))
        return { ...base, value: null, error: 'queue_length missing or not a number' };
      return {
        ...base,
        value: length,
        detail: `${length} items waiting for review`,
        inputs: { kind: 'gauge', value: length },
      };
    } catch (error) {
      if (context.signal?.aborted) throw error;
      return {
        ...base,
        value: null,
        error: error instanceof SyntaxError ? 'queue status is not JSON' : describeFailure(error),
      };
    }
  }
}

export { METRIC_NAMES };
