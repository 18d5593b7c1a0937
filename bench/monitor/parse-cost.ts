import { Counter, Registry } from 'prom-client';
import { parseExposition } from '../../src/domain/metrics/exposition.js';
import { GATE_FAMILIES } from '../../src/domain/metrics/metric-names.js';
import { SeriesHistory } from '../../src/domain/metrics/series-history.js';
import {
  errorRatePercent,
  extractionFailurePercent,
  memoryPercent,
  p95Milliseconds,
} from '../../src/domain/metrics/window-values.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10];

/** A /metrics payload of about `series` series: the gate families plus a crowd of others. */
export function payload(series: number, scrape: number): string {
  const lines: string[] = ['# TYPE dhash_extractions_total counter'];
  lines.push(
    `dhash_extractions_total{result="success"} ${1000 * scrape}`,
    `dhash_extractions_total{result="failure"} ${10 * scrape}`,
  );
  lines.push('# TYPE dhash_hash_duration_seconds histogram');
  BUCKETS.forEach((le, i) =>
    lines.push(
      `dhash_hash_duration_seconds_bucket{le="${le}"} ${Math.round((1000 * scrape * (i + 1)) / BUCKETS.length)}`,
    ),
  );
  lines.push(
    `dhash_hash_duration_seconds_bucket{le="+Inf"} ${1000 * scrape}`,
    `dhash_hash_duration_seconds_sum ${300 * scrape}`,
    `dhash_hash_duration_seconds_count ${1000 * scrape}`,
  );
  lines.push(
    `dhash_low_confidence_queue_length 42`,
    `dhash_http_requests_total{code="200"} ${2000 * scrape}`,
    `dhash_http_requests_total{code="500"} ${scrape}`,
  );
  lines.push(`process_resident_memory_bytes 400000000`, `dhash_memory_limit_bytes 1000000000`);
  lines.push(
    '# HELP app_requests_total Requests by route (cardinality filler).',
    '# TYPE app_requests_total counter',
  );
  for (let i = lines.length; i < series; i++) {
    lines.push(
      `app_requests_total{route="/api/v1/resource/${i % 997}",method="${i % 3 === 0 ? 'POST' : 'GET'}",code="${200 + (i % 5)}",instance="replica-${i % 7}",series="${i}"} ${i * 3 + scrape}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function time<T>(runs: number, fn: () => T): { ms: number; last: T } {
  let last!: T;
  fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) last = fn();
  return { ms: (performance.now() - t0) / runs, last };
}

export async function parseCost(series: number): Promise<Record<string, string | number>> {
  const runs = series >= 100_000 ? 5 : 20;
  const text = payload(series, 2);
  const bytes = Buffer.byteLength(text);
  // What the monitor does per poll: parse (gate families only), record, and compute every gate.
  const history = new SeriesHistory(3600_000);
  history.record(0, parseExposition(payload(series, 1), { families: GATE_FAMILIES }).samples);
  const poll = time(runs, () => {
    const { samples } = parseExposition(text, { families: GATE_FAMILIES });
    const h = new SeriesHistory(3600_000);
    h.record(
      0,
      history
        .select('dhash_extractions_total')
        .map((s) => ({ name: s.name, labels: s.labels, value: s.points[0].v })),
    );
    h.record(60_000, samples);
    return [
      extractionFailurePercent(h, 60_000, 600_000),
      p95Milliseconds(h, 60_000, 900_000),
      errorRatePercent(h, 60_000, 300_000),
      memoryPercent(samples),
    ];
  });
  const full = time(runs, () => parseExposition(text).samples.length);
  // Memory: heap held by one full parse (every series materialised) and by the filtered one.
  const before = heapMiB();
  const kept = parseExposition(text);
  const fullHeap = heapMiB() - before;
  const before2 = heapMiB();
  const _keptFiltered = parseExposition(text, { families: GATE_FAMILIES });
  const filteredHeap = heapMiB() - before2;
  // Baselines in the same run: JSON.parse of a JSON document of the same size, and prom-client
  // serialising a registry with the same number of series.
  const json = JSON.stringify(kept.samples.map((s) => ({ n: s.name, l: s.labels, v: s.value }))).slice(
    0,
    bytes,
  );
  const jsonText = json.slice(0, json.lastIndexOf('},{') + 1) + ']';
  const jsonParse = time(runs, () => (JSON.parse(jsonText) as unknown[]).length);
  const registry = new Registry();
  const counter = new Counter({
    name: 'app_requests_total',
    help: 'x',
    labelNames: ['route', 'method', 'code', 'instance', 'series'],
    registers: [registry],
  });
  for (let i = 0; i < series; i++)
    counter.inc(
      {
        route: `/api/v1/resource/${i % 997}`,
        method: i % 3 === 0 ? 'POST' : 'GET',
        code: String(200 + (i % 5)),
        instance: `replica-${i % 7}`,
        series: String(i),
      },
      i,
    );
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await registry.metrics();
  const promClient = (performance.now() - t0) / runs;
  return {
    series,
    'payload MiB': +(bytes / 2 ** 20).toFixed(1),
    'poll: parse gate families + evaluate (ms)': +poll.ms.toFixed(1),
    'full parse, every series (ms)': +full.ms.toFixed(1),
    'heap of a full parse (MiB)': +fullHeap.toFixed(1),
    'heap of the filtered parse (MiB)': +filteredHeap.toFixed(2),
    'baseline JSON.parse same size (ms)': +jsonParse.ms.toFixed(1),
    'baseline prom-client registry.metrics() (ms)': +promClient.toFixed(1),
  };
}
