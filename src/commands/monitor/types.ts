import type { GateName } from '../../config/schema.js';
import type { LoadedConfig } from '../../config/load.js';
import type { GateEvaluation, Verdict } from '../../domain/gates/types.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import type { HttpGet } from '../../adapters/metrics/http-get.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger, LogSink } from '../../runtime/logger.js';
import type { Notifier, RollbackRunner, ServiceValidator } from '../../ports.js';

export type MonitorOutcome = 'passed' | 'alerted' | 'rolled_back' | 'rollback_failed';

export interface MonitorOptions {
  config: LoadedConfig;
  dryRun?: boolean;
  /** Dry-run only: take one real measurement and show each gate's verdict. */
  probe?: boolean;
  /** Overrides monitoring.window_minutes. */
  windowMinutes?: number;
  /** Absolute directory for the log, evidence and report. */
  logDir: string;
  /** The rollout's id (the rollout command passes its own); generated when absent. */
  deploymentId?: string;
  version?: string;
  /** The release live before this one (the rollout knows it), for the report. */
  previousVersion?: string | null;
  /** When the release went live (epoch ms), if the caller deployed it, for the report. */
  deployedAt?: number;
  /** A link to the CI run, put into messages. */
  runUrl?: string;
}

/** A port the front end could not build, and why (shown in plans and logs). */
export interface PortSlot<T> {
  port: T | null;
  unavailable?: string;
}

export interface MonitorPorts {
  notifier: PortSlot<Notifier>;
  rollback: PortSlot<RollbackRunner>;
  validator: PortSlot<ServiceValidator>;
}

export interface MonitorDeps {
  clock: Clock;
  /** Builds the ports once the monitor's logger exists, so they log into the monitor log. */
  ports?: (logger: Logger) => MonitorPorts;
  /** Overrides the metric source the config names (simulations). */
  source?: MetricSource;
  /** Overrides the HTTP client of the default sources. */
  get?: HttpGet;
  /** Extra log sinks (the CLI's console). */
  sinks?: LogSink[];
  onProgress?: (progress: ProgressSnapshot) => void;
  /** The process environment, for deployment ids derived from CI runs. */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface ProgressSnapshot {
  elapsedMs: number;
  remainingMs: number;
  polls: number;
  gates: Array<{ gate: GateName; verdict: Verdict | 'pending'; value: number | null; unit: string }>;
}

export interface Decision {
  at: number;
  kind:
    'alert' | 'resolved' | 'escalation' | 'rollback' | 'rollback_needs_confirmation' | 'rollback_disabled';
  gates: GateName[];
  detail: string;
}

export interface NotificationRecord {
  at: number;
  event: string;
  level: string;
  title: string;
  delivered: boolean;
  detail: string;
}

export interface RollbackRecord {
  startedAt: number;
  endedAt: number;
  ok: boolean;
  backup: string | null;
  restored?: string;
  validation?: { ok: boolean; detail: string };
  error?: string;
}

export interface MonitorResult {
  result: MonitorOutcome | 'dry_run';
  exitCode: number;
  environment: string;
  deploymentId: string;
  dryRun: boolean;
  failedGates: GateName[];
  logPath: string;
  evidencePath: string | null;
  reportPath: string | null;
  startedAt: string;
  endedAt: string;
  polls: number;
  /** The last evaluation of each gate. */
  gates: GateEvaluation[];
  decisions: Decision[];
  rollback?: RollbackRecord;
  /** With confirmation_required: the command an operator runs to roll back. */
  rollbackCommand?: string;
  plan?: import('./plan.js').MonitorPlan;
  probe?: GateEvaluation[];
}
