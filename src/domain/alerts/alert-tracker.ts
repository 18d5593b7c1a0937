import type { GateName } from '../../config/schema.js';
import { isBreach, type GateEvaluation } from '../gates/types.js';

export interface EscalationLevel {
  after_minutes: number;
  channels?: string[];
  mention?: string;
  /** Names to call out (notifications.mentions maps them to native mentions). */
  recipients?: string[];
}

export type AlertEvent =
  | { kind: 'alert'; gate: GateName; evaluation: GateEvaluation }
  | { kind: 'resolved'; gate: GateName; evaluation: GateEvaluation; breachedForMs: number }
  | {
      kind: 'escalation';
      gate: GateName;
      evaluation: GateEvaluation;
      level: number;
      after_minutes: number;
      /** When this breach began: escalations of different breaches are different messages. */
      breachStartedAt: number;
      mention?: string;
      recipients?: string[];
      channels?: string[];
    };

interface OpenBreach {
  since: number;
  levelsSent: number;
  last: GateEvaluation;
}

/**
 * The alert state of every gate. An alert goes out when a gate enters breach (warn or fail), a
 * "resolved" when it passes again, and one reminder per escalation level while it stays in
 * breach. Nothing repeats per poll; an inconclusive verdict changes nothing (no data is not news).
 */
export class AlertTracker {
  private readonly open = new Map<GateName, OpenBreach>();
  private readonly levels: EscalationLevel[];

  constructor(escalation: { enabled: boolean; levels: EscalationLevel[] }) {
    this.levels = escalation.enabled
      ? [...escalation.levels].sort((a, b) => a.after_minutes - b.after_minutes)
      : [];
  }

  /** The gates in breach now, with when each breach began (what identifies its incident). */
  openBreaches(): { gate: GateName; since: number }[] {
    return [...this.open.entries()].map(([gate, breach]) => ({ gate, since: breach.since }));
  }

  observe(evaluation: GateEvaluation): AlertEvent[] {
    const gate = evaluation.gate;
    const current = this.open.get(gate);
    if (isBreach(evaluation.verdict)) {
      if (!current) {
        this.open.set(gate, { since: evaluation.at, levelsSent: 0, last: evaluation });
        return [{ kind: 'alert', gate, evaluation }];
      }
      current.last = evaluation;
      return [];
    }
    if (evaluation.verdict === 'pass' && current) {
      this.open.delete(gate);
      return [{ kind: 'resolved', gate, evaluation, breachedForMs: evaluation.at - current.since }];
    }
    return [];
  }

  /** Reminders due at `now` for gates still in breach; each level is sent once per breach. */
  escalations(now: number): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const [gate, breach] of this.open) {
      while (breach.levelsSent < this.levels.length) {
        const level = this.levels[breach.levelsSent];
        if (now - breach.since < level.after_minutes * 60_000) break;
        breach.levelsSent++;
        events.push({
          kind: 'escalation',
          gate,
          evaluation: breach.last,
          level: breach.levelsSent,
          after_minutes: level.after_minutes,
          breachStartedAt: breach.since,
          mention: level.mention,
          ...(level.recipients ? { recipients: level.recipients } : {}),
          channels: level.channels,
        });
      }
    }
    return events;
  }

  get breached(): GateName[] {
    return [...this.open.keys()];
  }
}
