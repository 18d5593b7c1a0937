import type { LoadedConfig } from '../config/load.js';
import type { GateName } from '../config/schema.js';
import type { GateRule } from '../domain/gates/types.js';
import type { EvidenceLog, EvaluationRecord } from '../commands/monitor/evidence.js';
import type { Decision, NotificationRecord, RollbackRecord } from '../commands/monitor/types.js';

/**
 * The evidence file: every measurement with the query or metric behind it, the threshold, the
 * verdict and its reason, and every decision the monitor took — enough to re-judge the run.
 */
export interface MonitorEvidence {
  schema: 'dhash-rollout/monitor-evidence/v1';
  environment: string;
  deployment_id: string;
  version: string | null;
  config_source: string;
  metrics_source: string;
  started_at: string;
  ended_at: string;
  result: string;
  failed_gates: GateName[];
  files: { log: string; evidence: string; report: string };
  monitoring: LoadedConfig['env']['monitoring'];
  auto_rollback: LoadedConfig['env']['auto_rollback'];
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
  }>;
  planned_polls: string[];
  polls: string[];
  measurements: Array<Omit<EvaluationRecord, 'at'> & { at: string; offset_seconds: number }>;
  decisions: Array<Omit<Decision, 'at'> & { at: string; offset_seconds: number }>;
  notifications: Array<Omit<NotificationRecord, 'at'> & { at: string }>;
  rollback: (Omit<RollbackRecord, 'startedAt' | 'endedAt'> & { started_at: string; ended_at: string }) | null;
  rollback_command: string | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildEvidence(input: {
  config: LoadedConfig;
  deploymentId: string;
  version?: string;
  sourceKind: string;
  rules: Array<GateRule & { source: string }>;
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
    schema: 'dhash-rollout/monitor-evidence/v1',
    environment: config.envName,
    deployment_id: input.deploymentId,
    version: input.version ?? null,
    config_source: config.source,
    metrics_source: input.sourceKind,
    started_at: iso(startedAt),
    ended_at: iso(input.endedAt),
    result: input.result,
    failed_gates: input.failedGates,
    files: input.files,
    monitoring: config.env.monitoring,
    auto_rollback: config.env.auto_rollback,
    gates: input.rules.map((r) => ({
      gate: r.gate,
      threshold: r.threshold,
      unit: r.unit,
      actions: r.actions,
      window_minutes: r.windowMs !== undefined ? r.windowMs / 60_000 : null,
      min_samples: r.minSamples ?? null,
      check_interval_seconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : null,
      no_data: r.gate === 'health' ? 'fail' : r.noData,
      source: r.source,
    })),
    planned_polls: input.plannedPolls.map(iso),
    polls: evidence.polls.map(iso),
    measurements: evidence.evaluations.map((e) => ({ ...e, at: iso(e.at), offset_seconds: offset(e.at) })),
    decisions: evidence.decisions.map((d) => ({ ...d, at: iso(d.at), offset_seconds: offset(d.at) })),
    notifications: evidence.notifications.map((n) => ({ ...n, at: iso(n.at) })),
    rollback: rb
      ? {
          ok: rb.ok,
          backup: rb.backup,
          restored: rb.restored,
          validation: rb.validation,
          error: rb.error,
          started_at: iso(rb.startedAt),
          ended_at: iso(rb.endedAt),
        }
      : null,
    rollback_command: evidence.rollbackCommand ?? null,
  };
}
