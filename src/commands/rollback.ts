import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { backupDir, lockDir, targetRoot } from '../config/state-dir.js';
import type {
  DeployTarget,
  NotificationEvent,
  NotificationLevel,
  Notifier,
  RollbackOutcome,
  RollbackRequest,
  RollbackRunner,
  RollbackSelection,
  ServiceValidator,
} from '../ports.js';
import type { Clock } from '../runtime/clock.js';
import { acquireEnvironmentLock } from '../runtime/env-lock.js';
import { describeOwner } from '../runtime/file-lock.js';
import { preemptMonitor } from '../runtime/preemption.js';
import { OperationError, RefusedError, UsageError, messageOf } from '../runtime/errors.js';
import type { Logger } from '../runtime/logger.js';
import { createBackup } from './backup.js';
import type { BackupArchiveReader, BackupStorage } from './backup-ports.js';
import { listBackupFiles, markInUse } from './restore/backup-files.js';
import { selectRollbackBackup } from './rollback-target.js';
import { pendingRestore } from './restore/journal.js';
import { describeLayout } from './restore/layout.js';
import {
  RestoreRefusedError,
  planRestore,
  prepareRestore,
  recoverInterruptedRestores,
  type PreparedRestore,
  type RestoreOptions,
} from './restore/restore.js';
import {
  BackupRejectedError,
  verifyArchive as verifyArchiveWith,
  type VerifiedArchive,
} from './restore/verify-archive.js';
import { restoreScope, signingKey } from './restore/restore-settings.js';

/**
 * `rollback`: verify the backup, snapshot the current state, stop the service, restore atomically,
 * start it, validate, and notify at the start and the end. Each step reports what it really did;
 * a notification that could not be sent says so.
 */
export interface RollbackOptions {
  config: LoadedConfig;
  cwd: string;
  /** A backup file, or "latest" (the newest backup that verifies). */
  backup: string;
  reason?: string;
  deploymentId?: string;
  dryRun?: boolean;
  force?: boolean;
  skipValidation?: boolean;
  /** A human can answer a prompt. */
  interactive: boolean;
  /** Asks the operator and returns what they typed (CLI on a TTY). */
  confirm?: (prompt: string) => Promise<string>;
  /** Set when the caller already holds the environment lock. */
  environmentLockHeld?: boolean;
  /** Refuse unless the backup's sha256 is this one (a pinned backup). */
  expectedSha256?: string;
  /** After the restore, this release must not be live (the release that failed). */
  failedRelease?: string | null;
  /** False when the caller announces the rollback itself (the monitor): no messages from here. */
  announce?: boolean;
}

/** Adapters, built lazily: a factory that is not available in this build throws, and that is reported. */
export interface RollbackDeps {
  clock: Clock;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** Archives and release links (src/wiring/backup-archives.ts). */
  storage: BackupStorage;
  target: () => DeployTarget | null;
  validator: () => ServiceValidator;
  notifier: () => Notifier;
  onProgress?: (line: string) => void;
}

export interface RollbackStep {
  step:
    | 'verify'
    | 'confirm'
    | 'notify-start'
    | 'snapshot'
    | 'stop'
    | 'restore'
    | 'start'
    | 'validate'
    | 'notify-end';
  status: 'ok' | 'failed' | 'skipped' | 'planned';
  detail: string;
}

export interface RollbackResult extends RollbackOutcome {
  environment: string;
  dryRun: boolean;
  backup: string;
  sha256: string | null;
  preRollbackSnapshot: string | null;
  steps: RollbackStep[];
  /** The service was down from the stop to the end of its start (the swap is renames only). */
  downtimeMs?: number;
}

/** The closing notification's text: what was restored, or why the rollback failed (`ok` is `!error`). */
function rollbackNoticeText(result: RollbackResult, archivePath: string): string {
  return result.ok
    ? `Restored ${archivePath} (release ${result.toRelease ?? 'none'}); ${result.validation?.detail ?? ''}`
    : `${result.error ?? ''}. Pre-rollback snapshot: ${result.preRollbackSnapshot ?? 'none'}`;
}

