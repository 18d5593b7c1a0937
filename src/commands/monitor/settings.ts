import type { EnvironmentConfig, GateName } from '../../config/schema.js';
import { isHealthGate, type GateRule } from '../../domain/gates/types.js';
import { pollOffsets, type PollPlanInput } from '../../domain/schedule/poll-schedule.js';

/**
 * Everything the monitor's timing and limits depend on, read from the config in this one place
 * (so a change of the config's shape touches only this file), with the defaults documented in
 * docs/monitor.md.
 */
export interface HealthSettings {
  /** Time between checks while the service is healthy. */
  intervalMs: number;
  /** Time between the fast re-checks that confirm a failed check. */
  confirmIntervalMs: number;
  /** Deadline of one check (both attempts of it). */
  timeoutMs: number;
  /** A breach is more than this many failed checks in a row. */
  consecutiveFailures: number;
}

export interface GateLimits {
  /** Consecutive breached readings before the gate is in breach (the 2nd one a fast re-check). */
  failureLimit: number;
  /** More consecutive no-data readings than this and the gate has no verdict. */
  inconclusiveLimit: number;
}

export interface MonitorSettings {
  health: HealthSettings | null;
  limits: Partial<Record<GateName, GateLimits>>;
  /** Time after a first breached reading of a metric gate until its confirmation re-check. */
  recheckMs: number;
  /** Deadline of one metric request: below the shortest poll interval, so polls keep schedule. */
  metricTimeoutMs: number;
  autoRollback: { enabled: boolean; confirmationRequired: boolean; timeoutMinutes: number };
}

export const DEFAULT_FAILURE_LIMIT = 2;

/** Reads an optional key a newer config shape may carry, without typing the whole shape here. */
function optionalNumber(source: unknown, key: string): number | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function gateSection(env: EnvironmentConfig, gate: string): Record<string, unknown> | undefined {
  const section = (env.quality_gates as Record<string, unknown>)[gate] as Record<string, unknown> | undefined;
  if (!section) return undefined;
  // The seed's shape keeps the numbers under `threshold: {...}`; look there too.
  const threshold = section.threshold;
  return threshold && typeof threshold === 'object' ? { ...section, ...threshold } : section;
}

export function monitorSettings(
  env: EnvironmentConfig,
  rules: readonly GateRule[],
  poll: PollPlanInput,
): MonitorSettings {
  const gates = env.quality_gates as Record<string, unknown>;
  // The gate is "health" in the seed's shape, "health_check" before it.
  const healthSection =
    (gates.health as Record<string, unknown> | undefined) ?? gateSection(env, 'health_check');
  const healthRule = rules.find((r) => isHealthGate(r.gate));
  let health: HealthSettings | null = null;
  if (healthRule) {
    const merged = { ...healthSection, ...(healthSection?.threshold as Record<string, unknown> | undefined) };
    const confirmS = optionalNumber(merged, 'confirm_interval_seconds') ?? 10;
    health = {
      intervalMs: (optionalNumber(merged, 'check_interval_seconds') ?? confirmS) * 1000,
      confirmIntervalMs: confirmS * 1000,
      timeoutMs: (optionalNumber(merged, 'timeout_seconds') ?? env.service.request_timeout_seconds) * 1000,
      consecutiveFailures: healthRule.threshold,
    };
  }
  const plannedPolls = pollOffsets(poll).length;
  const limits: Partial<Record<GateName, GateLimits>> = {};
  for (const rule of rules) {
    if (isHealthGate(rule.gate)) continue;
    const section = gateSection(env, rule.gate);
    // The config's normalized model puts the limits on the rule; older shapes keep them in the section.
    const fromRule = rule as { failureLimit?: number; inconclusiveLimit?: number };
    limits[rule.gate] = {
      failureLimit: Math.max(
        1,
        Math.round(
          fromRule.failureLimit ?? optionalNumber(section, 'failure_limit') ?? DEFAULT_FAILURE_LIMIT,
        ),
      ),
      inconclusiveLimit: Math.round(
        fromRule.inconclusiveLimit ??
          optionalNumber(section, 'inconclusive_limit') ??
          Math.max(1, Math.floor(plannedPolls / 2)),
      ),
    };
  }
  const shortestPollMs = Math.min(poll.initialIntervalMs, poll.normalIntervalMs);
  const recheckMs = health?.confirmIntervalMs ?? 10_000;
  return {
    health,
    limits,
    recheckMs: Math.min(recheckMs, shortestPollMs / 2),
    metricTimeoutMs: Math.max(
      200,
      Math.min(env.service.request_timeout_seconds * 1000, Math.floor(shortestPollMs * 0.8)),
    ),
    autoRollback: {
      enabled: env.auto_rollback.enabled,
      confirmationRequired: env.auto_rollback.confirmation_required,
      timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
    },
  };
}

/**
 * Worst-case time from a service going down (hung or refusing) to the health gate's breach:
 * it dies just after a check passed; the next check starts one interval later and fails at its
 * deadline at the latest; then `consecutiveFailures` re-checks follow, each starting a confirm
 * interval after the previous one started (or when it ended, if that is later), the last one
 * failing at its deadline. The same in every polling phase, because health has its own timer.
 */
export function worstCaseDetectionMs(health: HealthSettings): number {
  return (
    health.intervalMs +
    health.consecutiveFailures * Math.max(health.confirmIntervalMs, health.timeoutMs) +
    health.timeoutMs
  );
}
