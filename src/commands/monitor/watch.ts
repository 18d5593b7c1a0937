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
export async function watch(ctx: WatchContext): Promise<WatchOutcome> {
  const run = new WatchRun(ctx);
  await run.runLoops();
  return run.finish();
}

/** One watch's shared state: the decider, the stop signal, and what the loops have seen so far. */
class WatchRun {
  private readonly metricRules: GateRule[];
  private readonly decider: MonitorDecider;
  private readonly stop = new AbortController();
  private readonly loopSignal: AbortSignal;
  private readonly endAt: number;
  private readonly decided: { failing: GateEvaluation[] | null } = { failing: null };
  private confirmationSent = false;
  private lastProgressLog: number;
  private outageStreak = 0;
  private outageAlerted = false;
  private pendingRechecks: GateName[] = [];

  constructor(private readonly ctx: WatchContext) {
    const { rules, settings } = ctx;
    this.metricRules = rules.filter((r) => !isHealthGate(r.gate));
    this.decider = new MonitorDecider({
      rules: rules.map((r) => ({ ...r, ...settings.limits[r.gate] })),
      autoRollback: settings.autoRollback,
      escalation: ctx.escalation,
    });
    const signals = [this.stop.signal, ...(ctx.signal ? [ctx.signal] : [])];
    this.loopSignal = AbortSignal.any(signals);
    this.endAt = ctx.pollTimes[ctx.pollTimes.length - 1] ?? ctx.startedAt;
    this.lastProgressLog = ctx.startedAt;
  }

  // A call, so a check after an await reads the current value (the compiler would keep the
  // narrowing of the loop condition across it).
  private rollbackDecided(): boolean {
    return this.decided.failing !== null;
  }

  /** Health and polls until the window is over (or a rollback, a signal or a preemption stops them). */
  async runLoops(): Promise<void> {
    await Promise.all([
      Promise.all([this.healthLoop(), this.pollLoop()]).finally(() => {
        this.stop.abort(new Error('window over'));
      }),
      this.preemptLoop(),
    ]);
  }

  /** Records one step of the decider: evidence, log line, alerts, and what it asks to be done. */
  private record(
    step: Step,
    kind: EvaluationRecord['kind'],
    scheduledAt: number,
    measuredAt: number,
    extra: Partial<EvaluationRecord>,
  ): void {
    const { ctx } = this;
    const { evidence, logger } = ctx;
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
    if (step.act?.kind === 'confirm') this.askForConfirmation(failing);
    if (step.act?.kind === 'rollback') {
      this.decided.failing = failing;
      this.stop.abort(new Error('rollback decided'));
    }
    if (step.decisions.some((d) => d.kind === 'rollback_disabled'))
      logger.warn(
        `Gate ${failing.map((f) => f.gate).join(', ') || e.gate} failed; auto_rollback is disabled for ${ctx.messages.environment}, so this is an alert only`,
      );
    this.progress();
  }

  /** A rollback that needs confirmation: log and announce the command an operator should run. */
  private askForConfirmation(failing: GateEvaluation[]): void {
    const { ctx } = this;
    this.confirmationSent = true;
    const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
    ctx.evidence.rollbackCommand = command;
    ctx.logger.critical(`Rollback needed, confirmation required. Run: ${command}`, {
      gates: failing.map((f) => f.gate),
      command,
    });
    ctx.announcer.announce(confirmationMessage(failing, command, ctx.messages));
  }

  private progress(): void {
    const { ctx } = this;
    const now = ctx.clock.now();
    const snapshot: ProgressSnapshot = {
      elapsedMs: now - ctx.startedAt,
      remainingMs: Math.max(0, this.endAt - now),
      polls: ctx.evidence.polls.length,
      gates: ctx.rules.map((r) => {
        const e = this.decider.latest.get(r.gate);
        return { gate: r.gate, verdict: e?.verdict ?? 'pending', value: e?.value ?? null, unit: r.unit };
      }),
    };
    ctx.onProgress?.(snapshot);
    if (now - this.lastProgressLog >= ctx.progressEveryMs) {
      this.lastProgressLog = now;
      ctx.logger.info(
        `Progress: ${Math.ceil(snapshot.remainingMs / 60_000)} min left; ${snapshot.gates.map((g) => `${g.gate} ${g.verdict}`).join(', ')}`,
        { progress: snapshot },
      );
    }
  }

