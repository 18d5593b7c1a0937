import { join } from 'node:path';
import type { MetricSource } from '../adapters/metrics/metric-source.js';
import { windowMinutesProblem } from '../domain/bounds.js';
import { gateRules } from '../domain/gates/rules.js';
import { evaluateMeasurement } from '../domain/gates/evaluate.js';
import { HealthTracker } from '../domain/gates/health.js';
import { isHealthGate, type GateEvaluation } from '../domain/gates/types.js';
import { pollOffsets, pollPlanFrom } from '../domain/schedule/poll-schedule.js';
import { buildEvidence, type MonitorEvidence } from '../report/evidence.js';
import { renderHtmlReport } from '../report/html-report.js';
import { newDeploymentId } from '../runtime/deployment-id.js';
import { messageOf, UsageError } from '../runtime/errors.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { interruptExitCode, interruptionOf } from '../runtime/interrupt.js';
import { JsonFileSink, JsonLinesLogger } from '../runtime/logger.js';
import { describeOwner } from '../runtime/file-lock.js';
import { holdMonitorLock, pendingPreemption } from '../runtime/preemption.js';
import { logFileName } from '../runtime/log-file-name.js';
import { writeFileAtomic } from '../runtime/atomic-file.js';
import type { RollbackSelection } from '../ports.js';
import { Announcer } from './monitor/announcer.js';
import { EvidenceLog } from './monitor/evidence.js';
import { inconclusiveMessage } from './monitor/messages.js';
import { buildPlan } from './monitor/plan.js';
import { monitorSettings } from './monitor/settings.js';
import type {
  MonitorDeps,
  MonitorOptions,
  MonitorOutcome,
  MonitorPorts,
  PortSlot,
  MonitorResult,
  RollbackTarget,
} from './monitor/types.js';
import { watch } from './monitor/watch.js';

export type {
  MonitorDeps,
  MonitorOptions,
  MonitorResult,
  MonitorOutcome,
  MonitorPorts,
} from './monitor/types.js';
export { renderPlan } from './monitor/plan.js';
export { tryPort } from './monitor/ports.js';

const EXIT_CODES: Record<Exclude<MonitorOutcome, 'interrupted'> | 'dry_run', number> = {
  preempted: ExitCode.preempted,
  passed: ExitCode.ok,
  alerted: ExitCode.alerted,
  inconclusive: ExitCode.inconclusive,
  rolled_back: ExitCode.rolledBack,
  rollback_failed: ExitCode.rollbackFailed,
  dry_run: ExitCode.ok,
};

const NO_PORTS: MonitorPorts = {
  notifier: { port: null, unavailable: 'no notifier was given' },
  rollback: { port: null, unavailable: 'no rollback runner was given' },
  validator: { port: null, unavailable: 'no validator was given' },
};

/** File names of one run: the log, and next to it the evidence and the report. */
export function monitorFiles(
  logDir: string,
  environment: string,
  startedAt: number,
): { log: string; evidence: string; report: string } {
  const base = join(logDir, logFileName('dhash', environment, startedAt).replace(/\.log$/, ''));
  return { log: `${base}.log`, evidence: `${base}.evidence.json`, report: `${base}.report.html` };
}

/** The backup a rollback of this run would restore, chosen once, when the watch begins. */
async function chooseRollbackTarget(
  ports: MonitorPorts,
  environment: string,
  selection: RollbackSelection,
): Promise<RollbackTarget> {
  const runner = ports.rollback.port;
  if (!runner)
    return {
      backup: null,
      sha256: null,
      release: null,
      detail: `unknown: ${ports.rollback.unavailable ?? 'no rollback runner'}`,
    };
  try {
    const plan = await runner.plan(environment, selection);
    return {
      backup: plan.backup,
      sha256: plan.sha256 ?? (selection.kind === 'backup' ? (selection.sha256 ?? null) : null),
      release: plan.release ?? null,
      detail: plan.detail,
    };
  } catch (error) {
    return {
      backup: null,
      sha256: null,
      release: null,
      detail: `could not be determined: ${messageOf(error)}`,
    };
  }
}

/** What every step of one monitor run shares, settled before anything is watched. */
interface MonitorRun {
  options: MonitorOptions;
  deps: MonitorDeps;
  config: MonitorOptions['config'];
  clock: MonitorDeps['clock'];
  startedAt: number;
  files: ReturnType<typeof monitorFiles>;
  deploymentId: string;
  logger: JsonLinesLogger;
  rules: ReturnType<typeof gateRules>;
  poll: ReturnType<typeof pollPlanFrom>;
  settings: ReturnType<typeof monitorSettings>;
  source: MetricSource;
  ports: MonitorPorts;
  messages: WatchInput['messages'];
  base: Pick<MonitorResult, 'environment' | 'deploymentId' | 'dryRun' | 'logPath' | 'startedAt'>;
}

