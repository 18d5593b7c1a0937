import { z } from 'zod';
import { MentionsSchema } from './mentions-schema.js';

/**
 * The schema of quality-gates-config.json. Objects are strict: an unknown key is an error, so a
 * typo such as "treshold" cannot silently disable a gate. The committed JSON Schema is generated
 * from this file (`dhash-rollout config-schema`) and a test fails when the two drift.
 */

export const GATE_NAMES = [
  'health_check',
  'extraction_failure_rate',
  'p95_hash_time',
  'low_confidence_queue',
  'memory_usage',
  'error_rate',
] as const;
export type GateName = (typeof GATE_NAMES)[number];

export const GATE_ACTIONS = ['alert', 'auto_rollback'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

/** Channel names come from the channel catalog (src/adapters/notify/channels). */
export { CHANNEL_NAMES as CHANNELS, type ChannelName } from './channels.js';
import { CHANNEL_NAMES as CHANNELS } from './channels.js';

const positive = (what: string) =>
  z
    .number({ error: `expected a number (${what})` })
    .positive({ error: `expected a number greater than 0 (${what})` });
const positiveInt = (what: string) =>
  z
    .number({ error: `expected an integer (${what})` })
    .int({ error: `expected an integer (${what})` })
    .positive({ error: `expected an integer greater than 0 (${what})` });
const percent = z
  .number({ error: 'expected a percentage between 0 and 100' })
  .positive({ error: 'expected a percentage greater than 0' })
  .max(100, { error: 'expected a percentage of at most 100' });

const actions = z
  .array(z.enum(GATE_ACTIONS, { error: `expected one of ${GATE_ACTIONS.map((a) => `"${a}"`).join(', ')}` }))
  .refine((a) => new Set(a).size === a.length, { error: 'each action may appear once' })
  .describe('What a breach does: "alert" notifies; "auto_rollback" rolls back (when auto_rollback.enabled).');

/** What a metric gate does when its source returns no data for a poll. */
const noData = z
  .enum(['inconclusive', 'pass', 'fail'], { error: 'expected "inconclusive", "pass" or "fail"' })
  .default('inconclusive')
  .describe('Verdict when the metric is missing. "inconclusive" never rolls back.');

const gateCommon = {
  enabled: z.boolean({ error: 'expected true or false' }).default(true),
  actions,
  check_interval_seconds: positive('seconds between evaluations of this gate; default: every poll')
    .optional()
    .describe('Evaluate this gate at most this often. Default: at every poll.'),
  no_data: noData,
};

const windowed = {
  evaluation_window_minutes: positive('minutes').describe('Window over which counter increases are taken.'),
  min_sample_size: z
    .number({ error: 'expected an integer' })
    .int({ error: 'expected an integer' })
    .nonnegative({ error: 'expected an integer of at least 0' })
    .describe('Below this many events in the window the gate is inconclusive, never failed.'),
};

export const HealthGateSchema = z
  .strictObject({
    enabled: gateCommon.enabled,
    actions,
    consecutive_failures: positiveInt('consecutive non-OK checks tolerated').describe(
      'Breach when consecutive non-OK health checks exceed this number.',
    ),
    confirm_interval_seconds: positive('seconds')
      .default(10)
      .describe('After a failed check, re-check this often until confirmed or recovered.'),
    timeout_seconds: positive('seconds').default(5).describe('Timeout of one health request.'),
  })
  .describe('GET /health: non-2xx, timeout, unparsable JSON or status != "ok" is a failed check.');

export const ExtractionFailureGateSchema = z
  .strictObject({
    ...gateCommon,
    threshold: percent.describe('Percent of failed extractions in the window.'),
    ...windowed,
  })
  .describe('Failed share of dhash_extractions_total over the window.');

export const P95GateSchema = z
  .strictObject({
    ...gateCommon,
    threshold: positive('milliseconds').describe('P95 hash time in milliseconds.'),
    ...windowed,
  })
  .describe('P95 of dhash_hash_duration_seconds over the window, from histogram bucket increases.');

export const QueueGateSchema = z
  .strictObject({
    ...gateCommon,
    threshold: positive('queue items').describe('Low-confidence queue length.'),
  })
  .describe('Instant low-confidence review queue length.');

export const MemoryGateSchema = z
  .strictObject({
    ...gateCommon,
    threshold: percent.describe('Resident memory as percent of the memory limit.'),
  })
  .describe('process_resident_memory_bytes / dhash_memory_limit_bytes.');

export const ErrorRateGateSchema = z
  .strictObject({
    ...gateCommon,
    threshold: percent.describe('Percent of HTTP responses with a 5xx code.'),
    ...windowed,
  })
  .describe('5xx share of dhash_http_requests_total over the window.');

export const QualityGatesSchema = z.strictObject({
  health_check: HealthGateSchema.optional(),
  extraction_failure_rate: ExtractionFailureGateSchema.optional(),
  p95_hash_time: P95GateSchema.optional(),
  low_confidence_queue: QueueGateSchema.optional(),
  memory_usage: MemoryGateSchema.optional(),
  error_rate: ErrorRateGateSchema.optional(),
});

export const MonitoringSchema = z
  .strictObject({
    window_minutes: positive('minutes').describe('How long a fresh deployment is watched.'),
    poll_intervals: z.strictObject({
      initial_minutes: z
        .number({ error: 'expected a number (minutes)' })
        .nonnegative({ error: 'expected a number of at least 0' }),
      initial_interval_seconds: positive('seconds'),
      normal_interval_seconds: positive('seconds'),
    }),
    progress_log_seconds: positive('seconds').default(60).describe('Without a TTY, log progress this often.'),
  })
  .refine((m) => m.poll_intervals.initial_minutes <= m.window_minutes, {
    error: 'poll_intervals.initial_minutes must not be longer than window_minutes',
    path: ['poll_intervals', 'initial_minutes'],
  });

export const EscalationSchema = z.strictObject({
  enabled: z.boolean().default(true),
  levels: z
    .array(
      z.strictObject({
        after_minutes: positive('minutes a breach has lasted'),
        channels: z.array(z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` })).optional(),
        mention: z.string().optional().describe('Who to call out, e.g. "@dhash-oncall".'),
      }),
    )
    .default([]),
});

export const NotificationsSchema = z.strictObject({
  channels: z
    .array(z.enum(CHANNELS, { error: `expected one of ${CHANNELS.map((c) => `"${c}"`).join(', ')}` }))
    .refine((a) => new Set(a).size === a.length, { error: 'each channel may appear once' }),
  escalation: EscalationSchema.default({ enabled: true, levels: [] }),
  deadline_seconds: positive('seconds')
    .default(30)
    .describe('Overall deadline for one message to all channels.'),
  attempt_timeout_seconds: positive('seconds').default(10),
  max_attempts: positiveInt('attempts per channel').default(4),
  max_retry_after_seconds: positive('seconds')
    .default(60)
    .describe('Cap on a Retry-After the channel asks for.'),
  allow_insecure_loopback: z
    .boolean()
    .default(false)
    .describe('Allow plain http:// webhooks to loopback addresses (tests and local demos only).'),
  mentions: MentionsSchema.optional(),
});

export const AutoRollbackSchema = z.strictObject({
  enabled: z.boolean({ error: 'expected true or false' }),
  confirmation_required: z.boolean({ error: 'expected true or false' }),
  backup_retention_hours: positive('hours'),
  rollback_timeout_minutes: positive('minutes'),
});

export const ServiceSchema = z.strictObject({
  base_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as "http://127.0.0.1:8080"' }),
  health_path: z.string().startsWith('/', { error: 'expected a path starting with "/"' }).default('/health'),
  metrics_path: z
    .string()
    .startsWith('/', { error: 'expected a path starting with "/"' })
    .default('/metrics'),
  queue_status_path: z
    .string()
    .startsWith('/', { error: 'expected a path starting with "/"' })
    .default('/api/dhash/queue/status'),
  admin_path: z.string().startsWith('/', { error: 'expected a path starting with "/"' }).default('/admin'),
  request_timeout_seconds: positive('seconds').default(10),
});

const envVars = z.record(z.string(), z.string()).default({});

export const LocalTargetSchema = z.strictObject({
  type: z.literal('local'),
  root: z
    .string()
    .min(1, { error: 'expected a directory path' })
    .describe('Holds releases/, current, shared/.'),
  keep_releases: positiveInt('releases kept').default(5),
  install_command: z.string().optional().describe('Run inside the new release before the switch.'),
  restart_command: z
    .string()
    .optional()
    .describe('E.g. "systemctl restart dhash". Without it the built-in supervisor runs start_command.'),
  start_command: z
    .string()
    .default('node server.js')
    .describe('Supervisor: how to start the service, run in current/.'),
  stop_timeout_seconds: positive('seconds').default(10),
  health_timeout_seconds: positive('seconds').default(30),
  env: envVars.describe('Extra environment for the service process.'),
});

export const CommandTargetSchema = z.strictObject({
  type: z.literal('command'),
  commands: z.strictObject({
    deploy: z.string().min(1),
    restart: z.string().min(1),
    rollback: z.string().min(1),
    status: z.string().min(1),
  }),
  timeout_seconds: positive('seconds').default(600),
  health_timeout_seconds: positive('seconds').default(60),
  env: envVars,
});

export const TargetSchema = z.discriminatedUnion('type', [LocalTargetSchema, CommandTargetSchema], {
  error: 'expected "type" to be "local" or "command"',
});

export const BackupSchema = z.strictObject({
  dir: z.string().default('backups').describe('Where backups/dhash_<env>_<stamp>.zip are written.'),
  paths: z
    .array(z.string().min(1))
    .default(['current', 'shared'])
    .describe('Paths under the target root to archive (the current release, config, data).'),
  database_path: z
    .string()
    .optional()
    .describe('The embedded database file under the target root; snapshotted consistently, not copied live.'),
  keep_last: positiveInt('backups always kept').default(5),
  optional_paths: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Those of backup.paths that may be missing (skipped with a warning); any other missing path fails the backup.',
    ),
  file_mode: z
    .string()
    .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0600"' })
    .default('0600')
    .describe(
      'Mode of backup files, sidecars and pre-rollback snapshots (they hold the database and secrets).',
    ),
  dir_mode: z
    .string()
    .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0700"' })
    .default('0700')
    .describe('Mode of the backups folder and its pre-rollback/ folder.'),
  restore_setid: z
    .boolean()
    .default(false)
    .describe('Restore setuid/setgid bits recorded in a backup (default: cleared).'),
  signing_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' })
    .default('DHASH_BACKUP_HMAC_KEY')
    .describe(
      'Environment variable holding the HMAC key: when set, backups are signed and unsigned ones are refused.',
    ),
});

export const MigrationsSchema = z.strictObject({
  driver: z
    .enum(['embedded', 'postgres'], { error: 'expected "embedded" or "postgres"' })
    .default('embedded'),
  dir: z
    .string()
    .default('migrations')
    .describe('Directory of NNN_name.up.sql / NNN_name.down.sql, relative to the release.'),
  database_path: z.string().optional().describe('embedded: database file, relative to the target root.'),
  database_url_env: z
    .string()
    .default('DATABASE_URL')
    .describe('postgres: the environment variable holding the connection URL (a secret, never in the file).'),
});

export const MetricsSourceSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('scrape') }),
    z.strictObject({
      type: z.literal('prometheus'),
      url: z.url({
        protocol: /^https?$/,
        error: 'expected the Prometheus server URL, e.g. "http://127.0.0.1:9090"',
      }),
      selector: z
        .string()
        .default('')
        .describe('Label matchers added to every default query, e.g. job="dhash".'),
      queries: z
        .strictObject(
          Object.fromEntries(GATE_NAMES.map((g) => [g, z.string().min(1).optional()])) as Record<
            GateName,
            z.ZodOptional<z.ZodString>
          >,
        )
        .default({})
        .describe('PromQL overriding the default query of a gate.'),
    }),
  ],
  { error: 'expected "type" to be "scrape" or "prometheus"' },
);

export const EnvironmentSchema = z.strictObject({
  description: z.string().optional(),
  service: ServiceSchema,
  target: TargetSchema.optional(),
  backup: BackupSchema.default({
    dir: 'backups',
    paths: ['current', 'shared'],
    keep_last: 5,
    optional_paths: [],
    file_mode: '0600',
    dir_mode: '0700',
    restore_setid: false,
    signing_key_env: 'DHASH_BACKUP_HMAC_KEY',
  }),
  migrations: MigrationsSchema.default({
    driver: 'embedded',
    dir: 'migrations',
    database_url_env: 'DATABASE_URL',
  }),
  metrics_source: MetricsSourceSchema.default({ type: 'scrape' }),
  monitoring: MonitoringSchema,
  quality_gates: QualityGatesSchema,
  notifications: NotificationsSchema,
  auto_rollback: AutoRollbackSchema,
});

export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1, { error: 'expected 1' }).default(1),
  default_environment: z.string().min(1),
  environments: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_-]*$/, {
        error: 'environment names are lower-case letters, digits, "-" and "_"',
      }),
      EnvironmentSchema,
    )
    .refine((e) => Object.keys(e).length > 0, { error: 'expected at least one environment' }),
});

export type ConfigFile = z.infer<typeof ConfigFileSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentSchema>;
export type QualityGates = z.infer<typeof QualityGatesSchema>;
export type HealthGate = z.infer<typeof HealthGateSchema>;
export type MonitoringConfig = z.infer<typeof MonitoringSchema>;
export type NotificationsConfig = z.infer<typeof NotificationsSchema>;
export type AutoRollbackConfig = z.infer<typeof AutoRollbackSchema>;
export type ServiceConfig = z.infer<typeof ServiceSchema>;
export type TargetConfig = z.infer<typeof TargetSchema>;
export type LocalTargetConfig = z.infer<typeof LocalTargetSchema>;
export type CommandTargetConfig = z.infer<typeof CommandTargetSchema>;
export type BackupConfig = z.infer<typeof BackupSchema>;
export type MigrationsConfig = z.infer<typeof MigrationsSchema>;
export type MetricsSourceConfig = z.infer<typeof MetricsSourceSchema>;

/** The JSON Schema committed as quality-gates-config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $id: 'https://github.com/mobius/dhash-rollout/blob/v1/quality-gates-config.schema.json',
    title: 'dhash-rollout quality gates config',
    ...schema,
  };
}
