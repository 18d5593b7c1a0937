import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../../../src/runtime/clock.js';

/**
 * A loopback stand-in for the dhash service, serving the metrics contract (docs/architecture.md, "Contracts") with
 * prom-client. Its counters really move: every request works out the traffic since the previous
 * one from the (virtual or real) clock and records it, and a scripted timeline of faults decides
 * how the service behaves at each moment.
 */
export const HASH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10];

export interface Behaviour {
  /** Connections are reset: the service is down. */
  down?: boolean;
  /** /health answers 503 {"status":"fail"}. */
  healthFail?: boolean;
  /** Share of extractions that fail (0..1). */
  failureRate?: number;
  /** Hash time in seconds for every observation (before jitter). */
  hashSeconds?: number;
  queueLength?: number;
  memoryFraction?: number;
  http5xxRate?: number;
  /** /metrics answers 500 while /health stays fine. */
  metricsFail?: boolean;
}

export interface Phase extends Behaviour {
  /** From this offset (ms after `startedAt`) on. */
  fromMs: number;
}

export class TestService {
  readonly registry = new Registry();
  private readonly extractions = new Counter({
    name: 'dhash_extractions_total',
    help: 'Extractions',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private readonly hash = new Histogram({
    name: 'dhash_hash_duration_seconds',
    help: 'Hash time',
    buckets: HASH_BUCKETS,
    registers: [this.registry],
  });
  private readonly queue = new Gauge({
    name: 'dhash_low_confidence_queue_length',
    help: 'Queue',
    registers: [this.registry],
  });
  private readonly http = new Counter({
    name: 'dhash_http_requests_total',
    help: 'HTTP',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly rss = new Gauge({
    name: 'process_resident_memory_bytes',
    help: 'RSS',
    registers: [this.registry],
  });
  private readonly limit = new Gauge({
    name: 'dhash_memory_limit_bytes',
    help: 'Limit',
    registers: [this.registry],
  });
  private server: Server | undefined;
  private lastTick: number;
  private carry = 0;
  private failCarry = 0;
  private errorCarry = 0;
  readonly requests: Array<{ at: number; path: string }> = [];
  startedAt: number;
  phases: Phase[] = [{ fromMs: 0 }];

  constructor(
    private readonly clock: Clock,
    /** Extractions (and API requests) per second. */
    private readonly rate = 2,
  ) {
    this.startedAt = clock.now();
    this.lastTick = this.startedAt;
    this.limit.set(512 * 2 ** 20);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  behaviourAt(now: number): Behaviour {
    let current: Behaviour = {};
    for (const p of this.phases) if (now - this.startedAt >= p.fromMs) current = p;
    return current;
  }

  /** Records the traffic between the last request and now, under the behaviour of now. */
  private tick(now: number, b: Behaviour): void {
    const exact = ((now - this.lastTick) / 1000) * this.rate + this.carry;
    const n = Math.floor(exact);
    this.carry = exact - n;
    this.lastTick = now;
    if (b.down) return;
    const failRate = b.failureRate ?? 0.01;
    // Spread failures evenly (carrying fractions), so 1 % of 20 extractions is not always 0.
    const failExact = n * failRate + this.failCarry;
    const failures = Math.floor(failExact);
    this.failCarry = failExact - failures;
    this.extractions.inc({ result: 'success' }, n - failures);
    if (failures > 0) this.extractions.inc({ result: 'failure' }, failures);
    const seconds = b.hashSeconds ?? 0.2;
    for (let i = 0; i < n; i++) this.hash.observe(seconds * (0.6 + (0.8 * ((i * 7919) % 101)) / 100));
    const errorExact = n * (b.http5xxRate ?? 0) + this.errorCarry;
    const errors = Math.floor(errorExact);
    this.errorCarry = errorExact - errors;
    this.http.inc({ code: '200' }, n - errors);
    if (errors > 0) this.http.inc({ code: '500' }, errors);
    this.queue.set(b.queueLength ?? 12);
    this.rss.set((b.memoryFraction ?? 0.4) * 512 * 2 ** 20);
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      void (async () => {
        const now = this.clock.now();
        const b = this.behaviourAt(now);
        this.tick(now, b);
        this.requests.push({ at: now, path: req.url ?? '' });
        if (b.down) {
          req.socket.destroy();
          return;
        }
        if (req.url === '/health') {
          res.writeHead(b.healthFail ? 503 : 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: b.healthFail ? 'fail' : 'ok', version: 'test', checks: {} }));
        } else if (req.url === '/metrics' && b.metricsFail) {
          res.writeHead(500).end('exporter broken');
        } else if (req.url === '/metrics') {
          res.writeHead(200, { 'content-type': this.registry.contentType });
          res.end(await this.registry.metrics());
        } else if (req.url === '/api/dhash/queue/status') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ queue_length: b.queueLength ?? 12 }));
        } else {
          res.writeHead(404).end();
        }
      })();
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server!.close(() => {
        resolve();
      }),
    );
  }
}
