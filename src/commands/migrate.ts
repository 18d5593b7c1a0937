import { createMigrationDriver } from '../adapters/migrations/factory.js';
import type { MigrationDriver, RunResult, StepOutcome } from '../adapters/migrations/driver.js';
import type { LoadedConfig } from '../config/load.js';
import { lockDir } from '../config/state-dir.js';
import type { Direction } from '../domain/migrations/plan.js';
import type { Clock } from '../runtime/clock.js';
import { acquireEnvironmentLock, environmentLockPath } from '../runtime/env-lock.js';
import { OperationError, RefusedError } from '../runtime/errors.js';
import { describeOwner, readLockOwner } from '../runtime/file-lock.js';
import type { Logger } from '../runtime/logger.js';
import { migrationsDirFor, prepareMigrations, refuseUnsafePlan } from './migrate-core.js';

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
  /** For tests; default: the environment's driver from the config. */
  driver?: MigrationDriver;
}

export interface MigrateResult {
  ok: boolean;
  dryRun: boolean;
  environment: string;
  database: string;
  migrationsDir: string;
  direction: Direction;
  currentVersion: number;
  targetVersion: number;
  steps: Array<{ version: number; name: string; direction: Direction }>;
  outcomes: StepOutcome[];
  warnings: string[];
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
  const migrationsDir = migrationsDirFor(config, deps.cwd, options);
  const lockRoot = lockDir(config.env, deps.cwd);
  const driver = deps.driver ?? createMigrationDriver(config, deps.cwd);
  let releaseLock: (() => void) | undefined;
  try {
    if (!options.dryRun)
      releaseLock = acquireEnvironmentLock(lockRoot, config.envName, 'migrate', new Date(deps.clock.now()));
  } catch (error) {
    await driver.close();
    throw error;
  }
  try {
    const prepared = await prepareMigrations(driver, migrationsDir, {
      direction: options.direction,
      to: options.to,
    });
    const { plan } = prepared;
    for (const warning of plan.warnings) logger.warn(warning);
    refuseUnsafePlan(plan);
    const base: MigrateResult = {
      ok: true,
      dryRun: options.dryRun,
      environment: config.envName,
      database: driver.description,
      migrationsDir,
      direction: plan.direction,
      currentVersion: plan.currentVersion,
      targetVersion: plan.targetVersion,
      steps: plan.steps.map((s) => ({ version: s.version, name: s.name, direction: s.direction })),
      outcomes: [],
      warnings: plan.warnings,
    };
    logger.info(
      `migration plan: ${plan.steps.length} step(s) ${plan.direction}, version ${plan.currentVersion} → ${plan.targetVersion}`,
      {
        database: driver.description,
        steps: base.steps,
        dry_run: options.dryRun,
      },
    );
    const appliedAt = new Date(deps.clock.now()).toISOString();
    if (options.dryRun) {
      const owner = readLockOwner(environmentLockPath(lockRoot, config.envName));
      if (owner) base.lockHeldBy = describeOwner(owner);
      if (plan.steps.length === 0) return base;
      const result = await driver.dryRun(plan.steps, appliedAt);
      return finish(base, result, logger, true);
    }
    if (plan.steps.length === 0) {
      logger.info('the database is up to date; nothing to do');
      return base;
    }
    await confirmProduction(
      config,
      `${plan.direction === 'up' ? 'Applying' : 'Reverting'} ${plan.steps.length} migration(s) on ${driver.description}`,
      options.force,
      deps,
    );
    const result = await driver.run(plan.steps, appliedAt);
    return finish(base, result, logger, false);
  } finally {
    await driver.close();
    releaseLock?.();
  }
}

function finish(base: MigrateResult, result: RunResult, logger: Logger, dryRun: boolean): MigrateResult {
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
