/**
 * A small, independent parser of the Prometheus text exposition format (not prom-client), and
 * histogram_quantile as Prometheus computes it, so tests judge /metrics the way a scraper does.
 */
export interface Sample {
  name: string;
  /** Only the labels the line carries: any other name reads as undefined. */
  labels: Partial<Record<string, string>>;
  value: number;
}

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$/.exec(line);
    if (!match) throw new Error(`unparsable exposition line: ${line}`);
    const labels: Partial<Record<string, string>> = {};
    const labelText = (match[3] as string | undefined) ?? ''; // the label group is optional
    const labelPattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/g;
    let consumed = 0;
    for (let m = labelPattern.exec(labelText); m; m = labelPattern.exec(labelText)) {
      labels[m[1]] = m[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      consumed += m[0].length;
    }
    if (consumed !== labelText.length) throw new Error(`unparsable labels: ${line}`);
    const valueText = match[4];
    const value = valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : Number(valueText);
    if (Number.isNaN(value) && valueText !== 'NaN') throw new Error(`unparsable value: ${line}`);
    samples.push({ name: match[1], labels, value });
  }
  return samples;
}

export function sumOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

export function families(samples: Sample[]): Set<string> {
  return new Set(samples.map((s) => s.name));
}

/** Cumulative buckets (le → count) of one histogram. */
export function buckets(samples: Sample[], name: string): { le: number; count: number }[] {
  return samples
    .filter((s) => s.name === `${name}_bucket`)
    .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), count: s.value }))
    .sort((a, b) => a.le - b.le);
}

/** Prometheus' histogram_quantile over cumulative buckets (linear interpolation within a bucket). */
export function histogramQuantile(q: number, cumulative: { le: number; count: number }[]): number {
  const total = cumulative[cumulative.length - 1]?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let previousLe = 0;
  let previousCount = 0;
  for (const bucket of cumulative) {
    if (bucket.count >= rank) {
      if (bucket.le === Infinity) return previousLe;
      const inBucket = bucket.count - previousCount;
      return previousLe + (bucket.le - previousLe) * (inBucket === 0 ? 0 : (rank - previousCount) / inBucket);
    }
    previousLe = bucket.le;
    previousCount = bucket.count;
  }
  return previousLe;
}
