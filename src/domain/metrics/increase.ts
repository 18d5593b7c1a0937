/**
 * Counter increase over a range, computed exactly as PromQL's `increase()` (Prometheus
 * promql/functions.go `extrapolatedRate`): resets add the value before the drop, and the result
 * is extrapolated to the range boundaries when the samples reach close enough to them.
 */
export interface Point {
  /** Milliseconds since the epoch. */
  t: number;
  v: number;
}

/**
 * `points` are the samples inside the range (rangeStart, rangeEnd], oldest first.
 * Returns null with fewer than two points: PromQL drops such series, and so do we.
 */
export function promIncrease(
  points: readonly Point[],
  rangeStartMs: number,
  rangeEndMs: number,
): number | null {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  let result = last.v - first.v;
  let previous = 0;
  for (const p of points) {
    if (p.v < previous) result += previous; // counter reset
    previous = p.v;
  }
  let durationToStart = (first.t - rangeStartMs) / 1000;
  const durationToEnd = (rangeEndMs - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  if (sampledInterval <= 0) return null;
  const averageBetween = sampledInterval / (points.length - 1);
  if (result > 0 && first.v >= 0) {
    // A counter cannot go below zero: do not extrapolate past the point it would have been zero.
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageBetween * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageBetween / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
  return result * (extrapolateTo / sampledInterval);
}

/** Points of a series inside (startMs, endMs], as a PromQL range selector takes them (Prometheus 3). */
export function pointsInRange(points: readonly Point[], startMs: number, endMs: number): Point[] {
  const out: Point[] = [];
  for (const p of points) if (p.t > startMs && p.t <= endMs) out.push(p);
  return out;
}

/**
 * The reset-adjusted increase without extrapolation. Ratios and quantiles are scale-free, so the
 * gates take them from these: PromQL extrapolates each series on its own, and two series of one
 * histogram that fall on either side of the 1.1-interval rule get different factors — enough to
 * move a healthy P95 of 0.9 s into the 2-2.5 s bucket (seen in the noisy-window benchmark).
 */
export function rawIncrease(points: readonly Point[]): number | null {
  if (points.length < 2) return null;
  let result = points[points.length - 1].v - points[0].v;
  let previous = 0;
  for (const p of points) {
    if (p.v < previous) result += previous;
    previous = p.v;
  }
  return result;
}
