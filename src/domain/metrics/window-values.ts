import { pointsInRange, promIncrease, rawIncrease } from './increase.js';
import { METRIC_NAMES } from './metric-names.js';
import type { Sample } from './exposition.js';
import type { SeriesHistory } from './series-history.js';
import { samplesFromInputs, valueFromInputs } from '../gates/inputs.js';
import type { MeasurementInputs } from '../gates/types.js';

/**
 * Gate values computed from scraped history, as the default PromQL queries of the prometheus
 * source compute them (docs/monitor.md): sample counts are sums of per-series `increase()`;
 * ratios and the P95 (`histogram_quantile()` over bucket increases summed by `le`) are taken from
 * the reset-adjusted increases before extrapolation, which is PromQL's answer whenever its
 * per-series extrapolation factors agree and stays right when they do not (see rawIncrease).
 * Every value is computed from the `inputs` it returns (valueFromInputs), so the evidence can
 * prove it; a NaN or ±Inf sample in the window makes the gate "no data", never a number.
 */
export interface WindowValue {
  /** Null when there is no data to judge: no series, or fewer than two scrapes in the window. */
  value: number | null;
  /** Events in the window (the denominator), null when unknown. */
  samples: number | null;
  /** The expression this value stands for. */
  source: string;
  detail?: string;
  inputs?: MeasurementInputs;
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

/** A series whose points in the window include a NaN or ±Inf, named for the reason. */
function nonFiniteSeries(
  history: SeriesHistory,
  name: string,
  nowMs: number,
  windowMs: number,
): string | null {
  for (const series of history.select(name)) {
    const bad = pointsInRange(series.points, nowMs - windowMs, nowMs).find((p) => !Number.isFinite(p.v));
    if (bad) {
      const labels = Object.entries(series.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      return `${series.name}{${labels}} has a ${String(bad.v)} sample in the window: no data`;
    }
  }
  return null;
}

function ratio(
  history: SeriesHistory,
  name: string,
  nowMs: number,
  windowMs: number,
  inNumerator: (labels: Record<string, string>) => boolean,
  source: string,
  what: [string, string],
): WindowValue {
  const all = sumIncrease(history, name, nowMs, windowMs);
  if (all === null)
    return { value: null, samples: null, source, detail: `no two scrapes of ${name} in the window yet` };
  const start = nowMs - windowMs;
  const series: Extract<MeasurementInputs, { kind: 'ratio' }>['series'] = [];
  let numerator = 0;
  let denominator = 0;
  for (const s of history.select(name)) {
    const points = pointsInRange(s.points, start, nowMs);
    const increase = rawIncrease(points);
    if (increase === null) continue;
    const counted = inNumerator(s.labels);
    series.push({ labels: s.labels, points: points.length, increase, numerator: counted });
    denominator += increase;
    if (counted) numerator += increase;
  }
  const bad = nonFiniteSeries(history, name, nowMs, windowMs);
  const inputs: MeasurementInputs = {
    kind: 'ratio',
    numerator,
    denominator,
    samples: all,
    series,
    ...(bad ? { noData: bad } : {}),
  };
  return {
    value: valueFromInputs(inputs),
    samples: samplesFromInputs(inputs),
    source,
    detail: bad ?? `${fmt(numerator)} ${what[0]} of ${fmt(denominator)} ${what[1]}`,
    inputs,
  };
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
  return ratio(history, n, nowMs, windowMs, (l) => l.result === 'failure', source, ['failed', 'extractions']);
}

/** 100 × 5xx / all HTTP responses over the window. */
export function errorRatePercent(history: SeriesHistory, nowMs: number, windowMs: number): WindowValue {
  const n = METRIC_NAMES.httpRequests;
  const w = windowLabel(windowMs);
  const source = `100 * sum(increase(${n}{code=~"5.."}[${w}])) / sum(increase(${n}[${w}]))`;
  return ratio(history, n, nowMs, windowMs, (l) => /^5\d\d$/.test(l.code), source, ['5xx', 'responses']);
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
  const buckets = [...byLe]
    .sort((a, b) => a[0] - b[0])
    .map(([le, increase]) => ({ le: le === Infinity ? ('+Inf' as const) : le, increase }));
  const observations =
    sumIncrease(history, `${n}_count`, nowMs, windowMs) ?? Math.max(...buckets.map((b) => b.increase));
  const bad = nonFiniteSeries(history, `${n}_bucket`, nowMs, windowMs);
  const inputs: MeasurementInputs = {
    kind: 'histogram',
    quantile,
    buckets,
    samples: observations,
    ...(bad ? { noData: bad } : {}),
  };
  const value = valueFromInputs(inputs);
  return {
    value,
    samples: samplesFromInputs(inputs),
    source,
    detail:
      bad ?? (value === null ? 'no observations in the window' : `${fmt(observations)} hashes in the window`),
    inputs,
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
  const inputs: MeasurementInputs = { kind: 'memory', rss: rss.value, limit: limit.value };
  const value = valueFromInputs(inputs);
  if (value === null)
    return {
      value: null,
      samples: null,
      source,
      detail: `${METRIC_NAMES.residentMemory} is ${rss.value}, ${METRIC_NAMES.memoryLimit} is ${limit.value}: no data`,
      inputs,
    };
  return {
    value,
    samples: null,
    source,
    detail: `${(rss.value / 2 ** 20).toFixed(1)} MiB of ${(limit.value / 2 ** 20).toFixed(1)} MiB`,
    inputs,
  };
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
