import { isAbsolute, resolve } from 'node:path';
import { GATE_CATALOG, METRIC_GATE_NAMES } from '../domain/gates/catalog/catalog.js';
import type { GateLimits } from '../domain/gates/catalog/gate-module.js';
import type { MetricGateName } from '../domain/gates/catalog/names.js';
import { CONFIG_CHANNELS, type ConfigChannelName } from './channels-schema.js';
import type { ConfigFile, EnvironmentFileConfig } from './file-schema.js';
import {
  type ChannelName,
  type EnvironmentConfig,
  type EscalationLevel,
  type LogLevelName,
  type MetricGate,
  type QualityGates,
} from './model.js';
import { substituteTree, type UnsetVariable } from './substitute.js';

export interface NormalizeInput {
  file: ConfigFile;
  envName: string;
  /** Relative paths in the file resolve against this folder. */
  configDir: string;
  /** Where `${VAR}` values come from. */
  lookup: (name: string) => string | undefined;
  toolVersion: string;
}

export interface Normalized {
  env: EnvironmentConfig;
  /** Unset `${VAR}` (no default) in values the commands need: a config error. */
  unset: UnsetVariable[];
  /** Unset `${VAR}` in a channel's settings: that channel lacks a setting (an error where it sends). */
  unsetInChannels: UnsetVariable[];
  /** Values that became invalid after substitution, one line each. */
  problems: string[];
}

const DEFAULT_HEALTH_TIMEOUT_SECONDS = 5;
const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;

