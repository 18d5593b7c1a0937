import type { ChannelName } from '../config/schema.js';

/**
 * The demo's own config: one `demo` environment with a short real-time monitoring window, a local
 * target in the demo's workspace, and the production gate thresholds. Time is never faked: the
 * windows are short, not accelerated.
 */
export interface DemoConfigInput {
  port: number;
  targetRoot: string;
  /** Channels the user configured (webhook variables set); the demo adds a dead loopback webhook. */
  userChannels: ChannelName[];
  windowSeconds: number;
}

// eslint-disable-next-line max-lines-per-function -- one config object literal, read as a whole
export function demoConfig(input: DemoConfigInput): Record<string, unknown> {
  const rollback = ['alert', 'auto_rollback'];
  return {
    title: 'dhash-rollout demo',
    version: '1.0.0',
    default_environment: 'demo',
    environments: {
      demo: {
        description: 'npm run demo: a local target, a short real-time window, production thresholds.',
        service: { base_url: `http://127.0.0.1:${input.port}`, request_timeout_seconds: 10 },
        target: {
          type: 'local',
          root: input.targetRoot,
          keep_releases: 5,
          start_command: 'node server.js',
          stop_timeout_seconds: 5,
          health_timeout_seconds: 30,
        },
        backup: {
          dir: 'backups',
          paths: ['current', 'shared/config'],
          database_path: 'shared/data/dhash.sqlite',
          keep_last: 5,
        },
        migrations: { driver: 'embedded', dir: 'migrations', database_path: 'shared/data/dhash.sqlite' },
        metrics_source: { type: 'scrape' },
        monitoring: {
          window_minutes: input.windowSeconds / 60,
          poll_intervals: { initial_minutes: 0.25, initial_interval_seconds: 2, normal_interval_seconds: 3 },
          progress_log_seconds: 10,
        },
        quality_gates: {
          health: {
            enabled: true,
            description: 'Checked every 2 s; failures confirmed every second.',
            threshold: { consecutive_failures: 2, check_interval_seconds: 2 },
            confirm_interval_seconds: 1,
            timeout_seconds: 3,
            actions: rollback,
          },
          extraction_failure_rate: {
            enabled: true,
            threshold: { max_failure_percentage: 5, evaluation_window_minutes: 0.5, min_sample_size: 20 },
            actions: rollback,
          },
          p95_hash_time: {
            enabled: true,
            threshold: { max_time_ms: 2000, evaluation_window_minutes: 0.5, min_sample_size: 20 },
            actions: rollback,
          },
          low_confidence_queue: { enabled: true, threshold: { max_queue_length: 1000 }, actions: rollback },
          memory_usage: { enabled: true, threshold: { max_usage_percentage: 85 }, actions: ['alert'] },
          error_rate: {
            enabled: true,
            threshold: { max_error_percentage: 3, evaluation_window_minutes: 0.5, min_sample_size: 10 },
            actions: ['alert'],
          },
        },
        notifications: {
          channels: Object.fromEntries(
            ['webhook', ...input.userChannels.filter((c) => c !== 'webhook')].map((c) => [
              c,
              { enabled: true },
            ]),
          ),
          escalation: { enabled: false, escalation_levels: [] },
          deadline_seconds: 4,
          attempt_timeout_seconds: 2,
          max_attempts: 2,
          allow_insecure_loopback: true,
        },
        auto_rollback: {
          enabled: true,
          confirmation_required: false,
          backup_retention_hours: 24,
          rollback_timeout_minutes: 3,
        },
      },
    },
  };
}
