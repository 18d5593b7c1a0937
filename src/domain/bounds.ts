import { z } from 'zod';

/**
 * Every duration and count in the config has an upper bound, so no value can overflow a timer
 * (Node caps a timeout at 2^31-1 ms, about 24.8 days), allocate a schedule of millions of polls,
 * or make a typo such as 1e10 silently mean "never". The bounds are documented in
 * docs/configuration.md; the same numbers end up in the generated JSON Schema.
 */
export const BOUNDS = {
  /** An interval between two checks or polls. */
  intervalSeconds: { min: 0.01, max: 86_400 },
  /** A timeout of one request or command. */
  timeoutSeconds: { min: 0.01, max: 3_600 },
  /** The monitoring window, and the --window-minutes flag. */
  windowMinutes: { min: 0.01, max: 10_080 },
  /** A gate's evaluation window. */
  evaluationWindowMinutes: { min: 0.01, max: 1_440 },
  /** Escalation delays and the rollback timeout. */
  delayMinutes: { min: 0, max: 10_080 },
  retentionHours: { min: 0, max: 87_600 },
  /** Readings, failures, attempts. */
  smallCount: { min: 1, max: 1_000 },
  sampleSize: { min: 0, max: 1_000_000_000 },
  queueLength: { min: 0, max: 1_000_000_000_000 },
  /** Polls in one window (window / shortest interval). */
  maxPolls: 100_000,
} as const;

type Range = { readonly min: number; readonly max: number };

function bounded(range: Range, unit: string, opts: { int?: boolean; minExclusive?: boolean } = {}) {
  const kind = opts.int ? 'an integer' : 'a number';
  const low = opts.minExclusive ? `greater than ${range.min}` : `at least ${range.min}`;
  const expected = `expected ${kind} ${low} and at most ${range.max} (${unit})`;
  let n = z.number({ error: expected });
  if (opts.int) n = n.int({ error: expected });
  n = opts.minExclusive ? n.gt(range.min, { error: expected }) : n.gte(range.min, { error: expected });
  return n.lte(range.max, { error: expected });
}

export const seconds = (range: Range = BOUNDS.intervalSeconds) => bounded(range, 'seconds');
export const timeoutSeconds = () => bounded(BOUNDS.timeoutSeconds, 'seconds');
export const minutes = (range: Range) => bounded(range, 'minutes');
export const hours = () => bounded(BOUNDS.retentionHours, 'hours');
export const count = (range: Range, unit: string) => bounded(range, unit, { int: true });
export const percentage = () => bounded({ min: 0, max: 100 }, 'percent', { minExclusive: true });
export const positiveUpTo = (max: number, unit: string) =>
  bounded({ min: 0, max }, unit, { minExclusive: true });

/** The check behind --window-minutes, so the flag and the file share one bound. */
export function windowMinutesProblem(value: number): string | null {
  const { min, max } = BOUNDS.windowMinutes;
  if (!Number.isFinite(value) || value < min || value > max)
    return `expected a number of minutes between ${min} and ${max}`;
  return null;
}

/**
 * Checks a window override (--window-minutes, the action's window-minutes input) against the
 * same bounds as the file, including the number of polls the environment's intervals give.
 * Returns the problem, or null; `name` is the flag or input, for the message.
 */
export function windowOverrideProblem(
  name: string,
  raw: string,
  poll: { initial_interval_seconds: number; normal_interval_seconds: number },
): string | null {
  const value = Number(raw);
  const range = windowMinutesProblem(value);
  if (raw.trim() === '' || range) return `${name}: ${range ?? 'expected a number of minutes'}, got "${raw}"`;
  const polls = (value * 60) / Math.min(poll.initial_interval_seconds, poll.normal_interval_seconds);
  if (polls > BOUNDS.maxPolls)
    return `${name}: ${raw} min at this environment's poll intervals is ${Math.ceil(polls)} polls; at most ${BOUNDS.maxPolls} are allowed`;
  return null;
}