/** The environment name an operator must type (or set in DHASH_ROLLBACK_CONFIRM) in production. */
export const CONFIRM_VARIABLE = 'DHASH_ROLLBACK_CONFIRM';

export function needsConfirmation(config: LoadedConfig): boolean {
  return config.envName === 'production';
}

async function resolveBackup(
  options: RollbackOptions,
  logger: Logger,
  verifyOptions: { hmacKey?: Buffer; targetRoot: string; archives: BackupArchiveReader },
): Promise<VerifiedArchive> {
  const { config } = options;
  const verifyArchive = (path: string): Promise<VerifiedArchive> => verifyArchiveWith(path, verifyOptions);
  if (options.backup === 'latest') {
    const dir = backupDir(config.env, options.cwd);
    const candidates = listBackupFiles(dir, config.envName);
    if (candidates.length === 0)
      throw new RefusedError(`refused: no backups of "${config.envName}" in ${dir}`);
    for (const candidate of candidates) {
      try {
        return await verifyArchive(candidate.path);
      } catch (error) {
        logger.warn('skipping a backup that does not verify', {
          path: candidate.path,
          error: messageOf(error),
        });
      }
    }
    throw new RefusedError(
      `refused: none of the ${candidates.length} backups of "${config.envName}" in ${dir} verifies`,
    );
  }
  const path = resolve(options.cwd, options.backup);
  try {
    const verified = await verifyArchive(path);
    if (options.expectedSha256 && verified.archiveSha256 !== options.expectedSha256)
      throw new RefusedError(
        `refused: ${path} has sha256 ${verified.archiveSha256}, not the pinned ${options.expectedSha256}`,
      );
    return verified;
  } catch (error) {
    if (error instanceof BackupRejectedError) throw new RefusedError(`refused: ${error.message}`);
    throw error;
  }
}

async function notify(
  deps: RollbackDeps,
  logger: Logger,
  options: RollbackOptions,
  event: NotificationEvent,
  level: NotificationLevel,
  title: string,
  text: string,
): Promise<RollbackStep> {
  const step: RollbackStep['step'] = event === 'rollback_start' ? 'notify-start' : 'notify-end';
  if (options.announce === false)
    return { step, status: 'skipped', detail: 'announced by the caller (the monitor), not twice' };
  let notifier: Notifier;
  try {
    notifier = deps.notifier();
  } catch (error) {
    const detail = `notification NOT sent (${messageOf(error)}): ${title}`;
    logger.warn(detail);
    return { step, status: 'failed', detail };
  }
  try {
    const report = await notifier.send({
      event,
      level,
      title,
      text,
      environment: options.config.envName,
      deploymentId: options.deploymentId ?? `rollback-${deps.clock.now()}`,
    });
    const summary = report.deliveries
      .map(
        (d) =>
          `${d.channel}: ${d.delivered ? 'delivered' : d.fellBack ? 'NOT delivered (written to the fallback file)' : `NOT delivered (${d.error ?? 'unknown error'})`}`,
      )
      .join('; ');
    if (report.deliveries.length === 0)
      return { step, status: 'skipped', detail: 'no notification channels configured' };
    return { step, status: report.allDelivered ? 'ok' : 'failed', detail: summary };
  } catch (error) {
    const detail = `notification NOT sent: ${messageOf(error)}`;
    logger.warn(detail);
    return { step, status: 'failed', detail };
  }
}

/** What the rollback steps share: the request, the adapters, and the result they fill in. */
interface RollbackRun {
  options: RollbackOptions;
  deps: RollbackDeps;
  logger: Logger;
  progress: (line: string) => void;
  /** The local target's root, where the backup is restored. */
  root: string;
  result: RollbackResult;
  steps: RollbackStep[];
}

/** The verified backup and everything planned from it, before anything is changed. */
interface VerifiedRollback {
  verified: VerifiedArchive;
  manifest: VerifiedArchive['manifest'];
  restoreOptions: RestoreOptions;
  plan: Awaited<ReturnType<typeof planRestore>>;
  /** A rollback interrupted after its commit, to be completed first. */
  pending: ReturnType<typeof pendingRestore>;
}

