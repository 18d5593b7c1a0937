import type { LoadedConfig } from '../config/load.js';
import { targetRoot } from '../config/state-dir.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import { createBackup } from './backup.js';
import { writePreDeployRecord } from './rollback-target.js';
import type { BackupFunction, DatabaseRestoreFunction } from './deploy.js';
import { restoreDatabaseFromBackup } from './restore/restore.js';
import type { BackupStorage } from './backup-ports.js';
import { restoreScope, signingKey } from './restore/restore-settings.js';

interface BackupDepsInput {
  clock: Clock;
  cwd: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  logDir: string;
  /** Archives and release links (src/wiring/backup-archives.ts). */
  storage: BackupStorage;
}

/**
 * `--backup-first`: the backup command's use-case (a verified backups/dhash_<env>_<stamp>.zip).
 * The backup is recorded (path, sha256, release) as this environment's pre-deploy backup, which
 * a monitor's rollback restores exactly (`--rollback-to latest-before-deploy`, and rollout).
 */
export function backupForDeploy(config: LoadedConfig, deps: BackupDepsInput): BackupFunction {
  return async (request) => {
    const result = await createBackup(
      { config, cwd: deps.cwd },
      {
        clock: deps.clock,
        logger: deps.logger,
        env: deps.env,
        storage: deps.storage,
      },
    );
    const record = writePreDeployRecord(config, deps.cwd, {
      environment: config.envName,
      backup: result.path,
      sha256: result.sha256,
      release: result.manifest.release,
      deploying: request.reason.replace(/^before deploying /, '') || null,
      deployment_id: request.deploymentId,
      taken_at: new Date(deps.clock.now()).toISOString(),
    });
    deps.logger.info(`pre-deploy backup recorded: ${result.path} (sha256 ${result.sha256})`, { record });
    return { path: result.path, sha256: result.sha256, release: result.manifest.release };
  };
}

/** Deploy's last-resort undo of migrations: the embedded database back from the backup just taken. */
export function databaseRestoreForDeploy(
  config: LoadedConfig,
  deps: BackupDepsInput,
): DatabaseRestoreFunction | undefined {
  const root = targetRoot(config.env, deps.cwd);
  if (!root) return undefined;
  return async (archivePath) => {
    await restoreDatabaseFromBackup({
      archivePath,
      root,
      environment: config.envName,
      scope: restoreScope(config),
      hmacKey: signingKey(config, deps.env),
      clock: deps.clock,
      logger: deps.logger,
      env: deps.env,
      storage: deps.storage,
    });
  };
}
