import type { Agent, Dispatcher } from 'undici';
import { describeTarget } from '../domain/url-target.js';

// undici is loaded on the first request: commands that make none (validate, --help) start
// without it.
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = (): Promise<typeof import('undici')> => (undici ??= import('undici'));

/**
 * The one HTTP client: undici with a connect timeout, a total deadline, and a cap on the body so
 * a misbehaving peer cannot make us buffer gigabytes. Every adapter that speaks HTTP uses it.
 */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array;
  /** Time allowed to establish the TCP/TLS connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Time allowed for the whole exchange, body included. Default 30 s. */
  timeoutMs?: number;
  /** Largest response body accepted. Default 16 MiB. */
  maxBodyBytes?: number;
  /**
   * What a body over `maxBodyBytes` does: `fail` (default) throws `too_large`; `truncate` keeps
   * the first `maxBodyBytes` bytes, stops reading and answers with `truncated: true`. Callers that
   * judge by the status (a notification accepted with 2xx) must not turn an over-long body into
   * a failure: the peer has already acted on the request.
   */
  overLimit?: 'fail' | 'truncate';
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** True when the body was cut at `maxBodyBytes` (only with `overLimit: 'truncate'`). */
  truncated: boolean;
  /** Milliseconds from the start of the request to the end of the body. */
  elapsedMs: number;
  text(): string;
  /** The body parsed as JSON; the caller checks its shape. */
  json(): unknown;
}

export type HttpFailure = 'connect' | 'timeout' | 'too_large' | 'network' | 'aborted';

export class HttpError extends Error {
  constructor(
    readonly kind: HttpFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/**
 * The User-Agent every request carries unless it sets its own: the config's
 * `global_settings.user_agent`, set once by the front end that loaded the config.
 */
let userAgent = 'dhash-rollout';
export function setUserAgent(value: string): void {
  userAgent = value;
}
export function currentUserAgent(): string {
  return userAgent;
}

const agents = new Map<number, Agent>();
function agentFor(connectTimeoutMs: number, { Agent }: typeof import('undici')): Dispatcher {
  let agent = agents.get(connectTimeoutMs);
  if (!agent) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 4_000 });
    agents.set(connectTimeoutMs, agent);
  }
  return agent;
}

/** Closes pooled connections so a CLI process can exit promptly. */
export async function closeHttpAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}

export { describeTarget } from '../domain/url-target.js';

export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const connectTimeoutMs = req.connectTimeoutMs ?? 5_000;
  const timeoutMs = req.timeoutMs ?? 30_000;
  const maxBodyBytes = req.maxBodyBytes ?? 16 * 1024 * 1024;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
  const started = performance.now();
  const where = describeTarget(req.url);
  try {
    const client = await loadUndici();
    const res = await client.request(req.url, {
      method: req.method ?? 'GET',
      headers: { 'user-agent': userAgent, ...req.headers },
      body: req.body,
      signal,
      dispatcher: agentFor(connectTimeoutMs, client),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const truncate = req.overLimit === 'truncate';
    const declared = Number(res.headers['content-length'] ?? NaN);
    if (!truncate && Number.isFinite(declared) && declared > maxBodyBytes) {
      res.body.destroy();
      throw new HttpError(
        'too_large',
        `response from ${where} is ${declared} bytes, above the ${maxBodyBytes}-byte limit`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of res.body) {
      const bytes = chunk as Buffer;
      if (size + bytes.length > maxBodyBytes) {
        res.body.destroy();
        if (!truncate) {
          throw new HttpError('too_large', `response from ${where} exceeded the ${maxBodyBytes}-byte limit`);
        }
        chunks.push(bytes.subarray(0, maxBodyBytes - size));
        truncated = true;
        break;
      }
      size += bytes.length;
      chunks.push(bytes);
    }
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    return {
      status: res.statusCode,
      headers,
      body,
      truncated,
      elapsedMs: performance.now() - started,
      text: () => body.toString('utf8'),
      json: (): unknown => JSON.parse(body.toString('utf8')),
    };
  } catch (error) {
    throw classify(error, where, timeoutMs, connectTimeoutMs, req.signal, deadline);
  }
}

function classify(
  error: unknown,
  where: string,
  timeoutMs: number,
  connectTimeoutMs: number,
  callerSignal: AbortSignal | undefined,
  deadline: AbortSignal,
): HttpError {
  if (error instanceof HttpError) return error;
  const code = (error as { code?: string } | undefined)?.code ?? '';
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (callerSignal?.aborted)
    return new HttpError('aborted', `request to ${where} was cancelled`, { cause: error });
  if (
    deadline.aborted ||
    name === 'TimeoutError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new HttpError('timeout', `request to ${where} timed out after ${timeoutMs} ms`, { cause: error });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new HttpError('connect', `could not connect to ${where} within ${connectTimeoutMs} ms`, {
      cause: error,
    });
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'ECONNRESET' ||
    code === 'EHOSTUNREACH'
  ) {
    return new HttpError('connect', `could not connect to ${where}: ${code}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError('network', `request to ${where} failed: ${message}`, { cause: error });
}
