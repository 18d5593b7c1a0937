import type { GateName, EnvironmentConfig } from '../../config/schema.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import { AlertTracker, type AlertEvent } from '../../domain/alerts/alert-tracker.js';
import { evaluateMeasurement } from '../../domain/gates/evaluate.js';
import { HealthTracker } from '../../domain/gates/health.js';
import type { GateEvaluation, GateRule } from '../../domain/gates/types.js';
import { isBreach } from '../../domain/gates/types.js';
import { isGateDue, nextHealthCheckAt } from '../../domain/schedule/poll-schedule.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger, LogLevel } from '../../runtime/logger.js';
import type { EvidenceLog } from './evidence.js';
import { alertMessage, confirmationMessage, rollbackCommand, type MessageContext } from './messages.js';
import { sendNotification } from './notify.js';
import { runAutomaticRollback } from './rollback.js';
import type { MonitorPorts, ProgressSnapshot, RollbackRecord } from './types.js';

export interface WatchContext {
  env: EnvironmentConfig;
  rules: GateRule[];
  source: MetricSource;
  clock: Clock;
  logger: Logger;
  evidence: EvidenceLog;
  ports: MonitorPorts;
  messages: MessageContext;
  /** Absolute poll times. */
  pollTimes: number[];
  startedAt: number;
  onProgress?: (p: ProgressSnapshot) => void;
  signal?: AbortSignal;
}

export interface WatchOutcome {
  latest: Map<GateName, GateEvaluation>;
  /** Every gate that was in breach at some point. */
  breached: Set<GateName>;
  rollback?: RollbackRecord;
  rollbackGates: GateName[];
  confirmationSent: boolean;
  polls: number;
}

/** Passes go to the file only (DEBUG); anything else is worth a line on the console too. */
function levelFor(e: GateEvaluation): LogLevel {
  if (e.verdict === 'fail') return 'ERROR';
  if (e.verdict === 'warn') return 'WARN';
  if (e.verdict === 'inconclusive') return e.gate === 'health' ? 'WARN' : 'INFO';
  return 'DEBUG';
}

/**
 * The monitoring loop: health every confirm interval, every gate at its poll times (or its own
 * check interval), alerts on state changes, and the rollback decision. Returns when the window
 * is over or a rollback has run.
 */
