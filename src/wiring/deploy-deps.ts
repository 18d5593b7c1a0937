import { join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import { messageOf, UsageError } from '../runtime/errors.js';
import { JsonFileSink, JsonLinesLogger, type LogSink, type Logger } from '../runtime/logger.js';
import { logFileName } from '../runtime/log-file-name.js';
import type { Notifier, ServiceValidator } from '../ports.js';
import { deployMechanics } from './deploy-mechanics.js';
import { createNotifierFor, createReleaseTargetFor, createValidatorFor, type RuntimeDeps } from './index.js';
import { checkChannelsBeforeSending } from './notify.js';
import { backupStorage } from './backup-archives.js';
import { backupForDeploy, databaseRestoreForDeploy } from '../commands/deploy-backup.js';
import type { BackupFunction, DatabaseRestoreFunction, DeployDeps } from '../commands/deploy.js';
import { chooseRelease, type ReleaseChoice } from '../commands/release-choice.js';
import { readHistory } from '../adapters/targets/release-history.js';

/**
 * Builds what `deploy` and `migrate` need from the real world, for both front ends: the log file
 * `<logDir>/<kind>_<env>_<YYYYMMDD_HHMMSS>_<run id>.log`, the target, and the notifier and validator when
 * this build has them (when not, the reason is kept so the log can say nothing was sent).
 */
export interface OperationLog {
  logger: Logger;
  path: string;
}

export function openOperationLog(
  kind: 'deploy' | 'migrate' | 'rollback',
  config: LoadedConfig,
  logDir: string,
  clock: Clock,
  extraSinks: LogSink[] = [],
): OperationLog {
  const path = join(logDir, logFileName(kind, config.envName, clock.now()));
  return {
    logger: new JsonLinesLogger(clock, [new JsonFileSink(path), ...extraSinks], config.redactor),
    path,
  };
}

export interface DeployDepsInput {
  config: LoadedConfig;
  clock: Clock;
  cwd: string;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  logDir: string;
  log: OperationLog;
  dryRun: boolean;
  /**
   * Build the backup taken before the deploy and the database restore used when it fails, from
   * this same runtime and log (what `deploy --backup-first`, rollout and the deploy dry-run use).
   */
  withBackups?: boolean;
}

export function buildDeployDeps(input: DeployDepsInput): DeployDeps {
  checkChannelsBeforeSending(input.config, input.dryRun);
  const runtime: RuntimeDeps = {
    clock: input.clock,
    logger: input.log.logger,
    cwd: input.cwd,
    env: input.env,
    interactive: input.interactive,
    logDir: input.logDir,
  };
  const target = createReleaseTargetFor(input.config, runtime);
  if (!target)
    throw new UsageError(
      `environment "${input.config.envName}" has no "target" in ${input.config.source}; add a local or command target to deploy`,
    );
  let notifier: Notifier | null = null;
  let notifierProblem: string | undefined;
  if (input.dryRun) {
    notifierProblem = 'dry-run: nothing is sent';
  } else {
    try {
      notifier = createNotifierFor(input.config, runtime);
    } catch (error) {
      notifierProblem = messageOf(error);
    }
  }
  let validator: ServiceValidator | null = null;
  try {
    validator = createValidatorFor(input.config, runtime);
  } catch {
    validator = null;
  }
  return {
    clock: input.clock,
    logger: input.log.logger,
    cwd: input.cwd,
    target,
    mechanics: deployMechanics(input.config, input.cwd, input.clock),
    notifier,
    notifierProblem,
    validator,
    logPath: input.log.path,
    ...(input.withBackups ? backupsFor(input) : {}),
  };
}

function backupsFor(input: DeployDepsInput): {
  backup: BackupFunction;
  restoreDatabase: DatabaseRestoreFunction | undefined;
} {
  const deps = {
    clock: input.clock,
    cwd: input.cwd,
    env: input.env,
    logger: input.log.logger,
    logDir: input.logDir,
    storage: backupStorage(),
  };
  return {
    backup: backupForDeploy(input.config, deps),
    restoreDatabase: databaseRestoreForDeploy(input.config, deps),
  };
}

/**
 * The release a deploy gets: the flag, else DHASH_RELEASE, else the newest release staged on the
 * local target that was not abandoned (read from its deploy history).
 */
export function releaseChoiceFor(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  config: LoadedConfig,
  cwd: string,
): ReleaseChoice {
  return chooseRelease(flag, env, config, cwd, readHistory);
}
