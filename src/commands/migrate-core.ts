import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { targetRoot } from '../config/state-dir.js';
import type { MigrationDriver, RunResult } from '../adapters/migrations/driver.js';
import { collectMigrations, type Migration, type MigrationFile } from '../domain/migrations/files.js';
import {
  describeMismatch,
  planMigrations,
  type MigrationPlan,
  type PlanOptions,
} from '../domain/migrations/plan.js';
import { DhashError, OperationError, RefusedError, UsageError } from '../runtime/errors.js';

/**
 * The parts of `migrate` that `deploy` shares: read the files, read the tracking table, plan,
 * and refuse what must not run. Nothing here writes.
 */
export interface MigrationMechanics {
  /** The environment's migration driver, opened for one run (the caller closes it). */
  openDriver(): MigrationDriver;
  /**
   * Every *.sql file of a migrations folder with its checksum; an absent folder has none.
   * A plain function (no `this`), handed on to prepareMigrations as it is.
   */
  readFiles: (dir: string) => MigrationFile[];
}

export interface PreparedMigrations {
  dir: string;
  migrations: Migration[];
  plan: MigrationPlan;
}

/**
 * The migration files of a folder. A folder that does not exist is the user's to fix (a typo in
 * --migrations-dir, no live release yet), unless `optional` (a release may have no migrations/).
 * Badly named files are refused, not skipped: a skipped migration is a silent schema gap.
 */
export function loadMigrations(
  readFiles: MigrationMechanics['readFiles'],
  dir: string,
  options: { optional?: boolean } = {},
): Migration[] {
  if (!existsSync(dir) && !options.optional)
    throw new UsageError(
      `migrations folder ${dir} does not exist; pass --migrations-dir <dir> or --release <dir> (a release holds migrations/), or deploy a release first`,
    );
  let files;
  try {
    files = readFiles(dir);
  } catch (error) {
    throw new UsageError(`cannot read migrations from ${dir}: ${(error as Error).message}`);
  }
  const { migrations, problems } = collectMigrations(files);
  if (problems.length)
    throw new UsageError(
      `migrations in ${dir} are not usable, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return migrations;
}

export async function prepareMigrations(
  readFiles: MigrationMechanics['readFiles'],
  driver: MigrationDriver,
  dir: string,
  options: PlanOptions & { optional?: boolean },
): Promise<PreparedMigrations> {
  const migrations = loadMigrations(readFiles, dir, { optional: options.optional });
  let applied;
  try {
    applied = await driver.applied();
  } catch (error) {
    // A driver's own errors (wrong password, unknown host) already say what to do, with their exit code.
    if (error instanceof DhashError) throw error;
    throw new OperationError(
      `cannot read schema_migrations from ${driver.description}: ${(error as Error).message}`,
    );
  }
  const plan = planMigrations(migrations, applied, options);
  return { dir, migrations, plan };
}

/** Refuses a plan that must not run: an edited applied file, or a step that cannot be carried out. */
export function refuseUnsafePlan(plan: MigrationPlan): void {
  if (plan.flagProblems.length) throw new UsageError(plan.flagProblems.join('; '));
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
  if (!existsSync(join(root, 'current')))
    throw new UsageError(
      `--migrations-dir: environment "${config.envName}" has no live release in ${root} (${join(root, 'current')} does not exist) to take migrations from; pass --migrations-dir <dir> or --release <dir>, or deploy a release first`,
    );
  return join(root, 'current', config.env.migrations.dir);
}

export function summarizeRun(result: RunResult): string {
  return result.outcomes
    .map((o) => `${o.version} ${o.name} ${o.direction}: ${o.status}${o.detail ? ` (${o.detail})` : ''}`)
    .join('; ');
}
