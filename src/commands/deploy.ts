import { join } from 'node:path';
import type { MigrationDriver, RunResult } from '../adapters/migrations/driver.js';
import type { ResolvedRelease } from '../adapters/targets/release-bundle.js';
import type { LoadedConfig } from '../config/load.js';
import { lockDir } from '../config/state-dir.js';
import { undoSteps, type MigrationStep } from '../domain/migrations/plan.js';
import type { Clock } from '../runtime/clock.js';
import { acquireEnvironmentLock, environmentLockPath } from '../runtime/env-lock.js';
import { refuseHalfRestoredTree } from './backup.js';
import { messageOf, UsageError } from '../runtime/errors.js';
import { ExitCode, type ExitCodeValue } from '../runtime/exit-codes.js';
import { describeOwner, readLockOwner } from '../runtime/file-lock.js';
import type { Logger } from '../runtime/logger.js';
import { silentProgress, type StepProgress } from '../runtime/step-progress.js';
import type {
  NotificationMessage,
  Notifier,
  ReleaseContext,
  ReleaseTarget,
  ServiceValidator,
} from '../ports.js';
import type { DatabaseSnapshot, DeployMechanics } from './deploy-mechanics.js';
import {
  prepareMigrations,
  refuseUnsafePlan,
  summarizeRun,
  type PreparedMigrations,
} from './migrate-core.js';

export const DEPLOY_STEPS = ['backup', 'stage', 'migrate', 'activate', 'health', 'prune'] as const;
export type DeployStepName = (typeof DEPLOY_STEPS)[number];

export interface DeployOptions {
  config: LoadedConfig;
  /** `--release`: a directory or a .zip/.tar.gz archive. */
  release: string;
  /** Why this release (`--release`, `DHASH_RELEASE`, the newest staged one); the plan says it. */
  releaseReason?: string;
  backupFirst: boolean;
  dryRun: boolean;
  skipHealthCheck: boolean;
  deploymentId: string;
}

/** What `--backup-first` calls: the backup command's use-case. */
export type BackupFunction = (request: {
  deploymentId: string;
  reason: string;
  signal?: AbortSignal;
}) => Promise<{ path: string }>;
/** Puts the database back from a backup archive (used only when down migrations cannot undo). */
export type DatabaseRestoreFunction = (backupPath: string) => Promise<void>;

export interface DeployDeps {
  clock: Clock;
  logger: Logger;
  cwd: string;
  target: ReleaseTarget;
  /** Release files, health checks, the migration driver: built in src/wiring/deploy-mechanics.ts. */
  mechanics: DeployMechanics;
  /** Null when notifications cannot be sent; `notifierProblem` says why. */
  notifier: Notifier | null;
  notifierProblem?: string;
  backup?: BackupFunction;
  restoreDatabase?: DatabaseRestoreFunction;
  /** Extra validation after /health answers ok (smoke checks), when available. */
  validator?: ServiceValidator | null;
  /** Path of the deploy log, reported back. */
  logPath?: string;
  /** For tests; default: `mechanics.openDriver()`. */
  driver?: MigrationDriver;
  signal?: AbortSignal;
  /** A terminal's step lines and spinner; silent by default. */
  progress?: StepProgress;
  /** Test hook: called before each step; a throw there is a failure of that step. */
  beforeStep?: (step: DeployStepName) => Promise<void> | void;
}

export interface StepRecord {
  step: string;
  status: 'done' | 'failed' | 'skipped' | 'planned';
  detail: string;
}

