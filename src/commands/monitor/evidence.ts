import type { GateEvaluation, MeasurementInputs } from '../../domain/gates/types.js';
import type { Decision } from '../../domain/gates/decider.js';
import type { NotificationRecord, RollbackRecord, RollbackTarget } from './types.js';

/**
 * One judged reading, as `evidence replay` needs it: the verdict and, next to it, what it was
 * judged from (the raw inputs of a metric value, or the health check's answer).
 */
export interface EvaluationRecord extends GateEvaluation {
  /** `poll`: a scheduled poll; `recheck`: a confirmation re-check; `health`: a health check. */
  kind: 'poll' | 'recheck' | 'health';
  /** The poll (or check) this reading belongs to: its scheduled time. */
  scheduledAt: number;
  /** When its requests started (the evaluation `time` of a PromQL query). */
  measuredAt: number;
  inputs?: MeasurementInputs;
  error?: string;
  detail?: string;
  warnings?: string[];
  health?: { ok: boolean; detail: string; attempts: number };
}

export interface PollRecord {
  scheduledAt: number;
  startedAt: number;
}

/** Everything the monitor saw and did, kept for the evidence file and the report. */
export class EvidenceLog {
  readonly polls: PollRecord[] = [];
  readonly evaluations: EvaluationRecord[] = [];
  readonly decisions: Decision[] = [];
  readonly notifications: NotificationRecord[] = [];
  rollback?: RollbackRecord;
  rollbackCommand?: string;
  rollbackTarget?: RollbackTarget;
  interrupted?: { signal: string; at: number };
  preempted?: { reason: string; by: string; requestedAt: string; at: number };
  withoutVerdict: Array<{ gate: string; reason: string }> = [];
  undeliveredAtExit?: number;
}
