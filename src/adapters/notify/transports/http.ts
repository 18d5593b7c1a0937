import type { HttpChannel } from '../../../domain/channels/channel-module.js';
import { classifyTransportError } from '../../../domain/delivery/classify.js';
import type { AttemptOutcome } from '../../../domain/delivery/outcome.js';
import { HttpError, httpRequest } from '../../../runtime/http.js';
import type { ChannelName } from '../../../config/channels.js';
import type { AttemptContext, ChannelSender } from '../sender.js';

/**
 * The HTTP transport: posts the JSON requests the channel module describes for one attempt, in
 * order, and lets the module judge each answer; the first that is not delivered ends the attempt.
 */
export function httpSender(module: HttpChannel, settings: unknown): ChannelSender {
  return {
    channel: module.name as ChannelName,
    target: module.target(settings),
    attempt: async (payload, context) => {
      const requests = module.requests(settings, payload, context);
      let outcome: AttemptOutcome = { kind: 'delivered' };
      for (const request of requests) {
        outcome = await post(module, request.url, request.headers ?? {}, request.json, context);
        if (outcome.kind !== 'delivered') return outcome;
      }
      return outcome;
    },
  };
}

async function post(
  module: HttpChannel,
  url: string,
  headers: Record<string, string>,
  json: unknown,
  context: AttemptContext,
): Promise<AttemptOutcome> {
  try {
    const response = await httpRequest({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(json),
      timeoutMs: Math.max(1, context.timeoutMs),
      connectTimeoutMs: Math.max(1, Math.min(5_000, context.timeoutMs)),
      // The status is the answer: a 2xx with a long (or endless) body was accepted, and treating
      // it as a failure would send the message again on replay. Only the first 64 KiB are judged.
      maxBodyBytes: 64 * 1024,
      overLimit: 'truncate',
      signal: context.signal,
    });
    return module.classify(
      { status: response.status, headers: response.headers, body: response.text() },
      context.nowMs,
    );
  } catch (error) {
    if (error instanceof HttpError) return classifyTransportError(error.kind, error.message);
    return { kind: 'transient', error: error instanceof Error ? error.message : String(error) };
  }
}
