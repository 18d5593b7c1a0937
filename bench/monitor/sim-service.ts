import type { HttpGet } from '../../src/adapters/metrics/http-get.js';
import { HttpError } from '../../src/runtime/http.js';
import type { Clock } from '../../src/runtime/clock.js';

/** mulberry32: a small seeded PRNG, so every simulated window can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Fault = 'none' | 'hard_down' | 'p95' | 'extraction' | 'queue';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10];

/**
 * A simulated dhash service for the virtual-clock benchmarks: it renders the metrics contract as
 * Prometheus text from traffic it works out for the virtual time of each request. The workload is
 * random on purpose (seeded): 1 in 20 checks fails at random (a 503, a reset or a timeout), hash
 * times jitter (log-normal), traffic per second varies. A fault, once started, is sustained.
 */
export class SimService {
  private last: number;
  private ok = 0;
  private failed = 0;
  private http200 = 0;
  private http500 = 0;
  private readonly buckets = new Array<number>(BUCKETS.length + 1).fill(0);
  private sum = 0;
  private count = 0;
  readonly random: () => number;

  constructor(
    private readonly clock: Clock,
    seed: number,
    readonly fault: Fault = 'none',
    readonly faultAtMs = Infinity,
    private readonly checkFailureRate = 1 / 20,
  ) {
    this.random = seeded(seed);
    this.last = clock.now();
  }

  private get faulty(): boolean {
    return this.clock.now() >= this.faultAtMs;
  }

  private gaussian(): number {
    const u = 1 - this.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
  }

  private advance(): void {
    const now = this.clock.now();
    const seconds = (now - this.last) / 1000;
    this.last = now;
    const n = Math.round(seconds * (2 + this.random() * 2)); // 2-4 extractions a second
    const slow = this.faulty && this.fault === 'p95';
    const failShare = this.faulty && this.fault === 'extraction' ? 0.15 : 0.01;
    for (let i = 0; i < n; i++) {
      if (this.random() < failShare) this.failed++;
      else this.ok++;
      // log-normal around 300 ms (P95 ≈ 700 ms); the regression multiplies it by 8.
      const d = 0.3 * Math.exp(0.5 * this.gaussian()) * (slow ? 8 : 1);
      this.sum += d;
      this.count++;
      let b = BUCKETS.findIndex((le) => d <= le);
      if (b === -1) b = BUCKETS.length;
      this.buckets[b]++;
      if (this.random() < 0.005) this.http500++;
      else this.http200++;
    }
  }

  private metricsText(): string {
    const lines = [
      '# TYPE dhash_extractions_total counter',
      `dhash_extractions_total{result="success"} ${this.ok}`,
      `dhash_extractions_total{result="failure"} ${this.failed}`,
      '# TYPE dhash_hash_duration_seconds histogram',
    ];
    let cumulative = 0;
    BUCKETS.forEach((le, i) => {
      cumulative += this.buckets[i];
      lines.push(`dhash_hash_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    cumulative += this.buckets[BUCKETS.length];
    lines.push(
      `dhash_hash_duration_seconds_bucket{le="+Inf"} ${cumulative}`,
      `dhash_hash_duration_seconds_sum ${this.sum}`,
      `dhash_hash_duration_seconds_count ${this.count}`,
    );
    lines.push(`dhash_low_confidence_queue_length ${this.queue()}`);
    lines.push(
      `dhash_http_requests_total{code="200"} ${this.http200}`,
      `dhash_http_requests_total{code="500"} ${this.http500}`,
    );
    lines.push(
      `process_resident_memory_bytes ${Math.round((0.45 + 0.1 * this.random()) * 2 ** 30)}`,
      `dhash_memory_limit_bytes ${2 ** 30}`,
    );
    return `${lines.join('\n')}\n`;
  }

  private queue(): number {
    return this.faulty && this.fault === 'queue'
      ? 1500 + Math.round(this.random() * 200)
      : Math.round(40 + this.random() * 60);
  }

  /** The service as an HttpGet: no sockets, so a thousand hour-long windows take seconds. */
  readonly get: HttpGet = async (url) => {
    this.advance();
    const path = new URL(url).pathname;
    if (this.faulty && this.fault === 'hard_down')
      throw new HttpError('connect', 'could not connect: ECONNREFUSED');
    if (this.random() < this.checkFailureRate) {
      const kind = this.random();
      if (kind < 0.4) return { status: 503, body: '{"status":"fail"}', elapsedMs: 5 };
      if (kind < 0.7) throw new HttpError('network', 'request failed: other side closed');
      throw new HttpError('timeout', 'request timed out after 5000 ms');
    }
    if (path === '/health')
      return { status: 200, body: '{"status":"ok","version":"sim","checks":{}}', elapsedMs: 2 };
    if (path === '/metrics') return { status: 200, body: this.metricsText(), elapsedMs: 5 };
    if (path === '/api/dhash/queue/status')
      return { status: 200, body: JSON.stringify({ queue_length: this.queue() }), elapsedMs: 2 };
    return { status: 404, body: '', elapsedMs: 1 };
  };
}
