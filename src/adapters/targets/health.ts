import type { Clock } from '../../runtime/clock.js';
import { httpRequest, messageOfHttp } from './http-message.js';

/**
 * Waits until GET <url> answers 2xx with JSON `{"status":"ok"}` (the metrics contract), the
 * deadline passes, or `problem()` reports that the service cannot come up (it crashed).
 */
export interface HealthWaitOptions {
  url: string;
  timeoutMs: number;
  clock: Clock;
  /** Between attempts. Default 250 ms. */
  intervalMs?: number;
  /** Per request. Default 5 s, capped by the remaining time. */
  requestTimeoutMs?: number;
  problem?: () => Promise<string | null>;
  signal?: AbortSignal;
  /** Told each failed attempt's answer, for a terminal's spinner. */
  onAttempt?: (attempt: number, detail: string) => void;
}

export interface HealthWaitResult {
  ok: boolean;
  attempts: number;
  /** The last answer or failure, for messages. */
  detail: string;
  version?: string;
}

export async function checkHealthOnce(
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: boolean; detail: string; version?: string }> {
  try {
    const res = await httpRequest({
      url,
      timeoutMs,
      connectTimeoutMs: Math.min(timeoutMs, 5_000),
      maxBodyBytes: 1024 * 1024,
      signal,
    });
    let body: { status?: unknown; version?: unknown } | null = null;
    try {
      body = res.json() as { status?: unknown; version?: unknown } | null;
    } catch {
      body = null;
    }
    const version = typeof body?.version === 'string' ? body.version : undefined;
    if (res.status < 200 || res.status > 299) return { ok: false, detail: `HTTP ${res.status}`, version };
    if (!body) return { ok: false, detail: `HTTP ${res.status} with a body that is not JSON` };
    if (body.status !== 'ok') return { ok: false, detail: `status "${String(body.status)}"`, version };
    return {
      ok: true,
      detail: `HTTP ${res.status}, status "ok"${version ? `, version ${version}` : ''}`,
      version,
    };
  } catch (error) {
    return { ok: false, detail: messageOfHttp(error) };
  }
}

export async function waitForHealth(options: HealthWaitOptions): Promise<HealthWaitResult> {
  const { clock } = options;
  const deadline = clock.now() + options.timeoutMs;
  let attempts = 0;
  let detail = 'no attempt made';
  for (;;) {
    attempts++;
    // At least a second per request: an attempt squeezed into the last milliseconds would only
    // ever report a timeout and hide the real answer (a 503, say) of the attempts before it.
    const remaining = Math.max(1_000, deadline - clock.now());
    const check = await checkHealthOnce(
      options.url,
      Math.min(options.requestTimeoutMs ?? 5_000, remaining),
      options.signal,
    );
    if (check.ok) return { ok: true, attempts, detail: check.detail, version: check.version };
    detail = check.detail;
    options.onAttempt?.(attempts, detail);
    const problem = options.problem ? await options.problem() : null;
    if (problem) return { ok: false, attempts, detail: `${problem} (last health answer: ${detail})` };
    if (clock.now() >= deadline) {
      return {
        ok: false,
        attempts,
        detail: `not healthy within ${Math.round(options.timeoutMs / 1000)} s after ${attempts} attempts; last answer: ${detail}`,
      };
    }
    await clock.sleep(
      Math.min(options.intervalMs ?? 250, Math.max(0, deadline - clock.now())),
      options.signal,
    );
  }
}

/** `base_url` + a path, without doubling the slash. */
export function serviceUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
