/**
 * The composition root: builds the real adapters an environment's config asks for. Front ends
 * (CLI, action) call these and hand the results to the use-cases in src/commands/, which only
 * know the ports in src/ports.ts. Each factory is owned by the issue that builds the adapter.
 */
import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import { OperationError } from '../runtime/errors.js';
import type { Logger } from '../runtime/logger.js';
import type { DeployTarget, Notifier, RollbackRunner, ServiceValidator } from '../ports.js';
import { DEFAULT_LATENCY_LIMIT_MS, smokeTargetOf } from '../commands/smoke/target.js';
import { SmokeValidator } from '../commands/smoke/validator.js';

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

/** Notification channels of the environment (notifications issue). */
export function createNotifierFor(_config: LoadedConfig, _deps: RuntimeDeps): Notifier {
  throw new OperationError('notifications are not available in this build yet');
}

/** The environment's deploy target, or null when the config names none (deploy issue). */
export function createTargetFor(_config: LoadedConfig, _deps: RuntimeDeps): DeployTarget | null {
  throw new OperationError('deploy targets are not available in this build yet');
}

/** Health plus smoke validation of the environment's service (smoke issue). */
export function createValidatorFor(config: LoadedConfig, deps: RuntimeDeps): ServiceValidator {
  const service = config.env.service;
  return new SmokeValidator(
    smokeTargetOf(service),
    { timeoutMs: service.request_timeout_seconds * 1000, latencyLimitMs: DEFAULT_LATENCY_LIMIT_MS },
    deps.logger.child({ step: 'validate' }),
  );
}

/** Restores backups (or the previous release) for the environment (backup issue). */
export function createRollbackRunnerFor(_config: LoadedConfig, _deps: RuntimeDeps): RollbackRunner {
  throw new OperationError('rollback is not available in this build yet');
}
