import type { LoadedConfig } from '../../config/load.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import { isHealthGate, type GateRule } from '../../domain/gates/types.js';
import { pollOffsets, type PollPlanInput } from '../../domain/schedule/poll-schedule.js';
import { worstCaseDetectionMs, type MonitorSettings } from './settings.js';
import type { RollbackTarget } from './types.js';

export interface PlannedGate {
  gate: string;
  threshold: number;
  unit: string;
  actions: string[];
  verdictOnBreach: 'fail' | 'warn';
  windowMinutes?: number;
  minSamples?: number;
  checkIntervalSeconds?: number;
  noData: string;
  source: string;
  failureLimit?: number;
  inconclusiveLimit?: number;
}

export interface MonitorPlan {
  environment: string;
  configSource: string;
  metricsSource: string;
  windowMinutes: number;
  pollOffsetsSeconds: number[];
  phases: string[];
  health: {
    url: string;
    intervalSeconds: number;
    confirmIntervalSeconds: number;
    consecutiveFailures: number;
    timeoutSeconds: number;
    worstCaseDetectionSeconds: number;
    /** The formula with this config's numbers. */
    worstCaseFormula: string;
  } | null;
  recheckSeconds: number;
  metricTimeoutSeconds: number;
  gates: PlannedGate[];
  autoRollback: {
    enabled: boolean;
    confirmationRequired: boolean;
    timeoutMinutes: number;
    backup: string | null;
    backupSha256: string | null;
    backupRelease: string | null;
    backupDetail: string;
  };
  notifications: { channels: string[]; available: boolean; detail: string; escalation: string[] };
}

export function buildPlan(
  config: LoadedConfig,
  rules: readonly GateRule[],
  source: MetricSource,
  poll: PollPlanInput,
  settings: MonitorSettings,
  backup: RollbackTarget,
  notifier: { available: boolean; detail: string },
): MonitorPlan {
  const env = config.env;
  const health = settings.health;
  const offsets = pollOffsets(poll);
  const initialPolls = offsets.filter((o) => o < poll.initialMs).length;
  const phases = [
    `${initialPolls} polls every ${poll.initialIntervalMs / 1000} s for the first ${poll.initialMs / 60_000} min`,
    `then every ${poll.normalIntervalMs / 1000} s until ${poll.windowMs / 60_000} min (${offsets.length - initialPolls} more polls, the last at the end of the window)`,
  ];
  return {
    environment: config.envName,
    configSource: config.source,
    metricsSource:
      source.kind === 'prometheus' && env.metrics_source.type === 'prometheus'
        ? `prometheus (${env.metrics_source.url})`
        : `scrape (${env.service.base_url})`,
    windowMinutes: poll.windowMs / 60_000,
    pollOffsetsSeconds: offsets.map((o) => o / 1000),
    phases,
    health: health
      ? {
          url: source.healthUrl,
          intervalSeconds: health.intervalMs / 1000,
          confirmIntervalSeconds: health.confirmIntervalMs / 1000,
          consecutiveFailures: health.consecutiveFailures,
          timeoutSeconds: health.timeoutMs / 1000,
          worstCaseDetectionSeconds: worstCaseDetectionMs(health) / 1000,
          worstCaseFormula: `check interval ${health.intervalMs / 1000} s + ${health.consecutiveFailures} confirmation re-checks × max(confirm interval ${health.confirmIntervalMs / 1000} s, timeout ${health.timeoutMs / 1000} s) + timeout ${health.timeoutMs / 1000} s of the last check`,
        }
      : null,
    recheckSeconds: settings.recheckMs / 1000,
    metricTimeoutSeconds: settings.metricTimeoutMs / 1000,
    gates: rules.map((r) => ({
      gate: r.gate,
      threshold: r.threshold,
      unit: r.unit,
      actions: r.actions,
      verdictOnBreach: r.actions.includes('auto_rollback') ? 'fail' : 'warn',
      windowMinutes: r.windowMs !== undefined ? r.windowMs / 60_000 : undefined,
      minSamples: r.minSamples,
      checkIntervalSeconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : undefined,
      noData: isHealthGate(r.gate) ? 'a failed check' : r.noData,
      source: source.describe(r),
      failureLimit: settings.limits[r.gate]?.failureLimit,
      inconclusiveLimit: settings.limits[r.gate]?.inconclusiveLimit,
    })),
    autoRollback: {
      enabled: env.auto_rollback.enabled,
      confirmationRequired: env.auto_rollback.confirmation_required,
      timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
      backup: backup.backup,
      backupSha256: backup.sha256,
      backupRelease: backup.release,
      backupDetail: backup.detail,
    },
    notifications: {
      channels: env.notifications.channels,
      available: notifier.available,
      detail: notifier.detail,
      escalation: env.notifications.escalation.enabled
        ? env.notifications.escalation.levels.map(
            (l) =>
              `after ${l.after_minutes} min${l.mention ? ` ${l.mention}` : ''}${l.channels ? ` via ${l.channels.join(', ')}` : ''}`,
          )
        : [],
    },
  };
}