export async function watch(ctx: WatchContext): Promise<WatchOutcome> {
  const { clock, logger, evidence, rules, source, env } = ctx;
  const healthRule = rules.find((r) => r.gate === 'health');
  const metricRules = rules.filter((r) => r.gate !== 'health');
  const health = healthRule ? new HealthTracker(healthRule) : null;
  const confirmMs = (env.quality_gates.health?.confirm_interval_seconds ?? 10) * 1000;
  const alerts = new AlertTracker(env.notifications.escalation);
  const latest = new Map<GateName, GateEvaluation>();
  const lastMeasured = new Map<GateName, number>();
  const breached = new Set<GateName>();
  const notifyDeps = { clock, logger, evidence, signal: ctx.signal };
  const progressEveryMs = env.monitoring.progress_log_seconds * 1000;
  const endAt = ctx.pollTimes[ctx.pollTimes.length - 1]!;
  let lastProgressLog = ctx.startedAt;
  let pollIndex = 0;
  let nextHealthAt: number | undefined = health ? ctx.startedAt : undefined;
  let confirmationSent = false;
  let rollbackDisabledLogged = false;

  while (pollIndex < ctx.pollTimes.length) {
    const nextPoll = ctx.pollTimes[pollIndex]!;
    const target = nextHealthAt === undefined ? nextPoll : Math.min(nextHealthAt, nextPoll);
    const wait = target - clock.now();
    if (wait > 0) await clock.sleep(wait, ctx.signal);
    const now = clock.now();
    const atPoll = now >= nextPoll;
    const round: GateEvaluation[] = [];

    if (health && nextHealthAt !== undefined) {
      const check = await source.checkHealth(ctx.signal);
      const e = health.record(check, `GET ${source.healthUrl}`);
      round.push(e);
      evidence.evaluations.push({ ...e, kind: atPoll ? 'poll' : 'health' });
      // Keep a steady cadence from the scheduled time rather than drifting by request time.
      nextHealthAt = nextHealthCheckAt(target, confirmMs, undefined);
    }
    if (atPoll) {
      evidence.polls.push(now);
      while (pollIndex < ctx.pollTimes.length && ctx.pollTimes[pollIndex]! <= now) pollIndex++;
      const due = metricRules.filter((r) => isGateDue(r.checkIntervalMs, lastMeasured.get(r.gate), now));
      if (due.length > 0) {
        const measurements = await source.measure(due, {
          now: clock.now(),
          startedAt: ctx.startedAt,
          signal: ctx.signal,
        });
        for (const m of measurements) {
          const rule = due.find((r) => r.gate === m.gate)!;
          const e = evaluateMeasurement(rule, m);
          lastMeasured.set(m.gate, now);
          round.push(e);
          evidence.evaluations.push({ ...e, kind: 'poll' });
        }
      }
    }

    const events: AlertEvent[] = [];
    for (const e of round) {
      latest.set(e.gate, e);
      if (isBreach(e.verdict)) breached.add(e.gate);
      logger.log(levelFor(e), `Quality gate ${e.gate}: ${e.verdict}`, {
        gate: e.gate,
        verdict: e.verdict,
        value: e.value,
        threshold: e.threshold,
        unit: e.unit,
        samples: e.samples,
        reason: e.reason,
        source: e.source,
      });
      events.push(...alerts.observe(e));
    }
    events.push(...alerts.escalations(now));

    // The rollback decision: any gate currently failing whose actions include auto_rollback.
    const failing = [...latest.values()].filter((e) => e.verdict === 'fail');
    const willRollBack =
      failing.length > 0 && env.auto_rollback.enabled && !env.auto_rollback.confirmation_required;
    for (const event of events) {
      // A failing gate's alert is the rollback's own critical message; do not send it twice.
      if (willRollBack && event.kind === 'alert' && event.evaluation.verdict === 'fail') continue;
      evidence.decisions.push({
        at: now,
        kind: event.kind,
        gates: [event.gate],
        detail: event.evaluation.reason,
      });
      await sendNotification(
        ctx.ports.notifier.port,
        ctx.ports.notifier.unavailable,
        alertMessage(event, ctx.messages),
        notifyDeps,
      );
    }

    if (failing.length > 0 && !env.auto_rollback.enabled && !rollbackDisabledLogged) {
      rollbackDisabledLogged = true;
      evidence.decisions.push({
        at: now,
        kind: 'rollback_disabled',
        gates: failing.map((f) => f.gate),
        detail: 'auto_rollback.enabled is false: alert only',
      });
      logger.warn(
        `Gate ${failing.map((f) => f.gate).join(', ')} failed; auto_rollback is disabled for ${ctx.messages.environment}, so this is an alert only`,
      );
    }
    if (
      failing.length > 0 &&
      env.auto_rollback.enabled &&
      env.auto_rollback.confirmation_required &&
      !confirmationSent
    ) {
      confirmationSent = true;
      let backup: string | null = null;
      try {
        backup = (await ctx.ports.rollback.port?.plan(ctx.messages.environment))?.backup ?? null;
      } catch {
        /* the command then names "latest" */
      }
      const command = rollbackCommand(ctx.messages.environment, backup);
      evidence.rollbackCommand = command;
      evidence.decisions.push({
        at: now,
        kind: 'rollback_needs_confirmation',
        gates: failing.map((f) => f.gate),
        detail: command,
      });
      logger.critical(`Rollback needed, confirmation required. Run: ${command}`, {
        gates: failing.map((f) => f.gate),
        command,
      });
      await sendNotification(
        ctx.ports.notifier.port,
        ctx.ports.notifier.unavailable,
        confirmationMessage(failing, command, ctx.messages),
        notifyDeps,
      );
    }
    if (willRollBack) {
      evidence.decisions.push({
        at: now,
        kind: 'rollback',
        gates: failing.map((f) => f.gate),
        detail: failing.map((f) => `${f.gate}: ${f.reason}`).join('; '),
      });
      const rollback = await runAutomaticRollback(failing, {
        clock,
        logger,
        evidence,
        ports: ctx.ports,
        messages: ctx.messages,
        timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
        signal: ctx.signal,
      });
      evidence.rollback = rollback;
      return {
        latest,
        breached,
        rollback,
        rollbackGates: failing.map((f) => f.gate),
        confirmationSent,
        polls: evidence.polls.length,
      };
    }

    const snapshot: ProgressSnapshot = {
      elapsedMs: now - ctx.startedAt,
      remainingMs: Math.max(0, endAt - now),
      polls: evidence.polls.length,
      gates: rules.map((r) => {
        const e = latest.get(r.gate);
        return { gate: r.gate, verdict: e?.verdict ?? 'pending', value: e?.value ?? null, unit: r.unit };
      }),
    };
    ctx.onProgress?.(snapshot);
    if (now - lastProgressLog >= progressEveryMs) {
      lastProgressLog = now;
      logger.info(
        `Progress: ${Math.ceil(snapshot.remainingMs / 60_000)} min left; ${snapshot.gates.map((g) => `${g.gate} ${g.verdict}`).join(', ')}`,
        { progress: snapshot },
      );
    }
  }
  return { latest, breached, rollbackGates: [], confirmationSent, polls: evidence.polls.length };
}
