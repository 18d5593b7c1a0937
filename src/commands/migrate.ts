import type { MigrationDriver, RunResult, StepOutcome } from '../adapters/migrations/driver.js';
import type { LoadedConfig } from '../config/load.js';
import { lockDir } from '../config/state-dir.js';
import type { Direction } from '../domain/migrations/plan.js';
import type { Clock } from '../runtime/clock.js';
import { acquireEnvironmentLock, environmentLockPath } from '../runtime/env-lock.js';
import { OperationError, RefusedError } from '../runtime/errors.js';
import { describeOwner, readLockOwner } from '../runtime/file-lock.js';
import type { Logger } from '../runtime/logger.js';
import { silentProgress, type StepProgress } from '../runtime/step-progress.js';
import {
  migrationsDirFor,
  prepareMigrations,
  refuseUnsafePlan,
  type MigrationMechanics,
} from './migrate-core.js';

export interface MigrateOptions {
  config: LoadedConfig;
  direction: Direction;
  to?: number;
  dryRun: boolean;
  /** Skips the typed confirmation for production. Never overrides a checksum refusal. */
  force: boolean;
  migrationsDir?: string;
  releaseDir?: string;
}

export interface MigrateDeps {
  clock: Clock;
  logger: Logger;
  cwd: string;
  /** A human can answer a prompt. */
  interactive: boolean;
  /** Asks a question on the terminal and returns the answer. */
  ask?: (question: string) => Promise<string>;
  /** The driver and the file reader, built in src/wiring/migration-mechanics.ts. */
  migrations: MigrationMechanics;
  /** For tests; default: `migrations.openDriver()`. */
  driver?: MigrationDriver;
  /** A terminal's step lines and spinner; silent by default. */
  progress?: StepProgress;
}

export interface MigrateResult {
  ok: boolean;
  dryRun: boolean;
  environment: string;
  database: string;
  migrationsDir: string;
  /** How many migrations (up files) the folder holds: 0 is said as such, not as "up to date". */
  migrationCount: number;
  direction: Direction;
  currentVersion: number;
  targetVersion: number;
  steps: Array<{ version: number; name: string; direction: Direction }>;
  outcomes: StepOutcome[];
  warnings: string[];
  /** What a dry-run put back (PostgreSQL sequences) or could not. */
  notes?: string[];
  /** Dry-runs: who holds the environment lock now, when someone does. */
  lockHeldBy?: string;
  error?: string;
}

/** Production changes need a human's typed "yes, this environment" unless --force. */
export async function confirmProduction(
  config: LoadedConfig,
  what: string,
  force: boolean,
  deps: Pick<MigrateDeps, 'interactive' | 'ask'>,
): Promise<void> {
  if (config.envName !== 'production' || force) return;
  if (!deps.interactive || !deps.ask) {
    throw new RefusedError(
      `${what} in production needs confirmation: run it on a terminal and type the environment name, or pass --force`,
    );
  }
  const answer = (await deps.ask(`${what} in production. Type "production" to continue: `)).trim();
  if (answer !== 'production') throw new RefusedError(`not confirmed (got "${answer}"); nothing was changed`);
}

/**
 * `migrate`: applies (or reverts) SQL migrations with the tracking table, one transaction per
 * migration, under the environment lock and the database's own lock. A dry-run runs the pending
 * steps inside a transaction that is rolled back, so it proves they apply and changes nothing.
 */
