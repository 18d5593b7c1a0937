import type { GateAction, GateName, MetricGateName } from '../domain/gates/catalog/names.js';
import type { ConfigChannelName } from './channels-schema.js';

/**
 * The normalized configuration the commands consume: one environment of the file, with every
 * default applied, `${VAR}` substituted, relative paths made absolute, and the seed's nested
 * `threshold` objects flattened into limits. The file's shape (file-schema.ts) can follow the
 * seed; this shape follows what the code needs, and changes only when the code does.
 */

import type { MentionMap } from './mentions-schema.js';
/** Channel names come from the channel catalog (src/domain/channels/catalog.ts). */
export { CHANNEL_NAMES as CHANNELS, type ChannelName } from './channels.js';
import type { ChannelName } from './channels.js';

export interface HealthGate {
  enabled: true;
  description?: string;
  actions: GateAction[];
  /** Breach when failed checks in a row exceed this. */
  consecutive_failures: number;
  /** Seconds between health checks (its own loop). */
  check_interval_seconds: number;
  /** After a failed check, re-check this often. */
  confirm_interval_seconds: number;
  /** Timeout of one health request. */
  timeout_seconds: number;
}

export interface MetricGate {
  enabled: true;
  description?: string;
  actions: GateAction[];
  /** The limit in the gate's unit (max_failure_percentage, max_time_ms, …). */
  threshold: number;
  evaluation_window_minutes?: number;
  min_sample_size?: number;
  /** Evaluate at most this often; undefined = every poll. */
  check_interval_seconds?: number;
  no_data: 'inconclusive' | 'pass' | 'fail';
  /** Consecutive breached readings before the gate acts. */
  failure_limit: number;
  /** Consecutive inconclusive readings that make the run inconclusive; undefined = more than half of the window's readings. */
  inconclusive_limit?: number;
}

/** Only enabled gates are present; an absent gate is off. Every gate of the catalog but health is a MetricGate. */
export type QualityGates = { health?: HealthGate } & { [N in MetricGateName]?: MetricGate };

export interface MonitoringConfig {
  window_minutes: number;
  poll_intervals: {
    initial_minutes: number;
    initial_interval_seconds: number;
    normal_interval_seconds: number;
  };
  progress_log_seconds: number;
}

export interface EscalationLevel {
  /** Minutes after the breach began (initial_delay_minutes + the level's delay_minutes). */
  after_minutes: number;
  /** Restrict to these channels; undefined = every enabled channel. */
  channels?: ChannelName[];
  /** The level's channels as the file names them (may include "console", "pager"). */
  config_channels?: ConfigChannelName[];
  recipients: string[];
  /** recipients joined with spaces, for the renderers; undefined when there are none. */
  mention?: string;
}

export interface NotificationsConfig {
  /** Enabled channels the notifier can deliver to, in file order. */
  channels: ChannelName[];
  /** Every enabled channel of the file, including "console" and "pager". */
  enabled_channels: ConfigChannelName[];
  /** Each enabled channel's settings after `${VAR}` substitution (secrets included: redact). */
  channel_settings: Partial<Record<ConfigChannelName, Record<string, unknown>>>;
  escalation: { enabled: boolean; initial_delay_minutes: number; levels: EscalationLevel[] };
  deadline_seconds: number;
  attempt_timeout_seconds: number;
  max_attempts: number;
  max_retry_after_seconds: number;
  allow_insecure_loopback: boolean;
  /** Recipient names mapped to native mentions per platform. */
  mentions?: MentionMap;
}

export interface AutoRollbackConfig {
  enabled: boolean;
  confirmation_required: boolean;
  backup_retention_hours: number;
  rollback_timeout_minutes: number;
}

export interface ServiceConfig {
  base_url: string;
  health_path: string;
  metrics_path: string;
  queue_status_path: string;
  admin_path: string;
  request_timeout_seconds: number;
  /** Sent as User-Agent on every request (global_settings.user_agent). */
  user_agent: string;
}

export interface LocalTargetConfig {
  type: 'local';
  /** Absolute. */
  root: string;
  keep_releases: number;
  install_command?: string;
  restart_command?: string;
  start_command: string;
  stop_timeout_seconds: number;
  health_timeout_seconds: number;
  env: Record<string, string>;
}

export interface CommandTargetConfig {
  type: 'command';
  commands: { deploy: string; restart: string; rollback: string; status: string };
  timeout_seconds: number;
  health_timeout_seconds: number;
  env: Record<string, string>;
}

export type TargetConfig = LocalTargetConfig | CommandTargetConfig;

export interface BackupConfig {
  /** Absolute: target.root/<dir> for a local target, else relative to the config file's folder. */
  dir: string;
  paths: string[];
  database_path?: string;
  keep_last: number;
  /** Those of paths that may be missing. */
  optional_paths: string[];
  /** Octal modes, e.g. "0600" / "0700". */
  file_mode: string;
  dir_mode: string;
  restore_setid: boolean;
  /** Environment variable holding the backup HMAC key. */
  signing_key_env: string;
  /** Which compressed small files are inflated back while writing (see RoundTrip). */
  round_trip: 'sampled' | 'every_file';
}

export interface MigrationsConfig {
  driver: 'embedded' | 'postgres';
  dir: string;
  database_path?: string;
  database_url_env: string;
}

export type MetricsSourceConfig =
  | { type: 'scrape' }
  | {
      type: 'prometheus';
      url: string;
      selector: string;
      queries: Partial<Record<Exclude<GateName, 'health'>, string>>;
    };

export type LogLevelName = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'CRITICAL';

export interface EnvironmentConfig {
  description?: string;
  service: ServiceConfig;
  target?: TargetConfig;
  backup: BackupConfig;
  migrations: MigrationsConfig;
  metrics_source: MetricsSourceConfig;
  monitoring: MonitoringConfig;
  quality_gates: QualityGates;
  notifications: NotificationsConfig;
  auto_rollback: AutoRollbackConfig;
  /** global_settings.log_level: the lowest level written to the console. */
  log_level: LogLevelName;
}
