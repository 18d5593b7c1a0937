import type { AttemptOutcome } from './outcome.js';
import { fullJitterDelay, type BackoffPolicy } from './backoff.js';

/** The knobs of `notifications` in the config, in milliseconds. */
export interface DeliveryPolicy {
  maxAttempts: number;
  attemptTimeoutMs: number;
  deadlineMs: number;
  /** A Retry-After longer than this is not waited out: the message goes to the fallback. */
  maxRetryAfterMs: number;
  backoff: BackoffPolicy;
}

export type NextStep =
  | { action: 'done' }
  | { action: 'retry'; delayMs: number; reason: 'retry-after' | 'backoff' }
  | { action: 'give-up'; error: string };

export interface RetryState {
  /** Attempts made so far, the one that produced `outcome` included. */
  attempts: number;
  /** Milliseconds left before the overall deadline. */
  remainingMs: number;
}

/**
 * What to do after an attempt. Permanent errors are never retried; transient ones are retried
 * after the service's Retry-After when it gave one, else after a full-jitter backoff — unless the
 * attempts are used up or the wait would run past the deadline.
 */
export function nextStep(
  outcome: AttemptOutcome,
  state: RetryState,
  policy: DeliveryPolicy,
  random: () => number,
): NextStep {
  if (outcome.kind === 'delivered') return { action: 'done' };
  if (outcome.kind === 'permanent')
    return { action: 'give-up', error: `${outcome.error} (permanent, not retried)` };
  if (state.attempts >= policy.maxAttempts) {
    return {
      action: 'give-up',
      error: `${outcome.error} (gave up after ${state.attempts} attempt${state.attempts === 1 ? '' : 's'})`,
    };
  }
  let delayMs: number;
  let reason: 'retry-after' | 'backoff';
  if (outcome.retryAfterMs !== undefined) {
    if (outcome.retryAfterMs > policy.maxRetryAfterMs) {
      return {
        action: 'give-up',
        error: `${outcome.error} (asked to retry after ${seconds(outcome.retryAfterMs)}, above max_retry_after_seconds ${seconds(policy.maxRetryAfterMs)})`,
      };
    }
    delayMs = outcome.retryAfterMs;
    reason = 'retry-after';
  } else {
    delayMs = fullJitterDelay(state.attempts, policy.backoff, random);
    reason = 'backoff';
  }
  if (delayMs >= state.remainingMs) {
    return {
      action: 'give-up',
      error: `${outcome.error} (a retry in ${seconds(delayMs)} would pass the ${seconds(policy.deadlineMs)} deadline)`,
    };
  }
  return { action: 'retry', delayMs, reason };
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
