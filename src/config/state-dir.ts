import { isAbsolute, resolve } from 'node:path';
import type { EnvironmentConfig, LocalTargetConfig } from './schema.js';

/**
 * Directory resolution shared by every command, so they agree on where things live. The loader
 * has already made the config's paths absolute (target.root against the config file's folder,
 * backup.dir against target.root); resolving again only matters for hand-built configs in tests.
 */
export function targetRoot(env: EnvironmentConfig, cwd: string): string | null {
  if (env.target?.type !== 'local') return null;
  return localTargetRoot(env.target, cwd);
}

export function localTargetRoot(target: LocalTargetConfig, cwd: string): string {
  return isAbsolute(target.root) ? target.root : resolve(cwd, target.root);
}

/** Where environment locks live: the local target's root (shared by everyone deploying to that
 * host), else the working directory. */
export function lockDir(env: EnvironmentConfig, cwd: string): string {
  return targetRoot(env, cwd) ?? resolve(cwd, '.dhash-rollout');
}

export function backupDir(env: EnvironmentConfig, cwd: string): string {
  return resolve(cwd, env.backup.dir);
}

export const DEFAULT_LOG_DIR = 'monitor_logs';

export function logDir(cwd: string, override?: string): string {
  return resolve(cwd, override ?? DEFAULT_LOG_DIR);
}