type WatchInput = Parameters<typeof watch>[0];
type WatchOutcome = Awaited<ReturnType<typeof watch>>;

/** The watched release and the backup a rollback would restore. */
interface RollbackChoice {
  watchedRelease: string | null;
  rollbackTarget: RollbackTarget;
}

/**
 * `monitor`: watch a fresh deployment for the configured window, judge the quality gates, alert
 * on breaches and roll back on a failing auto_rollback gate. Dry-run prints the plan (and with
 * `probe` one real measurement) and never notifies or rolls back.
 */
export async function runMonitor(options: MonitorOptions, deps: MonitorDeps): Promise<MonitorResult> {
  const run = openRun(options, deps);
  const choice = await chooseRollback(run);
  if (options.dryRun) return dryRun(run, choice.rollbackTarget);
  const pollTimes = pollOffsets(run.poll).map((o) => run.startedAt + o);
  announceStart(run, pollTimes, choice);
  return watchHoldingLock(run, pollTimes, choice);
}

/** Checks the window, then builds the run's files, logger, rules, metric source and ports. */
function openRun(options: MonitorOptions, deps: MonitorDeps): MonitorRun {
  const { config } = options;
  const { clock } = deps;
  // Front ends parse the option (src/options/values.ts); a caller in code gets the same bound.
  const windowProblem =
    options.windowMinutes === undefined ? null : windowMinutesProblem(options.windowMinutes);
  if (windowProblem) throw new UsageError(`window-minutes: ${windowProblem}, got ${options.windowMinutes}`);
  const startedAt = clock.now();
  const files = monitorFiles(options.logDir, config.envName, startedAt);
  const deploymentId = options.deploymentId ?? newDeploymentId(config.envName, startedAt, deps.env ?? {});
  const logger = new JsonLinesLogger(
    clock,
    [new JsonFileSink(files.log), ...(deps.sinks ?? [])],
    config.redactor,
    {
      environment: config.envName,
      deployment_id: deploymentId,
    },
  );
  const rules = gateRules(config.env.quality_gates);
  const poll = pollPlanFrom(config.env.monitoring, options.windowMinutes);
  const settings = monitorSettings(config.env, rules, poll);
  const source = deps.metrics(config.env, rules, clock);
  const ports = deps.ports?.(logger) ?? NO_PORTS;
  const messages = {
    environment: config.envName,
    deploymentId,
    version: options.version,
    links: { run: options.runUrl, logs: files.log, report: options.dryRun ? undefined : files.report },
  };
  const base = {
    environment: config.envName,
    deploymentId,
    dryRun: !!options.dryRun,
    logPath: files.log,
    startedAt: new Date(startedAt).toISOString(),
  };
  return {
    options,
    deps,
    config,
    clock,
    startedAt,
    files,
    deploymentId,
    logger,
    rules,
    poll,
    settings,
    source,
    ports,
    messages,
    base,
  };
}

/** The release being watched (given, or asked of the rollback runner) and the backup a rollback would restore. */
async function chooseRollback(run: MonitorRun): Promise<RollbackChoice> {
  const { options, ports } = run;
  const watchedRelease =
    options.version ??
    (ports.rollback.port?.liveRelease ? await ports.rollback.port.liveRelease().catch(() => null) : null);
  const selection: RollbackSelection = options.rollbackTo ?? {
    kind: 'auto',
    watchedRelease,
    notAfterMs: run.startedAt,
  };
  const rollbackTarget = await chooseRollbackTarget(ports, run.config.envName, selection);
  return { watchedRelease, rollbackTarget };
}

/** Dry run: logs the plan (and with `probe` one real measurement); nothing is notified or rolled back. */
async function dryRun(run: MonitorRun, rollbackTarget: RollbackTarget): Promise<MonitorResult> {
  const { config, rules, source, poll, settings, ports, logger, options, clock } = run;
  const notifier = ports.notifier.port
    ? { available: true, detail: 'dry-run: messages are rendered into the log, not sent' }
    : { available: false, detail: `not available: ${ports.notifier.unavailable}` };
  const plan = buildPlan(config, rules, source, poll, settings, rollbackTarget, notifier);
  logger.debug('Dry run: monitoring plan', { plan });
  let probe: GateEvaluation[] | undefined;
  if (options.probe) probe = await probeOnce(rules, source, clock, run.startedAt, run.deps.signal);
  for (const e of probe ?? [])
    logger.info(`Quality gate ${e.gate}: ${e.verdict}`, {
      probe: true,
      value: e.value,
      threshold: e.threshold,
      reason: e.reason,
      source: e.source,
    });
  return {
    ...run.base,
    result: 'dry_run',
    exitCode: ExitCode.ok,
    failedGates: [],
    evidencePath: null,
    reportPath: null,
    endedAt: new Date(clock.now()).toISOString(),
    polls: 0,
    gates: probe ?? [],
    decisions: [],
    plan,
    probe,
    rollbackTarget,
  };
}