export interface DeployResult {
  ok: boolean;
  dryRun: boolean;
  environment: string;
  deploymentId: string;
  release: string;
  releasePath: string;
  /** Why this release was chosen when the command line named none. */
  releaseReason?: string;
  target: string;
  previousRelease: string | null;
  /** The release live when the command ended. */
  liveRelease: string | null;
  healthUrl: string;
  steps: StepRecord[];
  /** Undo actions taken after a failure, in the order run. */
  undo: StepRecord[];
  migrations: {
    database: string;
    dir: string;
    currentVersion: number;
    targetVersion: number;
    pending: Array<{ version: number; name: string }>;
    /** The dry-run's proof that the pending migrations apply (rolled back). */
    dryRun?: { ok: boolean; detail: string };
    applied: Array<{ version: number; name: string }>;
  };
  backupPath?: string;
  /** Dry-runs: who holds the environment lock now, when someone does. */
  lockHeldBy?: string;
  logPath?: string;
  notification?: string;
  error?: string;
  /** 0 ok; 1 failed and undone; 12 failed and the undo did not complete. */
  exitCode: ExitCodeValue;
}

interface UndoAction {
  step: string;
  run(): Promise<string>;
}

/** One deploy in progress: what every step reads, and the failure that stops the later ones. */
interface DeployRun {
  options: DeployOptions;
  deps: DeployDeps;
  log: Logger;
  progress: StepProgress;
  bundle: ResolvedRelease['bundle'];
  driver: MigrationDriver;
  prepared: PreparedMigrations;
  result: DeployResult;
  releaseContext: ReleaseContext;
  previous: string | null;
  healthUrl: string;
  healthTimeoutMs: number;
  /** Undo actions of the steps done so far, in the order registered. */
  undo: UndoAction[];
  failedStep: string | null;
  failure: string | null;
}

/**
 * `deploy`: backup (with --backup-first), stage the release, migrate, switch and restart, wait for
 * health, prune. When a step fails, everything done so far is undone in reverse order — previous
 * release back, down migrations (or the database put back as it was) — and a notification goes out.
 * A dry-run resolves and checks the release, proves the pending migrations apply in a transaction
 * it rolls back, and returns the plan; it changes nothing on the target.
 */
export async function deployCommand(options: DeployOptions, deps: DeployDeps): Promise<DeployResult> {
  const { config, deploymentId } = options;
  const log = deps.logger.child({ deployment_id: deploymentId, environment: config.envName });
  const resolved = await deps.mechanics.resolveRelease(options.release, deps.cwd);
  try {
    return await deployResolved(options, deps, resolved, log);
  } finally {
    resolved.cleanup();
  }
}

async function deployResolved(
  options: DeployOptions,
  deps: DeployDeps,
  resolved: ResolvedRelease,
  log: Logger,
): Promise<DeployResult> {
  const { config } = options;
  const bundle = resolved.bundle;
  refuseUnusableRequest(options, deps, bundle);
  const migrationsDir = join(bundle.path, config.env.migrations.dir);
  const lockRoot = lockDir(config.env, deps.cwd);
  const driver = deps.driver ?? deps.mechanics.openDriver();
  const releaseLock = await refuseOrLock(options, deps, driver, bundle, migrationsDir, lockRoot);
  try {
    const previous = await deps.target.currentRelease().catch((error: unknown) => {
      log.warn(`could not read the live release: ${messageOf(error)}`);
      return null;
    });
    const prepared = await prepareMigrations(deps.mechanics.readFiles, driver, migrationsDir, {
      direction: 'up',
      optional: true,
    });
    refuseUnsafePlan(prepared.plan);
    for (const warning of prepared.plan.warnings) log.warn(warning);
    const run = startRun(options, deps, log, resolved, driver, prepared, previous);
    const { result } = run;

    if (previous === bundle.id) {
      log.info(`release ${bundle.id} is already live; nothing to do`);
      result.steps.push({
        step: 'activate',
        status: 'skipped',
        detail: `release ${bundle.id} is already live`,
      });
      return result;
    }

    if (options.dryRun)
      return await planOnly(result, options, deps, driver, prepared.plan.steps, bundle, lockRoot, log);
    return await deployLive(run);
  } finally {
    await driver.close();
    releaseLock?.();
  }
}

/** The environment's target settings; the deploy wiring already refuses an environment without a target. */
function targetConfigOf(config: LoadedConfig): NonNullable<LoadedConfig['env']['target']> {
  const target = config.env.target;
  if (!target)
    throw new UsageError(
      `environment "${config.envName}" has no "target" in ${config.source}; add a local or command target to deploy`,
    );
  return target;
}

