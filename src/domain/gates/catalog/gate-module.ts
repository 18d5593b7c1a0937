import type { z } from 'zod';
import type { Sample } from '../../metrics/exposition.js';
import type { SeriesHistory } from '../../metrics/series-history.js';
import type { WindowValue } from '../../metrics/window-values.js';

/** A gate's threshold, flattened to what the monitor judges by. */
export interface GateLimits {
  /** Breach when the value is above this, in the gate's unit. */
  limit: number;
  /** Windowed gates: the window counter and bucket increases are taken over. */
  windowMinutes?: number;
  /** Windowed gates: below this many events the gate is inconclusive. */
  minSamples?: number;
  /** Evaluate (or, for health, check) this often; undefined = at every poll. */
  checkIntervalSeconds?: number;
}

/**
 * Everything one quality gate is, in one module: its threshold object as the config file writes
 * it (every field with a stated default), its unit, how the threshold becomes limits, how each
 * metric source reads it and how messages word it. Each module is written
 * `satisfies GateModule<'<name>', typeof threshold>`, so a module that lacks a part does not
 * compile; the catalog (catalog.ts) lists the modules and the gate names come from it.
 */
export interface GateModule<N extends string = string, T extends z.ZodType = z.ZodType> {
  readonly name: N;
  /** Unit of the value and of the limit, as shown in logs, messages and reports. */
  readonly unit: string;
  /** One sentence: what is measured. Becomes the gate's description in the JSON Schema. */
  readonly summary: string;
  /** The `threshold` object of the config file (the seed's fields). */
  readonly threshold: T;
  /** Consecutive breached readings before the gate acts; null for health (it has consecutive_failures). */
  readonly defaultFailureLimit: number | null;
  /** What "actions" is when the file leaves it out. */
  readonly defaultActions: readonly ('alert' | 'auto_rollback')[];
  limits(threshold: z.output<T>): GateLimits;
  /** Metric families the scrape source keeps from /metrics for this gate (empty if it reads none). */
  readonly metricFamilies: readonly string[];
  /** How the scrape source reads the gate. */
  readonly scrape: ScrapeReading;
  /**
   * The default PromQL of the prometheus source, aggregated over every replica the selector
   * matches; null for health (always a direct GET of the service). `match(extra)` renders the
   * label matchers (the configured selector plus `extra`), `range` the window such as "600s".
   */
  promql(match: (extra?: string) => string, range: string): GateQueries | null;
  /** Plain words for messages and plans: "P95 hash time". */
  readonly label: string;
  /** The gate's own words for notifications: what it measured, in its unit, against its threshold. */
  readonly wording: GateWording;
}

/** One reading as a message words it, in the gate's unit; value null = no data. */
export interface GateReading {
  value: number | null;
  threshold: number;
}

/**
 * What a breach and a recovery say. Alerts, escalations, rollback and recovery messages use
 * these sentences (see gate-words.ts), so a gate's messages change with its module alone.
 */
export interface GateWording {
  /** One sentence for an alert or an escalation: what was measured, over what, against the threshold. */
  breach(reading: GateReading): string;
  /** One sentence for the reading that ended a breach. */
  recovery(reading: GateReading): string;
}

/** PromQL for one gate: its value, and the events in the window (for min_sample_size). */
export interface GateQueries {
  value: string;
  /** Events in the window, for min_sample_size; absent for instant gauges and overrides. */
  samples?: string;
}

export type ScrapeReading =
  /** GET of the health endpoint (the health gate). */
  | { from: 'health' }
  /** GET of the queue status endpoint, its JSON `queue_length`. */
  | { from: 'queue_status' }
  /** Computed from the history of /metrics scrapes (windowed) or the latest scrape (instant). */
  | {
      from: 'metrics';
      compute(
        history: SeriesHistory,
        latest: readonly Sample[],
        nowMs: number,
        windowMs: number,
      ): WindowValue;
    };
