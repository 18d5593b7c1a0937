import type { LoadedConfig } from '../../config/load.js';
import type { MetricSource } from '../../adapters/metrics/metric-source.js';
import type { GateRule } from '../../domain/gates/types.js';
import { pollOffsets, type PollPlanInput } from '../../domain/schedule/poll-schedule.js';

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
    confirmIntervalSeconds: number;
    consecutiveFailures: number;
    timeoutSeconds: number;
    worstCaseDetectionSeconds: number;
  } | null;
  gates: PlannedGate[];
  autoRollback: {
    enabled: boolean;
    confirmationRequired: boolean;
    timeoutMinutes: number;
    backup: string | null;
    backupDetail: string;
  };
  notifications: { channels: string[]; available: boolean; detail: string; escalation: string[] };
}

export function buildPlan(
  config: LoadedConfig,
  rules: readonly GateRule[],
  source: MetricSource,
  poll: PollPlanInput,
  backup: { backup: string | null; detail: string },
  notifier: { available: boolean; detail: string },
): MonitorPlan {
  const env = config.env;
  const health = env.quality_gates.health;
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
    health:
      health && health.enabled
        ? {
            url: source.healthUrl,
            confirmIntervalSeconds: health.confirm_interval_seconds,
            consecutiveFailures: health.consecutive_failures,
            timeoutSeconds: health.timeout_seconds,
            worstCaseDetectionSeconds: (health.consecutive_failures + 1) * health.confirm_interval_seconds,
          }
        : null,
    gates: rules.map((r) => ({
      gate: r.gate,
      threshold: r.threshold,
      unit: r.unit,
      actions: r.actions,
      verdictOnBreach: r.actions.includes('auto_rollback') ? 'fail' : 'warn',
      windowMinutes: r.windowMs !== undefined ? r.windowMs / 60_000 : undefined,
      minSamples: r.minSamples,
      checkIntervalSeconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : undefined,
      noData: r.gate === 'health' ? 'a failed check' : r.noData,
      source: source.describe(r),
    })),
    autoRollback: {
      enabled: env.auto_rollback.enabled,
      confirmationRequired: env.auto_rollback.confirmation_required,
      timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
      backup: backup.backup,
      backupDetail: backup.detail,
    },
    notifications: {
      channels: env.notifications.channels,
      available: notifier.available,
      detail: notifier.detail,
      escalation: env.notifications.escalation.enabled
        ? env.notifications.escalation.levels.map(
            (l) =>
              `after ${l.after_minutes} min${l.mention ? ` ${l.mention}` : ''}${(l.config_channels ?? l.channels) ? ` via ${(l.config_channels ?? l.channels)!.join(', ')}` : ''}`,
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
    lines.push(
      `  health: GET ${plan.health.url} every ${plan.health.confirmIntervalSeconds} s (timeout ${plan.health.timeoutSeconds} s, one retry per check); breach after more than ${plan.health.consecutiveFailures} consecutive failed checks, i.e. a hard-down service is detected within about ${plan.health.worstCaseDetectionSeconds} s`,
    );
  }
  lines.push('  gates:');
  for (const g of plan.gates) {
    const window =
      g.windowMinutes !== undefined ? ` over ${g.windowMinutes} min (min ${g.minSamples} samples)` : '';
    const every = g.checkIntervalSeconds !== undefined ? `, checked every ${g.checkIntervalSeconds} s` : '';
    const cmp =
      g.gate === 'health'
        ? `> ${g.threshold} consecutive failed checks`
        : `> ${g.threshold}${g.unit === '%' ? '%' : ` ${g.unit}`}${window}`;
    lines.push(
      `    - ${g.gate}: breach when ${cmp}${every} → ${g.verdictOnBreach} [${g.actions.join(', ') || 'no action'}]; no data: ${g.noData}`,
    );
    lines.push(`        ${g.source}`);
  }
  const ar = plan.autoRollback;
  lines.push(
    `  auto rollback: ${ar.enabled ? (ar.confirmationRequired ? 'enabled, needs confirmation (the rollback command is printed, nothing is rolled back)' : 'enabled') : 'disabled (fail verdicts alert only)'}; timeout ${ar.timeoutMinutes} min`,
    `  rollback would use: ${ar.backup ?? '(unknown)'} — ${ar.backupDetail}`,
    `  notifications: ${plan.notifications.channels.join(', ') || '(no channels)'} — ${plan.notifications.detail}`,
  );
  if (plan.notifications.escalation.length)
    lines.push(`  escalation: ${plan.notifications.escalation.join('; ')}`);
  return lines.join('\n');
}