/** Refuses, before anything is touched, a release that cannot run here or a flag this build lacks. */
function refuseUnusableRequest(
  options: DeployOptions,
  deps: DeployDeps,
  bundle: ResolvedRelease['bundle'],
): void {
  const targetConfig = targetConfigOf(options.config);
  const startCommand =
    targetConfig.type === 'local' && !targetConfig.restart_command ? targetConfig.start_command : null;
  const contentProblems = deps.mechanics.checkReleaseContents(bundle, startCommand);
  if (contentProblems.length)
    throw new UsageError(
      `--release: ${bundle.path} is not a usable release:\n${contentProblems.map((p) => `  - ${p}`).join('\n')}`,
    );
  if (options.backupFirst && !deps.backup && !options.dryRun) {
    throw new UsageError(
      '--backup-first: backups are not available in this build; deploy without --backup-first or use a build with the backup command',
    );
  }
}

/**
 * Everything that can refuse is checked before the lock is taken: a refusal creates nothing (not
 * even the target root the lock file lives in). Under the lock the plan is read again. Returns the
 * lock's release (none for a dry-run); on a refusal the driver is closed.
 */
async function refuseOrLock(
  options: DeployOptions,
  deps: DeployDeps,
  driver: MigrationDriver,
  bundle: ResolvedRelease['bundle'],
  migrationsDir: string,
  lockRoot: string,
): Promise<(() => void) | undefined> {
  const { config } = options;
  try {
    refuseHalfRestoredTree(config, deps.cwd);
    refuseUnsafePlan(
      (
        await prepareMigrations(deps.mechanics.readFiles, driver, migrationsDir, {
          direction: 'up',
          optional: true,
        })
      ).plan,
    );
    if (options.dryRun) return undefined;
    return acquireEnvironmentLock(
      lockRoot,
      config.envName,
      `deploy ${bundle.id}`,
      new Date(deps.clock.now()),
    );
  } catch (error) {
    await driver.close();
    throw error;
  }
}

function startRun(
  options: DeployOptions,
  deps: DeployDeps,
  log: Logger,
  resolved: ResolvedRelease,
  driver: MigrationDriver,
  prepared: PreparedMigrations,
  previous: string | null,
): DeployRun {
  const { config, deploymentId } = options;
  const bundle = resolved.bundle;
  const healthUrl = deps.mechanics.serviceUrl(config.env.service.base_url, config.env.service.health_path);
  const result: DeployResult = {
    ok: true,
    dryRun: options.dryRun,
    environment: config.envName,
    deploymentId,
    release: bundle.id,
    releasePath: resolved.unpackedFrom ?? bundle.path,
    ...(options.releaseReason ? { releaseReason: options.releaseReason } : {}),
    target: deps.target.describe(),
    previousRelease: previous,
    liveRelease: previous,
    healthUrl,
    steps: [],
    undo: [],
    migrations: {
      database: driver.description,
      dir: prepared.dir,
      currentVersion: prepared.plan.currentVersion,
      targetVersion: prepared.plan.targetVersion,
      pending: prepared.plan.steps.map((s) => ({ version: s.version, name: s.name })),
      applied: [],
    },
    ...(deps.logPath ? { logPath: deps.logPath } : {}),
    exitCode: ExitCode.ok,
  };
  return {
    options,
    deps,
    log,
    progress: deps.progress ?? silentProgress,
    bundle,
    driver,
    prepared,
    result,
    releaseContext: { environment: config.envName, deploymentId, signal: deps.signal },
    previous,
    healthUrl,
    healthTimeoutMs: targetConfigOf(config).health_timeout_seconds * 1000,
    undo: [],
    failedStep: null,
    failure: null,
  };
}

