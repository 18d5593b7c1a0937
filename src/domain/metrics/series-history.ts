import type { Point } from './increase.js';
import type { Sample } from './exposition.js';

export interface Series {
  name: string;
  labels: Record<string, string>;
  points: Point[];
}

function seriesKey(name: string, labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  let key = name;
  for (const k of keys) key += `\u0000${k}\u0001${labels[k]}`;
  return key;
}

/**
 * The scraped history of the series the gates read, so a windowed gate can take increases over
 * (now - window, now] the way a Prometheus range selector would. Points older than the longest
 * window are dropped, so memory stays bounded over an hour of polling.
 */
export class SeriesHistory {
  private readonly series = new Map<string, Series>();
  private readonly byName = new Map<string, Series[]>();

  constructor(private readonly retainMs: number) {}

  /**
   * Appends one scrape. A series that appears twice in one scrape keeps its first sample, as
   * Prometheus does (it rejects the second as a duplicate sample for the same timestamp); the
   * duplicates are returned so the caller can report them.
   */
  record(atMs: number, samples: readonly Sample[]): string[] {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const s of samples) {
      const key = seriesKey(s.name, s.labels);
      if (seen.has(key)) {
        duplicates.push(
          `${s.name}{${Object.entries(s.labels)
            .map(([k, v]) => `${k}="${v}"`)
            .join(',')}}`,
        );
        continue;
      }
      seen.add(key);
      let series = this.series.get(key);
      if (!series) {
        series = { name: s.name, labels: s.labels, points: [] };
        this.series.set(key, series);
        const list = this.byName.get(s.name) ?? [];
        list.push(series);
        this.byName.set(s.name, list);
      }
      series.points.push({ t: atMs, v: s.value });
    }
    this.prune(atMs - this.retainMs);
    return duplicates;
  }

  select(name: string, match: (labels: Record<string, string>) => boolean = () => true): Series[] {
    return (this.byName.get(name) ?? []).filter((s) => match(s.labels));
  }

  get seriesCount(): number {
    return this.series.size;
  }

  private prune(beforeMs: number): void {
    for (const s of this.series.values()) {
      let drop = 0;
      while (drop < s.points.length && s.points[drop].t < beforeMs) drop++;
      if (drop > 0) s.points.splice(0, drop);
    }
  }
}
