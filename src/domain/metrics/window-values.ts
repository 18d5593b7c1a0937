import { histogramQuantile, type Bucket } from './histogram-quantile.js';
import { pointsInRange, promIncrease, rawIncrease } from './increase.js';
import { METRIC_NAMES } from './metric-names.js';
import type { Sample } from './exposition.js';
import type { SeriesHistory } from './series-history.js';

/**
 * Gate values computed from scraped history, as the default PromQL queries of the prometheus
 * source compute them (docs/monitor.md): sample counts are sums of per-series `increase()`;
 * ratios and the P95 (`histogram_quantile()` over bucket increases summed by `le`) are taken from
 * the reset-adjusted increases before extrapolation, which is PromQL's answer whenever its
 * per-series extrapolation factors agree and stays right when they do not (see rawIncrease).
 */
export interface WindowValue {
  /** Null when there is no data to judge: no series, or fewer than two scrapes in the window. */
  value: number | null;
  /** Events in the window (the denominator), null when unknown. */
  samples: number | null;
  /** The expression this value stands for. */
  source: string;
  detail?: string;
}

/** sum(increase(name{match}[window])) or null when no series has two points in the window.
 * `raw`: without PromQL's extrapolation (for ratios and quantiles, see rawIncrease). */
export function sumIncrease(
  history: SeriesHistory,
  name: string,
  nowMs: number,
  windowMs: number,
  match?: (labels: Record<string, string>) => boolean,
  raw = false,
): number | null {
  let total: number | null = null;
  const start = nowMs - windowMs;
  for (const series of history.select(name, match)) {
    const points = pointsInRange(series.points, start, nowMs);
    const inc = raw ? rawIncrease(points) : promIncrease(points, start, nowMs);
    if (inc !== null) total = (total ?? 0) + inc;
  }
  return total;
}

function windowLabel(windowMs: number): string {
  return `${Math.round(windowMs / 1000)}s`;
}

/** 100 × failed / all extractions over the window. */
export function extractionFailurePercent(
  history: SeriesHistory,
  nowMs: number,
  windowMs: number,
): WindowValue {
  const n = METRIC_NAMES.extractions;
  const w = windowLabel(windowMs);
  const source = `100 * sum(increase(${n}{result="failure"}[${w}])) / sum(increase(${n}[${w}]))`;
  const all = sumIncrease(history, n, nowMs, windowMs);
  if (all === null)
    return { value: null, samples: null, source, detail: `no two scrapes of ${n} in the window yet` };
  const rawAll = sumIncrease(history, n, nowMs, windowMs, undefined, true) ?? 0;
  const failed = sumIncrease(history, n, nowMs, windowMs, (l) => l.result === 'failure', true) ?? 0;
  return {
    value: rawAll > 0 ? (100 * failed) / rawAll : 0,
    samples: all,
    source,
    detail: `${fmt(failed)} failed of ${fmt(rawAll)} extractions`,
  };
}

/** 100 × 5xx / all HTTP responses over the window. */
export function errorRatePercent(history: SeriesHistory, nowMs: number, windowMs: number): WindowValue {
  const n = METRIC_NAMES.httpRequests;
  const w = windowLabel(windowMs);
  const source = `100 * sum(increase(${n}{code=~"5.."}[${w}])) / sum(increase(${n}[${w}]))`;
  const all = sumIncrease(history, n, nowMs, windowMs);
  if (all === null)
    return { value: null, samples: null, source, detail: `no two scrapes of ${n} in the window yet` };
  const rawAll = sumIncrease(history, n, nowMs, windowMs, undefined, true) ?? 0;
  const errors = sumIncrease(history, n, nowMs, windowMs, (l) => (l.code ?? '').startsWith('5'), true) ?? 0;
  return {
    value: rawAll > 0 ? (100 * errors) / rawAll : 0,
    samples: all,
    source,
    detail: `${fmt(errors)} 5xx of ${fmt(rawAll)} responses`,
  };
}

/** P95 in milliseconds from histogram bucket increases summed by `le`. */
export function p95Milliseconds(
  history: SeriesHistory,
  nowMs: number,
  windowMs: number,
  quantile = 0.95,
): WindowValue {
  const n = METRIC_NAMES.hashDuration;
  const w = windowLabel(windowMs);
  const source = `1000 * histogram_quantile(${quantile}, sum by (le) (increase(${n}_bucket[${w}])))`;
  const byLe = new Map<number, number>();
  const start = nowMs - windowMs;
  for (const series of history.select(`${n}_bucket`)) {
    const le = Number(series.labels.le === '+Inf' ? Infinity : series.labels.le);
    if (Number.isNaN(le)) continue;
    const inc = rawIncrease(pointsInRange(series.points, start, nowMs));
    if (inc !== null) byLe.set(le, (byLe.get(le) ?? 0) + inc);
  }
  if (byLe.size === 0)
    return { value: null, samples: null, source, detail: `no two scrapes of ${n}_bucket in the window yet` };
  const buckets: Bucket[] = [...byLe].map(([le, count]) => ({ le, count }));
  const observations =
    sumIncrease(history, `${n}_count`, nowMs, windowMs) ?? Math.max(...buckets.map((b) => b.count));
  const q = histogramQuantile(quantile, buckets);
  if (Number.isNaN(q))
    return { value: null, samples: observations, source, detail: 'no observations in the window' };
  return {
    value: q * 1000,
    samples: observations,
    source,
    detail: `${fmt(observations)} hashes in the window`,
  };
}

/** Resident memory as a percent of the limit, from the latest scrape (worst series). */
export function memoryPercent(latest: readonly Sample[]): WindowValue {
  const source = `100 * ${METRIC_NAMES.residentMemory} / ${METRIC_NAMES.memoryLimit}`;
  const rss = latest.find((s) => s.name === METRIC_NAMES.residentMemory);
  const limit = latest.find((s) => s.name === METRIC_NAMES.memoryLimit);
  if (!rss || !limit)
    return {
      value: null,
      samples: null,
      source,
      detail: `${!rss ? METRIC_NAMES.residentMemory : METRIC_NAMES.memoryLimit} not exposed`,
    };
  if (!(limit.value > 0))
    return { value: null, samples: null, source, detail: `${METRIC_NAMES.memoryLimit} is ${limit.value}` };
  return {
    value: (100 * rss.value) / limit.value,
    samples: null,
    source,
    detail: `${(rss.value / 2 ** 20).toFixed(1)} MiB of ${(limit.value / 2 ** 20).toFixed(1)} MiB`,
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
