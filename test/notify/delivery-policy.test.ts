import { DEFAULT_BACKOFF, fullJitterDelay } from '../../src/domain/delivery/backoff.js';
import {
  classifyDiscord,
  classifySlack,
  classifySmtp,
  classifyStatus,
  classifyTeams,
} from '../../src/domain/delivery/classify.js';
import { nextStep, type DeliveryPolicy } from '../../src/domain/delivery/policy.js';
import { parseDiscordRetryAfter, parseRetryAfter } from '../../src/domain/delivery/retry-after.js';

const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);
const policy: DeliveryPolicy = {
  maxAttempts: 4,
  attemptTimeoutMs: 10_000,
  deadlineMs: 30_000,
  maxRetryAfterMs: 60_000,
  backoff: DEFAULT_BACKOFF,
};
const answer = (status: number, body = '', headers: Record<string, string> = {}) => ({
  status,
  body,
  headers,
});

describe('full-jitter backoff', () => {
  it('is uniform below min(cap, base·2^(n-1)) and uses the random source given', () => {
    expect(fullJitterDelay(1, DEFAULT_BACKOFF, () => 0.5)).toBe(250);
    expect(fullJitterDelay(2, DEFAULT_BACKOFF, () => 0.5)).toBe(500);
    expect(fullJitterDelay(3, DEFAULT_BACKOFF, () => 0.999)).toBe(1998);
    expect(fullJitterDelay(10, DEFAULT_BACKOFF, () => 0.5)).toBe(4000); // capped at 8000
    expect(fullJitterDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(0);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds, fractional seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2025 00:00:00 GMT', NOW)).toBe(0); // in the past: now
  });
  it('ignores what it cannot read', () => {
    for (const bad of [undefined, '', 'soon', '-5', '12abc']) expect(parseRetryAfter(bad, NOW)).toBeNull();
  });
  it("takes Discord's float retry_after from the JSON body", () => {
    expect(
      parseDiscordRetryAfter('{"message":"You are being rate limited.","retry_after":0.457,"global":false}'),
    ).toBe(457);
    expect(parseDiscordRetryAfter('not json')).toBeNull();
  });
});

describe('classification', () => {
  it('Slack: only 200 "ok" is delivered; 4xx permanent; 429 carries Retry-After', () => {
    expect(classifySlack(answer(200, 'ok'), NOW).kind).toBe('delivered');
    expect(classifySlack(answer(200, 'no_text'), NOW).kind).toBe('permanent');
    expect(classifySlack(answer(400, 'invalid_payload'), NOW)).toEqual({
      kind: 'permanent',
      error: 'HTTP 400: invalid_payload',
    });
    expect(classifySlack(answer(404, 'channel_not_found'), NOW).kind).toBe('permanent');
    expect(classifySlack(answer(410, 'channel_is_archived'), NOW).kind).toBe('permanent');
    expect(classifySlack(answer(429, 'rate_limited', { 'retry-after': '2' }), NOW)).toEqual({
      kind: 'transient',
      error: 'HTTP 429: rate_limited',
      retryAfterMs: 2000,
    });
    expect(classifySlack(answer(500, 'rollup_error'), NOW).kind).toBe('transient');
  });
  it('Teams: 202 empty is delivered; a legacy 200 with an error body is not', () => {
    expect(classifyTeams(answer(202, ''), NOW).kind).toBe('delivered');
    expect(classifyTeams(answer(200, '1'), NOW).kind).toBe('delivered');
    expect(
      classifyTeams(
        answer(200, 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0'),
        NOW,
      ).kind,
    ).toBe('transient');
    expect(
      classifyTeams(
        answer(
          200,
          'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413',
        ),
        NOW,
      ).kind,
    ).toBe('permanent');
    expect(classifyTeams(answer(200, 'Summary or Text is required.'), NOW).kind).toBe('permanent');
    expect(classifyTeams(answer(429, '', { 'retry-after': '5' }), NOW)).toMatchObject({
      kind: 'transient',
      retryAfterMs: 5000,
    });
  });
  it('Discord: 200/204 delivered; 429 prefers the JSON float', () => {
    expect(classifyDiscord(answer(200, '{"id":"1"}'), NOW).kind).toBe('delivered');
    expect(classifyDiscord(answer(204), NOW).kind).toBe('delivered');
    expect(classifyDiscord(answer(429, '{"retry_after":1.25}', { 'retry-after': '2' }), NOW)).toMatchObject({
      kind: 'transient',
      retryAfterMs: 1250,
    });
    expect(classifyDiscord(answer(404, '{"message":"Unknown Webhook","code":10015}'), NOW).kind).toBe(
      'permanent',
    );
  });
  it('generic: 401, 403 permanent; 408, 503 transient; redirects permanent', () => {
    expect(classifyStatus(answer(401), NOW).kind).toBe('permanent');
    expect(classifyStatus(answer(403), NOW).kind).toBe('permanent');
    expect(classifyStatus(answer(408), NOW).kind).toBe('transient');
    expect(classifyStatus(answer(503), NOW).kind).toBe('transient');
    expect(classifyStatus(answer(301), NOW).kind).toBe('permanent');
  });
  it('SMTP: 4xx transient, 5xx permanent, failed login permanent, connection trouble transient', () => {
    expect(classifySmtp({ responseCode: 451, code: 'EENVELOPE', message: 'try later' }).kind).toBe(
      'transient',
    );
    expect(classifySmtp({ responseCode: 550, code: 'EENVELOPE', message: 'no such user' }).kind).toBe(
      'permanent',
    );
    expect(classifySmtp({ responseCode: 535, code: 'EAUTH', message: 'bad login' }).kind).toBe('permanent');
    expect(classifySmtp({ code: 'ECONNECTION', message: 'refused' }).kind).toBe('transient');
  });
});

describe('next step', () => {
  const transient = { kind: 'transient' as const, error: 'HTTP 503' };
  it('never retries a permanent error', () => {
    expect(
      nextStep(
        { kind: 'permanent', error: 'HTTP 404' },
        { attempts: 1, remainingMs: 30_000 },
        policy,
        () => 0.5,
      ),
    ).toEqual({ action: 'give-up', error: 'HTTP 404 (permanent, not retried)' });
  });
  it('waits the Retry-After it was given, not a backoff', () => {
    expect(
      nextStep({ ...transient, retryAfterMs: 3000 }, { attempts: 1, remainingMs: 30_000 }, policy, () => 0.5),
    ).toEqual({ action: 'retry', delayMs: 3000, reason: 'retry-after' });
  });
  it('gives up when Retry-After is above the cap rather than retrying early', () => {
    const step = nextStep(
      { ...transient, retryAfterMs: 120_000 },
      { attempts: 1, remainingMs: 300_000 },
      policy,
      () => 0.5,
    );
    expect(step).toMatchObject({ action: 'give-up' });
    expect((step as { error: string }).error).toMatch(/above max_retry_after_seconds 60 s/);
  });
  it('backs off with jitter, stops at max attempts and before passing the deadline', () => {
    expect(nextStep(transient, { attempts: 2, remainingMs: 30_000 }, policy, () => 0.5)).toEqual({
      action: 'retry',
      delayMs: 500,
      reason: 'backoff',
    });
    expect(nextStep(transient, { attempts: 4, remainingMs: 30_000 }, policy, () => 0.5)).toMatchObject({
      action: 'give-up',
      error: 'HTTP 503 (gave up after 4 attempts)',
    });
    expect(
      nextStep({ ...transient, retryAfterMs: 5000 }, { attempts: 1, remainingMs: 4000 }, policy, () => 0.5),
    ).toMatchObject({ action: 'give-up' });
  });
});
