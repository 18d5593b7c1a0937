/**
 * `histogram_quantile(q, ...)` over classic buckets, as Prometheus computes it
 * (promql/quantile.go `bucketQuantile`): buckets sorted by upper bound, equal bounds merged,
 * counts forced monotonic, linear interpolation inside the bucket holding the rank, and the
 * highest finite bound returned when the rank falls into the +Inf bucket.
 */
export interface Bucket {
  /** Upper bound (`le`). */
  le: number;
  /** Cumulative count (or the increase of it over a window). */
  count: number;
}

export function histogramQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.le - b.le);
  if (sorted.length === 0 || sorted[sorted.length - 1].le !== Infinity) return NaN;
  const buckets: Bucket[] = [];
  for (const b of sorted) {
    const prev = buckets.at(-1);
    if (prev && prev.le === b.le) prev.count += b.count;
    else buckets.push({ le: b.le, count: b.count });
  }
  // Fix non-monotonic counts (a scrape racing with observations) as Prometheus does.
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count > max) max = b.count;
    else b.count = max;
  }
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (!(observations > 0)) return NaN;
  let rank = q * observations;
  let idx = buckets.findIndex((b, i) => i < buckets.length - 1 && b.count >= rank);
  if (idx === -1) idx = buckets.length - 1;
  if (idx === buckets.length - 1) return buckets[buckets.length - 2].le;
  if (idx === 0 && buckets[0].le <= 0) return buckets[0].le;
  let bucketStart = 0;
  const bucketEnd = buckets[idx].le;
  let count = buckets[idx].count;
  if (idx > 0) {
    bucketStart = buckets[idx - 1].le;
    count -= buckets[idx - 1].count;
    rank -= buckets[idx - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}
