import type { LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import { messageOf } from '../runtime/errors.js';
import { ExitCode, type ExitCodeValue } from '../runtime/exit-codes.js';
import type { LogSink } from '../runtime/logger.js';
import type { Notifier, RollbackRunner } from '../ports.js';
import { deployCommand, type DeployDeps, type DeployResult } from './deploy.js';
import { runMonitor, type MonitorPorts, type MonitorResult } from './monitor.js';
import type { MetricSourceFactory, PortSlot, ProgressSnapshot } from './monitor/types.js';
import { smokeCommand, type SmokeResult } from './smoke.js';
import { readPreDeployRecord } from './rollback-target.js';
import { lockDir } from '../config/state-dir.js';
import { interruptionOf } from '../runtime/interrupt.js';
import type { RollbackTo } from './monitor/types.js';
import type { Logger } from '../runtime/logger.js';

/**
 * `rollout`: the guarded rollout end to end — backup, migrate and deploy (the deploy use-case,
 * with --backup-first), full smoke checks, then the monitoring window with automatic rollback.
 * One deployment id runs through every log, message, evidence file and output.
 *
 * It ends passed, alerted (alert-only gates breached), inconclusive (no verdict: never a success),
 * rolled_back (a gate or a step failed and the service is back on what it ran before, validated),
 * rollback_failed, interrupted (SIGINT/SIGTERM) or preempted (a manual rollback took over).
 */
export type RolloutOutcome =
  'passed' | 'alerted' | 'inconclusive' | 'rolled_back' | 'rollback_failed' | 'interrupted' | 'preempted';

export const ROLLOUT_EXIT_CODES: Record<RolloutOutcome | 'dry_run', ExitCodeValue> = {
  passed: ExitCode.ok,
  alerted: ExitCode.alerted,
  inconclusive: ExitCode.inconclusive,
  rolled_back: ExitCode.rolledBack,
  rollback_failed: ExitCode.rollbackFailed,
  interrupted: ExitCode.interruptedSigterm,
  preempted: ExitCode.preempted,
  dry_run: ExitCode.ok,
};

function interruptedExit(signal: AbortSignal | undefined): ExitCodeValue {
  const interruption = interruptionOf(signal);
  return interruption?.signalName === 'SIGINT' ? ExitCode.interruptedSigint : ExitCode.interruptedSigterm;
}

export interface RolloutOptions {
  config: LoadedConfig;
  /** `--release`: directory or archive. */
  release: string;
  dryRun: boolean;
  deploymentId: string;
  /** Absolute directory for every log, the evidence and the report. */
  logDir: string;
  windowMinutes?: number;
  runUrl?: string;
  /** Working directory (backups/ is resolved against it), to find the pre-deploy backup record. */
  cwd?: string;
}

export interface RolloutStage {
  stage: 'deploy' | 'smoke' | 'rollback' | 'monitor';
  status: 'done' | 'failed' | 'skipped' | 'planned';
  startedAt: string;
  endedAt: string;
  detail: string;
}

export interface RolloutDeps {
  clock: Clock;
  /** Everything the deploy use-case needs (target, notifier, validator, backup function, log). */
  deploy: DeployDeps;
  /** Notifications of the rollout itself (start is sent by deploy; these are the endings). */
  notifier: PortSlot<Notifier>;
  /** Restores the backup deploy took when the smoke checks fail. */
  rollback: PortSlot<RollbackRunner>;
  /** The monitor's ports, built once its logger exists. */
  monitorPorts: (logger: Logger) => MonitorPorts;
  /** The monitor's metric source port. */
  metrics: MetricSourceFactory;
  /** Extra log sinks for the smoke and monitor logs (the CLI's console). */
  sinks?: LogSink[];
  onStage?: (stage: RolloutStage) => void;
  onProgress?: (progress: ProgressSnapshot) => void;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface RolloutResult {
  outcome: RolloutOutcome | 'dry_run';
  exitCode: ExitCodeValue;
  environment: string;
  deploymentId: string;
  release: string;
  previousRelease: string | null;
  liveRelease: string | null;
  backupPath?: string;
  reason: string;
  stages: RolloutStage[];
  deploy: DeployResult;
  smoke?: Pick<SmokeResult, 'verdict' | 'checks' | 'logPath'>;
  monitor?: MonitorResult;
  failedGates: string[];
}

/** What the rollout stages share: the request, the adapters, and the stage log. */
interface RolloutRun {
  options: RolloutOptions;
  deps: RolloutDeps;
  stages: RolloutStage[];
  /** Records a finished stage (its end is now) and reports it. */
  stage: (record: Omit<RolloutStage, 'endedAt'>) => RolloutStage;
  now: () => string;
}

/** The fields every rollout result carries, whatever its outcome. */
type RolloutBase = Pick<
  RolloutResult,
  'environment' | 'deploymentId' | 'release' | 'previousRelease' | 'backupPath' | 'deploy' | 'failedGates'
>;

function startRolloutRun(options: RolloutOptions, deps: RolloutDeps): RolloutRun {
  const stages: RolloutStage[] = [];
  const stage = (record: Omit<RolloutStage, 'endedAt'>): RolloutStage => {
    const done = { ...record, endedAt: new Date(deps.clock.now()).toISOString() };
    stages.push(done);
    deps.onStage?.(done);
    return done;
  };
  const now = (): string => new Date(deps.clock.now()).toISOString();
  return { options, deps, stages, stage, now };
}

/** Step 1: backup → stage → migrate → switch → health: the deploy use-case, which undoes itself on failure. */
function deployRelease(run: RolloutRun): Promise<DeployResult> {
  const { options } = run;
  return deployCommand(
    {
      config: options.config,
      release: options.release,
      backupFirst: true,
      dryRun: options.dryRun,
      skipHealthCheck: false,
      deploymentId: options.deploymentId,
    },
    run.deps.deploy,
  );
}

/** A dry run: the deploy, smoke and monitor stages as planned; nothing is changed or sent. */
async function planDryRun(
  run: RolloutRun,
  base: RolloutBase,
  deploy: DeployResult,
  deployStarted: string,
): Promise<RolloutResult> {
  const { options, deps, stage, now } = run;
  const { config, deploymentId } = options;
  stage({
    stage: 'deploy',
    status: 'planned',
    startedAt: deployStarted,
    detail: `would deploy ${deploy.release} (live: ${deploy.previousRelease ?? 'none'}; ${deploy.migrations.pending.length} pending migration(s), proven to apply)`,
  });
  stage({
    stage: 'smoke',
    status: 'planned',
    startedAt: now(),
    detail: `would run the smoke checks against ${config.env.service.base_url}`,
  });
  const started = now();
  const monitor = await runMonitor(
    {
      config,
      dryRun: true,
      windowMinutes: options.windowMinutes,
      logDir: options.logDir,
      deploymentId,
      version: deploy.release,
      runUrl: options.runUrl,
    },
    {
      clock: deps.clock,
      metrics: deps.metrics,
      ports: deps.monitorPorts,
      sinks: deps.sinks,
      env: deps.env,
    },
  );
  stage({
    stage: 'monitor',
    status: 'planned',
    startedAt: started,
    detail: `would watch ${monitor.plan?.windowMinutes ?? config.env.monitoring.window_minutes} min of quality gates`,
  });
  return {
    ...base,
    outcome: 'dry_run',
    exitCode: ROLLOUT_EXIT_CODES.dry_run,
    liveRelease: deploy.liveRelease,
    reason: 'dry-run: nothing was changed or sent',
    stages: run.stages,
    monitor,
  };
}

/** The deploy failed and undid itself (or could not): the rollout ends here. */
function failedDeployResult(
  run: RolloutRun,
  base: RolloutBase,
  deploy: DeployResult,
  started: string,
): RolloutResult {
  const undone = deploy.exitCode !== ExitCode.rollbackFailed;
  run.stage({
    stage: 'deploy',
    status: 'failed',
    startedAt: started,
    detail: `${deploy.error}; undo: ${undone ? 'complete' : 'INCOMPLETE'}`,
  });
  const outcome: RolloutOutcome = undone ? 'rolled_back' : 'rollback_failed';
  return {
    ...base,
    outcome,
    exitCode: ROLLOUT_EXIT_CODES[outcome],
    liveRelease: deploy.liveRelease,
    reason: deploy.error ?? 'deploy failed',
    stages: run.stages,
  };
}

function recordDeployStage(run: RolloutRun, deploy: DeployResult, started: string): void {
  if (deploy.previousRelease === deploy.release) {
    run.stage({
      stage: 'deploy',
      status: 'skipped',
      startedAt: started,
      detail: `release ${deploy.release} is already live`,
    });
  } else {
    run.stage({
      stage: 'deploy',
      status: 'done',
      startedAt: started,
      detail: `release ${deploy.release} is live (was ${deploy.previousRelease ?? 'none'}); backup ${deploy.backupPath ?? 'none'}`,
    });
  }
}

type SmokeSummary = NonNullable<RolloutResult['smoke']>;

/**
 * Step 2: full smoke checks: a release that answers /health but cannot hash never reaches
 * monitoring. Returns the smoke summary, or the rollout's result when they failed (rolled back).
 */
async function runSmokeChecks(
  run: RolloutRun,
  base: RolloutBase,
  deploy: DeployResult,
): Promise<{ smoke: SmokeSummary; ended?: RolloutResult }> {
  const { options, deps, stage, now } = run;
  const { config, deploymentId } = options;
  const started = now();
  const smoke = await smokeCommand(
    config,
    { quick: false, logDir: options.logDir, signal: deps.signal, extraSinks: deps.sinks },
    { clock: deps.clock },
  );
  const smokeSummary = { verdict: smoke.verdict, checks: smoke.checks, logPath: smoke.logPath };
  if (smoke.verdict.status === 'failed') {
    stage({ stage: 'smoke', status: 'failed', startedAt: started, detail: smoke.verdict.summary });
    const rollback = await rollBack(
      deps,
      config.envName,
      deploy.backupPath,
      deploymentId,
      `smoke checks failed after deploying ${deploy.release}: ${smoke.verdict.summary}`,
      now,
      stage,
    );
    const outcome: RolloutOutcome = rollback.ok ? 'rolled_back' : 'rollback_failed';
    const ended: RolloutResult = {
      ...base,
      outcome,
      exitCode: ROLLOUT_EXIT_CODES[outcome],
      liveRelease: rollback.live,
      reason: `smoke checks failed: ${smoke.verdict.summary}`,
      stages: run.stages,
      smoke: smokeSummary,
    };
    return { smoke: smokeSummary, ended };
  }
  stage({ stage: 'smoke', status: 'done', startedAt: started, detail: smoke.verdict.summary });
  return { smoke: smokeSummary };
}

/** A signal arrived before the monitoring window: the release is live and unwatched. */
function interruptedBeforeMonitoring(
  run: RolloutRun,
  base: RolloutBase,
  deploy: DeployResult,
  smoke: SmokeSummary,
): RolloutResult {
  const { deps } = run;
  const reason = `interrupted by ${interruptionOf(deps.signal)?.signalName ?? 'a signal'} before monitoring; release ${deploy.release} is live and unwatched`;
  deps.deploy.logger.warn(reason);
  return {
    ...base,
    outcome: 'interrupted',
    exitCode: interruptedExit(deps.signal),
    liveRelease: deploy.liveRelease,
    reason,
    stages: run.stages,
    smoke,
  };
}

/**
 * Step 3: the monitoring window, with automatic rollback on a failing auto_rollback gate. The
 * rollback restores exactly the backup deploy took before changing anything.
 */
async function watchRelease(
  run: RolloutRun,
  deploy: DeployResult,
  deployedAt: number,
): Promise<{ monitor: MonitorResult; started: string }> {
  const { options, deps } = run;
  const { config, deploymentId } = options;
  const record = options.cwd ? readPreDeployRecord(config, options.cwd) : null;
  const rollbackTo: RollbackTo | undefined = deploy.backupPath
    ? {
        kind: 'backup',
        path: deploy.backupPath,
        sha256: record && record.backup === deploy.backupPath ? record.sha256 : undefined,
      }
    : undefined;
  const started = run.now();
  const monitor = await runMonitor(
    {
      config,
      dryRun: false,
      windowMinutes: options.windowMinutes,
      logDir: options.logDir,
      deploymentId,
      version: deploy.release,
      previousVersion: deploy.previousRelease,
      deployedAt,
      runUrl: options.runUrl,
      rollbackTo,
      stateDir: options.cwd ? lockDir(config.env, options.cwd) : undefined,
    },
    {
      clock: deps.clock,
      metrics: deps.metrics,
      ports: deps.monitorPorts,
      sinks: deps.sinks,
      onProgress: deps.onProgress,
      env: deps.env,
      signal: deps.signal,
    },
  );
  return { monitor, started };
}

function recordMonitorStages(
  run: RolloutRun,
  monitor: MonitorResult,
  outcome: RolloutOutcome,
  started: string,
): void {
  run.stage({
    stage: 'monitor',
    status: outcome === 'passed' || outcome === 'alerted' ? 'done' : 'failed',
    startedAt: started,
    detail: `${outcome}${monitor.failedGates.length ? ` (gates: ${monitor.failedGates.join(', ')})` : ''}; report ${monitor.reportPath}`,
  });
  if (monitor.rollback) {
    run.stage({
      stage: 'rollback',
      status: monitor.rollback.ok ? 'done' : 'failed',
      startedAt: new Date(monitor.rollback.startedAt).toISOString(),
      detail: monitor.rollback.ok
        ? `restored ${monitor.rollback.restored ?? monitor.rollback.backup}; ${monitor.rollback.validation?.detail ?? ''}`
        : `FAILED: ${monitor.rollback.error}`,
    });
  }
}

/** A watched release that held (passed or alerted) is announced here; other endings by the monitor. */
async function announceSuccess(
  run: RolloutRun,
  deploy: DeployResult,
  monitor: MonitorResult,
  outcome: RolloutOutcome,
): Promise<void> {
  const { options } = run;
  const { config, deploymentId } = options;
  if (outcome !== 'passed' && outcome !== 'alerted') return;
  await sendEnding(run.deps, {
    event: 'deployment_success',
    level: outcome === 'passed' ? 'info' : 'warning',
    title: `Rollout of ${deploy.release} to ${config.envName} ${outcome === 'passed' ? 'passed every gate' : 'finished with alerts'}`,
    text: `Release ${deploy.release} watched for the whole window: ${outcome}.`,
    environment: config.envName,
    deploymentId,
    version: deploy.release,
    dedupKey: `${deploymentId}:rollout_${outcome}`,
    links: { run: options.runUrl, logs: monitor.logPath, report: monitor.reportPath ?? undefined },
  });
}

/** Why the watched rollout ended as it did. An inconclusive window is not a success. */
function monitoredReason(outcome: RolloutOutcome, monitor: MonitorResult, deploy: DeployResult): string {
  return outcome === 'passed'
    ? 'every quality gate held for the whole window'
    : outcome === 'alerted'
      ? `alert-only gates breached: ${monitor.failedGates.join(', ')}`
      : outcome === 'inconclusive'
        ? `no verdict: ${(monitor.withoutVerdict ?? []).map((g) => `${g.gate} (${g.reason})`).join('; ')}`
        : outcome === 'interrupted'
          ? `interrupted during monitoring; release ${deploy.release} is live; evidence ${monitor.evidencePath}`
          : outcome === 'preempted'
            ? `a manual rollback took over during monitoring; evidence ${monitor.evidencePath}`
            : `gate(s) failed: ${monitor.failedGates.join(', ')}`;
}

/** Step 3 and the end: watch the live release, record the stages, announce, and report. */
async function monitorRollout(
  run: RolloutRun,
  base: RolloutBase,
  deploy: DeployResult,
  deployedAt: number,
  smoke: SmokeSummary,
): Promise<RolloutResult> {
  const { monitor, started } = await watchRelease(run, deploy, deployedAt);
  const outcome = monitor.result as RolloutOutcome;
  recordMonitorStages(run, monitor, outcome, started);
  const liveRelease = await run.deps.deploy.target.currentRelease().catch(() => null);
  // An inconclusive window is not a success: the monitor announced it as such; nothing more here.
  await announceSuccess(run, deploy, monitor, outcome);
  return {
    ...base,
    outcome,
    exitCode: outcome === 'interrupted' ? (monitor.exitCode as ExitCodeValue) : ROLLOUT_EXIT_CODES[outcome],
    liveRelease,
    reason: monitoredReason(outcome, monitor, deploy),
    stages: run.stages,
    smoke,
    monitor,
    failedGates: monitor.failedGates,
  };
}

export async function rolloutCommand(options: RolloutOptions, deps: RolloutDeps): Promise<RolloutResult> {
  const run = startRolloutRun(options, deps);
  const started = run.now();
  const deploy = await deployRelease(run);
  // When the new release went live (deploy ends with it healthy), for the report's timeline.
  const deployedAt = deps.clock.now();
  const base: RolloutBase = {
    environment: options.config.envName,
    deploymentId: options.deploymentId,
    release: deploy.release,
    previousRelease: deploy.previousRelease,
    backupPath: deploy.backupPath,
    deploy,
    failedGates: [] as string[],
  };
  if (options.dryRun) return planDryRun(run, base, deploy, started);
  if (!deploy.ok) return failedDeployResult(run, base, deploy, started);
  recordDeployStage(run, deploy, started);

  const { smoke, ended } = await runSmokeChecks(run, base, deploy);
  if (ended) return ended;
  if (deps.signal?.aborted) return interruptedBeforeMonitoring(run, base, deploy, smoke);
  return monitorRollout(run, base, deploy, deployedAt, smoke);
}

async function rollBack(
  deps: RolloutDeps,
  environment: string,
  backupPath: string | undefined,
  deploymentId: string,
  reason: string,
  now: () => string,
  stage: (r: Omit<RolloutStage, 'endedAt'>) => RolloutStage,
): Promise<{ ok: boolean; live: string | null }> {
  const started = now();
  if (!deps.rollback.port) {
    stage({
      stage: 'rollback',
      status: 'failed',
      startedAt: started,
      detail: `cannot roll back: ${deps.rollback.unavailable}`,
    });
    return { ok: false, live: await deps.deploy.target.currentRelease().catch(() => null) };
  }
  try {
    const outcome = await deps.rollback.port.rollback({
      environment,
      backup: backupPath ?? 'latest',
      reason,
      deploymentId,
      signal: deps.signal,
    });
    stage({
      stage: 'rollback',
      status: outcome.ok ? 'done' : 'failed',
      startedAt: started,
      detail: outcome.ok
        ? `restored ${outcome.restored ?? backupPath}; ${outcome.validation?.detail ?? ''}`
        : `FAILED: ${outcome.error}`,
    });
    return {
      ok: outcome.ok,
      live: outcome.toRelease ?? (await deps.deploy.target.currentRelease().catch(() => null)),
    };
  } catch (error) {
    stage({ stage: 'rollback', status: 'failed', startedAt: started, detail: `FAILED: ${messageOf(error)}` });
    return { ok: false, live: await deps.deploy.target.currentRelease().catch(() => null) };
  }
}

async function sendEnding(deps: RolloutDeps, message: Parameters<Notifier['send']>[0]): Promise<void> {
  if (!deps.notifier.port) {
    deps.deploy.logger.warn(`notification NOT sent (${message.event}): ${deps.notifier.unavailable}`);
    return;
  }
  try {
    const report = await deps.notifier.port.send(message, deps.signal);
    if (!report.allDelivered)
      deps.deploy.logger.warn(
        `notification ${message.event} not delivered everywhere; see the fallback file`,
      );
  } catch (error) {
    deps.deploy.logger.error(`notification ${message.event} failed: ${messageOf(error)}`);
  }
}
