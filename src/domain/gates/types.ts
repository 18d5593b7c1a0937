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

/**
 * The raw figures a value was computed from, kept in the evidence so `evidence replay` can
 * recompute the value (see inputs.ts) and the verdict without the service.
 */
export type MeasurementInputs =
  | {
      kind: 'ratio';
      /** Reset-adjusted increase of the numerator (failures, 5xx) over the window. */
      numerator: number;
      /** Reset-adjusted increase of every event over the window. */
      denominator: number;
      /** sum(increase(...)) as PromQL extrapolates it: the sample count judged against min_sample_size. */
      samples: number;
      /** Set when a series had a NaN or ±Inf sample in the window: the gate has no data. */
      noData?: string;
      /** Each series' reset-adjusted increase (its counter delta) and whether the numerator counts it. */
      series: Array<{ labels: Record<string, string>; points: number; increase: number; numerator: boolean }>;
    }
  | {
      kind: 'histogram';
      quantile: number;
      /** Bucket increases over the window, summed by `le` (`"+Inf"` for the last). */
      buckets: Array<{ le: number | '+Inf'; increase: number }>;
      samples: number;
      noData?: string;
    }
  | { kind: 'gauge'; value: number }
  | { kind: 'memory'; rss: number; limit: number }
  | {
      kind: 'promql';
      query: string;
      /** The evaluation time sent as `time=` (seconds since the epoch, as the API takes it). */
      time: number;
      /** The worst (largest) finite value of the answer, null when it had none. */
      value: number | null;
      series: number;
      samplesQuery?: string;
      samples?: number | null;
    };

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
  /** What the value was computed from, for the evidence and its replay. */
  inputs?: MeasurementInputs;
  /** Problems of the scrape that did not stop it (duplicate series, kept first). */
  warnings?: string[];
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
  /** A breached reading still being confirmed: this is breached reading n of failure_limit. */
  confirming?: number;
}

export function isBreach(verdict: Verdict): boolean {
  return verdict === 'warn' || verdict === 'fail';
}

/** The health gate ("health" in the seed's config shape, "health_check" before it). */
export function isHealthGate(gate: string): boolean {
  return gate === 'health' || gate === 'health_check';
}
