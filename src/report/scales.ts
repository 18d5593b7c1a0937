/**
 * Axis arithmetic for the charts: round value ticks that include zero, and clock-time ticks on
 * whole seconds, minutes or hours so the labels read like a clock.
 */

/** A round step (1, 2, 2.5, 5 × 10ⁿ) giving at most `maxTicks` intervals up to `max`. */
export function valueTicks(max: number, maxTicks = 4): { top: number; ticks: number[] } {
  const target = max > 0 ? max : 1;
  const raw = target / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // raw < 10 × magnitude, so the last candidate always qualifies.
  const step = [1, 2, 2.5, 5].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const top = Math.ceil(target / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { top, ticks };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * SECOND);

/** Clock ticks (epoch ms) inside [from, to], on multiples of a round step, at most `maxTicks`. */
export function timeTicks(from: number, to: number, maxTicks: number): { step: number; ticks: number[] } {
  const span = Math.max(to - from, SECOND);
  // At most maxTicks ticks: a span of n steps can hold n + 1 of them.
  const step =
    TIME_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return { step, ticks };
}

/** `23:45:10` for steps under a minute, `23:45` otherwise (UTC). */
export function tickLabel(t: number, step: number): string {
  const iso = new Date(t).toISOString();
  return step < MINUTE ? iso.slice(11, 19) : iso.slice(11, 16);
}
