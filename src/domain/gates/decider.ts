import type { GateName } from '../../config/schema.js';
import { AlertTracker, type AlertEvent, type EscalationLevel } from '../alerts/alert-tracker.js';
import type { HealthCheck } from './health.js';
import { GateJudge, type JudgedRule } from './judge.js';
import { isBreach, type GateEvaluation, type Measurement } from './types.js';

/** How a monitoring run ended. */
export type MonitorOutcome =
  'passed' | 'alerted' | 'inconclusive' | 'rolled_back' | 'rollback_failed' | 'interrupted' | 'preempted';

export type DecisionKind =
  | 'alert'
  | 'resolved'
  | 'escalation'
  | 'rollback'
  | 'rollback_needs_confirmation'
  | 'rollback_disabled'
  | 'metrics_unavailable'
  | 'metrics_restored'
  | 'rollback_not_started'
  | 'preempted';

export interface Decision {
  at: number;
  kind: DecisionKind;
  gates: GateName[];
  detail: string;
}

/** What one judged reading led to: its verdict, the alert events and the decisions taken. */
export interface Step {
  evaluation: GateEvaluation;
  events: AlertEvent[];
  decisions: Decision[];
  /** Set on the reading that decided the run's rollback (or asked for its confirmation). */
  act?: { kind: 'rollback' | 'confirm'; failing: GateEvaluation[] };
}

export interface DeciderConfig {
  rules: readonly JudgedRule[];
  autoRollback: { enabled: boolean; confirmationRequired: boolean };
  escalation: { enabled: boolean; levels: EscalationLevel[] };
}

/**
 * The monitor's decisions, reading by reading: the verdict (GateJudge), alert state changes and
 * escalations (AlertTracker), and whether to roll back. Pure: the live monitor and `evidence
 * replay` feed it the same readings in the same order and must get the same steps.
 */
export class MonitorDecider {
  readonly judge: GateJudge;
  private readonly alerts: AlertTracker;
  readonly latest = new Map<GateName, GateEvaluation>();
  readonly breached = new Set<GateName>();
  private rollbackDecided = false;
  private confirmationDecided = false;
  private disabledNoted = false;
  private failedOnce = false;

  constructor(private readonly config: DeciderConfig) {
    this.judge = new GateJudge(config.rules);
    this.alerts = new AlertTracker(config.escalation);
  }

  health(check: HealthCheck, source: string, at: number): Step {
    return this.after(this.judge.judgeHealth(check, source, at));
  }

  metric(m: Measurement, at: number): Step {
    return this.after(this.judge.judgeMetric(m, at));
  }

  /** The breaches still open (their alerts paged someone): a validated rollback resolves them. */
  openBreaches(): { gate: GateName; since: number }[] {
    return this.alerts.openBreaches();
  }

  get rolledBackGates(): boolean {
    return this.rollbackDecided;
  }

  private after(e: GateEvaluation): Step {
    this.latest.set(e.gate, e);
    if (isBreach(e.verdict)) this.breached.add(e.gate);
    if (e.verdict === 'fail') this.failedOnce = true;
    const events = [...this.alerts.observe(e), ...this.alerts.escalations(e.at)];
    const failing = [...this.latest.values()].filter((x) => x.verdict === 'fail');
    const { enabled, confirmationRequired } = this.config.autoRollback;
    const rollBack = failing.length > 0 && enabled && !confirmationRequired && !this.rollbackDecided;
    const decisions: Decision[] = [];
    const sent: AlertEvent[] = [];
    for (const event of events) {
      // A failing gate's alert is the rollback's own critical message; it is not sent twice.
      if (rollBack && event.kind === 'alert' && event.evaluation.verdict === 'fail') continue;
      sent.push(event);
      decisions.push({ at: e.at, kind: event.kind, gates: [event.gate], detail: event.evaluation.reason });
    }
    const gates = failing.map((f) => f.gate);
    const detail = failing.map((f) => `${f.gate}: ${f.reason}`).join('; ');
    let act: Step['act'];
    if (failing.length > 0 && !enabled && !this.disabledNoted) {
      this.disabledNoted = true;
      decisions.push({
        at: e.at,
        kind: 'rollback_disabled',
        gates,
        detail: 'auto_rollback.enabled is false: alert only',
      });
    }
    if (failing.length > 0 && enabled && confirmationRequired && !this.confirmationDecided) {
      this.confirmationDecided = true;
      decisions.push({ at: e.at, kind: 'rollback_needs_confirmation', gates, detail });
      act = { kind: 'confirm', failing };
    }
    if (rollBack) {
      this.rollbackDecided = true;
      decisions.push({ at: e.at, kind: 'rollback', gates, detail });
      act = { kind: 'rollback', failing };
    }
    return { evaluation: e, events: sent, decisions, act };
  }

  /** The run's result once the readings are in (and the rollback, if one ran, has ended). */
  outcome(ending: {
    rollbackOk?: boolean;
    interrupted: boolean;
    confirmationSent: boolean;
    /** A manual rollback of the environment took over (it stopped the watch). */
    preempted?: boolean;
  }): {
    result: MonitorOutcome;
    withoutVerdict: Array<{ gate: GateName; reason: string }>;
  } {
    const withoutVerdict = this.judge.withoutVerdict();
    let result: MonitorOutcome;
    if (ending.rollbackOk !== undefined) result = ending.rollbackOk ? 'rolled_back' : 'rollback_failed';
    else if (ending.preempted) result = 'preempted';
    else if (ending.interrupted) result = 'interrupted';
    // A gate that failed (rollback disabled or awaiting confirmation) is a verdict: alerted.
    else if (ending.confirmationSent || this.failedOnce) result = 'alerted';
    else if (withoutVerdict.length > 0) result = 'inconclusive';
    else if (this.breached.size > 0) result = 'alerted';
    else result = 'passed';
    return { result, withoutVerdict };
  }
}
