import { breachVerdict } from './evaluate.js';
import type { GateEvaluation, GateRule } from './types.js';

export interface HealthCheck {
  at: number;
  ok: boolean;
  /** HTTP status, "timeout", "connection refused", status field... */
  detail: string;
  /** Attempts made in this check (a failed attempt is retried once). */
  attempts: number;
}

/**
 * Consecutive-failure logic of the health gate: a breach needs more than `consecutive_failures`
 * failed checks in a row, so one blip never breaches; while failures are piling up but not yet
 * enough, the verdict is inconclusive ("confirming"), which neither alerts nor rolls back.
 */
export class HealthTracker {
  private consecutive = 0;
  private firstFailureAt: number | null = null;

  constructor(private readonly rule: GateRule) {}

  get consecutiveFailures(): number {
    return this.consecutive;
  }

  /** When the current run of failures began, or null when the last check passed. */
  get failingSince(): number | null {
    return this.firstFailureAt;
  }

  record(check: HealthCheck, source: string): GateEvaluation {
    if (check.ok) {
      this.consecutive = 0;
      this.firstFailureAt = null;
    } else {
      this.consecutive++;
      this.firstFailureAt ??= check.at;
    }
    const limit = this.rule.threshold;
    const base = {
      gate: this.rule.gate,
      at: check.at,
      value: this.consecutive,
      threshold: limit,
      unit: this.rule.unit,
      samples: null,
      source,
    };
    if (check.ok) return { ...base, verdict: 'pass', reason: `healthy (${check.detail})` };
    if (this.consecutive > limit) {
      return {
        ...base,
        verdict: breachVerdict(this.rule.actions),
        reason: `${this.consecutive} consecutive failed checks > ${limit} (last: ${check.detail})`,
      };
    }
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `failed check ${this.consecutive} of ${limit + 1} needed to confirm (${check.detail})`,
    };
  }
}