function startRollbackRun(options: RollbackOptions, deps: RollbackDeps): RollbackRun {
  const { config } = options;
  const logger = deps.logger.child({ step: 'rollback', environment: config.envName });
  const progress = (line: string): void => {
    logger.info(line);
    deps.onProgress?.(line);
  };
  const root = targetRoot(config.env, options.cwd);
  if (!root)
    throw new UsageError(
      `environment "${config.envName}": restoring a backup needs a "local" target; this one has none on this host`,
    );
  const steps: RollbackStep[] = [];
  const result: RollbackResult = {
    ok: false,
    environment: config.envName,
    dryRun: Boolean(options.dryRun),
    backup: options.backup,
    sha256: null,
    preRollbackSnapshot: null,
    steps,
  };
  return { options, deps, logger, progress, root, result, steps };
}

/** Without a terminal and without --force, production is refused at once: never a hang, never a wait. */
function refuseUnconfirmableProduction(options: RollbackOptions, deps: RollbackDeps): void {
  const { config } = options;
  const confirmedByVariable = deps.env[CONFIRM_VARIABLE] === config.envName;
  if (
    !options.dryRun &&
    needsConfirmation(config) &&
    !options.force &&
    !confirmedByVariable &&
    (!options.interactive || !options.confirm)
  ) {
    throw new RefusedError(
      `refused: rolling back "${config.envName}" needs a typed confirmation and there is no terminal to ask on; pass --force, or set ${CONFIRM_VARIABLE}=${config.envName}`,
    );
  }
}

/** Step 1: verify before anything else, so a bad backup never stops the service. */
async function verifyRollbackBackup(run: RollbackRun): Promise<VerifiedRollback> {
  const { options, deps, logger, root, result, steps } = run;
  const { config } = options;
  const hmacKey = signingKey(config, deps.env);
  const pending = pendingRestore(root);
  run.progress(`verifying ${options.backup === 'latest' ? 'the latest backup' : options.backup}`);
  const verified = await resolveBackup(options, logger, {
    hmacKey,
    targetRoot: root,
    archives: deps.storage,
  });
  const manifest = verified.manifest;
  if (manifest.environment !== config.envName) {
    throw new RefusedError(
      `refused: ${verified.path} is a backup of "${manifest.environment}", not of "${config.envName}"`,
    );
  }
  const restoreOptions: RestoreOptions = {
    archivePath: verified.path,
    root,
    environment: config.envName,
    scope: restoreScope(config),
    expectedSha256: verified.archiveSha256,
    hmacKey,
    allowSetid: config.env.backup.restore_setid,
    clock: deps.clock,
    logger,
    env: deps.env,
    storage: deps.storage,
  };
  // The same checks the restore makes before writing anything, so a bad archive or host layout
  // is refused here (exit 4), with the service untouched.
  const plan = await planRestore(restoreOptions).catch((error: unknown) => {
    if (error instanceof BackupRejectedError) throw new RefusedError(`refused: ${error.message}`);
    throw error;
  });
  if (plan.problems.length > 0)
    throw new RefusedError(`refused: ${verified.path}: ${plan.problems.join('; ')}; nothing was changed`);
  result.backup = verified.path;
  result.sha256 = verified.archiveSha256;
  result.restored = verified.path;
  result.toRelease = manifest.release;
  steps.push({
    step: 'verify',
    status: 'ok',
    detail: `${verified.path}: sha256 ${verified.archiveSha256} matches its sidecar; ${manifest.totals.files} files match the manifest (release ${manifest.release ?? 'none'}, made ${manifest.created_at})`,
  });
  return { verified, manifest, restoreOptions, plan, pending };
}

/** The deploy target, or why there is none (reported, not thrown, so a dry run can show it). */
function resolveTarget(deps: RollbackDeps): { target: DeployTarget | null; targetProblem: string | null } {
  try {
    return { target: deps.target(), targetProblem: null };
  } catch (error) {
    return { target: null, targetProblem: messageOf(error) };
  }
}

