import type { GateName } from '../../config/schema.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import { MonitorDecider, type Step } from '../../domain/gates/decider.js';
import {
  isHealthGate,
  type GateEvaluation,
  type GateRule,
  type Measurement,
} from '../../domain/gates/types.js';
import { isGateDue } from '../../domain/schedule/poll-schedule.js';
import type { Clock } from '../../runtime/clock.js';
import { interruptionOf } from '../../runtime/interrupt.js';
import type { Logger, LogLevel } from '../../runtime/logger.js';
import type { Announcer } from './announcer.js';
import type { EvaluationRecord, EvidenceLog } from './evidence.js';
import {
  alertMessage,
  confirmationMessage,
  metricsOutageMessage,
  rollbackCommand,
  type MessageContext,
} from './messages.js';
import { runAutomaticRollback } from './rollback.js';
import type { MonitorSettings } from './settings.js';
import type { MonitorPorts, ProgressSnapshot, RollbackRecord, RollbackTarget } from './types.js';

export interface WatchContext {
  rules: GateRule[];
  settings: MonitorSettings;
  escalation: {
    enabled: boolean;
    levels: Array<{ after_minutes: number; channels?: string[]; mention?: string }>;
  };
  progressEveryMs: number;
  source: MetricSource;
  clock: Clock;
  logger: Logger;
  evidence: EvidenceLog;
  ports: MonitorPorts;
  announcer: Announcer;
  messages: MessageContext;
  /** Absolute poll times. */
  pollTimes: number[];
  startedAt: number;
  rollbackTarget: RollbackTarget;
  watchedRelease: string | null;
  onProgress?: (p: ProgressSnapshot) => void;
  /** A manual rollback's request to stop, if one was made (checked every few seconds). */
  preemption?: () => { reason: string; at: string; pid: number; host: string } | null;
  /** SIGINT/SIGTERM: stops the watch; no rollback starts after it. */
  signal?: AbortSignal;
}

export interface WatchOutcome {
  decider: MonitorDecider;
  rollback?: RollbackRecord;
  rollbackGates: GateName[];
  confirmationSent: boolean;
  interrupted: boolean;
  preempted: boolean;
  polls: number;
}

/** How often a running monitor looks for a manual rollback's request to stop. */
export const PREEMPTION_CHECK_MS = 5_000;

/** Passes go to the file only (DEBUG); anything else is worth a line on the console too. */
function levelFor(e: GateEvaluation): LogLevel {
  if (e.verdict === 'fail') return 'ERROR';
  if (e.verdict === 'warn') return 'WARN';
  if (e.verdict === 'inconclusive') return isHealthGate(e.gate) || e.confirming ? 'WARN' : 'INFO';
  return 'DEBUG';
}

