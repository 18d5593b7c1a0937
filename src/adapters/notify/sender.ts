import type { ChannelName } from '../../config/schema.js';
import type { AttemptOutcome } from '../../domain/delivery/outcome.js';

export interface AttemptContext {
  /** Time this attempt may take, already cut to what is left of the deadline. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** deployment id + event: sent where the channel can use it to drop duplicates. */
  dedupKey: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The clock's now, for Retry-After dates. */
  nowMs: number;
}

/** One channel's transport: makes a single attempt and says what came of it; never throws. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Where it sends, safe to print: scheme and host, or the SMTP host. Never a path or token. */
  readonly target: string;
  attempt(payload: Record<string, unknown>, context: AttemptContext): Promise<AttemptOutcome>;
}
