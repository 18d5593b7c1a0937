import { z } from 'zod';
import {
  GATE_CATALOG,
  GATE_NAMES,
  METRIC_GATE_NAMES,
  type GateName,
  type MetricGateName,
} from '../domain/gates/catalog/catalog.js';
import { GATE_ACTIONS } from '../domain/gates/catalog/names.js';
import type { GateModule } from '../domain/gates/catalog/gate-module.js';
import { BOUNDS, count, hours, minutes, seconds, timeoutSeconds } from './bounds.js';
import { mentionsSchemas } from './mentions-schema.js';
import { CONFIG_CHANNELS, channelsSchema } from './channels-schema.js';

/**
 * The schema of quality-gates-config.json, in the seed's own shape: the old system's file and
 * the seed README's example validate unchanged. What this project adds (service, target, backup,
 * migrations, metrics_source, and extra per-gate settings next to `threshold`) are optional keys
 * with stated defaults. Objects are strict: an unknown key is an error, so a typo cannot silently
 * disable a gate.
 *
 * Only checks a JSON Schema can express live here (types, bounds, patterns), so the generated
 * quality-gates-config.schema.json agrees with this schema exactly; checks that relate two
 * values (initial_minutes ≤ window_minutes, escalation channels enabled, …) are in semantic.ts.
 */

/** `${NAME}` or `${NAME:-default}` anywhere in a string. */
export const TEMPLATE_PATTERN = '\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}';
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'WARNING', 'ERROR', 'CRITICAL'] as const;
/** Names that are keys of every JS object: never an environment name. */
export const RESERVED_ENV_NAMES = Object.getOwnPropertyNames(Object.prototype);

/**
 * The schemas, built on first use rather than when the module loads: building them is most of a
 * command's start-up (zod makes an object per rule), and a run whose file was already validated by
 * this build of the tool reads the result from the start-up cache (config-cache.ts) and parses
 * nothing. Everything below is the schema as it always was, only inside a function.
 */
