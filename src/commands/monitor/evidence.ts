import type { GateEvaluation } from '../../domain/gates/types.js';
import type { Decision, NotificationRecord, RollbackRecord } from './types.js';

export interface EvaluationRecord extends GateEvaluation {
  /** `poll`: a scheduled poll; `health`: a health check between polls; `carried`: not due, last value kept. */
  kind: 'poll' | 'health';
}

/** Everything the monitor saw and did, kept for the evidence file and the report. */
export class EvidenceLog {
  readonly polls: number[] = [];
  readonly evaluations: EvaluationRecord[] = [];
  readonly decisions: Decision[] = [];
  readonly notifications: NotificationRecord[] = [];
  rollback?: RollbackRecord;
  rollbackCommand?: string;
}
