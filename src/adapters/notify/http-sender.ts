import type { ChannelName } from '../../config/schema.js';
import { classifyTransportError, type HttpAnswer } from '../../domain/delivery/classify.js';
import type { AttemptOutcome } from '../../domain/delivery/outcome.js';
import { HttpError, describeTarget, httpRequest } from '../../runtime/http.js';
import type { AttemptContext, ChannelSender } from './sender.js';

export interface HttpSenderOptions {
  channel: ChannelName;
  url: string;
  classify(answer: HttpAnswer, nowMs: number): AttemptOutcome;
  /** Extra headers per attempt (the generic webhook sends an Idempotency-Key). */
  headers?(context: AttemptContext): Record<string, string>;
}

/** Posts JSON to a webhook and lets the channel's rules judge the answer. */
export class HttpChannelSender implements ChannelSender {
  readonly channel: ChannelName;
  readonly target: string;

  constructor(private readonly options: HttpSenderOptions) {
    this.channel = options.channel;
    this.target = describeTarget(options.url);
  }

  async attempt(payload: Record<string, unknown>, context: AttemptContext): Promise<AttemptOutcome> {
    try {
      const response = await httpRequest({
        url: this.options.url,
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...this.options.headers?.(context),
        },
        body: JSON.stringify(payload),
        timeoutMs: Math.max(1, context.timeoutMs),
        connectTimeoutMs: Math.max(1, Math.min(5_000, context.timeoutMs)),
        maxBodyBytes: 64 * 1024,
        signal: context.signal,
      });
      return this.options.classify(
        { status: response.status, headers: response.headers, body: response.text() },
        context.nowMs,
      );
    } catch (error) {
      if (error instanceof HttpError) return classifyTransportError(error.kind, error.message);
      return { kind: 'transient', error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Discord only answers with the created message (and its errors) when asked to wait. */
export function withDiscordWait(url: string): string {
  const u = new URL(url);
  u.searchParams.set('wait', 'true');
  return u.toString();
}