// eslint-disable-next-line max-lines-per-function -- the config file's schema declared top to bottom; only wrapped to be built on first use
function buildConfigSchemas() {
  const urlOrTemplate = (example: string) =>
    z
      .string({ error: `expected an http(s) URL such as "${example}"` })
      .regex(new RegExp(`^(https?://[^\\s/?#]+[^\\s]*|.*${TEMPLATE_PATTERN}.*)$`), {
        error: `expected an http(s) URL such as "${example}" (or "\${VAR}")`,
      });
  const urlPath = z
    .string({ error: 'expected a path starting with "/"' })
    .regex(/^\/[^\s]*$/, { error: 'expected a path starting with "/"' });
  const nonEmptyCommand = z
    .string({ error: 'expected a command' })
    .regex(/\S/, { error: 'expected a command (it is empty)' });
  const variableName = z
    .string({ error: 'expected the name of an environment variable' })
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
      error: 'expected the NAME of an environment variable (such as DATABASE_URL), not a value',
    });
  /** Relative, inside the target root: no absolute path, no drive letter, no ".." segment. */
  const pathInsideRoot = z
    .string({ error: 'expected a path relative to target.root' })
    .regex(/^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$)).+$/, {
      error: 'expected a path inside target.root (relative, without "..")',
    });
  const envVars = z.record(z.string(), z.string({ error: 'expected a string' })).default({});

  const actions = (defaults: readonly ('alert' | 'auto_rollback')[]) =>
    z
      .array(
        z.enum(GATE_ACTIONS, { error: `expected one of ${GATE_ACTIONS.map((a) => `"${a}"`).join(', ')}` }),
        { error: 'expected a list of actions' },
      )
      .min(1, {
        error:
          'expected at least one action ("alert", "auto_rollback"); to turn a gate off set enabled: false',
      })
      .max(GATE_ACTIONS.length, { error: 'each action may appear once' })
      .default([...defaults])
      .describe(
        `What a breach does: "alert" notifies; "auto_rollback" rolls back (when auto_rollback.enabled). Default ${JSON.stringify(defaults)}.`,
      );

  const gateCommon = <T extends z.ZodType>(module: GateModule<string, T>) => ({
    enabled: z.boolean({ error: 'expected true or false' }).default(true).describe('Default true.'),
    description: z.string({ error: 'expected a string' }).optional(),
    threshold: module.threshold,
    actions: actions(module.defaultActions),
  });

  /** Settings a metric gate has beyond the seed's: how missing data and blips are judged. */
  const metricGateExtras = (defaultFailureLimit: number) => ({
    no_data: z
      .enum(['inconclusive', 'pass', 'fail'], { error: 'expected "inconclusive", "pass" or "fail"' })
      .default('inconclusive')
      .describe('Verdict of a reading without data. Default "inconclusive" (never rolls back).'),
    failure_limit: count(BOUNDS.smallCount, 'consecutive breached readings')
      .default(defaultFailureLimit)
      .describe(
        `Consecutive breached readings before the gate acts (the second comes from a fast confirmation re-check). Default ${defaultFailureLimit}.`,
      ),
    inconclusive_limit: count(BOUNDS.smallCount, 'consecutive inconclusive readings')
      .optional()
      .describe(
        "Consecutive inconclusive readings after which the run is inconclusive (never passed). Default: more than half of the window's readings.",
      ),
  });

  const healthExtras = {
    timeout_seconds: timeoutSeconds()
      .optional()
      .describe('Timeout of one health request. Default global_settings.timeout_seconds, else 5.'),
    confirm_interval_seconds: seconds()
      .optional()
      .describe(
        'After a failed check, re-check this often. Default the smaller of 10 and check_interval_seconds.',
      ),
  };

  function metricGate<T extends z.ZodType>(module: GateModule<string, T> & { defaultFailureLimit: number }) {
    return z
      .strictObject({ ...gateCommon(module), ...metricGateExtras(module.defaultFailureLimit) })
      .describe(module.summary);
  }

  const g = GATE_CATALOG;
  /** Every metric gate's entry, from its catalog module (the threshold schema is the module's). */
  type ThresholdOf<N extends MetricGateName> = (typeof GATE_CATALOG)[N]['threshold'];
  type MetricGateSchema<N extends MetricGateName> =
    ThresholdOf<N> extends infer T extends z.ZodType
      ? z.ZodOptional<ReturnType<typeof metricGate<T>>>
      : never;
  const metricGateSchemas = Object.fromEntries(
    METRIC_GATE_NAMES.map((name) => [
      name,
      metricGate(g[name] as GateModule & { defaultFailureLimit: number }).optional(),
    ]),
  ) as unknown as { [N in MetricGateName]: MetricGateSchema<N> };
  const QualityGatesSchema = z
    .strictObject({
      health: z
        .strictObject({ ...gateCommon(g.health), ...healthExtras })
        .describe(g.health.summary)
        .optional(),
      ...metricGateSchemas,
    } satisfies Record<GateName, z.ZodType>)
    .default({})
    .describe('The gates of this environment. A gate that is absent is off.');

  const MonitoringSchema = z
    .strictObject({
      window_minutes: minutes(BOUNDS.windowMinutes)
        .default(60)
        .describe('How long a fresh deployment is watched. Default 60.'),
      poll_intervals: z
        .strictObject({
          initial_minutes: minutes({ min: 0, max: BOUNDS.windowMinutes.max })
            .default(5)
            .describe('Length of the fast first phase. Default 5.'),
          initial_interval_seconds: seconds().default(30).describe('Default 30.'),
          normal_interval_seconds: seconds().default(120).describe('Default 120.'),
        })
        .default({ initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 }),
      progress_log_seconds: seconds()
        .default(60)
        .describe('Without a terminal, log progress this often. Default 60.'),
    })
    .default({
      window_minutes: 60,
      poll_intervals: { initial_minutes: 5, initial_interval_seconds: 30, normal_interval_seconds: 120 },
      progress_log_seconds: 60,
    });

  const channelName = z.enum(CONFIG_CHANNELS, {
    error: `expected one of ${CONFIG_CHANNELS.map((c) => `"${c}"`).join(', ')}`,
  });

  const EscalationSchema = z
    .strictObject({
      enabled: z.boolean({ error: 'expected true or false' }).default(true).describe('Default true.'),
      initial_delay_minutes: minutes(BOUNDS.delayMinutes)
        .default(0)
        .describe('Minutes a breach lasts before the first escalation level is counted from. Default 0.'),
      escalation_levels: z
        .array(
          z.strictObject({
            delay_minutes: minutes(BOUNDS.delayMinutes).describe(
              'Minutes after initial_delay_minutes at which this level is notified.',
            ),
            channels: z
              .array(channelName)
              .min(1, { error: 'expected at least one channel' })
              .optional()
              .describe('Channels of this level (each must be enabled). Default: every enabled channel.'),
            recipients: z
              .array(z.string().min(1, { error: 'expected a name such as "@dhash-oncall"' }))
              .default([])
              .describe('Who is called out, e.g. "@dhash-oncall" or an e-mail address.'),
          }),
        )
        .default([]),
    })
    .default({ enabled: true, initial_delay_minutes: 0, escalation_levels: [] });

  const NotificationsSchema = z
    .strictObject({
      channels: channelsSchema(),
      escalation: EscalationSchema,
      deadline_seconds: timeoutSeconds()
        .default(30)
        .describe('Overall deadline for one message to all channels. Default 30.'),
      attempt_timeout_seconds: timeoutSeconds().default(10).describe('Default 10.'),
      max_attempts: count({ min: 1, max: 20 }, 'attempts per channel').default(4).describe('Default 4.'),
      max_retry_after_seconds: timeoutSeconds()
        .default(60)
        .describe('Cap on a Retry-After the channel asks for. Default 60.'),
      allow_insecure_loopback: z
        .boolean({ error: 'expected true or false' })
        .default(false)
        .describe('Allow plain http:// webhooks to loopback addresses (tests and local demos only).'),
      mentions: mentionsSchemas().MentionsSchema.optional(),
    })
    .default({
      channels: {},
      escalation: { enabled: true, initial_delay_minutes: 0, escalation_levels: [] },
      deadline_seconds: 30,
      attempt_timeout_seconds: 10,
      max_attempts: 4,
      max_retry_after_seconds: 60,
      allow_insecure_loopback: false,
    });

  const AutoRollbackSchema = z
    .strictObject({
      enabled: z.boolean({ error: 'expected true or false' }).default(false).describe('Default false.'),
      confirmation_required: z
        .boolean({ error: 'expected true or false' })
        .default(false)
        .describe('Ask (or alert and wait) before an automatic rollback. Default false.'),
      backup_retention_hours: hours().default(72).describe('Default 72.'),
      rollback_timeout_minutes: minutes({ min: 0.01, max: 1_440 })
        .default(10)
        .describe('Bound on the whole rollback. Default 10.'),
    })
    .default({
      enabled: false,
      confirmation_required: false,
      backup_retention_hours: 72,
      rollback_timeout_minutes: 10,
    });

  const ServiceSchema = z
    .strictObject({
      base_url: urlOrTemplate('http://127.0.0.1:8080')
        .default('http://127.0.0.1:8080')
        .describe(
          'Where the service answers. Default http://127.0.0.1:8080 (DHASH_BASE_URL or --base-url override it).',
        ),
      health_path: urlPath
        .optional()
        .describe('Default global_settings.health_check_endpoint, else /health.'),
      metrics_path: urlPath.optional().describe('Default global_settings.metrics_endpoint, else /metrics.'),
      queue_status_path: urlPath.default('/api/dhash/queue/status'),
      admin_path: urlPath.default('/admin'),
      request_timeout_seconds: timeoutSeconds()
        .optional()
        .describe('Default global_settings.timeout_seconds, else 10.'),
    })
    .default({
      base_url: 'http://127.0.0.1:8080',
      queue_status_path: '/api/dhash/queue/status',
      admin_path: '/admin',
    });

  const LocalTargetSchema = z.strictObject({
    type: z.literal('local'),
    root: z
      .string({ error: 'expected a directory path' })
      .min(1, { error: 'expected a directory path' })
      .describe("Holds releases/, current, shared/ (and backups/). Relative to the config file's folder."),
    keep_releases: count({ min: 1, max: 1_000 }, 'releases kept').default(5),
    install_command: nonEmptyCommand.optional().describe('Run inside the new release before the switch.'),
    restart_command: nonEmptyCommand
      .optional()
      .describe('E.g. "systemctl restart dhash". Without it the built-in supervisor runs start_command.'),
    start_command: nonEmptyCommand
      .default('node server.js')
      .describe('Supervisor: how to start the service, run in current/. Default "node server.js".'),
    stop_timeout_seconds: timeoutSeconds().default(10),
    health_timeout_seconds: timeoutSeconds().default(30),
    env: envVars.describe('Extra environment for the service process.'),
  });

  const CommandTargetSchema = z.strictObject({
    type: z.literal('command'),
    commands: z.strictObject({
      deploy: nonEmptyCommand,
      restart: nonEmptyCommand,
      rollback: nonEmptyCommand,
      status: nonEmptyCommand,
    }),
    timeout_seconds: timeoutSeconds().default(600),
    health_timeout_seconds: timeoutSeconds().default(60),
    env: envVars,
  });

  const TargetSchema = z.discriminatedUnion('type', [LocalTargetSchema, CommandTargetSchema], {
    error: 'expected "type" to be "local" or "command"',
  });

  const BackupSchema = z
    .strictObject({
      dir: z
        .string({ error: 'expected a directory path' })
        .min(1, { error: 'expected a directory path' })
        .default('backups')
        .describe(
          'Where dhash_<env>_<stamp>.zip are written: on the target host, relative to target.root. Default "backups".',
        ),
      paths: z
        .array(pathInsideRoot)
        .min(1, { error: 'expected at least one path to back up' })
        .default(['current', 'shared'])
        .describe('Paths under target.root to archive. Default ["current", "shared"].'),
      database_path: pathInsideRoot
        .optional()
        .describe('The embedded database file under target.root; snapshotted consistently, not copied live.'),
      keep_last: count({ min: 1, max: 10_000 }, 'backups always kept').default(5),
      optional_paths: z
        .array(pathInsideRoot)
        .default([])
        .describe(
          'Those of backup.paths that may be missing (skipped with a warning); any other missing path fails the backup.',
        ),
      file_mode: z
        .string({ error: 'expected an octal mode such as "0600"' })
        .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0600"' })
        .default('0600')
        .describe(
          'Mode of backup files, sidecars and pre-rollback snapshots (they hold the database and secrets).',
        ),
      dir_mode: z
        .string({ error: 'expected an octal mode such as "0700"' })
        .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode such as "0700"' })
        .default('0700')
        .describe('Mode of the backups folder and its pre-rollback/ folder.'),
      restore_setid: z
        .boolean({ error: 'expected true or false' })
        .default(false)
        .describe('Restore setuid/setgid bits recorded in a backup (default: cleared).'),
      signing_key_env: variableName
        .default('DHASH_BACKUP_HMAC_KEY')
        .describe(
          'Environment variable holding the HMAC key: when set, backups are signed and unsigned ones are refused.',
        ),
      round_trip: z
        .enum(['sampled', 'every_file'], { error: 'expected "sampled" or "every_file"' })
        .default('sampled')
        .describe(
          'Which compressed files up to 1 MiB a backup inflates back and compares with the source as it writes them: "sampled" (the first 64 of each compression worker, then one in 16; larger files always) or "every_file" (about 8 % slower on a tree of small files). Every entry of the written archive is re-read and CRC-checked either way.',
        ),
    })
    .default({
      dir: 'backups',
      paths: ['current', 'shared'],
      keep_last: 5,
      optional_paths: [],
      file_mode: '0600',
      dir_mode: '0700',
      restore_setid: false,
      signing_key_env: 'DHASH_BACKUP_HMAC_KEY',
      round_trip: 'sampled',
    });

  const MigrationsSchema = z
    .strictObject({
      driver: z
        .enum(['embedded', 'postgres'], { error: 'expected "embedded" or "postgres"' })
        .default('embedded'),
      dir: pathInsideRoot
        .default('migrations')
        .describe('Directory of NNN_name.up.sql / NNN_name.down.sql, relative to the release.'),
      database_path: z
        .string({ error: 'expected a file path' })
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe(
          'embedded: database file, relative to target.root (or absolute, e.g. for a command target).',
        ),
      database_url_env: variableName
        .default('DATABASE_URL')
        .describe('postgres: the NAME of the environment variable holding the connection URL (a secret).'),
    })
    .default({ driver: 'embedded', dir: 'migrations', database_url_env: 'DATABASE_URL' });

  const MetricsSourceSchema = z
    .discriminatedUnion(
      'type',
      [
        z.strictObject({ type: z.literal('scrape') }),
        z.strictObject({
          type: z.literal('prometheus'),
          url: urlOrTemplate('http://127.0.0.1:9090'),
          selector: z
            .string()
            .default('')
            .describe('Label matchers added to every default query, e.g. job="dhash".'),
          queries: z
            .strictObject(
              Object.fromEntries(
                GATE_NAMES.filter((n) => n !== 'health').map((n) => [n, z.string().min(1).optional()]),
              ) as Record<Exclude<GateName, 'health'>, z.ZodOptional<z.ZodString>>,
            )
            .default({})
            .describe('PromQL overriding the default query of a gate.'),
        }),
      ],
      { error: 'expected "type" to be "scrape" or "prometheus"' },
    )
    .default({ type: 'scrape' });

  const EnvironmentSchema = z.strictObject({
    description: z.string({ error: 'expected a string' }).optional(),
    service: ServiceSchema,
    target: TargetSchema.optional(),
    backup: BackupSchema,
    migrations: MigrationsSchema,
    metrics_source: MetricsSourceSchema,
    monitoring: MonitoringSchema,
    quality_gates: QualityGatesSchema,
    notifications: NotificationsSchema,
    auto_rollback: AutoRollbackSchema,
  });

  const GlobalSettingsSchema = z
    .strictObject({
      health_check_endpoint: urlPath.default('/health'),
      metrics_endpoint: urlPath.default('/metrics'),
      timeout_seconds: timeoutSeconds()
        .optional()
        .describe(
          'Timeout of every HTTP request: metrics 10 and health 5 unless set here (or per gate/service).',
        ),
      user_agent: z
        .string()
        .min(1)
        .optional()
        .describe('Sent on every request. Default dhash-rollout/<version>.'),
      log_level: z
        .string()
        .regex(/^(debug|info|warn|warning|error|critical|DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL)$/, {
          error: 'expected one of DEBUG, INFO, WARN, ERROR, CRITICAL',
        })
        .default('INFO')
        .describe('Lowest level written to the console. Default INFO.'),
    })
    .default({ health_check_endpoint: '/health', metrics_endpoint: '/metrics', log_level: 'INFO' });

  const ConfigFileSchema = z.strictObject({
    $schema: z.string({ error: 'expected a string' }).optional(),
    title: z.string({ error: 'expected a string' }).optional(),
    description: z.string({ error: 'expected a string' }).optional(),
    version: z
      .string({ error: 'expected a version string such as "1.0.0"' })
      .optional()
      .describe('The file\'s own version, free text such as "1.0.0".'),
    default_environment: z
      .string({ error: 'expected an environment name' })
      .optional()
      .describe('Used without --env. Default "production" if defined, else the first environment.'),
    environments: z
      .record(
        z.string().regex(/^(?!(__proto__|constructor|prototype)$)[a-z][a-z0-9_-]*$/, {
          error: 'environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)',
        }),
        EnvironmentSchema,
      )
      .refine((e) => Object.keys(e).length > 0, { error: 'expected at least one environment' })
      // The same rule for the JSON Schema (a refinement is invisible to it).
      .meta({ minProperties: 1 }),
    global_settings: GlobalSettingsSchema,
  });
  return { ConfigFileSchema, EnvironmentSchema };
}

type ConfigSchemas = ReturnType<typeof buildConfigSchemas>;
let built: ConfigSchemas | undefined;

/** The config file's zod schemas (built once, on the first call). */
export function configSchemas(): ConfigSchemas {
  return (built ??= buildConfigSchemas());
}

export type ConfigFile = z.output<ConfigSchemas['ConfigFileSchema']>;
export type EnvironmentFileConfig = z.output<ConfigSchemas['EnvironmentSchema']>;

/** The JSON Schema committed as quality-gates-config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchemas().ConfigFileSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return {
    $id: 'https://github.com/mobius/dhash-rollout/blob/v1/quality-gates-config.schema.json',
    title: 'dhash-rollout quality gates config',
    ...schema,
  };
}