/** The plan as the CLI prints it. */
export function renderPlan(plan: MonitorPlan): string {
  const lines = [
    `Monitoring plan for "${plan.environment}" (config: ${plan.configSource})`,
    `  metrics: ${plan.metricsSource}`,
    `  window: ${plan.windowMinutes} min; ${plan.pollOffsetsSeconds.length} polls: ${plan.phases.join(', ')}`,
    `  poll times (s): ${plan.pollOffsetsSeconds.join(', ')}`,
  ];
  if (plan.health) {
    const h = plan.health;
    lines.push(
      `  health (own timer, every phase): GET ${h.url} every ${h.intervalSeconds} s, every ${h.confirmIntervalSeconds} s while confirming a failure (deadline ${h.timeoutSeconds} s per check, a refused connection retried once inside it); breach after more than ${h.consecutiveFailures} consecutive failed checks`,
      `  worst-case detection of a hung or refusing service: ${h.worstCaseDetectionSeconds} s = ${h.worstCaseFormula}`,
    );
  }
  lines.push(
    `  metric requests: all of a poll at once, deadline ${plan.metricTimeoutSeconds} s each; a first breached reading is re-checked after ${plan.recheckSeconds} s`,
  );
  lines.push('  gates:');
  for (const g of plan.gates) {
    const window =
      g.windowMinutes !== undefined ? ` over ${g.windowMinutes} min (min ${g.minSamples} samples)` : '';
    const every = g.checkIntervalSeconds !== undefined ? `, checked every ${g.checkIntervalSeconds} s` : '';
    const cmp = isHealthGate(g.gate)
      ? `> ${g.threshold} consecutive failed checks`
      : `> ${g.threshold}${g.unit === '%' ? '%' : ` ${g.unit}`}${window}`;
    const limits =
      g.failureLimit !== undefined
        ? `; acts after ${g.failureLimit} breached reading(s) in a row; no verdict after ${g.inconclusiveLimit} readings in a row without data (or more than half)`
        : '';
    lines.push(
      `    - ${g.gate}: breach when ${cmp}${every} → ${g.verdictOnBreach} [${g.actions.join(', ') || 'no action'}]; no data: ${g.noData}${limits}`,
    );
    lines.push(`        ${g.source}`);
  }
  const ar = plan.autoRollback;
  lines.push(
    `  auto rollback: ${ar.enabled ? (ar.confirmationRequired ? 'enabled, needs confirmation (the rollback command is printed, nothing is rolled back)' : 'enabled') : 'disabled (fail verdicts alert only)'}; timeout ${ar.timeoutMinutes} min`,
    `  rollback would restore: ${ar.backup ?? '(none)'}${ar.backupSha256 ? ` sha256 ${ar.backupSha256}` : ''}${ar.backupRelease ? ` (release ${ar.backupRelease})` : ''} — ${ar.backupDetail}`,
    `  notifications: ${plan.notifications.channels.join(', ') || '(no channels)'} — ${plan.notifications.detail}`,
  );
  if (plan.notifications.escalation.length)
    lines.push(`  escalation: ${plan.notifications.escalation.join('; ')}`);
  return lines.join('\n');
}