  private judgeMeasurements(
    measurements: Measurement[],
    kind: 'poll' | 'recheck',
    scheduledAt: number,
    measuredAt: number,
  ): GateName[] {
    const at = this.ctx.clock.now();
    const recheck: GateName[] = [];
    for (const m of measurements) {
      if (this.decided.failing) break;
      const step = this.decider.metric(m, at);
      this.record(step, kind, scheduledAt, measuredAt, {
        inputs: m.inputs,
        error: m.error,
        detail: m.detail,
        warnings: m.warnings,
      });
      if (m.warnings) for (const w of m.warnings) this.ctx.logger.warn(`Metrics of ${m.gate}: ${w}`);
      if (step.evaluation.confirming) recheck.push(m.gate);
    }
    return recheck;
  }

  /** A metric endpoint failing while health passes is announced after two polls in a row. */
  private watchOutage(measurements: Measurement[], at: number): void {
    const { evidence, logger, announcer, messages } = this.ctx;
    const errors = [
      ...new Set(measurements.flatMap((m) => (m.error !== undefined && m.value === null ? [m.error] : []))),
    ];
    if (errors.length > 0) {
      this.outageStreak++;
      if (this.outageStreak >= 2 && !this.outageAlerted) {
        this.outageAlerted = true;
        const gates = measurements.filter((m) => m.error).map((m) => m.gate);
        const detail = `${this.outageStreak} polls in a row without metrics: ${errors.join('; ')}`;
        evidence.decisions.push({ at, kind: 'metrics_unavailable', gates, detail });
        logger.error(`Metrics unavailable: ${detail}`, { gates });
        announcer.announce(metricsOutageMessage(true, gates, detail, messages));
      }
    } else {
      if (this.outageAlerted) {
        const detail = `metrics are answering again after ${this.outageStreak} polls without`;
        evidence.decisions.push({ at, kind: 'metrics_restored', gates: [], detail });
        logger.info(`Metrics restored: ${detail}`);
        announcer.announce(metricsOutageMessage(false, [], detail, messages));
      }
      this.outageStreak = 0;
      this.outageAlerted = false;
    }
  }

  private async healthLoop(): Promise<void> {
    const { ctx, loopSignal } = this;
    const { clock, source } = ctx;
    const health = ctx.settings.health;
    if (!health) return;
    let next = ctx.startedAt;
    while (next <= this.endAt && !loopSignal.aborted && !this.decided.failing) {
      if (!(await sleepUntil(clock, next, loopSignal))) return;
      const started = clock.now();
      let check;
      try {
        check = await source.checkHealth(loopSignal);
      } catch {
        return; // stopped
      }
      if (this.rollbackDecided() || ctx.signal?.aborted) return;
      const step = this.decider.health(check, `GET ${source.healthUrl}`, clock.now());
      this.record(step, 'health', next, started, {
        health: { ok: check.ok, detail: check.detail, attempts: check.attempts },
      });
      // Keep the cadence from the start of the check, not its end; re-check fast while failing.
      next = started + (check.ok ? health.intervalMs : health.confirmIntervalMs);
      if (next < clock.now()) next = clock.now();
    }
  }

  private async measure(
    gates: readonly GateRule[],
    scheduledAt: number,
    kind: 'poll' | 'recheck',
  ): Promise<Measurement[] | null> {
    const { ctx } = this;
    const measuredAt = ctx.clock.now();
    let measurements: Measurement[];
    try {
      measurements = await ctx.source.measure(gates, {
        now: measuredAt,
        startedAt: ctx.startedAt,
        signal: this.loopSignal,
        timeoutMs: ctx.settings.metricTimeoutMs,
      });
    } catch {
      return null; // stopped
    }
    if (ctx.signal?.aborted) return null;
    const recheck = this.judgeMeasurements(measurements, kind, scheduledAt, measuredAt);
    this.pendingRechecks = recheck;
    return measurements;
  }

