import { join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { CheckOutcome } from '../domain/smoke/checks.js';
import type { Clock } from '../runtime/clock.js';
import { UsageError } from '../runtime/errors.js';
import { JsonFileSink, JsonLinesLogger, type LogSink } from '../runtime/logger.js';
import { logFileName } from '../runtime/log-file-name.js';
import { runSmokeChecks, type SmokeRun } from './smoke/run-checks.js';
import { DEFAULT_LATENCY_LIMIT_MS, smokeTargetOf } from './smoke/target.js';

export interface SmokeOptions {
  /** Only the critical checks: health, metrics, hash. */
  quick: boolean;
  /** `--endpoint`: the service to probe instead of the config's base_url. */
  endpoint?: string;
  /** Per-request deadline; default the config's service.request_timeout_seconds. */
  timeoutSeconds?: number;
  /** Health latency limit; default 1000 ms. */
  latencyLimitMs?: number;
  /** Absolute directory for smoke_tests_<env>_<ts>.log. */
  logDir: string;
  signal?: AbortSignal;
  onCheck?: (outcome: CheckOutcome) => void;
  /** Extra sinks (a console sink for --verbose). */
  extraSinks?: LogSink[];
}

export interface SmokeResult extends SmokeRun {
  environment: string;
  logPath: string;
  timeoutMs: number;
  latencyLimitMs: number;
}

export function smokeLogPath(logDir: string, environment: string, nowMs: number): string {
  return join(logDir, logFileName('smoke_tests', environment, nowMs));
}

/** `smoke`: probes a running service end to end and logs every check to its own JSON-lines log. */
export async function smokeCommand(
  config: LoadedConfig,
  options: SmokeOptions,
  deps: { clock: Clock },
): Promise<SmokeResult> {
  const target = smokeTargetOf(config.env.service, options.endpoint);
  const timeoutSeconds = options.timeoutSeconds ?? config.env.service.request_timeout_seconds;
  if (!(timeoutSeconds > 0))
    throw new UsageError(`--timeout: expected a number of seconds greater than 0, got ${timeoutSeconds}`);
  const latencyLimitMs = options.latencyLimitMs ?? DEFAULT_LATENCY_LIMIT_MS;
  const timeoutMs = Math.round(timeoutSeconds * 1000);

  const logPath = smokeLogPath(options.logDir, config.envName, deps.clock.now());
  const logger = new JsonLinesLogger(
    deps.clock,
    [new JsonFileSink(logPath), ...(options.extraSinks ?? [])],
    config.redactor,
    {
      environment: config.envName,
      step: 'smoke',
    },
  );
  logger.info(
    `Smoke tests starting against ${target.baseUrl}${options.quick ? ' (quick: critical checks only)' : ''}`,
    {
      base_url: target.baseUrl,
      quick: options.quick,
      timeout_ms: timeoutMs,
      latency_limit_ms: latencyLimitMs,
    },
  );
  const run = await runSmokeChecks(
    target,
    { quick: options.quick, timeoutMs, latencyLimitMs, signal: options.signal, onCheck: options.onCheck },
    logger,
  );
  return { ...run, environment: config.envName, logPath, timeoutMs, latencyLimitMs };
}
