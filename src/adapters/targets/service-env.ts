import { isAbsolute, resolve } from 'node:path';

/**
 * The environment a release runs with. The reference service reads DHASH_PORT/DHASH_HOST to
 * listen where service.base_url points, DHASH_DB_PATH for the embedded database, and
 * DHASH_AUTO_MIGRATE=0 because the deploy's migrate step already brought the schema up to date.
 */
export interface ServiceEnvInput {
  baseUrl: string;
  /** Embedded database file, absolute. */
  databasePath: string | null;
  releaseDir: string;
  releaseId: string;
  environment: string;
  extra: Record<string, string>;
  base: NodeJS.ProcessEnv;
}

export function serviceEnv(input: ServiceEnvInput): NodeJS.ProcessEnv {
  const url = new URL(input.baseUrl);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const env: NodeJS.ProcessEnv = {
    ...input.base,
    DHASH_PORT: port,
    DHASH_HOST: url.hostname.replace(/^\[|\]$/g, ''),
    DHASH_AUTO_MIGRATE: '0',
    DHASH_RELEASE_DIR: input.releaseDir,
    DHASH_RELEASE: input.releaseId,
    DHASH_ENV: input.environment,
    ...input.extra,
  };
  if (input.databasePath) env.DHASH_DB_PATH = input.databasePath;
  return env;
}

export interface CommandVars {
  release?: string;
  releasePath?: string;
  deploymentId?: string;
  backupPath?: string;
  previousRelease?: string | null;
  failedRelease?: string;
}

/** The documented variables every user command (install, restart, command-target scripts) gets. */
export function commandEnv(
  base: NodeJS.ProcessEnv,
  extra: Record<string, string>,
  vars: CommandVars & { environment: string },
): NodeJS.ProcessEnv {
  return {
    ...base,
    ...extra,
    DHASH_ENV: vars.environment,
    DHASH_RELEASE: vars.release ?? '',
    DHASH_RELEASE_PATH: vars.releasePath ?? '',
    DHASH_DEPLOYMENT_ID: vars.deploymentId ?? '',
    DHASH_BACKUP_PATH: vars.backupPath ?? '',
    DHASH_PREVIOUS_RELEASE: vars.previousRelease ?? '',
    DHASH_FAILED_RELEASE: vars.failedRelease ?? '',
  };
}

/** The embedded database file of an environment: relative to the target root, else to cwd. */
export const DEFAULT_DATABASE_PATH = 'shared/data/dhash.sqlite';
export function resolveDatabasePath(
  databasePath: string | undefined,
  root: string | null,
  cwd: string,
): string {
  const path = databasePath ?? DEFAULT_DATABASE_PATH;
  return isAbsolute(path) ? path : resolve(root ?? cwd, path);
}
