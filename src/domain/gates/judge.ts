import type { GateName } from '../../config/schema.js';
import { evaluateMeasurement } from './evaluate.js';
import { HealthTracker, type HealthCheck } from './health.js';
import { isBreach, isHealthGate, type GateEvaluation, type GateRule, type Measurement } from './types.js';

/** A gate with the limits that turn single readings into a verdict. */
export interface JudgedRule extends GateRule {
  /** Consecutive breached readings before the gate is in breach (metric gates; default 2). */
  failureLimit?: number;
  /** More consecutive readings without a verdict than this and the gate has none (metric gates). */
  inconclusiveLimit?: number;
}

interface NoDataStats {
  readings: number;
  inconclusive: number;
  streak: number;
  longest: number;
}

/**
 * Turns readings into verdicts, one gate at a time, in the order they arrive. Pure and
 * deterministic, so `evidence replay` runs the very same judgement over the recorded inputs.
 *
 * - A breach must persist: a metric gate's breached reading counts only after `failureLimit`
 *   breached readings in a row (the monitor takes the second one by a fast re-check); until then
 *   the verdict is inconclusive with `confirming` set, which neither alerts nor rolls back.
 * - No data has a verdict: readings without one (no data, too few samples) are counted, and a
 *   gate that stayed without one for longer than its limit, or for more than half of its readings,
 *   is reported by `withoutVerdict()`.
 */
export class GateJudge {
  private readonly health: HealthTracker | null;
  private readonly breachStreak = new Map<GateName, number>();
  private readonly noData = new Map<GateName, NoDataStats>();

  constructor(private readonly rules: readonly JudgedRule[]) {
    const healthRule = rules.find((r) => isHealthGate(r.gate));
    this.health = healthRule ? new HealthTracker(healthRule) : null;
  }

  rule(gate: GateName): JudgedRule | undefined {
    return this.rules.find((r) => r.gate === gate);
  }

  /** A health check, judged at `at` (when its answer, or its deadline, came). */
  judgeHealth(check: HealthCheck, source: string, at: number): GateEvaluation {
    if (!this.health) throw new Error('health_check is not enabled');
    return { ...this.health.record(check, source), at };
  }

  /** A metric reading, judged at `at`. */
  judgeMetric(m: Measurement, at: number): GateEvaluation {
    const rule = this.rule(m.gate);
    if (!rule) throw new Error(`gate ${m.gate} is not enabled`);
    const raw = { ...evaluateMeasurement(rule, m), at };
    const limit = rule.failureLimit ?? 1;
    let judged = raw;
    if (isBreach(raw.verdict)) {
      const streak = (this.breachStreak.get(m.gate) ?? 0) + 1;
      this.breachStreak.set(m.gate, streak);
      if (streak < limit)
        judged = {
          ...raw,
          verdict: 'inconclusive',
          confirming: streak,
          reason: `${raw.reason}; breached reading ${streak} of ${limit} in a row, re-checking before acting`,
        };
    } else {
      this.breachStreak.set(m.gate, 0);
    }
    const stats = this.noData.get(m.gate) ?? { readings: 0, inconclusive: 0, streak: 0, longest: 0 };
    stats.readings++;
    if (judged.verdict === 'inconclusive' && judged.confirming === undefined) {
      stats.inconclusive++;
      stats.streak++;
      stats.longest = Math.max(stats.longest, stats.streak);
    } else {
      stats.streak = 0;
    }
    this.noData.set(m.gate, stats);
    return judged;
  }

  /** Gates that had no verdict for too long, with the reason. */
  withoutVerdict(): Array<{ gate: GateName; reason: string }> {
    const out: Array<{ gate: GateName; reason: string }> = [];
    for (const rule of this.rules) {
      if (isHealthGate(rule.gate)) continue;
      const stats = this.noData.get(rule.gate);
      if (!stats || stats.readings === 0) {
        out.push({ gate: rule.gate, reason: 'never measured' });
        continue;
      }
      const limit = rule.inconclusiveLimit;
      if (limit !== undefined && stats.longest > limit)
        out.push({
          gate: rule.gate,
          reason: `${stats.longest} readings in a row without a verdict (inconclusive_limit ${limit})`,
        });
      else if (2 * stats.inconclusive > stats.readings)
        out.push({
          gate: rule.gate,
          reason: `${stats.inconclusive} of ${stats.readings} readings without a verdict (more than half)`,
        });
    }
    return out;
  }
}
