import { resolve } from 'node:path';

/** The service's settings, all from environment variables (see docs/dhash-service.md). */
export interface ServiceConfig {
  host: string;
  port: number;
  dbPath: string;
  memoryLimitBytes: number | undefined;
  adminToken: string | undefined;
  autoMigrate: boolean;
  confidenceThreshold: number;
  releaseDir: string;
  maxBodyBytes: number;
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** `defaultReleaseDir` is where the running server.js lives. */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string, defaultReleaseDir: string): ServiceConfig {
  const autoMigrate = env.DHASH_AUTO_MIGRATE ?? '1';
  if (autoMigrate !== '0' && autoMigrate !== '1')
    throw new ConfigurationError(`DHASH_AUTO_MIGRATE must be "0" or "1", got "${autoMigrate}"`);
  const thresholdRaw = env.DHASH_CONFIDENCE_THRESHOLD;
  let confidenceThreshold = 0.85;
  if (thresholdRaw !== undefined && thresholdRaw !== '') {
    confidenceThreshold = Number(thresholdRaw);
    if (!Number.isFinite(confidenceThreshold) || confidenceThreshold < 0 || confidenceThreshold > 1) {
      throw new ConfigurationError(
        `DHASH_CONFIDENCE_THRESHOLD must be a number from 0 to 1, got "${thresholdRaw}"`,
      );
    }
  }
  const memoryRaw = env.DHASH_MEMORY_LIMIT_BYTES;
  const token = env.DHASH_ADMIN_TOKEN;
  return {
    host: env.DHASH_HOST || '127.0.0.1',
    port: integer(env, 'DHASH_PORT', 8080, 0, 65535),
    dbPath: resolve(cwd, env.DHASH_DB_PATH || './data/dhash.sqlite'),
    memoryLimitBytes:
      memoryRaw === undefined || memoryRaw === ''
        ? undefined
        : integer(env, 'DHASH_MEMORY_LIMIT_BYTES', 0, 1, Number.MAX_SAFE_INTEGER),
    adminToken: token === undefined || token === '' ? undefined : token,
    autoMigrate: autoMigrate === '1',
    confidenceThreshold,
    releaseDir: resolve(cwd, env.DHASH_RELEASE_DIR || defaultReleaseDir),
    maxBodyBytes: integer(env, 'DHASH_MAX_BODY_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  };
}
