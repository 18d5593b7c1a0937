import { HttpError, httpRequest, type HttpRequest } from '../../runtime/http.js';
import type { Observation } from '../../domain/smoke/checks.js';

/** Smoke bodies are small; a service that answers megabytes to /health is misbehaving. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * One HTTP exchange turned into an Observation: a failed request is a result to judge, not an
 * exception, so one dead endpoint does not hide the verdicts of the others.
 */
export async function observe(request: HttpRequest): Promise<Observation> {
  const started = performance.now();
  try {
    const res = await httpRequest({ maxBodyBytes: MAX_BODY_BYTES, ...request });
    return {
      kind: 'response',
      status: res.status,
      contentType: res.headers['content-type'] ?? '',
      body: res.text(),
      elapsedMs: res.elapsedMs,
    };
  } catch (error) {
    const elapsedMs = performance.now() - started;
    if (error instanceof HttpError)
      return { kind: 'error', error: `${error.kind}: ${error.message}`, elapsedMs };
    throw error;
  }
}
