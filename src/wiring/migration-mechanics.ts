import { createMigrationDriver } from '../adapters/migrations/factory.js';
import { readMigrationFiles } from '../adapters/migrations/read-files.js';
import type { LoadedConfig } from '../config/load.js';
import type { MigrationMechanics } from '../commands/migrate-core.js';

/** The real migration driver and file reader that `migrate` and `deploy` use, for one environment. */
export function migrationMechanics(config: LoadedConfig, cwd: string): MigrationMechanics {
  return {
    openDriver: () => createMigrationDriver(config, cwd),
    readFiles: readMigrationFiles,
  };
}
