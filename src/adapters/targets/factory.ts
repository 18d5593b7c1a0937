import type { LoadedConfig } from '../../config/load.js';
import { localTargetRoot } from '../../config/state-dir.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger } from '../../runtime/logger.js';
import type { ReleaseTarget } from '../../ports.js';
import { CommandTarget } from './command-target.js';
import { LocalTarget } from './local-target.js';
import { resolveDatabasePath } from './service-env.js';

export interface TargetDeps {
  clock: Clock;
  logger: Logger;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The environment's deploy target, or null when its config names none. */
export function createReleaseTarget(config: LoadedConfig, deps: TargetDeps): ReleaseTarget | null {
  const target = config.env.target;
  if (!target) return null;
  if (target.type === 'command') {
    return new CommandTarget({
      config: target,
      environment: config.envName,
      cwd: deps.cwd,
      logger: deps.logger,
      processEnv: deps.env,
    });
  }
  const root = localTargetRoot(target, deps.cwd);
  return new LocalTarget({
    config: target,
    root,
    environment: config.envName,
    baseUrl: config.env.service.base_url,
    healthPath: config.env.service.health_path,
    databasePath:
      config.env.migrations.driver === 'embedded'
        ? resolveDatabasePath(config.env.migrations.database_path, root, deps.cwd)
        : null,
    clock: deps.clock,
    logger: deps.logger,
    processEnv: deps.env,
  });
}
