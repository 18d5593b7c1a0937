import type { EnvironmentConfig, GateName } from '../../config/schema.js';
import type { LoadedConfig } from '../../config/load.js';
import type { GateEvaluation, GateRule, Verdict } from '../../domain/gates/types.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import type { Clock } from '../../runtime/clock.js';
import type { Logger, LogSink } from '../../runtime/logger.js';
import type { Notifier, RollbackRunner, ServiceValidator } from '../../ports.js';
import type { MonitorPlan } from './plan.js';

import type { Decision, MonitorOutcome } from '../../domain/gates/decider.js';
export type { Decision, MonitorOutcome } from '../../domain/gates/decider.js';

/** Which backup an automatic rollback restores (see RollbackSelection in ports.ts). */
export type RollbackTo = { kind: 'backup'; path: string; sha256?: string } | { kind: 'latest-before-deploy' };

/** The backup a rollback of this run would restore, chosen when the watch begins. */
export interface RollbackTarget {
  backup: string | null;
  sha256: string | null;
  /** The release the backup holds (its manifest's `release`). */
  release: string | null;
  /** How it was chosen, or why there is none. */
  detail: string;
}

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
  /**
   * The backup a rollback must restore: `rollout` and `deploy --backup-first` pin the one they
   * took before deploying; `--rollback-to` names one. Default: the newest verified backup whose
   * release differs from the watched one, taken before the watch began.
   */
  rollbackTo?: RollbackTo;
  /** Where environment locks live: the monitor holds its monitor lock there, and a manual
   * rollback's preemption request is looked for there. Without it there is no preemption. */
  stateDir?: string;
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

/** Builds the metric source an environment's `metrics_source` names (src/wiring/monitor-ports.ts). */
export type MetricSourceFactory = (
  env: EnvironmentConfig,
  rules: readonly GateRule[],
  clock: Clock,
) => MetricSource;

export interface MonitorDeps {
  clock: Clock;
  /** Builds the ports once the monitor's logger exists, so they log into the monitor log. */
  ports?: (logger: Logger) => MonitorPorts;
  /** The metric source port: measures the gates and checks health. */
  metrics: MetricSourceFactory;
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
  sha256?: string | null;
  /** The release live after the rollback, as the target reports it. */
  liveRelease?: string | null;
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
  rollbackTarget?: RollbackTarget;
  /** Gates that had no verdict for too long (result `inconclusive`). */
  withoutVerdict?: Array<{ gate: string; reason: string }>;
  /** With confirmation_required: the command an operator runs to roll back. */
  rollbackCommand?: string;
  plan?: MonitorPlan;
  probe?: GateEvaluation[];
}