  private async pollLoop(): Promise<void> {
    const { ctx, loopSignal, metricRules } = this;
    const { clock, evidence } = ctx;
    const lastMeasured = new Map<GateName, number>();
    for (let i = 0; i < ctx.pollTimes.length; i++) {
      const scheduled = ctx.pollTimes[i] ?? this.endAt;
      if (!(await sleepUntil(clock, scheduled, loopSignal))) return;
      const started = clock.now();
      evidence.polls.push({ scheduledAt: scheduled, startedAt: started });
      const due = metricRules.filter((r) => isGateDue(r.checkIntervalMs, lastMeasured.get(r.gate), started));
      if (due.length === 0) continue;
      for (const r of due) lastMeasured.set(r.gate, started);
      const measurements = await this.measure(due, scheduled, 'poll');
      if (!measurements) return;
      this.watchOutage(measurements, clock.now());
      if (!(await this.recheckBefore(ctx.pollTimes[i + 1] ?? this.endAt))) return;
      this.pendingRechecks = [];
    }
  }

  /** Confirmation re-checks of first breached readings, while there is time before the next poll;
   * false when the watch was stopped. */
  private async recheckBefore(nextPoll: number): Promise<boolean> {
    const { ctx, loopSignal, metricRules } = this;
    const { clock, settings } = ctx;
    while (this.pendingRechecks.length > 0 && !this.decided.failing) {
      const at = clock.now() + settings.recheckMs;
      if (at + settings.metricTimeoutMs > nextPoll) break;
      const gates = metricRules.filter((r) => this.pendingRechecks.includes(r.gate));
      if (!(await sleepUntil(clock, at, loopSignal))) return false;
      if (!(await this.measure(gates, at, 'recheck'))) return false;
    }
    return true;
  }

  private async preemptLoop(): Promise<void> {
    const { ctx, loopSignal } = this;
    const { clock, evidence, logger } = ctx;
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
      this.stop.abort(new Error('preempted'));
      return;
    }
  }

  /** After the loops: notes an interruption, and runs (or, when interrupted, only names) a decided rollback. */
  async finish(): Promise<WatchOutcome> {
    const { ctx } = this;
    const { clock, logger, evidence } = ctx;
    const interruption = interruptionOf(ctx.signal);
    const interrupted = !!ctx.signal?.aborted;
    if (interrupted) {
      const name = interruption?.signalName ?? 'abort';
      evidence.interrupted = { signal: name, at: clock.now() };
      logger.warn(`Monitoring interrupted by ${name}: writing the evidence and the report`, { signal: name });
    }
    const outcome: WatchOutcome = {
      decider: this.decider,
      rollbackGates: [],
      confirmationSent: this.confirmationSent,
      interrupted,
      preempted: !!evidence.preempted,
      polls: evidence.polls.length,
    };
    const failing = this.decided.failing;
    if (!failing) return outcome;
    // A rollback decided in the same instant as a preemption: the operator's rollback wins.
    if (evidence.preempted) return outcome;
    outcome.rollbackGates = failing.map((f) => f.gate);
    if (interrupted) {
      this.noteRollbackNotStarted(outcome.rollbackGates);
      return outcome;
    }
    outcome.rollback = await runAutomaticRollback(failing, {
      clock,
      logger,
      ports: ctx.ports,
      announcer: ctx.announcer,
      messages: ctx.messages,
      timeoutMinutes: ctx.settings.autoRollback.timeoutMinutes,
      target: ctx.rollbackTarget,
      watchedRelease: ctx.watchedRelease,
      openBreaches: this.decider.openBreaches(),
    });
    evidence.rollback = outcome.rollback;
    return outcome;
  }

  /** The signal came first: no rollback starts after it. Say what an operator should run. */
  private noteRollbackNotStarted(gates: GateName[]): void {
    const { ctx } = this;
    const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
    ctx.evidence.rollbackCommand = command;
    ctx.evidence.decisions.push({
      at: ctx.clock.now(),
      kind: 'rollback_not_started',
      gates,
      detail: `interrupted before the rollback started; to roll back run: ${command}`,
    });
    ctx.logger.critical(`Rollback was decided but not started (interrupted). Run: ${command}`);
  }
}
