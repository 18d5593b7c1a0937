import { nextStep, type DeliveryPolicy } from '../../domain/delivery/policy.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import type { ChannelSender } from './sender.js';

export interface DeliveryAttemptResult {
  delivered: boolean;
  attempts: number;
  error?: string;
  detail?: string;
}

export interface DeliverOptions {
  sender: ChannelSender;
  payload: Record<string, unknown>;
  dedupKey: string;
  /** Clock time by which this channel must be done. */
  deadlineAt: number;
  policy: DeliveryPolicy;
  clock: Clock;
  random: () => number;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * Attempts one channel until it is delivered, the error is permanent, the attempts are used up,
 * or the deadline leaves no room. Each attempt's timeout is cut to what is left of the deadline,
 * and every wait goes through the injected clock, so a test can see exactly how long we slept.
 */
export async function deliverWithRetries(options: DeliverOptions): Promise<DeliveryAttemptResult> {
  const { sender, policy, clock, logger, signal } = options;
  let attempts = 0;
  let lastError = 'not attempted';
  for (;;) {
    if (signal?.aborted)
      return {
        delivered: false,
        attempts,
        error: attempts === 0 ? 'cancelled before the first attempt' : `${lastError} (then cancelled)`,
      };
    const remaining = options.deadlineAt - clock.now();
    if (remaining <= 0)
      return {
        delivered: false,
        attempts,
        error:
          attempts === 0 ? 'deadline passed before the first attempt' : `${lastError} (deadline reached)`,
      };
    attempts += 1;
    const outcome = await sender.attempt(options.payload, {
      timeoutMs: Math.min(policy.attemptTimeoutMs, remaining),
      signal,
      dedupKey: options.dedupKey,
      attempt: attempts,
      nowMs: clock.now(),
    });
    if (outcome.kind === 'delivered') {
      logger.info('notification delivered', {
        channel: sender.channel,
        target: sender.target,
        attempts,
        detail: outcome.detail,
      });
      return { delivered: true, attempts, detail: outcome.detail };
    }
    lastError = outcome.error;
    const step = nextStep(
      outcome,
      { attempts, remainingMs: options.deadlineAt - clock.now() },
      policy,
      options.random,
    );
    if (step.action === 'give-up') {
      logger.warn('notification not delivered', {
        channel: sender.channel,
        target: sender.target,
        attempts,
        error: step.error,
      });
      return { delivered: false, attempts, error: step.error };
    }
    if (step.action === 'done') return { delivered: true, attempts };
    logger.info('notification attempt failed; will retry', {
      channel: sender.channel,
      target: sender.target,
      attempt: attempts,
      error: outcome.error,
      retry_in_ms: step.delayMs,
      because: step.reason,
    });
    try {
      await clock.sleep(step.delayMs, signal);
    } catch {
      return { delivered: false, attempts, error: `${lastError} (cancelled while waiting to retry)` };
    }
  }
}
