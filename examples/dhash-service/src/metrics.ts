import promClient from 'prom-client';

/**
 * The service's Prometheus metrics, on a registry of its own (never the process-global one, so
 * several services in one test process do not share counters). The families and the histogram
 * buckets are the contract the rollout's default quality gates read (docs/architecture.md, "Contracts").
 */
export const HASH_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10];

export interface MetricSources {
  queueLength: () => number;
  memoryLimitBytes: number;
  rssBytes?: () => number;
  version: string;
}

export class ServiceMetrics {
  readonly registry = new promClient.Registry();
  readonly extractions: promClient.Counter<'result'>;
  readonly hashDuration: promClient.Histogram;
  readonly httpRequests: promClient.Counter<'code' | 'method' | 'route'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.extractions = new promClient.Counter({
      name: 'dhash_extractions_total',
      help: 'Image hash extractions, by result (failure: the image could not be decoded or hashed).',
      labelNames: ['result'],
      registers,
    });
    // Both series exist from the start, so a rate over the first window is defined.
    this.extractions.inc({ result: 'success' }, 0);
    this.extractions.inc({ result: 'failure' }, 0);
    this.hashDuration = new promClient.Histogram({
      name: 'dhash_hash_duration_seconds',
      help: 'Time to decode and hash one image (successful extractions).',
      buckets: HASH_DURATION_BUCKETS,
      registers,
    });
    this.httpRequests = new promClient.Counter({
      name: 'dhash_http_requests_total',
      help: 'HTTP requests answered, by status code, method and route.',
      labelNames: ['code', 'method', 'route'],
      registers,
    });
    // The main route's series exist from the start, so the first scrape already has the family.
    for (const code of ['200', '422', '500'])
      this.httpRequests.inc({ code, method: 'POST', route: '/api/dhash' }, 0);
    new promClient.Gauge({
      name: 'dhash_low_confidence_queue_length',
      help: 'Items waiting in the low-confidence review queue.',
      registers,
      collect() {
        this.set(sources.queueLength());
      },
    });
    const rss = sources.rssBytes ?? (() => process.memoryUsage.rss());
    new promClient.Gauge({
      name: 'process_resident_memory_bytes',
      help: 'Resident memory size in bytes.',
      registers,
      collect() {
        this.set(rss());
      },
    });
    new promClient.Gauge({
      name: 'dhash_memory_limit_bytes',
      help: 'Memory the service may use: configured, else the cgroup limit, else total memory.',
      registers,
    }).set(sources.memoryLimitBytes);
    new promClient.Gauge({
      name: 'dhash_build_info',
      help: 'The running release (always 1).',
      labelNames: ['version'],
      registers,
    }).set({ version: sources.version }, 1);
  }

  contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