/** Logs what will be watched, and warns about each port that is not available. */
function announceStart(run: MonitorRun, pollTimes: number[], choice: RollbackChoice): void {
  const { config, poll, source, rules, settings, logger, ports } = run;
  const { rollbackTarget, watchedRelease } = choice;
  logger.info(
    `Monitoring ${config.envName} for ${poll.windowMs / 60_000} min (${pollTimes.length} polls, source ${source.kind}); a rollback would restore ${rollbackTarget.backup ?? '(none)'}`,
    {
      gates: rules.map((r) => ({
        gate: r.gate,
        threshold: r.threshold,
        unit: r.unit,
        actions: r.actions,
        source: source.describe(r),
        ...settings.limits[r.gate],
      })),
      health: settings.health,
      auto_rollback: config.env.auto_rollback,
      rollback_target: rollbackTarget,
      watched_release: watchedRelease,
    },
  );
  for (const [name, slot] of Object.entries(ports) as [keyof MonitorPorts, PortSlot<unknown>][]) {
    if (!slot.port) logger.warn(`${name} not available: ${slot.unavailable}`);
  }
}

/** Holds the monitor lock (when there is a state dir) while watching and recording the outcome. */
async function watchHoldingLock(
  run: MonitorRun,
  pollTimes: number[],
  choice: RollbackChoice,
): Promise<MonitorResult> {
  const { config, logger, deploymentId, startedAt } = run;
  const evidence = new EvidenceLog();
  evidence.rollbackTarget = choice.rollbackTarget;
  const stateDir = run.options.stateDir;
  const monitorLock = stateDir
    ? holdMonitorLock(stateDir, config.envName, `monitor ${deploymentId}`, new Date(startedAt))
    : null;
  if (monitorLock?.otherMonitor)
    logger.warn(`Another monitor is watching ${config.envName}: ${describeOwner(monitorLock.otherMonitor)}`);
  try {
    const announcer = new Announcer(run.ports.notifier.port, run.ports.notifier.unavailable, {
      clock: run.clock,
      logger,
      evidence,
    });
    const outcome = await watch(watchInput(run, pollTimes, choice, evidence, announcer));
    return await recordOutcome(run, pollTimes, choice, evidence, announcer, outcome);
  } finally {
    monitorLock?.release();
  }
}

/** Everything the watch loop needs from this run. */
function watchInput(
  run: MonitorRun,
  pollTimes: number[],
  choice: RollbackChoice,
  evidence: EvidenceLog,
  announcer: Announcer,
): WatchInput {
  const { config, deps, startedAt } = run;
  const stateDir = run.options.stateDir;
  return {
    rules: run.rules,
    settings: run.settings,
    escalation: config.env.notifications.escalation,
    progressEveryMs: config.env.monitoring.progress_log_seconds * 1000,
    source: run.source,
    clock: run.clock,
    logger: run.logger,
    evidence,
    ports: run.ports,
    announcer,
    messages: run.messages,
    pollTimes,
    startedAt,
    rollbackTarget: choice.rollbackTarget,
    watchedRelease: choice.watchedRelease,
    onProgress: deps.onProgress,
    preemption: stateDir ? () => pendingPreemption(stateDir, config.envName, startedAt) : undefined,
    signal: deps.signal,
  };
}