/** The real deploy, under the lock: the steps in order, then the undo or the success notice. */
async function deployLive(run: DeployRun): Promise<DeployResult> {
  const { options, deps, log, bundle, result, previous, prepared } = run;
  const { config } = options;
  log.info(`deploying release ${bundle.id} to ${config.envName}`, {
    target: deps.target.describe(),
    previous,
    pending_migrations: result.migrations.pending,
  });
  await notify(deps, log, result, {
    event: 'deployment_start',
    level: 'info',
    title: `Deploying ${bundle.id} to ${config.envName}`,
    text: `Release ${bundle.id} is being deployed to ${config.envName} (live: ${previous ?? 'none'}; ${prepared.plan.steps.length} pending migration(s)).`,
  });

  await backupStep(run);
  await stageStep(run);
  await migrateStep(run);
  await activateStep(run);
  await healthStep(run);
  if (run.failure) return await undoFailedDeploy(run);

  await runStep(run, 'prune', async () => {
    const removed = await deps.target.prune();
    return removed.length ? `removed old releases ${removed.join(', ')}` : 'nothing to prune';
  });
  if (run.failure) {
    // Pruning is housekeeping: the release is live and healthy, so a failure here is only a warning.
    log.warn(`pruning old releases failed: ${run.failure}`);
    run.failure = null;
  }
  result.liveRelease = bundle.id;
  await notify(deps, log, result, {
    event: 'deployment_success',
    level: 'info',
    title: `Deployed ${bundle.id} to ${config.envName}`,
    text: `Release ${bundle.id} is live and healthy in ${config.envName} (was ${previous ?? 'none'}; ${result.migrations.applied.length} migration(s) applied).`,
  });
  return result;
}

/** Runs one step unless an earlier one failed; records it, and its failure, in the result. */
async function runStep(run: DeployRun, name: DeployStepName, work: () => Promise<string>): Promise<boolean> {
  const { deps, log, progress, result } = run;
  if (run.failure) return false;
  log.info(`step ${name}: starting`, { step: name });
  progress.step({ step: name, status: 'started' });
  try {
    await deps.beforeStep?.(name);
    const detail = await work();
    result.steps.push({ step: name, status: 'done', detail });
    log.info(`step ${name}: done — ${detail}`, { step: name });
    progress.step({ step: name, status: 'done', detail });
    return true;
  } catch (error) {
    const failure = messageOf(error);
    run.failure = failure;
    run.failedStep = name;
    result.steps.push({ step: name, status: 'failed', detail: failure });
    // The whole message (a crash's stderr lines, say) is in the log file and in the result's
    // error, once; the step line carries its first line.
    log.error(`step ${name} failed: ${firstLine(failure)}`, { step: name });
    if (failure.includes('\n')) log.debug(`step ${name} failure in full`, { step: name, detail: failure });
    progress.step({ step: name, status: 'failed', detail: firstLine(failure) });
    return false;
  }
}

async function backupStep(run: DeployRun): Promise<void> {
  const { options, deps, bundle, result } = run;
  // --backup-first without a backup function was refused before anything ran (refuseUnusableRequest).
  const takeBackup = deps.backup;
  if (!options.backupFirst || !takeBackup) {
    result.steps.push({ step: 'backup', status: 'skipped', detail: 'no --backup-first' });
    run.progress.step({ step: 'backup', status: 'skipped', detail: 'no --backup-first' });
    return;
  }
  await runStep(run, 'backup', async () => {
    const backup = await takeBackup({
      deploymentId: options.deploymentId,
      reason: `before deploying ${bundle.id}`,
      signal: deps.signal,
    });
    result.backupPath = backup.path;
    run.releaseContext.backupPath = backup.path;
    return `backup written to ${backup.path}`;
  });
}

async function stageStep(run: DeployRun): Promise<void> {
  const { deps, bundle } = run;
  await runStep(run, 'stage', async () => {
    const staged = await deps.target.stage(bundle, run.releaseContext);
    run.undo.push({
      step: 'stage',
      run: async () => {
        await staged.undo();
        return `removed the staged release ${bundle.id}`;
      },
    });
    return staged.detail;
  });
}

