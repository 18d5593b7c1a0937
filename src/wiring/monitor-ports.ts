import type { LoadedConfig } from '../config/load.js';
import type { Logger } from '../runtime/logger.js';
import { portsFrom, type PortRuntime } from '../commands/monitor/front-end.js';
import type { MetricSourceFactory, MonitorPorts } from '../commands/monitor/types.js';
import { createMetricSource } from '../adapters/metrics/create-source.js';
import type { HttpGet } from '../adapters/metrics/http-get.js';
import { createNotifierFor, createRollbackRunnerFor, createValidatorFor } from './index.js';
import { checkChannelsBeforeSending } from './notify.js';

/**
 * The metric source the environment's `metrics_source` names (Prometheus, or scraping /metrics),
 * over real HTTP unless a simulation hands in its own `get`.
 */
export function metricSources(get?: HttpGet): MetricSourceFactory {
  return (env, rules, clock) => createMetricSource(env, rules, clock, get);
}

/**
 * The monitor's ports (notifier, rollback runner, validator), built once the monitor's logger
 * exists; the one place they are assembled (monitor, rollout, and the dry-run of every step).
 */
export function monitorPorts(
  config: LoadedConfig,
  runtime: Omit<PortRuntime, 'logger'>,
): (logger: Logger) => MonitorPorts {
  return portsFrom({ createNotifierFor, createRollbackRunnerFor, createValidatorFor }, config, runtime);
}

/**
 * The monitor's ports for the `monitor` command of both front ends. A watch that
 * sends (not a dry-run plan) first checks every enabled channel: a missing variable is exit 2
 * naming the channel and the variable before the watch starts.
 */
export function monitorPortsFor(
  config: LoadedConfig,
  runtime: Omit<PortRuntime, 'logger'>,
  dryRun: boolean,
): (logger: Logger) => MonitorPorts {
  checkChannelsBeforeSending(config, dryRun);
  return monitorPorts(config, runtime);
}
