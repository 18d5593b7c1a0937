import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import { JsonLinesLogger, type Logger, type LogSink } from '../runtime/logger.js';
import { openOperationLog } from './deploy-deps.js';

/**
 * The `rollback` command's logger, the same from both front ends: their own sinks (console or
 * workflow log) plus monitor_logs/rollback_<env>_<stamp>_<run>.log; a dry-run changes nothing and
 * writes no log file.
 */
export function rollbackLogger(
  config: LoadedConfig,
  logDir: string,
  clock: Clock,
  dryRun: boolean,
  sinks: LogSink[],
): Logger {
  return dryRun
    ? new JsonLinesLogger(clock, sinks, config.redactor)
    : openOperationLog('rollback', config, logDir, clock, sinks).logger;
}
