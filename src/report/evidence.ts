import type { LoadedConfig } from '../config/load.js';
import type { GateName } from '../config/schema.js';
import { isHealthGate, type GateRule } from '../domain/gates/types.js';
import type { EvidenceLog, EvaluationRecord } from '../commands/monitor/evidence.js';
import type { MonitorSettings } from '../commands/monitor/settings.js';
import type {
  Decision,
  NotificationRecord,
  RollbackRecord,
  RollbackTarget,
} from '../commands/monitor/types.js';

export const EVIDENCE_SCHEMA = 'dhash-rollout/monitor-evidence/v2';

/**
 * The evidence file: every reading with the raw inputs behind its value (counter and bucket
 * deltas, sample counts, the query and its evaluation time, or the health check's answer), its
 * verdict and reason, the time it was decided, every decision the monitor took, and the config
 * it judged by — enough for `dhash-rollout evidence replay` to recompute every value and verdict.
 */
export interface MonitorEvidence {
  schema: typeof EVIDENCE_SCHEMA;
  environment: string;
  deployment_id: string;
  version: string | null;
  /** The release live before `version`, when the caller knew it (older files lack it). */
  previous_version?: string | null;
  /** When `version` went live, when the caller deployed it (older files lack it). */
  deployed_at?: string | null;
  /** The release under watch (a rollback must leave it). */
  watched_release: string | null;
  config_source: string;
  metrics_source: string;
  started_at: string;
  ended_at: string;
  result: string;
  failed_gates: GateName[];
  files: { log: string; evidence: string; report: string };
  /** The environment's config as loaded (secrets redacted). */
  config: LoadedConfig['env'];
  monitoring: LoadedConfig['env']['monitoring'];
  auto_rollback: LoadedConfig['env']['auto_rollback'];
  escalation: LoadedConfig['env']['notifications']['escalation'];
  /** The timing and limits derived from the config. */
  settings: MonitorSettings;
  gates: Array<{
    gate: GateName;
    threshold: number;
    unit: string;
    actions: string[];
    window_minutes: number | null;
    min_samples: number | null;
    check_interval_seconds: number | null;
    no_data: string;
    source: string;
    failure_limit: number | null;
    inconclusive_limit: number | null;
  }>;
  planned_polls: string[];
  /** Scheduled times of the polls taken. */
  polls: string[];
  poll_rounds: Array<{ scheduled_at: string; started_at: string; lateness_ms: number }>;
  measurements: Array<
    Omit<EvaluationRecord, 'at' | 'scheduledAt' | 'measuredAt'> & {
      /** When the verdict was decided. */
      at: string;
      offset_seconds: number;
      scheduled_at: string;
      measured_at: string;
    }
  >;
  decisions: Array<Omit<Decision, 'at'> & { at: string; offset_seconds: number }>;
  notifications: Array<Omit<NotificationRecord, 'at'> & { at: string }>;
  rollback_target: RollbackTarget | null;
  rollback: (Omit<RollbackRecord, 'startedAt' | 'endedAt'> & { started_at: string; ended_at: string }) | null;
  rollback_command: string | null;
  without_verdict: Array<{ gate: string; reason: string }>;
  interrupted: { signal: string; at: string } | null;
  /** A manual rollback of the environment stopped the watch. */
  preempted: { reason: string; by: string; requested_at: string; at: string } | null;
  undelivered_at_exit: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// eslint-disable-next-line max-lines-per-function -- one evidence document literal, field by field
export function buildEvidence(input: {
  config: LoadedConfig;
  deploymentId: string;
  version?: string;
  previousVersion?: string | null;
  deployedAt?: number;
  watchedRelease: string | null;
  sourceKind: string;
  rules: Array<GateRule & { source: string; failureLimit?: number; inconclusiveLimit?: number }>;
  settings: MonitorSettings;
  startedAt: number;
  endedAt: number;
  plannedPolls: number[];
  result: string;
  failedGates: GateName[];
  evidence: EvidenceLog;
  files: { log: string; evidence: string; report: string };
}): MonitorEvidence {
  const { config, evidence, startedAt } = input;
  const offset = (ms: number): number => Math.round((ms - startedAt) / 100) / 10;
  const rb = evidence.rollback;
  return {
    schema: EVIDENCE_SCHEMA,
    environment: config.envName,
    deployment_id: input.deploymentId,
    version: input.version ?? null,
    previous_version: input.previousVersion ?? null,
    deployed_at: input.deployedAt !== undefined ? iso(input.deployedAt) : null,
    watched_release: input.watchedRelease,
    config_source: config.source,
    metrics_source: input.sourceKind,
    started_at: iso(startedAt),
    ended_at: iso(input.endedAt),
    result: input.result,
    failed_gates: input.failedGates,
    files: input.files,
    config: config.env,
    monitoring: config.env.monitoring,
    auto_rollback: config.env.auto_rollback,
    escalation: config.env.notifications.escalation,
    settings: input.settings,
    gates: input.rules.map((r) => ({
      gate: r.gate,
      threshold: r.threshold,
      unit: r.unit,
      actions: r.actions,
      window_minutes: r.windowMs !== undefined ? r.windowMs / 60_000 : null,
      min_samples: r.minSamples ?? null,
      check_interval_seconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : null,
      no_data: isHealthGate(r.gate) ? 'fail' : r.noData,
      source: r.source,
      failure_limit: r.failureLimit ?? null,
      inconclusive_limit: r.inconclusiveLimit ?? null,
    })),
    planned_polls: input.plannedPolls.map(iso),
    polls: evidence.polls.map((p) => iso(p.scheduledAt)),
    poll_rounds: evidence.polls.map((p) => ({
      scheduled_at: iso(p.scheduledAt),
      started_at: iso(p.startedAt),
      lateness_ms: p.startedAt - p.scheduledAt,
    })),
    measurements: evidence.evaluations.map(({ scheduledAt, measuredAt, ...e }) => ({
      ...e,
      at: iso(e.at),
      offset_seconds: offset(e.at),
      scheduled_at: iso(scheduledAt),
      measured_at: iso(measuredAt),
    })),
    decisions: evidence.decisions.map((d) => ({ ...d, at: iso(d.at), offset_seconds: offset(d.at) })),
    notifications: evidence.notifications.map((n) => ({ ...n, at: iso(n.at) })),
    rollback_target: evidence.rollbackTarget ?? null,
    rollback: rb
      ? {
          ok: rb.ok,
          backup: rb.backup,
          sha256: rb.sha256,
          restored: rb.restored,
          liveRelease: rb.liveRelease,
          validation: rb.validation,
          error: rb.error,
          started_at: iso(rb.startedAt),
          ended_at: iso(rb.endedAt),
        }
      : null,
    rollback_command: evidence.rollbackCommand ?? null,
    without_verdict: evidence.withoutVerdict,
    interrupted: evidence.interrupted
      ? { signal: evidence.interrupted.signal, at: iso(evidence.interrupted.at) }
      : null,
    preempted: evidence.preempted
      ? {
          reason: evidence.preempted.reason,
          by: evidence.preempted.by,
          requested_at: evidence.preempted.requestedAt,
          at: iso(evidence.preempted.at),
        }
      : null,
    undelivered_at_exit: evidence.undeliveredAtExit ?? 0,
  };
}