/** A dry run: every step the rollback would take, as planned steps; nothing is changed. */
function planDryRun(
  run: RollbackRun,
  { manifest, plan, pending }: VerifiedRollback,
  target: DeployTarget | null,
  targetProblem: string | null,
): RollbackResult {
  const { options, root, result, steps } = run;
  const { config } = options;
  if (pending)
    steps.push({
      step: 'restore',
      status: 'planned',
      detail: `PENDING: a rollback to ${pending.backup} (txid ${pending.txid}) was interrupted after it committed; ${root} is half restored. This rollback would first complete it (service stopped)`,
    });
  steps.push({
    step: 'restore',
    status: 'planned',
    detail: `layout: ${describeLayout(plan.layout).join('; ')}`,
  });
  steps.push({
    step: 'confirm',
    status: needsConfirmation(config) ? 'planned' : 'skipped',
    detail: needsConfirmation(config)
      ? 'production: typed confirmation or --force would be required'
      : 'not production',
  });
  steps.push({
    step: 'snapshot',
    status: 'planned',
    detail: `pre-rollback snapshot to ${resolve(backupDir(config.env, options.cwd), 'pre-rollback')}/`,
  });
  steps.push({
    step: 'stop',
    status: 'planned',
    detail: target
      ? `stop the service (${target.kind} target)`
      : `cannot stop: ${targetProblem ?? 'no target'}`,
  });
  steps.push({
    step: 'restore',
    status: 'planned',
    detail: `restore ${manifest.paths.join(', ')}${manifest.database ? ` and the database ${manifest.database.path}` : ''} into ${root}; current → ${manifest.release ?? '(unchanged)'}`,
  });
  steps.push({ step: 'start', status: 'planned', detail: 'start the service' });
  steps.push({
    step: 'validate',
    status: options.skipValidation ? 'skipped' : 'planned',
    detail: options.skipValidation ? '--skip-validation' : 'health and smoke checks',
  });
  result.ok = true;
  return result;
}

/** Step 2: confirmation. Production needs a person (or --force); without a TTY we refuse at once. */
async function confirmRollback(run: RollbackRun, { verified, manifest }: VerifiedRollback): Promise<void> {
  const { options, deps, steps } = run;
  const { config } = options;
  if (!needsConfirmation(config) || options.force) return;
  if (deps.env[CONFIRM_VARIABLE] === config.envName) {
    steps.push({
      step: 'confirm',
      status: 'ok',
      detail: `confirmed by ${CONFIRM_VARIABLE}=${config.envName}`,
    });
  } else if (!options.interactive || !options.confirm) {
    throw new RefusedError(
      `refused: rolling back "${config.envName}" needs a typed confirmation and there is no terminal to ask on; pass --force, or set ${CONFIRM_VARIABLE}=${config.envName}`,
    );
  } else {
    const typed = (
      await options.confirm(
        `Roll back ${config.envName} to ${verified.path} (release ${manifest.release ?? 'none'}, made ${manifest.created_at})?\nType "${config.envName}" to continue: `,
      )
    ).trim();
    if (typed !== config.envName)
      throw new RefusedError(`refused: confirmation did not match "${config.envName}"; nothing was changed`);
    steps.push({ step: 'confirm', status: 'ok', detail: 'typed confirmation' });
  }
}

/**
 * A manual rollback preempts a monitor watching this environment: the monitor stops (within
 * 60 s), records `preempted` and releases its lock, so it can never roll back against us.
 */
async function preemptWatchingMonitor(run: RollbackRun, verified: VerifiedArchive): Promise<void> {
  const { options, deps } = run;
  const { config } = options;
  if (options.announce === false) return;
  const preemption = await preemptMonitor(
    lockDir(config.env, options.cwd),
    config.envName,
    `manual rollback to ${verified.path}${options.reason ? `: ${options.reason}` : ''}`,
    deps.clock,
  );
  if (preemption.monitor)
    run.progress(
      preemption.stopped
        ? `the running monitor (${describeOwner(preemption.monitor)}) stopped after ${Math.round(preemption.waitedMs / 1000)} s`
        : `the running monitor (${describeOwner(preemption.monitor)}) did not stop within 60 s; rolling back anyway`,
    );
}