async function migrateStep(run: DeployRun): Promise<void> {
  const { deps, log, driver, prepared, result } = run;
  await runStep(run, 'migrate', async () => {
    if (prepared.plan.steps.length === 0)
      return `no pending migrations (schema version ${prepared.plan.currentVersion})`;
    const snapshot = deps.mechanics.snapshotDatabase(driver);
    const ran: RunResult = await driver.run(prepared.plan.steps, new Date(deps.clock.now()).toISOString());
    // The undo is registered even when a step failed: the steps before it were committed.
    const appliedSteps = prepared.plan.steps.filter((s) =>
      ran.outcomes.some((o) => o.version === s.version && o.status === 'applied'),
    );
    result.migrations.applied = appliedSteps.map((s) => ({ version: s.version, name: s.name }));
    if (appliedSteps.length)
      run.undo.push(migrationUndo(appliedSteps, prepared.migrations, driver, snapshot, result, deps, log));
    if (ran.error)
      throw new Error(
        `${ran.error}${appliedSteps.length ? ` (${appliedSteps.length} earlier migration(s) were committed)` : ''}`,
      );
    return `migrations applied: ${summarizeRun(ran)}`;
  });
}

async function activateStep(run: DeployRun): Promise<void> {
  const { options, deps, bundle, previous } = run;
  await runStep(run, 'activate', async () => {
    // Registered first: a restart that fails after the switch still needs the switch undone.
    run.undo.push({
      step: 'activate',
      run: async () => {
        await deps.target.revert(previous, bundle.id, run.releaseContext);
        if (!previous) return 'no previous release: the service was stopped and current cleared';
        if (options.skipHealthCheck)
          return `release ${previous} is live again (health not checked: --skip-health-check)`;
        const back = await waitForServiceHealth(
          run,
          `waiting up to ${run.healthTimeoutMs / 1000} s for ${previous} at ${run.healthUrl}`,
        );
        if (!back.ok) throw new Error(`release ${previous} is switched back but not healthy: ${back.detail}`);
        return `release ${previous} is live again and healthy (${back.detail})`;
      },
    });
    await deps.target.activate(bundle, run.releaseContext);
    return `release ${bundle.id} is live (was ${previous ?? 'none'})`;
  });
}

async function healthStep(run: DeployRun): Promise<void> {
  const { options, deps, log, bundle, result, healthUrl, healthTimeoutMs } = run;
  if (options.skipHealthCheck) {
    result.steps.push({ step: 'health', status: 'skipped', detail: '--skip-health-check' });
    run.progress.step({ step: 'health', status: 'skipped', detail: '--skip-health-check' });
    return;
  }
  await runStep(run, 'health', async () => {
    log.info(`waiting up to ${healthTimeoutMs / 1000} s for ${healthUrl}`);
    const health = await waitForServiceHealth(
      run,
      `waiting up to ${healthTimeoutMs / 1000} s for ${healthUrl}`,
    );
    if (!health.ok) throw new Error(`the service did not become healthy: ${health.detail}`);
    if (health.version !== undefined && health.version !== bundle.id) {
      throw new Error(
        `/health reports version ${health.version}, expected ${bundle.id}: the new release is not the one answering`,
      );
    }
    if (deps.validator) {
      const validation = await deps.validator.validate({ quick: true, signal: deps.signal });
      if (!validation.ok) throw new Error(`validation after the switch failed: ${validation.detail}`);
      return `${health.detail}; validation: ${validation.detail}`;
    }
    return `${health.detail} after ${health.attempts} attempt(s)`;
  });
}

/** Waits for /health with a spinner showing each attempt's answer. */
function waitForServiceHealth(run: DeployRun, label: string) {
  const { deps } = run;
  return waitWithProgress(run.progress, label, (onAttempt) =>
    deps.mechanics.waitForHealth({
      url: run.healthUrl,
      timeoutMs: run.healthTimeoutMs,
      clock: deps.clock,
      problem: () => deps.target.serviceProblem(),
      signal: deps.signal,
      onAttempt,
    }),
  );
}

