import type { LoadedConfig } from '../../config/load.js';
import type { EnvironmentScope } from '../../domain/backup/manifest.js';

/** What an environment's config allows a restore: its paths and database (see manifestScopeProblems). */
export function restoreScope(config: LoadedConfig): EnvironmentScope {
  const norm = (p: string): string => p.replace(/\\/g, '/').replace(/\/+$/, '');
  return {
    environment: config.envName,
    paths: config.env.backup.paths.map(norm),
    databasePath: config.env.backup.database_path ? norm(config.env.backup.database_path) : null,
  };
}

/** The signing key, when the environment variable the config names is set (never logged). */
export function signingKey(config: LoadedConfig, env: NodeJS.ProcessEnv): Buffer | undefined {
  const text = env[config.env.backup.signing_key_env];
  return text ? Buffer.from(text, 'utf8') : undefined;
}