/** One environment of a validated file → the internal model (see model.ts). */
export function normalizeEnvironment(input: NormalizeInput): Normalized {
  const { file, envName, configDir, lookup } = input;
  const sub = substituteTree(file.environments[envName], ['environments', envName], lookup);
  const glob = substituteTree(file.global_settings, ['global_settings'], lookup);
  const raw: EnvironmentFileConfig = sub.value;
  const global = glob.value;
  const allUnset = [...sub.unset, ...glob.unset];
  const channelPrefix = `environments.${envName}.notifications.channels.`;
  const unsetInChannels = allUnset.filter((u) => u.path.startsWith(channelPrefix));
  const unset = allUnset.filter((u) => !u.path.startsWith(channelPrefix));
  const problems: string[] = [];
  const at = (p: string) => `environments.${envName}.${p}`;

  const checkUrl = (path: string, value: string) => {
    if (!/^https?:\/\/[^\s/?#]+\S*$/.test(value) && !unset.some((u) => u.path === path))
      problems.push(`${path}: expected an http(s) URL after substituting variables`);
  };
  checkUrl(at('service.base_url'), raw.service.base_url);
  if (raw.metrics_source.type === 'prometheus') checkUrl(at('metrics_source.url'), raw.metrics_source.url);

  const localTarget =
    raw.target?.type === 'local'
      ? {
          ...raw.target,
          root: isAbsolute(raw.target.root) ? raw.target.root : resolve(configDir, raw.target.root),
        }
      : undefined;
  const targetRoot = localTarget?.root;
  const backupBase = targetRoot ?? configDir;

  const env: EnvironmentConfig = {
    description: raw.description,
    service: {
      base_url: raw.service.base_url.replace(/\/+$/, ''),
      health_path: raw.service.health_path ?? global.health_check_endpoint,
      metrics_path: raw.service.metrics_path ?? global.metrics_endpoint,
      queue_status_path: raw.service.queue_status_path,
      admin_path: raw.service.admin_path,
      request_timeout_seconds:
        raw.service.request_timeout_seconds ?? global.timeout_seconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS,
      user_agent: global.user_agent ?? `dhash-rollout/${input.toolVersion}`,
    },
    target: localTarget ?? raw.target,
    backup: {
      ...raw.backup,
      dir: isAbsolute(raw.backup.dir) ? raw.backup.dir : resolve(backupBase, raw.backup.dir),
    },
    migrations: raw.migrations,
    metrics_source: raw.metrics_source,
    monitoring: raw.monitoring,
    quality_gates: qualityGates(raw, global.timeout_seconds),
    notifications: notifications(raw),
    auto_rollback: raw.auto_rollback,
    log_level: logLevel(global.log_level),
  };
  return { env, unset, unsetInChannels, problems };
}

function qualityGates(raw: EnvironmentFileConfig, globalTimeout: number | undefined): QualityGates {
  const out: QualityGates = {};
  const gates = raw.quality_gates;
  if (gates.health?.enabled) {
    const h = gates.health;
    const limits = GATE_CATALOG.health.limits(h.threshold);
    const interval = limits.checkIntervalSeconds;
    out.health = {
      enabled: true,
      description: h.description,
      actions: h.actions,
      consecutive_failures: limits.limit,
      check_interval_seconds: interval,
      confirm_interval_seconds: h.confirm_interval_seconds ?? Math.min(10, interval),
      timeout_seconds: h.timeout_seconds ?? globalTimeout ?? DEFAULT_HEALTH_TIMEOUT_SECONDS,
    };
  }
  const metric = (name: MetricGateName): MetricGate | undefined => {
    const g = gates[name];
    if (!g?.enabled) return undefined;
    // Each module knows its own threshold fields; the catalog entry and the file entry share the name.
    const limits = (GATE_CATALOG[name].limits as (t: unknown) => GateLimits)(g.threshold);
    const gate: MetricGate = {
      enabled: true,
      description: g.description,
      actions: g.actions,
      threshold: limits.limit,
      no_data: g.no_data,
      failure_limit: g.failure_limit,
    };
    if (limits.windowMinutes !== undefined) gate.evaluation_window_minutes = limits.windowMinutes;
    if (limits.minSamples !== undefined) gate.min_sample_size = limits.minSamples;
    if (limits.checkIntervalSeconds !== undefined) gate.check_interval_seconds = limits.checkIntervalSeconds;
    if (g.inconclusive_limit !== undefined) gate.inconclusive_limit = g.inconclusive_limit;
    if (gate.description === undefined) delete gate.description;
    return gate;
  };
  for (const name of METRIC_GATE_NAMES) {
    const gate = metric(name);
    if (gate) out[name] = gate;
  }
  if (out.health && out.health.description === undefined) delete out.health.description;
  return out;
}

// Every channel the file accepts is one the catalog delivers to.
const isDeliverable = (c: string): c is ChannelName => (CONFIG_CHANNELS as readonly string[]).includes(c);

function notifications(raw: EnvironmentFileConfig): EnvironmentConfig['notifications'] {
  const n = raw.notifications;
  const enabled = (Object.entries(n.channels) as [ConfigChannelName, { enabled: boolean } | undefined][])
    .filter(([, c]) => c?.enabled)
    .map(([name]) => name);
  const settings: Partial<Record<ConfigChannelName, Record<string, unknown>>> = {};
  for (const name of enabled) {
    const { enabled: _enabled, ...rest } = n.channels[name] as Record<string, unknown>;
    settings[name] = rest;
  }
  const levels: EscalationLevel[] = n.escalation.escalation_levels.map((l) => {
    const level: EscalationLevel = {
      after_minutes: n.escalation.initial_delay_minutes + l.delay_minutes,
      recipients: l.recipients,
    };
    if (l.channels) {
      level.config_channels = l.channels;
      level.channels = l.channels.filter(isDeliverable);
    }
    if (l.recipients.length > 0) level.mention = l.recipients.join(' ');
    return level;
  });
  return {
    channels: enabled.filter(isDeliverable),
    enabled_channels: enabled,
    channel_settings: settings,
    escalation: {
      enabled: n.escalation.enabled,
      initial_delay_minutes: n.escalation.initial_delay_minutes,
      levels,
    },
    deadline_seconds: n.deadline_seconds,
    attempt_timeout_seconds: n.attempt_timeout_seconds,
    max_attempts: n.max_attempts,
    max_retry_after_seconds: n.max_retry_after_seconds,
    allow_insecure_loopback: n.allow_insecure_loopback,
    ...(n.mentions ? { mentions: n.mentions } : {}),
  };
}

function logLevel(value: string): LogLevelName {
  const upper = value.toUpperCase();
  return (upper === 'WARNING' ? 'WARN' : upper) as LogLevelName;
}