/** After a failed step: every undo in reverse order, the live release read back, and the notice. */
async function undoFailedDeploy(run: DeployRun): Promise<DeployResult> {
  const { options, deps, log, progress, bundle, result } = run;
  result.ok = false;
  result.error = `deploy of ${bundle.id} failed at step ${run.failedStep}: ${run.failure}`;
  let undoFailed = false;
  for (const action of [...run.undo].reverse()) {
    const step = `undo ${action.step}`;
    log.warn(`${step}: starting`, { step });
    progress.step({ step, status: 'started' });
    try {
      const detail = await action.run();
      result.undo.push({ step: action.step, status: 'done', detail });
      log.info(`${step}: ${detail}`, { step });
      progress.step({ step, status: 'done', detail });
    } catch (error) {
      undoFailed = true;
      result.undo.push({ step: action.step, status: 'failed', detail: messageOf(error) });
      log.critical(`${step} failed: ${firstLine(messageOf(error))}`, { step });
      if (messageOf(error).includes('\n'))
        log.debug(`${step} failure in full`, { step, detail: messageOf(error) });
      progress.step({ step, status: 'failed', detail: firstLine(messageOf(error)) });
    }
  }
  result.liveRelease = await deps.target.currentRelease().catch(() => null);
  result.exitCode = undoFailed ? ExitCode.rollbackFailed : ExitCode.failed;
  const undoText = result.undo.length
    ? result.undo
        .map((u) => `${u.step}: ${u.status === 'done' ? u.detail : `FAILED: ${u.detail}`}`)
        .join('; ')
    : 'nothing to undo';
  const { config } = options;
  await notify(deps, log, result, {
    event: 'deployment_failure',
    level: undoFailed ? 'critical' : 'error',
    title: `Deploy of ${bundle.id} to ${config.envName} failed${undoFailed ? ' and the undo did not complete' : ''}`,
    text: `Step ${run.failedStep} failed: ${run.failure}\nUndo: ${undoText}\nLive release now: ${result.liveRelease ?? 'none'}.`,
  });
  return result;
}

async function planOnly(
  result: DeployResult,
  options: DeployOptions,
  deps: DeployDeps,
  driver: MigrationDriver,
  steps: MigrationStep[],
  bundle: ResolvedRelease['bundle'],
  lockRoot: string,
  log: Logger,
): Promise<DeployResult> {
  const owner = readLockOwner(environmentLockPath(lockRoot, options.config.envName));
  if (owner) result.lockHeldBy = describeOwner(owner);
  result.steps.push({
    step: 'backup',
    status: options.backupFirst ? 'planned' : 'skipped',
    detail: options.backupFirst
      ? deps.backup
        ? `back up ${options.config.env.backup.paths.join(', ')} to ${options.config.env.backup.dir}/`
        : 'backups are not available in this build: --backup-first would fail'
      : 'no --backup-first',
  });
  const targetSteps = deps.target.planSteps(bundle, result.previousRelease);
  result.steps.push({ step: 'stage', status: 'planned', detail: targetSteps.join('; ') });
  if (steps.length) {
    const proof = await waitWithProgress(
      deps.progress ?? silentProgress,
      `proving ${steps.length} pending migration(s) apply (rolled back)`,
      () => driver.dryRun(steps, new Date(deps.clock.now()).toISOString()),
    );
    result.migrations.dryRun = {
      ok: !proof.error,
      detail: proof.error
        ? `${proof.error} (nothing was changed)`
        : `all ${steps.length} pending migration(s) applied inside a transaction that was rolled back`,
    };
    for (const note of proof.notes ?? []) {
      log.info(note);
      result.migrations.dryRun.detail += `; ${note}`;
    }
    if (proof.error) {
      result.ok = false;
      result.error = `the pending migrations do not apply: ${proof.error}`;
      result.exitCode = ExitCode.failed;
    }
  }
  result.steps.push({
    step: 'migrate',
    status: 'planned',
    detail: steps.length
      ? `apply ${steps.map((s) => `${s.version}_${s.name}`).join(', ')} on ${driver.description}`
      : `no pending migrations (schema version ${result.migrations.currentVersion})`,
  });
  result.steps.push({
    step: 'activate',
    status: 'planned',
    detail: `make ${bundle.id} live (was ${result.previousRelease ?? 'none'}) and restart`,
  });
  result.steps.push({
    step: 'health',
    status: options.skipHealthCheck ? 'skipped' : 'planned',
    detail: options.skipHealthCheck
      ? '--skip-health-check'
      : `wait up to ${targetConfigOf(options.config).health_timeout_seconds} s for ${result.healthUrl}`,
  });
  result.steps.push({ step: 'prune', status: 'planned', detail: 'keep the configured number of releases' });
  log.info(`[dry-run] deploy plan for ${bundle.id}`, { steps: result.steps, migrations: result.migrations });
  return result;
}

