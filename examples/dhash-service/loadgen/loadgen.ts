import { Agent, request } from 'node:http';
import {
  buildImagePool,
  DEFAULT_MIX,
  IMAGE_KINDS,
  MixPicker,
  type ImageKind,
  type Mix,
  type PoolImage,
} from './image-mix.js';

/**
 * An open-loop load generator: request i is sent at start + i/rate whatever earlier requests are
 * doing (a slow service does not slow the offered load, as real clients do not wait for each
 * other). Stops after `durationSeconds` or when `signal` aborts, then waits for in-flight requests.
 */
export interface LoadOptions {
  url: string;
  /** Requests per second offered. */
  rate: number;
  /** Seconds to run; 0 = until the signal aborts. */
  durationSeconds: number;
  signal?: AbortSignal;
  mix?: Mix;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Most requests in flight at once; beyond it a send is skipped and counted. */
  maxInFlight?: number;
  /** Every `jsonEvery`-th request sends JSON {"image_base64"} instead of raw bytes (0 = never). */
  jsonEvery?: number;
  onProgress?: (snapshot: LoadReport) => void;
  progressIntervalMs?: number;
}

export interface LatencySummary {
  p50_ms: number | null;
  p90_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
}

export interface LoadReport {
  offered_rate: number;
  elapsed_seconds: number;
  sent: number;
  completed: number;
  achieved_rate: number;
  skipped_over_max_in_flight: number;
  transport_errors: number;
  status_counts: Record<string, number>;
  by_kind: Record<ImageKind, number>;
  latency: LatencySummary;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarise(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

function send(
  agent: Agent,
  target: URL,
  image: PoolImage,
  asJson: boolean,
  timeoutMs: number,
): Promise<number> {
  const body = asJson
    ? Buffer.from(JSON.stringify({ image_base64: image.bytes.toString('base64') }))
    : image.bytes;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': asJson ? 'application/json' : image.contentType,
          'content-length': body.length,
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  if (!(options.rate > 0)) throw new Error('rate must be above 0 requests per second');
  if (!(options.durationSeconds >= 0)) throw new Error('duration must be 0 (until stopped) or more seconds');
  const target = new URL('/api/dhash', options.url);
  const picker = new MixPicker(options.mix ?? DEFAULT_MIX, buildImagePool());
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxInFlight = options.maxInFlight ?? 1000;
  const jsonEvery = options.jsonEvery ?? 4;

  const latencies: number[] = [];
  const statusCounts: Partial<Record<string, number>> = {};
  const byKind = Object.fromEntries(IMAGE_KINDS.map((k) => [k, 0])) as Record<ImageKind, number>;
  let sent = 0;
  let completed = 0;
  let skipped = 0;
  let transportErrors = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const report = (): LoadReport => {
    const seconds = elapsed();
    return {
      offered_rate: options.rate,
      elapsed_seconds: Math.round(seconds * 100) / 100,
      sent,
      completed,
      achieved_rate: seconds > 0 ? Math.round((completed / seconds) * 100) / 100 : 0,
      skipped_over_max_in_flight: skipped,
      transport_errors: transportErrors,
      status_counts: Object.fromEntries(Object.entries(statusCounts).map(([s, n]) => [s, n ?? 0])),
      by_kind: { ...byKind },
      latency: summarise(latencies),
    };
  };

  const onProgress = options.onProgress;
  const progress = onProgress
    ? setInterval(() => {
        onProgress(report());
      }, options.progressIntervalMs ?? 5000)
    : undefined;
  progress?.unref();
  const endAt = options.durationSeconds > 0 ? options.durationSeconds : Infinity;
  try {
    for (let i = 0; ; i++) {
      const due = i / options.rate;
      if (due >= endAt || options.signal?.aborted) break;
      const waitMs = (due - elapsed()) * 1000;
      if (waitMs > 0) {
        const stopped = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            options.signal?.removeEventListener('abort', onAbort);
            resolve(false);
          }, waitMs);
          const onAbort = () => {
            clearTimeout(timer);
            resolve(true);
          };
          options.signal?.addEventListener('abort', onAbort, { once: true });
        });
        if (stopped) break;
      }
      if (inFlight.size >= maxInFlight) {
        skipped++;
        continue;
      }
      const image = picker.pick();
      byKind[image.kind]++;
      sent++;
      const t0 = performance.now();
      const job = send(
        agent,
        target,
        image,
        jsonEvery > 0 && i % jsonEvery === jsonEvery - 1,
        timeoutMs,
      ).then(
        (status) => {
          latencies.push(performance.now() - t0);
          completed++;
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        },
        () => {
          transportErrors++;
        },
      );
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  } finally {
    if (progress) clearInterval(progress);
    agent.destroy();
  }
  return report();
}
