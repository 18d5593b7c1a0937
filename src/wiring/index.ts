/**
 * The composition root: builds the real adapters an environment's config asks for. Front ends
 * (CLI, action) call these and hand the results to the use-cases in src/commands/, which only
 * know the ports in src/ports.ts.
 */
import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import { createNotifier } from '../adapters/notify/factory.js';
import { checkChannelsBeforeSending } from './notify.js';
import type { Notifier, ReleaseTarget, RollbackRunner, ServiceValidator } from '../ports.js';
import { createReleaseTarget } from '../adapters/targets/factory.js';
import { DEFAULT_LATENCY_LIMIT_MS, smokeTargetOf } from '../commands/smoke/target.js';
import { SmokeValidator } from '../commands/smoke/validator.js';
import { createRollbackRunner, type RollbackDeps } from '../commands/rollback.js';
import { backupStorage } from './backup-archives.js';

export interface RuntimeDeps {
  clock: Clock;
  logger: Logger;
  /** Working directory: backups/ and monitor_logs/ are resolved against it. */
  cwd: string;
  /** The process environment (secrets, GitHub variables). */
  env: NodeJS.ProcessEnv;
  /** True when a human can answer a prompt (a TTY on stdin and stdout). */
  interactive: boolean;
  /** Directory for logs, evidence, reports, and the notification fallback. */
  logDir: string;
}

/** Notification channels of the environment. */
export function createNotifierFor(config: LoadedConfig, deps: RuntimeDeps): Notifier {
  return createNotifier(config, { clock: deps.clock, logger: deps.logger, logDir: deps.logDir });
}

/** The environment's deploy target with its deploy-time operations (stage, activate, revert), or
 * null when the config names none. */
export function createReleaseTargetFor(config: LoadedConfig, deps: RuntimeDeps): ReleaseTarget | null {
  return createReleaseTarget(config, deps);
}

/** Health plus smoke validation of the environment's service. */
export function createValidatorFor(config: LoadedConfig, deps: RuntimeDeps): ServiceValidator {
  const service = config.env.service;
  return new SmokeValidator(
    smokeTargetOf(service),
    { timeoutMs: service.request_timeout_seconds * 1000, latencyLimitMs: DEFAULT_LATENCY_LIMIT_MS },
    deps.logger.child({ step: 'validate' }),
  );
}

/** Restores backups (or the previous release) for the environment. */
export function createRollbackRunnerFor(config: LoadedConfig, deps: RuntimeDeps): RollbackRunner {
  return createRollbackRunner(config, deps.cwd, rollbackDepsFor(config, deps));
}

/**
 * What the `rollback` command needs. A rollback that sends (not a dry-run) first checks every
 * enabled channel: a missing variable is exit 2 naming the channel and the variable, before anything
 * is restored. (The monitor's automatic rollback checked them when the watch began.)
 */
export function rollbackCommandDepsFor(
  config: LoadedConfig,
  deps: RuntimeDeps,
  dryRun: boolean,
): RollbackDeps {
  checkChannelsBeforeSending(config, dryRun);
  return rollbackDepsFor(config, deps);
}

/** What `rollback` needs; each adapter is built when first used, so one that is missing is reported, not fatal to a dry-run. */
export function rollbackDepsFor(
  config: LoadedConfig,
  deps: RuntimeDeps,
  onProgress?: (line: string) => void,
): RollbackDeps {
  return {
    clock: deps.clock,
    logger: deps.logger,
    env: deps.env,
    storage: backupStorage(),
    target: () => createReleaseTargetFor(config, deps),
    validator: () => createValidatorFor(config, deps),
    notifier: () => createNotifierFor(config, deps),
    onProgress,
  };
}
