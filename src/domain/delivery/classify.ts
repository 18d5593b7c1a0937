import type { AttemptOutcome } from './outcome.js';
import { parseDiscordRetryAfter, parseRetryAfter } from './retry-after.js';

/** The parts of an HTTP answer classification needs (no secrets: the URL is not here). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Statuses that mean "the request was wrong or the target is gone": retrying cannot help. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}

/** The common rule for every webhook: 2xx delivered, 408/425/429/5xx transient, other 4xx permanent. */
export function classifyStatus(
  answer: HttpAnswer,
  nowMs: number,
  retryAfterMs?: number | null,
): AttemptOutcome {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'delivered', detail: `HTTP ${status}` };
  const error = `HTTP ${status}${summary(answer.body)}`;
  if (isPermanentStatus(status) || (status >= 300 && status < 400)) return { kind: 'permanent', error };
  const wait = retryAfterMs ?? parseRetryAfter(answer.headers['retry-after'], nowMs);
  return wait === null ? { kind: 'transient', error } : { kind: 'transient', error, retryAfterMs: wait };
}

/**
 * Slack incoming webhooks answer 200 with the body `ok`; errors come as 400 `invalid_payload`,
 * 403 `action_prohibited`, 404 `channel_not_found`/`no_service`, 410 `channel_is_archived`,
 * 429 with Retry-After, 500 `rollup_error`.
 */
export function classifySlack(answer: HttpAnswer, nowMs: number): AttemptOutcome {
  if (answer.status === 200) {
    return answer.body.trim() === 'ok'
      ? { kind: 'delivered', detail: 'HTTP 200 ok' }
      : { kind: 'permanent', error: `HTTP 200 without "ok"${summary(answer.body)}` };
  }
  return classifyStatus(answer, nowMs);
}

/**
 * Teams Workflows webhooks answer 202 with an empty body. Legacy Office 365 connector URLs answer
 * 200 with `1` on success, but also 200 with a body such as "Microsoft Teams endpoint returned
 * HTTP error 429 ..." when the post failed, so a 200 alone proves nothing.
 */
export function classifyTeams(answer: HttpAnswer, nowMs: number): AttemptOutcome {
  const body = answer.body.trim();
  if (answer.status === 202) return { kind: 'delivered', detail: 'HTTP 202 accepted' };
  if (answer.status === 200 || answer.status === 201) {
    if (body === '' || body === '1') return { kind: 'delivered', detail: `HTTP ${answer.status}` };
    const embedded = /\b(?:HTTP error|status(?: code)?)\s*:?\s*(\d{3})\b/i.exec(body);
    const code = embedded ? Number(embedded[1]) : null;
    const error = `HTTP ${answer.status} reporting an error${summary(body)}`;
    if (code !== null && (code === 429 || code === 408 || code >= 500)) {
      const wait = parseRetryAfter(answer.headers['retry-after'], nowMs);
      return wait === null ? { kind: 'transient', error } : { kind: 'transient', error, retryAfterMs: wait };
    }
    return { kind: 'permanent', error };
  }
  return classifyStatus(answer, nowMs);
}

/**
 * Discord webhooks with `?wait=true` answer 200 with the created message; without it, 204.
 * A 429 carries `retry_after` in float seconds in the JSON body (and an integer Retry-After).
 */
export function classifyDiscord(answer: HttpAnswer, nowMs: number): AttemptOutcome {
  if (answer.status === 200 || answer.status === 204)
    return { kind: 'delivered', detail: `HTTP ${answer.status}` };
  if (answer.status === 429) return classifyStatus(answer, nowMs, parseDiscordRetryAfter(answer.body));
  return classifyStatus(answer, nowMs);
}

export const classifyGenericWebhook = classifyStatus;

/** Errors the HTTP client raises before any answer (src/runtime/http.ts kinds). */
export function classifyTransportError(kind: string, message: string): AttemptOutcome {
  // A body above the cap came from a server that answered; anything else may be passing.
  if (kind === 'too_large') return { kind: 'permanent', error: message };
  return { kind: 'transient', error: message };
}

/**
 * SMTP: 4xx replies are transient, 5xx permanent (RFC 5321 §4.2.1); a failed login is permanent
 * (the password will not fix itself); connection trouble is transient.
 */
export function classifySmtp(error: {
  code?: string;
  responseCode?: number;
  message: string;
}): AttemptOutcome {
  const message = error.message;
  if (error.code === 'EAUTH' || error.responseCode === 535 || error.responseCode === 534) {
    return { kind: 'permanent', error: `SMTP authentication failed: ${message}` };
  }
  const code = error.responseCode;
  if (typeof code === 'number') {
    if (code >= 500) return { kind: 'permanent', error: `SMTP ${code}: ${message}` };
    if (code >= 400) return { kind: 'transient', error: `SMTP ${code}: ${message}` };
  }
  if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return { kind: 'permanent', error: message };
  return { kind: 'transient', error: message };
}

function summary(body: string): string {
  const text = body.trim().replace(/\s+/g, ' ');
  if (text === '') return '';
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