/**
 * A rollback killed after its commit left a half-restored tree: finish it first (its renames
 * need the service stopped), so the snapshot and the restore start from a whole tree.
 * Returns whether the service was stopped for it.
 */
async function completeInterruptedRollback(
  run: RollbackRun,
  pending: VerifiedRollback['pending'],
  target: DeployTarget,
): Promise<boolean> {
  if (!pending) return false;
  run.progress(`completing the interrupted rollback ${pending.txid} first`);
  await target.stop();
  run.steps.push({
    step: 'stop',
    status: 'ok',
    detail: 'service stopped to complete an interrupted rollback',
  });
  const recovered = recoverInterruptedRestores(run.root, run.logger, run.deps.storage);
  run.steps.push({ step: 'restore', status: 'ok', detail: `completed first: ${recovered.join('; ')}` });
  return true;
}

/** Step 3: stage while the old release still runs: verify, extract, fsync (beside each path). */
async function stageRestore(
  run: RollbackRun,
  { verified, restoreOptions }: VerifiedRollback,
  target: DeployTarget,
  stopped: boolean,
): Promise<PreparedRestore> {
  const { deps } = run;
  run.progress(`staging ${verified.path}`);
  const stagingStarted = deps.clock.now();
  let prepared: PreparedRestore;
  try {
    prepared = await prepareRestore(restoreOptions);
  } catch (error) {
    if (stopped) await target.start().catch(() => undefined);
    if (error instanceof RestoreRefusedError || error instanceof BackupRejectedError)
      throw new RefusedError(
        error.message.startsWith('refused') ? error.message : `refused: ${error.message}`,
      );
    throw error;
  }
  run.steps.push({
    step: 'restore',
    status: 'ok',
    detail: `staged and fsynced in ${deps.clock.now() - stagingStarted} ms while the service ran: ${describeLayout(prepared.layout).join('; ')}`,
  });
  return prepared;
}

/** Step 4: snapshot what is there now, outside the dhash_*.zip glob, so this rollback can be undone. */
async function takePreRollbackSnapshot(
  run: RollbackRun,
  prepared: PreparedRestore,
  target: DeployTarget,
  stopped: boolean,
): Promise<void> {
  const { options, deps, logger } = run;
  run.progress('taking the pre-rollback snapshot');
  let snapshot;
  try {
    snapshot = await createBackup(
      { config: options.config, cwd: options.cwd, kind: 'pre-rollback' },
      { clock: deps.clock, logger, env: deps.env, storage: deps.storage },
    );
  } catch (error) {
    prepared.abandon();
    if (stopped) await target.start().catch(() => undefined);
    throw error;
  }
  run.result.preRollbackSnapshot = snapshot.path;
  run.steps.push({ step: 'snapshot', status: 'ok', detail: `${snapshot.path} (sha256 ${snapshot.sha256})` });
}

async function stopService(
  run: RollbackRun,
  prepared: PreparedRestore,
  target: DeployTarget,
  stopped: boolean,
): Promise<void> {
  if (stopped) return;
  run.progress('stopping the service');
  try {
    await target.stop();
  } catch (error) {
    prepared.abandon();
    throw error;
  }
  run.steps.push({ step: 'stop', status: 'ok', detail: 'service stopped' });
}

/** The swap by renames. Returns whether it committed and, if it failed, why. */
async function commitRestore(
  run: RollbackRun,
  verified: VerifiedArchive,
  prepared: PreparedRestore,
  target: DeployTarget,
): Promise<{ committed: boolean; restoreError: unknown }> {
  let restoreError: unknown = null;
  let committed = false;
  try {
    run.progress(`swapping in ${verified.path}`);
    const restored = prepared.commit();
    committed = true;
    run.steps.push({
      step: 'restore',
      status: 'ok',
      detail: `swapped in by renames: ${restored.restoredPaths.join(', ')}${restored.databaseRestored ? ' and the database' : ''}${restored.releaseDir ? `; current → ${restored.releaseDir}` : ''}`,
    });
    run.result.toRelease = await target.currentRelease().catch(() => null);
  } catch (error) {
    restoreError = error;
    if (!committed) prepared.abandon();
    run.steps.push({ step: 'restore', status: 'failed', detail: messageOf(error) });
  }
  return { committed, restoreError };
}

