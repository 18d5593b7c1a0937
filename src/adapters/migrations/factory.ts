import type { LoadedConfig } from '../../config/load.js';
import { targetRoot } from '../../config/state-dir.js';
import { UsageError } from '../../runtime/errors.js';
import { resolveDatabasePath } from '../targets/service-env.js';
import type { MigrationDriver } from './driver.js';
import { EmbeddedMigrationDriver } from './embedded-driver.js';
import { checkPostgresUrl, PostgresMigrationDriver } from './postgres-driver.js';

/** The environment's migration database: the embedded SQLite file (default) or PostgreSQL. */
export function createMigrationDriver(config: LoadedConfig, cwd: string): MigrationDriver {
  const migrations = config.env.migrations;
  if (migrations.driver === 'postgres') {
    if (!config.databaseUrl) {
      throw new UsageError(
        `migrations.driver is "postgres" but the environment variable ${migrations.database_url_env} (migrations.database_url_env) is not set`,
      );
    }
    const source = `${migrations.database_url_env} (migrations.database_url_env)`;
    checkPostgresUrl(config.databaseUrl, source);
    return new PostgresMigrationDriver({ url: config.databaseUrl, urlSource: source });
  }
  return new EmbeddedMigrationDriver(
    resolveDatabasePath(migrations.database_path, targetRoot(config.env, cwd), cwd),
  );
}
