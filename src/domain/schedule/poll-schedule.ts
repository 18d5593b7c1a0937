/**
 * When the monitor polls: every `initial_interval_seconds` during the first `initial_minutes`,
 * then every `normal_interval_seconds`, and once more at the end of the window so its last
 * stretch is judged too. Offsets are milliseconds from the start.
 */
export interface PollPlanInput {
  windowMs: number;
  initialMs: number;
  initialIntervalMs: number;
  normalIntervalMs: number;
}

export function pollOffsets(input: PollPlanInput): number[] {
  const offsets: number[] = [];
  let t = 0;
  while (t < input.windowMs) {
    offsets.push(t);
    const step = t < input.initialMs ? input.initialIntervalMs : input.normalIntervalMs;
    // Land exactly on the phase change, so "5 minutes at 30 s" ends at 5:00 whatever the step.
    let next = t + step;
    if (t < input.initialMs && next > input.initialMs) next = input.initialMs;
    t = next;
  }
  offsets.push(input.windowMs);
  return offsets;
}

export function pollPlanFrom(
  monitoring: {
    window_minutes: number;
    poll_intervals: {
      initial_minutes: number;
      initial_interval_seconds: number;
      normal_interval_seconds: number;
    };
  },
  windowMinutes?: number,
): PollPlanInput {
  const windowMs = (windowMinutes ?? monitoring.window_minutes) * 60_000;
  return {
    windowMs,
    initialMs: Math.min(monitoring.poll_intervals.initial_minutes * 60_000, windowMs),
    initialIntervalMs: monitoring.poll_intervals.initial_interval_seconds * 1000,
    normalIntervalMs: monitoring.poll_intervals.normal_interval_seconds * 1000,
  };
}

/** Whether a gate with a check interval is due at `now`, allowing 5% for timer drift. */
export function isGateDue(
  checkIntervalMs: number | undefined,
  lastMeasuredAt: number | undefined,
  now: number,
): boolean {
  if (checkIntervalMs === undefined || lastMeasuredAt === undefined) return true;
  return now - lastMeasuredAt >= checkIntervalMs * 0.95;
}

/**
 * The next time health is checked: every `confirmIntervalMs` between polls, so a service that
 * goes down is noticed within one confirm interval in any polling phase, and the following
 * checks confirm it. Poll times check health too; the earlier of the two wins.
 */
export function nextHealthCheckAt(
  lastCheckAt: number,
  confirmIntervalMs: number,
  nextPollAt: number | undefined,
): number {
  const next = lastCheckAt + confirmIntervalMs;
  return nextPollAt === undefined ? next : Math.min(next, nextPollAt);
}