/** Start whichever state is now whole: the restored one, or the old one when the restore did not commit. */
async function startService(run: RollbackRun, target: DeployTarget, stopAt: number): Promise<void> {
  const { result, steps } = run;
  run.progress('starting the service');
  try {
    await target.start();
    result.downtimeMs = run.deps.clock.now() - stopAt;
    steps.push({
      step: 'start',
      status: 'ok',
      detail: `service started (${result.downtimeMs} ms after the stop)`,
    });
  } catch (error) {
    steps.push({ step: 'start', status: 'failed', detail: messageOf(error) });
    result.error = `the service did not start: ${messageOf(error)}`;
  }
}

/** The old copies go only now, with the service up: deleting a large tree is slow. */
function removeOldCopies(run: RollbackRun, prepared: PreparedRestore): void {
  try {
    prepared.cleanup();
  } catch (error) {
    run.logger.warn('could not remove the old copies after the restore', { error: messageOf(error) });
  }
}

async function validateRestoredService(run: RollbackRun): Promise<void> {
  const { options, deps, result, steps } = run;
  if (options.skipValidation) {
    steps.push({ step: 'validate', status: 'skipped', detail: '--skip-validation' });
    result.validation = { ok: true, detail: 'skipped (--skip-validation)' };
    return;
  }
  run.progress('validating the service');
  try {
    result.validation = await deps.validator().validate();
  } catch (error) {
    result.validation = { ok: false, detail: `validation NOT performed: ${messageOf(error)}` };
  }
  steps.push({
    step: 'validate',
    status: result.validation.ok ? 'ok' : 'failed',
    detail: result.validation.detail,
  });
  if (!result.validation.ok)
    result.error = `the restored service failed validation: ${result.validation.detail}`;
}

/** Judges the restore: a failed swap, the wrong live release, or else the validation decides. */
async function judgeRollback(
  run: RollbackRun,
  { verified, manifest }: VerifiedRollback,
  restoreError: unknown,
): Promise<void> {
  const { options, result } = run;
  if (restoreError) {
    result.error = `restore failed: ${messageOf(restoreError)}${result.error ? `; ${result.error}` : ''}`;
  } else if (!result.error && manifest.release !== null && result.toRelease !== manifest.release) {
    // The restore must put the backup's release back; anything else is a failed rollback.
    result.error = `restored ${verified.path}, but the live release is ${result.toRelease ?? 'unknown'}, not the backup's ${manifest.release}`;
  } else if (!result.error && options.failedRelease && result.toRelease === options.failedRelease) {
    result.error = `restored ${verified.path}, but the failed release ${options.failedRelease} is still live (the backup holds it)`;
  } else if (!result.error) {
    await validateRestoredService(run);
  }
  result.ok = !result.error;
}

/** Steps with the environment locked: notify, (complete), stage, snapshot, stop, swap, start, validate, notify. */
async function restoreUnderLock(
  run: RollbackRun,
  checked: VerifiedRollback,
  target: DeployTarget,
): Promise<RollbackResult> {
  const { options, deps, logger, result, steps } = run;
  const { config } = options;
  const { verified, manifest } = checked;
  steps.push(
    await notify(
      deps,
      logger,
      options,
      'rollback_start',
      'warning',
      `Rollback of ${config.envName} started`,
      `Restoring ${verified.path} (release ${manifest.release ?? 'none'}). Reason: ${options.reason ?? 'manual rollback'}`,
    ),
  );
  const stopped = await completeInterruptedRollback(run, checked.pending, target);
  const prepared = await stageRestore(run, checked, target, stopped);
  await takePreRollbackSnapshot(run, prepared, target, stopped);
  prepared.quiesce();
  const stopAt = deps.clock.now();
  await stopService(run, prepared, target, stopped);
  const { committed, restoreError } = await commitRestore(run, verified, prepared, target);
  await startService(run, target, stopAt);
  if (committed && !restoreError) removeOldCopies(run, prepared);
  await judgeRollback(run, checked, restoreError);
  steps.push(
    await notify(
      deps,
      logger,
      options,
      result.ok ? 'rollback_success' : 'rollback_failure',
      result.ok ? 'info' : 'critical',
      result.ok ? `Rollback of ${config.envName} completed` : `Rollback of ${config.envName} FAILED`,
      rollbackNoticeText(result, verified.path),
    ),
  );
  return result;
}