/** Sleeps until `at` on the clock; false when the signal stopped the wait. */
async function sleepUntil(clock: Clock, at: number, signal: AbortSignal): Promise<boolean> {
  const wait = at - clock.now();
  if (signal.aborted) return false;
  if (wait <= 0) return true;
  try {
    await clock.sleep(wait, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * The monitoring loops. Health runs on its own timer (every check interval, and every confirm
 * interval while a failure is being confirmed), never behind a metric request. Metric gates are
 * measured at the poll times, all requests of a poll at once with a deadline below the poll
 * interval, so polls keep their schedule; a first breached reading is re-checked after the
 * re-check delay instead of waiting for the next poll. Every reading goes through one
 * MonitorDecider, whose steps are the evidence. Notifications go out in the background.
 */
// eslint-disable-next-line max-lines-per-function -- not split yet: the poll, health and re-check loops share the watch's state
export async function watch(ctx: WatchContext): Promise<WatchOutcome> {
  const { clock, logger, evidence, rules, source, settings } = ctx;
  const metricRules = rules.filter((r) => !isHealthGate(r.gate));
  const decider = new MonitorDecider({
    rules: rules.map((r) => ({ ...r, ...settings.limits[r.gate] })),
    autoRollback: settings.autoRollback,
    escalation: ctx.escalation,
  });
  const stop = new AbortController();
  const signals = [stop.signal, ...(ctx.signal ? [ctx.signal] : [])];
  const loopSignal = AbortSignal.any(signals);
  const endAt = ctx.pollTimes[ctx.pollTimes.length - 1] ?? ctx.startedAt;
  const decided: { failing: GateEvaluation[] | null } = { failing: null };
  // A call, so a check after an await reads the current value (the compiler would keep the
  // narrowing of the loop condition across it).
  const rollbackDecided = (): boolean => decided.failing !== null;
  let confirmationSent = false;
  let lastProgressLog = ctx.startedAt;
  let outageStreak = 0;
  let outageAlerted = false;

  const record = (
    step: Step,
    kind: EvaluationRecord['kind'],
    scheduledAt: number,
    measuredAt: number,
    extra: Partial<EvaluationRecord>,
  ): void => {
    const e = step.evaluation;
    evidence.evaluations.push({ ...e, kind, scheduledAt, measuredAt, ...extra });
    logger.log(levelFor(e), `Quality gate ${e.gate}: ${e.verdict}`, {
      gate: e.gate,
      verdict: e.verdict,
      value: e.value,
      threshold: e.threshold,
      unit: e.unit,
      samples: e.samples,
      reason: e.reason,
      source: e.source,
      ...(e.confirming ? { confirming: e.confirming } : {}),
      ...(extra.warnings ? { warnings: extra.warnings } : {}),
    });
    evidence.decisions.push(...step.decisions);
    for (const event of step.events) ctx.announcer.announce(alertMessage(event, ctx.messages));
    const failing = step.act?.failing ?? [];
    if (step.act?.kind === 'confirm') {
      confirmationSent = true;
      const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
      evidence.rollbackCommand = command;
      logger.critical(`Rollback needed, confirmation required. Run: ${command}`, {
        gates: failing.map((f) => f.gate),
        command,
      });
      ctx.announcer.announce(confirmationMessage(failing, command, ctx.messages));
    }
    if (step.act?.kind === 'rollback') {
      decided.failing = failing;
      stop.abort(new Error('rollback decided'));
    }
    if (step.decisions.some((d) => d.kind === 'rollback_disabled'))
      logger.warn(
        `Gate ${failing.map((f) => f.gate).join(', ') || e.gate} failed; auto_rollback is disabled for ${ctx.messages.environment}, so this is an alert only`,
      );
    progress();
  };

  const progress = (): void => {
    const now = clock.now();
    const snapshot: ProgressSnapshot = {
      elapsedMs: now - ctx.startedAt,
      remainingMs: Math.max(0, endAt - now),
      polls: evidence.polls.length,
      gates: rules.map((r) => {
        const e = decider.latest.get(r.gate);
        return { gate: r.gate, verdict: e?.verdict ?? 'pending', value: e?.value ?? null, unit: r.unit };
      }),
    };
    ctx.onProgress?.(snapshot);
    if (now - lastProgressLog >= ctx.progressEveryMs) {
      lastProgressLog = now;
      logger.info(
        `Progress: ${Math.ceil(snapshot.remainingMs / 60_000)} min left; ${snapshot.gates.map((g) => `${g.gate} ${g.verdict}`).join(', ')}`,
        { progress: snapshot },
      );
    }
  };

  const judgeMeasurements = (
    measurements: Measurement[],
    kind: 'poll' | 'recheck',
    scheduledAt: number,
    measuredAt: number,
  ): GateName[] => {
    const at = clock.now();
    const recheck: GateName[] = [];
    for (const m of measurements) {
      if (decided.failing) break;
      const step = decider.metric(m, at);
      record(step, kind, scheduledAt, measuredAt, {
        inputs: m.inputs,
        error: m.error,
        detail: m.detail,
        warnings: m.warnings,
      });
      if (m.warnings) for (const w of m.warnings) logger.warn(`Metrics of ${m.gate}: ${w}`);
      if (step.evaluation.confirming) recheck.push(m.gate);
    }
    return recheck;
  };

  /** A metric endpoint failing while health passes is announced after two polls in a row. */
  const watchOutage = (measurements: Measurement[], at: number): void => {
    const errors = [
      ...new Set(measurements.flatMap((m) => (m.error !== undefined && m.value === null ? [m.error] : []))),
    ];
    if (errors.length > 0) {
      outageStreak++;
      if (outageStreak >= 2 && !outageAlerted) {
        outageAlerted = true;
        const gates = measurements.filter((m) => m.error).map((m) => m.gate);
        const detail = `${outageStreak} polls in a row without metrics: ${errors.join('; ')}`;
        evidence.decisions.push({ at, kind: 'metrics_unavailable', gates, detail });
        logger.error(`Metrics unavailable: ${detail}`, { gates });
        ctx.announcer.announce(metricsOutageMessage(true, gates, detail, ctx.messages));
      }
    } else {
      if (outageAlerted) {
        const detail = `metrics are answering again after ${outageStreak} polls without`;
        evidence.decisions.push({ at, kind: 'metrics_restored', gates: [], detail });
        logger.info(`Metrics restored: ${detail}`);
        ctx.announcer.announce(metricsOutageMessage(false, [], detail, ctx.messages));
      }
      outageStreak = 0;
      outageAlerted = false;
    }
  };

  const healthLoop = async (): Promise<void> => {
    const health = settings.health;
    if (!health) return;
    let next = ctx.startedAt;
    while (next <= endAt && !loopSignal.aborted && !decided.failing) {
      if (!(await sleepUntil(clock, next, loopSignal))) return;
      const started = clock.now();
      let check;
      try {
        check = await source.checkHealth(loopSignal);
      } catch {
        return; // stopped
      }
      if (rollbackDecided() || ctx.signal?.aborted) return;
      const step = decider.health(check, `GET ${source.healthUrl}`, clock.now());
      record(step, 'health', next, started, {
        health: { ok: check.ok, detail: check.detail, attempts: check.attempts },
      });
      // Keep the cadence from the start of the check, not its end; re-check fast while failing.
      next = started + (check.ok ? health.intervalMs : health.confirmIntervalMs);
      if (next < clock.now()) next = clock.now();
    }
  };

  const measure = async (
    gates: readonly GateRule[],
    scheduledAt: number,
    kind: 'poll' | 'recheck',
  ): Promise<Measurement[] | null> => {
    const measuredAt = clock.now();
    let measurements: Measurement[];
    try {
      measurements = await source.measure(gates, {
        now: measuredAt,
        startedAt: ctx.startedAt,
        signal: loopSignal,
        timeoutMs: settings.metricTimeoutMs,
      });
    } catch {
      return null; // stopped
    }
    if (ctx.signal?.aborted) return null;
    const recheck = judgeMeasurements(measurements, kind, scheduledAt, measuredAt);
    pendingRechecks = recheck;
    return measurements;
  };
  let pendingRechecks: GateName[] = [];

  const pollLoop = async (): Promise<void> => {
    const lastMeasured = new Map<GateName, number>();
    for (let i = 0; i < ctx.pollTimes.length; i++) {
      const scheduled = ctx.pollTimes[i] ?? endAt;
      if (!(await sleepUntil(clock, scheduled, loopSignal))) return;
      const started = clock.now();
      evidence.polls.push({ scheduledAt: scheduled, startedAt: started });
      const due = metricRules.filter((r) => isGateDue(r.checkIntervalMs, lastMeasured.get(r.gate), started));
      if (due.length === 0) continue;
      for (const r of due) lastMeasured.set(r.gate, started);
      const measurements = await measure(due, scheduled, 'poll');
      if (!measurements) return;
      watchOutage(measurements, clock.now());
      // Confirmation re-checks of first breached readings, while there is time before the next poll.
      const nextPoll = ctx.pollTimes[i + 1] ?? endAt;
      while (pendingRechecks.length > 0 && !decided.failing) {
        const at = clock.now() + settings.recheckMs;
        if (at + settings.metricTimeoutMs > nextPoll) break;
        const gates = metricRules.filter((r) => pendingRechecks.includes(r.gate));
        if (!(await sleepUntil(clock, at, loopSignal))) return;
        if (!(await measure(gates, at, 'recheck'))) return;
      }
      pendingRechecks = [];
    }
  };

  const preemptLoop = async (): Promise<void> => {
    if (!ctx.preemption) return;
    while (await sleepUntil(clock, clock.now() + PREEMPTION_CHECK_MS, loopSignal)) {
      const request = ctx.preemption();
      if (!request) continue;
      evidence.preempted = {
        reason: request.reason,
        by: `pid ${request.pid} on ${request.host}`,
        requestedAt: request.at,
        at: clock.now(),
      };
      evidence.decisions.push({
        at: clock.now(),
        kind: 'preempted',
        gates: [],
        detail: `a manual rollback took over (${request.reason}); monitoring stopped, nothing rolled back by the monitor`,
      });
      logger.warn(`Monitoring preempted by a manual rollback (${request.reason}): stopping the watch`, {
        preempted: evidence.preempted,
      });
      stop.abort(new Error('preempted'));
      return;
    }
  };
  await Promise.all([
    Promise.all([healthLoop(), pollLoop()]).finally(() => {
      stop.abort(new Error('window over'));
    }),
    preemptLoop(),
  ]);
  const interruption = interruptionOf(ctx.signal);
  const interrupted = !!ctx.signal?.aborted;
  if (interrupted) {
    const name = interruption?.signalName ?? 'abort';
    evidence.interrupted = { signal: name, at: clock.now() };
    logger.warn(`Monitoring interrupted by ${name}: writing the evidence and the report`, { signal: name });
  }
  const outcome: WatchOutcome = {
    decider,
    rollbackGates: [],
    confirmationSent,
    interrupted,
    preempted: !!evidence.preempted,
    polls: evidence.polls.length,
  };
  const failing = decided.failing;
  if (!failing) return outcome;
  // A rollback decided in the same instant as a preemption: the operator's rollback wins.
  if (evidence.preempted) return outcome;
  outcome.rollbackGates = failing.map((f) => f.gate);
  if (interrupted) {
    // The signal came first: no rollback starts after it. Say what an operator should run.
    const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
    evidence.rollbackCommand = command;
    evidence.decisions.push({
      at: clock.now(),
      kind: 'rollback_not_started',
      gates: outcome.rollbackGates,
      detail: `interrupted before the rollback started; to roll back run: ${command}`,
    });
    logger.critical(`Rollback was decided but not started (interrupted). Run: ${command}`);
    return outcome;
  }
  outcome.rollback = await runAutomaticRollback(failing, {
    clock,
    logger,
    ports: ctx.ports,
    announcer: ctx.announcer,
    messages: ctx.messages,
    timeoutMinutes: settings.autoRollback.timeoutMinutes,
    target: ctx.rollbackTarget,
    watchedRelease: ctx.watchedRelease,
    openBreaches: decider.openBreaches(),
  });
  evidence.rollback = outcome.rollback;
  return outcome;
}
