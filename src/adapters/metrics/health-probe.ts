import { whileHolding, type Clock } from '../../runtime/clock.js';
import type { HealthCheck } from '../../domain/gates/health.js';
import { describeFailure, type HttpGet } from './http-get.js';

/** Judges one /health answer by the metrics contract: 2xx and JSON `status: "ok"`. */
export function judgeHealthAnswer(status: number, body: string): { ok: boolean; detail: string } {
  if (status < 200 || status > 299) return { ok: false, detail: `HTTP ${status}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, detail: 'HTTP 200 with a body that is not JSON' };
  }
  const state = (parsed as { status?: unknown } | null)?.status;
  if (state !== 'ok') return { ok: false, detail: `status "${String(state)}"` };
  return { ok: true, detail: 'status "ok"' };
}

/**
 * One health check: a GET of the health URL, and, if it fails fast (a dropped or refused
 * connection), one more attempt a moment later; a single dropped connection says nothing about
 * the service. Both attempts share one deadline of `timeoutMs`, so a hung service costs one
 * timeout per check, never two: that is what keeps the worst-case detection time bounded.
 */
export async function checkHealth(
  get: HttpGet,
  clock: Clock,
  url: string,
  timeoutMs: number,
  retryDelayMs: number,
  signal?: AbortSignal,
): Promise<HealthCheck> {
  const at = clock.now();
  const started = performance.now();
  let detail = '';
  let budget = timeoutMs;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const res = await whileHolding(clock, () =>
        get(url, { timeoutMs: budget, signal, maxBodyBytes: 1024 * 1024 }),
      );
      const judged = judgeHealthAnswer(res.status, res.body);
      if (judged.ok)
        return {
          at,
          ok: true,
          detail: attempt === 1 ? judged.detail : `${judged.detail} on retry (first: ${detail})`,
          attempts: attempt,
        };
      detail = attempt === 1 ? judged.detail : `${judged.detail} (first: ${detail})`;
    } catch (error) {
      if (signal?.aborted) throw error;
      detail = attempt === 1 ? describeFailure(error) : `${describeFailure(error)} (first: ${detail})`;
    }
    if (attempt === 1) {
      budget = Math.floor(timeoutMs - (performance.now() - started) - retryDelayMs);
      if (budget < 100) return { at, ok: false, detail, attempts: 1 };
      await clock.sleep(retryDelayMs, signal);
    }
  }
  return { at, ok: false, detail, attempts: 2 };
}