export async function rollbackCommand(options: RollbackOptions, deps: RollbackDeps): Promise<RollbackResult> {
  const run = startRollbackRun(options, deps);
  const { config } = options;
  refuseUnconfirmableProduction(options, deps);
  const checked = await verifyRollbackBackup(run);
  const { verified } = checked;
  const { target, targetProblem } = resolveTarget(deps);
  run.result.fromRelease = target ? await target.currentRelease().catch(() => null) : null;
  if (options.dryRun) return planDryRun(run, checked, target, targetProblem);

  await confirmRollback(run, checked);
  if (!target)
    throw new OperationError(
      `cannot roll back: the service cannot be stopped (${targetProblem ?? 'no target configured'}); nothing was changed`,
    );
  await preemptWatchingMonitor(run, verified);
  const releaseLock = options.environmentLockHeld
    ? () => undefined
    : acquireEnvironmentLock(
        lockDir(config.env, options.cwd),
        config.envName,
        `rollback to ${verified.path}`,
        new Date(deps.clock.now()),
      );
  const releaseInUse = markInUse(verified.path, `rollback of ${config.envName}`);
  try {
    return await restoreUnderLock(run, checked, target);
  } finally {
    releaseInUse();
    releaseLock();
  }
}

/** The RollbackRunner port (monitor's automatic rollback): no prompt; the monitor decided. */
export function createRollbackRunner(config: LoadedConfig, cwd: string, deps: RollbackDeps): RollbackRunner {
  const liveRelease = async (): Promise<string | null> => {
    try {
      return (await deps.target()?.currentRelease()) ?? null;
    } catch {
      return null;
    }
  };
  return {
    async plan(_environment: string, selection?: RollbackSelection) {
      const live = await liveRelease();
      return selectRollbackBackup(
        config,
        cwd,
        selection ?? { kind: 'auto', watchedRelease: live, notAfterMs: deps.clock.now() },
        deps.storage,
      );
    },
    liveRelease,
    async rollback(request: RollbackRequest): Promise<RollbackOutcome> {
      try {
        if (!existsSync(cwd)) throw new OperationError(`working directory ${cwd} is gone`);
        if (request.backup === 'previous-release') return await codeOnlyRollback(request, deps);
        const result = await rollbackCommand(
          {
            config,
            cwd,
            backup: request.backup,
            reason: request.reason,
            deploymentId: request.deploymentId,
            skipValidation: request.skipValidation,
            expectedSha256: request.expectedSha256,
            failedRelease: request.failedRelease,
            announce: request.announce,
            force: true,
            interactive: false,
          },
          deps,
        );
        return {
          ok: result.ok,
          restored: result.restored,
          fromRelease: result.fromRelease,
          toRelease: result.toRelease,
          validation: result.validation,
          error: result.error,
        };
      } catch (error) {
        return { ok: false, error: messageOf(error) };
      }
    },
  };
}

/** Code-only rollback through the target (no data restored). */
async function codeOnlyRollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackOutcome> {
  const target = deps.target();
  if (!target)
    return {
      ok: false,
      error: 'no deploy target is configured for this environment; roll back from a backup instead',
    };
  const { from, to } = await target.rollbackRelease({
    reason: request.reason,
    deploymentId: request.deploymentId,
  });
  if (request.skipValidation)
    return {
      ok: true,
      restored: to,
      fromRelease: from,
      toRelease: to,
      validation: { ok: true, detail: 'skipped' },
    };
  const validation = await deps.validator().validate({ signal: request.signal });
  return {
    ok: validation.ok,
    restored: to,
    fromRelease: from,
    toRelease: to,
    validation,
    error: validation.ok ? undefined : `validation failed: ${validation.detail}`,
  };
}
