import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { targetRoot } from '../config/state-dir.js';
import { readMigrationFiles } from '../adapters/migrations/read-files.js';
import type { MigrationDriver, RunResult } from '../adapters/migrations/driver.js';
import { collectMigrations, type Migration } from '../domain/migrations/files.js';
import {
  describeMismatch,
  planMigrations,
  type MigrationPlan,
  type PlanOptions,
} from '../domain/migrations/plan.js';
import { OperationError, RefusedError, UsageError } from '../runtime/errors.js';

/**
 * The parts of `migrate` that `deploy` shares: read the files, read the tracking table, plan,
 * and refuse what must not run. Nothing here writes.
 */
export interface PreparedMigrations {
  dir: string;
  migrations: Migration[];
  plan: MigrationPlan;
}

export function loadMigrations(dir: string): Migration[] {
  let files;
  try {
    files = readMigrationFiles(dir);
  } catch (error) {
    throw new OperationError(`cannot read migrations from ${dir}: ${(error as Error).message}`);
  }
  const { migrations, problems } = collectMigrations(files);
  if (problems.length)
    throw new OperationError(
      `migrations in ${dir} are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return migrations;
}

export async function prepareMigrations(
  driver: MigrationDriver,
  dir: string,
  options: PlanOptions,
): Promise<PreparedMigrations> {
  const migrations = loadMigrations(dir);
  let applied;
  try {
    applied = await driver.applied();
  } catch (error) {
    throw new OperationError(
      `cannot read schema_migrations from ${driver.description}: ${(error as Error).message}`,
    );
  }
  const plan = planMigrations(migrations, applied, options);
  return { dir, migrations, plan };
}

/** Refuses a plan that must not run: an edited applied file, or a step that cannot be carried out. */
export function refuseUnsafePlan(plan: MigrationPlan): void {
  const problems = [
    ...plan.checksumMismatches.map(
      (m) =>
        `${describeMismatch(m)}; an applied migration must not be edited: restore the original file and put the change in a new migration`,
    ),
    ...plan.blockers,
  ];
  if (problems.length)
    throw new RefusedError(
      `migrations refused, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
}

/** Where migrations are read from: --migrations-dir, else the release's (or live release's) migrations.dir. */
export function migrationsDirFor(
  config: LoadedConfig,
  cwd: string,
  options: { migrationsDir?: string; releaseDir?: string },
): string {
  if (options.migrationsDir) return resolve(cwd, options.migrationsDir);
  if (options.releaseDir) return join(options.releaseDir, config.env.migrations.dir);
  const root = targetRoot(config.env, cwd);
  if (!root) {
    throw new UsageError(
      `--migrations-dir: required for environment "${config.envName}", whose target is not local (there is no live release directory on this host)`,
    );
  }
  return join(root, 'current', config.env.migrations.dir);
}

export function summarizeRun(result: RunResult): string {
  return result.outcomes
    .map((o) => `${o.version} ${o.name} ${o.direction}: ${o.status}${o.detail ? ` (${o.detail})` : ''}`)
    .join('; ');
}
