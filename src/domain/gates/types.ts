import type { GateAction, GateName } from '../../config/schema.js';

export type Verdict = 'pass' | 'warn' | 'fail' | 'inconclusive';
export type NoDataPolicy = 'inconclusive' | 'pass' | 'fail';

/** One gate as the monitor applies it: the config, flattened and with its unit. */
export interface GateRule {
  gate: GateName;
  threshold: number;
  unit: string;
  actions: GateAction[];
  /** Windowed gates: the window and the fewest events worth judging. */
  windowMs?: number;
  minSamples?: number;
  noData: NoDataPolicy;
  /** Evaluate at most this often; undefined = every poll. */
  checkIntervalMs?: number;
  /** Metric gates: consecutive breached readings before the gate acts (config failure_limit). */
  failureLimit?: number;
  /** Metric gates: consecutive inconclusive readings that make the run inconclusive; undefined = more than half of the window's readings. */
  inconclusiveLimit?: number;
}

/** A value read from a metric source, before any judgement. */
export interface Measurement {
  gate: GateName;
  at: number;
  value: number | null;
  samples: number | null;
  /** The query or metric the value came from. */
  source: string;
  detail?: string;
  /** Why there is no value (endpoint down, empty result). */
  error?: string;
}

export interface GateEvaluation {
  gate: GateName;
  at: number;
  verdict: Verdict;
  value: number | null;
  threshold: number;
  unit: string;
  samples: number | null;
  minSamples?: number;
  /** The plain reason for the verdict, shown in logs, messages and the report. */
  reason: string;
  source: string;
}

export function isBreach(verdict: Verdict): boolean {
  return verdict === 'warn' || verdict === 'fail';
}