/** Judges the watch's outcome, announces an inconclusive one, drains deliveries, writes the evidence and report. */
async function recordOutcome(
  run: MonitorRun,
  pollTimes: number[],
  choice: RollbackChoice,
  evidence: EvidenceLog,
  announcer: Announcer,
  outcome: WatchOutcome,
): Promise<MonitorResult> {
  const { config, logger, files } = run;
  const { result, withoutVerdict } = outcome.decider.outcome({
    rollbackOk: outcome.rollback?.ok,
    interrupted: outcome.interrupted,
    preempted: outcome.preempted,
    confirmationSent: outcome.confirmationSent,
  });
  evidence.withoutVerdict = withoutVerdict;
  const failedGates =
    result === 'inconclusive'
      ? withoutVerdict.map((g) => g.gate)
      : outcome.rollback || outcome.rollbackGates.length
        ? outcome.rollbackGates
        : [...outcome.decider.breached];
  if (result === 'inconclusive') {
    logger.error(
      `Monitoring INCONCLUSIVE: no verdict for ${withoutVerdict.map((g) => `${g.gate} (${g.reason})`).join('; ')}`,
      { without_verdict: withoutVerdict },
    );
    announcer.announce(inconclusiveMessage(withoutVerdict, run.messages));
  }
  // Deliveries still under way get their deadline now, before the records are written.
  await announcer.drain(config.env.notifications.deadline_seconds * 1000);
  const endedAt = run.clock.now();
  writeEvidenceAndReport(run, pollTimes, choice, evidence, { result, failedGates, endedAt });
  logger.log(finishLevel(result), `Monitoring finished: ${result}`, {
    result,
    failed_gates: failedGates,
    evidence: files.evidence,
    report: files.report,
  });
  return {
    ...run.base,
    result,
    exitCode: exitCodeOf(result, run.deps.signal),
    failedGates,
    evidencePath: files.evidence,
    reportPath: files.report,
    endedAt: new Date(endedAt).toISOString(),
    polls: outcome.polls,
    gates: [...outcome.decider.latest.values()],
    decisions: evidence.decisions,
    rollback: outcome.rollback,
    rollbackTarget: choice.rollbackTarget,
    withoutVerdict,
    rollbackCommand: evidence.rollbackCommand,
  };
}

/** Writes the run's evidence (redacted) and the HTML report rendered from it. */
function writeEvidenceAndReport(
  run: MonitorRun,
  pollTimes: number[],
  choice: RollbackChoice,
  evidence: EvidenceLog,
  end: { result: MonitorOutcome; failedGates: MonitorResult['failedGates']; endedAt: number },
): void {
  const { config, options, rules, settings, source, files } = run;
  const evidenceDoc: MonitorEvidence = buildEvidence({
    config,
    deploymentId: run.deploymentId,
    version: options.version,
    previousVersion: options.previousVersion,
    deployedAt: options.deployedAt,
    watchedRelease: choice.watchedRelease,
    sourceKind: source.kind,
    rules: rules.map((r) => ({ ...r, ...settings.limits[r.gate], source: source.describe(r) })),
    settings,
    startedAt: run.startedAt,
    endedAt: end.endedAt,
    plannedPolls: pollTimes,
    result: end.result,
    failedGates: end.failedGates,
    evidence,
    files,
  });
  const redacted = config.redactor.value(evidenceDoc);
  writeFileAtomic(files.evidence, Buffer.from(`${JSON.stringify(redacted, null, 2)}\n`));
  writeFileAtomic(files.report, Buffer.from(renderHtmlReport(redacted)));
}

/** The log level of the "Monitoring finished" line. */
function finishLevel(result: MonitorOutcome): 'INFO' | 'WARN' | 'ERROR' | 'CRITICAL' {
  return result === 'passed'
    ? 'INFO'
    : result === 'alerted' || result === 'rolled_back' || result === 'interrupted' || result === 'preempted'
      ? 'WARN'
      : result === 'inconclusive'
        ? 'ERROR'
        : 'CRITICAL';
}

/** The exit code of a finished watch; an interrupted one exits with its signal's code. */
function exitCodeOf(result: MonitorOutcome, signal: AbortSignal | undefined): number {
  const interruption = interruptionOf(signal);
  return result === 'interrupted'
    ? interruption
      ? interruptExitCode(interruption.signalName)
      : ExitCode.interruptedSigterm
    : EXIT_CODES[result];
}

/** One real measurement of every gate, for `--dry-run --probe`. Nothing is stored or sent. */
async function probeOnce(
  rules: ReturnType<typeof gateRules>,
  source: MetricSource,
  clock: MonitorDeps['clock'],
  startedAt: number,
  signal?: AbortSignal,
): Promise<GateEvaluation[]> {
  const out: GateEvaluation[] = [];
  const healthRule = rules.find((r) => isHealthGate(r.gate));
  if (healthRule)
    out.push(
      new HealthTracker(healthRule).record(await source.checkHealth(signal), `GET ${source.healthUrl}`),
    );
  const metricRules = rules.filter((r) => !isHealthGate(r.gate));
  const measurements = await source.measure(metricRules, { now: clock.now(), startedAt, signal });
  for (const m of measurements) {
    const rule = metricRules.find((r) => r.gate === m.gate);
    if (!rule) throw new Error(`the metric source measured ${m.gate}, which it was not asked for`);
    out.push(evaluateMeasurement(rule, m));
  }
  return out;
}
