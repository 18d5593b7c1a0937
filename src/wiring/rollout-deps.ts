import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import type { LogSink } from '../runtime/logger.js';
import { createNotifierFor, createRollbackRunnerFor } from './index.js';
import { buildDeployDeps, openOperationLog } from './deploy-deps.js';
import { checkChannelsBeforeSending } from './notify.js';
import { tryPort } from '../commands/monitor.js';
import type { RolloutDeps } from '../commands/rollout.js';
import { metricSources, monitorPorts } from './monitor-ports.js';

export interface RolloutDepsInput {
  config: LoadedConfig;
  clock: Clock;
  cwd: string;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  /** Absolute log directory. */
  logDir: string;
  dryRun: boolean;
  /** Console (CLI) or annotations (action) sinks added to every log. */
  sinks: LogSink[];
}

/** Builds the real adapters a rollout needs, for both front ends. */
export function buildRolloutDeps(
  input: RolloutDepsInput,
): Omit<RolloutDeps, 'onStage' | 'onProgress' | 'signal'> {
  // Before the log is opened: a channel that cannot be built is exit 2 before anything is done.
  checkChannelsBeforeSending(input.config, input.dryRun);
  const log = openOperationLog('deploy', input.config, input.logDir, input.clock, input.sinks);
  const runtime = {
    clock: input.clock,
    cwd: input.cwd,
    env: input.env,
    interactive: input.interactive,
    logDir: input.logDir,
  };
  const deploy = buildDeployDeps({
    ...runtime,
    config: input.config,
    log,
    dryRun: input.dryRun,
    withBackups: true,
  });
  const portRuntime = { ...runtime, logger: log.logger };
  return {
    clock: input.clock,
    deploy,
    notifier: input.dryRun
      ? { port: null, unavailable: 'dry-run: nothing is sent' }
      : tryPort(() => createNotifierFor(input.config, portRuntime)),
    rollback: tryPort(() => createRollbackRunnerFor(input.config, portRuntime)),
    monitorPorts: monitorPorts(input.config, runtime),
    metrics: metricSources(),
    sinks: input.sinks,
    env: input.env,
  };
}
