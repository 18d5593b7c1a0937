import { HttpError, httpRequest } from '../../runtime/http.js';

/** The one HTTP call the metric sources make, injectable so a simulation can stand in for the wire. */
export interface HttpGetResult {
  status: number;
  body: string;
  elapsedMs: number;
}
export type HttpGet = (
  url: string,
  options: { timeoutMs: number; signal?: AbortSignal; maxBodyBytes?: number },
) => Promise<HttpGetResult>;

export const httpGet: HttpGet = async (url, options) => {
  const res = await httpRequest({
    url,
    timeoutMs: options.timeoutMs,
    connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
    signal: options.signal,
    maxBodyBytes: options.maxBodyBytes,
    headers: { accept: 'application/json, text/plain;version=0.0.4;q=0.9, */*;q=0.5' },
  });
  return { status: res.status, body: res.text(), elapsedMs: res.elapsedMs };
};

/** A short description of a failed request, for verdict reasons. */
export function describeFailure(error: unknown): string {
  if (error instanceof HttpError) {
    if (error.kind === 'timeout') return 'timeout';
    if (error.kind === 'connect')
      return /ECONNREFUSED/.test(error.message) ? 'connection refused' : 'cannot connect';
    return error.kind;
  }
  return error instanceof Error ? error.message : String(error);
}
