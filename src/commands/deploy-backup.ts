import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';
import type { BackupFunction } from './deploy.js';

/**
 * `--backup-first`: the backup command's use-case, once this build has it. Until then this
 * returns undefined and deploy refuses --backup-first with a clear message.
 */
export function backupForDeploy(
  _config: LoadedConfig,
  _deps: { clock: Clock; cwd: string; env: NodeJS.ProcessEnv; logger: Logger; logDir: string },
): BackupFunction | undefined {
  return undefined;
}
