import {
  checksFor,
  judgeAdmin,
  judgeHash,
  judgeHealth,
  judgeInvalidPayload,
  judgeLatency,
  judgeMetrics,
  judgeQueueStatus,
  type CheckDefinition,
  type CheckOutcome,
  type Judgement,
  type Observation,
} from '../../domain/smoke/checks.js';
import { smokeVerdict, type SmokeVerdict } from '../../domain/smoke/verdict.js';
import type { Logger } from '../../runtime/logger.js';
import { SAMPLE_DHASH_HEX, SAMPLE_REQUEST } from '../../smoke-sample/sample-image.js';
import { observe } from './probe.js';

/** Where and how to probe: the service section of the config, resolved to absolute URLs. */
export interface SmokeTarget {
  baseUrl: string;
  healthPath: string;
  metricsPath: string;
  queueStatusPath: string;
  adminPath: string;
  /** The hash API; the sample's request path unless a test points elsewhere. */
  hashPath?: string;
}

export interface SmokeRunOptions {
  quick: boolean;
  /** Total time allowed for each request. */
  timeoutMs: number;
  /** Health round-trips above this warn. */
  latencyLimitMs: number;
  signal?: AbortSignal;
  /** Called as each check finishes (TTY progress). */
  onCheck?: (outcome: CheckOutcome) => void;
}

export interface SmokeRun {
  baseUrl: string;
  quick: boolean;
  checks: CheckOutcome[];
  verdict: SmokeVerdict;
}

/**
 * A syntactically fine request whose payload is not an image: the service must refuse it with a
 * 4xx. It names no image field at all, so a correct service rejects it before attempting an
 * extraction and the smoke run does not add a failed extraction to the metrics the gates read.
 */
export const INVALID_PAYLOAD_BODY = JSON.stringify({ smoke_test: 'not an image' });

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

type SmokeRequest = (
  path: string,
  extra?: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
) => Promise<Observation>;

type CheckJudges = Record<CheckDefinition['id'], () => Promise<{ judgement: Judgement; elapsedMs?: number }>>;

/** Runs the checks in order, each with its own deadline; returns every outcome and the verdict. */
export async function runSmokeChecks(
  target: SmokeTarget,
  options: SmokeRunOptions,
  logger: Logger,
): Promise<SmokeRun> {
  const judge = checkJudges(target, options, requester(target, options));
  const checks: CheckOutcome[] = [];
  for (const definition of checksFor(options.quick)) {
    options.signal?.throwIfAborted();
    const { judgement, elapsedMs } = await judge[definition.id]();
    const outcome: CheckOutcome = {
      ...definition,
      status: judgement.status,
      detail: judgement.detail,
      elapsedMs,
    };
    checks.push(outcome);
    logCheck(logger, outcome, elapsedMs);
    options.onCheck?.(outcome);
  }
  const verdict = smokeVerdict(checks);
  logVerdict(logger, verdict);
  return { baseUrl: target.baseUrl, quick: options.quick, checks, verdict };
}

/** One request to the service under the run's deadlines. */
function requester(target: SmokeTarget, options: SmokeRunOptions): SmokeRequest {
  return (path, extra = {}) =>
    observe({
      url: joinUrl(target.baseUrl, path),
      method: extra.method ?? 'GET',
      headers: {
        accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
        ...extra.headers,
      },
      body: extra.body,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
      signal: options.signal,
    });
}

/** Each check's exchange with the service and its judgement; the latency check reuses the health exchange. */
function checkJudges(target: SmokeTarget, options: SmokeRunOptions, request: SmokeRequest): CheckJudges {
  let healthObservation: Observation | undefined;
  return {
    health: async () => {
      healthObservation = await request(target.healthPath);
      return { judgement: judgeHealth(healthObservation), elapsedMs: healthObservation.elapsedMs };
    },
    metrics: async () => {
      const obs = await request(target.metricsPath, { headers: { accept: 'text/plain;version=0.0.4' } });
      return { judgement: judgeMetrics(obs), elapsedMs: obs.elapsedMs };
    },
    hash: async () => {
      const obs = await request(target.hashPath ?? SAMPLE_REQUEST.path, {
        method: 'POST',
        headers: { ...SAMPLE_REQUEST.headers },
        body: SAMPLE_REQUEST.body,
      });
      return { judgement: judgeHash(obs, SAMPLE_DHASH_HEX), elapsedMs: obs.elapsedMs };
    },
    queue_status: async () => {
      const obs = await request(target.queueStatusPath);
      return { judgement: judgeQueueStatus(obs), elapsedMs: obs.elapsedMs };
    },
    invalid_payload: async () => {
      const obs = await request(target.hashPath ?? SAMPLE_REQUEST.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: INVALID_PAYLOAD_BODY,
      });
      return { judgement: judgeInvalidPayload(obs), elapsedMs: obs.elapsedMs };
    },
    admin_protected: async () => {
      const obs = await request(target.adminPath);
      return { judgement: judgeAdmin(obs), elapsedMs: obs.elapsedMs };
    },
    health_latency: async () => {
      // Reuses the health exchange when it ran; otherwise times a fresh one.
      const obs = healthObservation ?? (await request(target.healthPath));
      return { judgement: judgeLatency(obs, options.latencyLimitMs), elapsedMs: obs.elapsedMs };
    },
  };
}

/** One log line per finished check: a critical failure is an error, any other failure or warning a warning. */
function logCheck(logger: Logger, outcome: CheckOutcome, elapsedMs: number | undefined): void {
  const level =
    outcome.status === 'fail'
      ? outcome.critical
        ? 'ERROR'
        : 'WARN'
      : outcome.status === 'warn'
        ? 'WARN'
        : 'INFO';
  logger.log(level, `Smoke check ${outcome.id}: ${outcome.status.toUpperCase()} - ${outcome.detail}`, {
    check: outcome.id,
    status: outcome.status,
    critical: outcome.critical,
    elapsed_ms: elapsedMs === undefined ? undefined : Math.round(elapsedMs),
  });
}

function logVerdict(logger: Logger, verdict: SmokeVerdict): void {
  logger.log(
    verdict.status === 'failed' ? 'ERROR' : verdict.status === 'warned' ? 'WARN' : 'INFO',
    `Smoke tests ${verdict.status}: ${verdict.summary}`,
    {
      result: verdict.status,
      passed: verdict.passed,
      warned: verdict.warned,
      failed: verdict.failed,
      critical_failed: verdict.criticalFailed,
    },
  );
}
