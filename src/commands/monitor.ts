import { join } from 'node:path';
import { createMetricSource } from '../adapters/metrics/create-source.js';
import { gateRules } from '../domain/gates/rules.js';
import { evaluateMeasurement } from '../domain/gates/evaluate.js';
import { HealthTracker } from '../domain/gates/health.js';
import type { GateEvaluation } from '../domain/gates/types.js';
import { pollOffsets, pollPlanFrom } from '../domain/schedule/poll-schedule.js';
import { buildEvidence, type MonitorEvidence } from '../report/evidence.js';
import { renderHtmlReport } from '../report/html-report.js';
import { newDeploymentId } from '../runtime/deployment-id.js';
import { messageOf, UsageError } from '../runtime/errors.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { JsonFileSink, JsonLinesLogger } from '../runtime/logger.js';
import { fileStamp } from '../runtime/timestamp.js';
import { writeFileAtomic } from '../adapters/embedded-db/embedded-db.js';
import { EvidenceLog } from './monitor/evidence.js';
import { buildPlan } from './monitor/plan.js';
import type {
  MonitorDeps,
  MonitorOptions,
  MonitorOutcome,
  MonitorPorts,
  MonitorResult,
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

const EXIT_CODES: Record<MonitorOutcome | 'dry_run', number> = {
  passed: ExitCode.ok,
  alerted: ExitCode.alerted,
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
  const base = join(logDir, `dhash_${environment}_${fileStamp(startedAt)}`);
  return { log: `${base}.log`, evidence: `${base}.evidence.json`, report: `${base}.report.html` };
}

/**
 * `monitor`: watch a fresh deployment for the configured window, judge the quality gates, alert
 * on breaches and roll back on a failing auto_rollback gate. Dry-run prints the plan (and with
 * `probe` one real measurement) and never notifies or rolls back.
 */
export async function runMonitor(options: MonitorOptions, deps: MonitorDeps): Promise<MonitorResult> {
  const { config } = options;
  const { clock } = deps;
  if (options.windowMinutes !== undefined && !(options.windowMinutes > 0)) {
    throw new UsageError(`--window-minutes: expected a number greater than 0, got ${options.windowMinutes}`);
  }
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
  const source = deps.source ?? createMetricSource(config.env, rules, clock, deps.get);
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

  if (options.dryRun) {
    let backup: { backup: string | null; detail: string } = {
      backup: null,
      detail: `unknown: ${ports.rollback.unavailable ?? 'no rollback runner'}`,
    };
    if (ports.rollback.port) {
      try {
        backup = await ports.rollback.port.plan(config.envName);
      } catch (error) {
        backup = { backup: null, detail: `could not be determined: ${messageOf(error)}` };
      }
    }
    const notifier = ports.notifier.port
      ? { available: true, detail: 'dry-run: messages are rendered into the log, not sent' }
      : { available: false, detail: `not available: ${ports.notifier.unavailable}` };
    const plan = buildPlan(config, rules, source, poll, backup, notifier);
    logger.debug('Dry run: monitoring plan', { plan });
    let probe: GateEvaluation[] | undefined;
    if (options.probe) probe = await probeOnce(rules, source, clock, startedAt, deps.signal);
    for (const e of probe ?? [])
      logger.info(`Quality gate ${e.gate}: ${e.verdict}`, {
        probe: true,
        value: e.value,
        threshold: e.threshold,
        reason: e.reason,
        source: e.source,
      });
    return {
      ...base,
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
    };
  }

  const pollTimes = pollOffsets(poll).map((o) => startedAt + o);
  logger.info(
    `Monitoring ${config.envName} for ${poll.windowMs / 60_000} min (${pollTimes.length} polls, source ${source.kind})`,
    {
      gates: rules.map((r) => ({
        gate: r.gate,
        threshold: r.threshold,
        unit: r.unit,
        actions: r.actions,
        source: source.describe(r),
      })),
      auto_rollback: config.env.auto_rollback,
    },
  );
  for (const [name, slot] of Object.entries(ports)) {
    if (!slot.port) logger.warn(`${name} not available: ${slot.unavailable}`);
  }

  const evidence = new EvidenceLog();
  const outcome = await watch({
    env: config.env,
    rules,
    source,
    clock,
    logger,
    evidence,
    ports,
    messages,
    pollTimes,
    startedAt,
    onProgress: deps.onProgress,
    signal: deps.signal,
  });

  let result: MonitorOutcome;
  if (outcome.rollback) result = outcome.rollback.ok ? 'rolled_back' : 'rollback_failed';
  else if (outcome.breached.size > 0 || outcome.confirmationSent) result = 'alerted';
  else result = 'passed';
  const failedGates = outcome.rollback ? outcome.rollbackGates : [...outcome.breached];
  const endedAt = clock.now();

  const evidenceDoc: MonitorEvidence = buildEvidence({
    config,
    deploymentId,
    version: options.version,
    sourceKind: source.kind,
    rules: rules.map((r) => ({ ...r, source: source.describe(r) })),
    startedAt,
    endedAt,
    plannedPolls: pollTimes,
    result,
    failedGates,
    evidence,
    files,
  });
  const redacted = config.redactor.value(evidenceDoc) as MonitorEvidence;
  writeFileAtomic(files.evidence, Buffer.from(`${JSON.stringify(redacted, null, 2)}\n`));
  writeFileAtomic(files.report, Buffer.from(renderHtmlReport(redacted)));
  logger.log(
    result === 'passed'
      ? 'INFO'
      : result === 'alerted'
        ? 'WARN'
        : result === 'rolled_back'
          ? 'WARN'
          : 'CRITICAL',
    `Monitoring finished: ${result}`,
    {
      result,
      failed_gates: failedGates,
      evidence: files.evidence,
      report: files.report,
    },
  );

  return {
    ...base,
    result,
    exitCode: EXIT_CODES[result],
    failedGates,
    evidencePath: files.evidence,
    reportPath: files.report,
    endedAt: new Date(endedAt).toISOString(),
    polls: outcome.polls,
    gates: [...outcome.latest.values()],
    decisions: evidence.decisions,
    rollback: outcome.rollback,
    rollbackCommand: evidence.rollbackCommand,
  };
}

/** One real measurement of every gate, for `--dry-run --probe`. Nothing is stored or sent. */
async function probeOnce(
  rules: ReturnType<typeof gateRules>,
  source: ReturnType<typeof createMetricSource>,
  clock: MonitorDeps['clock'],
  startedAt: number,
  signal?: AbortSignal,
): Promise<GateEvaluation[]> {
  const out: GateEvaluation[] = [];
  const healthRule = rules.find((r) => r.gate === 'health');
  if (healthRule)
    out.push(
      new HealthTracker(healthRule).record(await source.checkHealth(signal), `GET ${source.healthUrl}`),
    );
  const metricRules = rules.filter((r) => r.gate !== 'health');
  const measurements = await source.measure(metricRules, { now: clock.now(), startedAt, signal });
  for (const m of measurements)
    out.push(
      evaluateMeasurement(
        metricRules.find((r) => r.gate === m.gate)!,
        m,
      ),
    );
  return out;
}