export async function migrateCommand(options: MigrateOptions, deps: MigrateDeps): Promise<MigrateResult> {
  const { config } = options;
  const { logger } = deps;
  const progress = deps.progress ?? silentProgress;
  const migrationsDir = migrationsDirFor(config, deps.cwd, options);
  const lockRoot = lockDir(config.env, deps.cwd);
  const driver = deps.driver ?? deps.migrations.openDriver();
  const planOptions = { direction: options.direction, to: options.to };
  let releaseLock: (() => void) | undefined;
  try {
    // Planned, checked and confirmed before the lock is taken: a refusal, a dry-run and "nothing
    // to do" create nothing (not the target root the lock lives in, not the database file).
    let prepared = await prepareMigrations(deps.migrations.readFiles, driver, migrationsDir, planOptions);
    for (const warning of prepared.plan.warnings) logger.warn(warning);
    refuseUnsafePlan(prepared.plan);
    const base = describePlan(options, driver, migrationsDir, prepared);
    logger.info(
      `migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} → ${base.targetVersion}`,
      { database: driver.description, steps: base.steps, dry_run: options.dryRun },
    );
    progress.step({ step: 'plan', status: 'done', detail: planLine(base) });
    const appliedAt = new Date(deps.clock.now()).toISOString();
    if (options.dryRun) {
      const owner = readLockOwner(environmentLockPath(lockRoot, config.envName));
      if (owner) base.lockHeldBy = describeOwner(owner);
      if (base.steps.length === 0) return base;
      const result = await runWithProgress(progress, base, true, () =>
        driver.dryRun(prepared.plan.steps, appliedAt),
      );
      return finish(base, result, logger, true);
    }
    if (base.steps.length === 0) {
      logger.info(
        base.migrationCount
          ? 'the database is up to date; nothing to do'
          : `no migration files in ${migrationsDir}`,
      );
      return base;
    }
    await confirmProduction(
      config,
      `${base.direction === 'up' ? 'Applying' : 'Reverting'} ${base.steps.length} migration(s) on ${driver.description}`,
      options.force,
      deps,
    );
    releaseLock = acquireEnvironmentLock(lockRoot, config.envName, 'migrate', new Date(deps.clock.now()));
    // Under the lock, read again: another run may have moved the database since the plan.
    prepared = await prepareMigrations(deps.migrations.readFiles, driver, migrationsDir, planOptions);
    refuseUnsafePlan(prepared.plan);
    const locked = describePlan(options, driver, migrationsDir, prepared);
    if (locked.steps.length === 0) {
      logger.info('another run applied the plan meanwhile; nothing to do');
      return locked;
    }
    const result = await runWithProgress(progress, locked, false, () =>
      driver.run(prepared.plan.steps, appliedAt),
    );
    return finish(locked, result, logger, false);
  } finally {
    await driver.close();
    releaseLock?.();
  }
}

function describePlan(
  options: MigrateOptions,
  driver: MigrationDriver,
  migrationsDir: string,
  prepared: Awaited<ReturnType<typeof prepareMigrations>>,
): MigrateResult {
  const { plan } = prepared;
  return {
    ok: true,
    dryRun: options.dryRun,
    environment: options.config.envName,
    database: driver.description,
    migrationsDir,
    migrationCount: prepared.migrations.length,
    direction: plan.direction,
    currentVersion: plan.currentVersion,
    targetVersion: plan.targetVersion,
    steps: plan.steps.map((s) => ({ version: s.version, name: s.name, direction: s.direction })),
    outcomes: [],
    warnings: plan.warnings,
  };
}

function planLine(base: MigrateResult): string {
  if (base.steps.length)
    return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} → ${base.targetVersion}`;
  return base.migrationCount
    ? `nothing to do: ${base.migrationCount} migration file(s), schema version ${base.currentVersion}`
    : `no migration files in ${base.migrationsDir}`;
}

async function runWithProgress(
  progress: StepProgress,
  base: MigrateResult,
  dryRun: boolean,
  work: () => Promise<RunResult>,
): Promise<RunResult> {
  const handle = progress.wait(
    `${dryRun ? 'proving' : 'applying'} ${base.steps.length} migration(s) on ${base.database}${dryRun ? ' (rolled back)' : ''}`,
  );
  let result: RunResult;
  try {
    result = await work();
  } finally {
    handle.end();
  }
  for (const o of result.outcomes)
    progress.step({
      step: `${String(o.version).padStart(3, '0')}_${o.name} ${o.direction}`,
      status: o.status === 'failed' ? 'failed' : o.status === 'skipped' ? 'skipped' : 'done',
      detail:
        o.status === 'failed' ? (o.detail ?? 'failed') : dryRun ? `${o.status} (rolled back)` : o.status,
    });
  return result;
}

function finish(base: MigrateResult, result: RunResult, logger: Logger, dryRun: boolean): MigrateResult {
  for (const note of result.notes ?? []) logger.info(note);
  if (result.notes?.length) base = { ...base, notes: result.notes };
  for (const outcome of result.outcomes) {
    logger.log(
      outcome.status === 'failed' ? 'ERROR' : 'INFO',
      `${dryRun ? '[dry-run] ' : ''}migration ${outcome.version} (${outcome.name}) ${outcome.direction}: ${outcome.status}`,
      {
        ...(outcome.detail ? { detail: outcome.detail } : {}),
      },
    );
  }
  if (result.error) {
    const done = result.outcomes.filter((o) => o.status === 'applied' || o.status === 'reverted').length;
    const error = dryRun
      ? `${result.error} (dry-run: nothing was changed)`
      : `${result.error}; ${done} step(s) before it were committed, it and the rest were not`;
    return { ...base, ok: false, outcomes: result.outcomes, error };
  }
  return { ...base, outcomes: result.outcomes };
}

export function assertMigrated(result: MigrateResult): void {
  if (!result.ok) throw new OperationError(result.error ?? 'migration failed');
}