function migrationUndo(
  applied: MigrationStep[],
  available: Parameters<typeof undoSteps>[1],
  driver: MigrationDriver,
  snapshot: DatabaseSnapshot | null,
  result: DeployResult,
  deps: DeployDeps,
  log: Logger,
): UndoAction {
  return {
    step: 'migrate',
    run: async () => {
      const down = undoSteps(applied, available);
      if (down) {
        const run = await driver.run(down, new Date(deps.clock.now()).toISOString());
        if (!run.error) return `reverted with down migrations: ${summarizeRun(run)}`;
        log.error(`down migrations failed: ${run.error}`);
        if (!snapshot && !(result.backupPath && deps.restoreDatabase))
          throw new Error(`down migrations failed: ${run.error}`);
      }
      if (snapshot) {
        await snapshot.restore();
        return `database file ${snapshot.path} put back as it was before the migrations${down ? '' : ' (no down files)'}`;
      }
      if (result.backupPath && deps.restoreDatabase) {
        await deps.restoreDatabase(result.backupPath);
        return `database restored from the backup ${result.backupPath}`;
      }
      throw new Error(
        `migrations ${applied.map((s) => s.version).join(', ')} cannot be undone: no down files and no backup (deploy with --backup-first)`,
      );
    },
  };
}

async function notify(
  deps: DeployDeps,
  log: Logger,
  result: DeployResult,
  message: Pick<NotificationMessage, 'event' | 'level' | 'title' | 'text'>,
): Promise<void> {
  if (!deps.notifier) {
    const why = deps.notifierProblem ?? 'no notifier';
    log.warn(`no notification was sent (${message.event}): ${why}`);
    result.notification = `not sent: ${why}`;
    return;
  }
  try {
    const report = await deps.notifier.send({
      ...message,
      environment: result.environment,
      deploymentId: result.deploymentId,
      version: result.release,
      ...(result.logPath ? { links: { logs: result.logPath } } : {}),
    });
    const failed = report.deliveries.filter((d) => !d.delivered);
    result.notification = report.allDelivered
      ? `${message.event}: delivered to ${report.deliveries.map((d) => d.channel).join(', ') || 'no channel'}`
      : `${message.event}: not delivered to ${failed.map((d) => `${d.channel}${d.fellBack ? ' (written to the fallback file)' : ''}`).join(', ')}`;
    log.log(report.allDelivered ? 'INFO' : 'WARN', `notification ${result.notification}`);
  } catch (error) {
    result.notification = `${message.event}: failed: ${messageOf(error)}`;
    log.warn(`notification ${result.notification}`);
  }
}

/** Shows a spinner while `work` runs; `work` may report each attempt's answer. */
async function waitWithProgress<T>(
  progress: StepProgress,
  label: string,
  work: (onAttempt: (attempt: number, detail: string) => void) => Promise<T>,
): Promise<T> {
  const handle = progress.wait(label);
  try {
    return await work((attempt, detail) => {
      handle.update(`attempt ${attempt}: ${detail}`);
    });
  } finally {
    handle.end();
  }
}

export function firstLine(text: string): string {
  const [first, ...rest] = text.split('\n');
  return rest.length ? `${first} …` : first;
}
