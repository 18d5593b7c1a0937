import type { ConfigFile } from '../config/schema.js';
import { UsageError } from '../runtime/errors.js';

/**
 * The rehearsal's own config: the chosen environment exactly as the user wrote it (its gates,
 * thresholds, smoke settings, auto-rollback rules), moved onto a scratch `local` target on this
 * runner. Only what belongs to the real host is replaced: the target and its root, the backup
 * directory, the service address, the metrics source (no Prometheus beside a scratch target) and
 * the database (a scratch one: never the environment's own). Notifications go nowhere real: a
 * rehearsal is not an event the on-call team should hear about.
 */
export interface ScratchInput {
  file: ConfigFile;
  envName: string;
  /** Absolute root of the scratch target. */
  targetRoot: string;
  /** Absolute directory for the scratch backups. */
  backupDir: string;
  port: number;
  windowMinutes: number;
  /** Name of the variable holding a scratch PostgreSQL URL (postgres driver only). */
  scratchDatabaseVariable: string;
  /** Whether that variable is set. */
  scratchDatabaseSet: boolean;
  /** Requests per second of the rehearsal's generated load. */
  rate: number;
}

/**
 * A windowed gate needs min_sample_size observations before it has a verdict; a rehearsal window
 * of seconds under a modest load cannot give a production-sized sample, and a gate without a
 * verdict for half the window ends the rollout inconclusive. So the sample size is capped at what
 * a tenth of the window's load provides (never raised); thresholds and actions stay the user's.
 */
export function rehearsalSampleSize(original: number, rate: number, windowSeconds: number): number {
  return Math.min(original, Math.max(5, Math.floor((rate * windowSeconds) / 10)));
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

/** The object at `value`, or an empty one when the user left the section out. */
function section(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function capSampleSizes(gates: unknown, cap: (n: number) => number): void {
  for (const gate of Object.values(section(gates))) {
    if (!isObject(gate)) continue;
    // The seed's shape keeps it under threshold: {...}; the flat shape beside threshold.
    for (const holder of [gate, gate.threshold])
      if (isObject(holder) && typeof holder.min_sample_size === 'number')
        holder.min_sample_size = cap(holder.min_sample_size);
  }
}

export const SCRATCH_ENVIRONMENT = 'rehearsal';

export function scratchConfig(input: ScratchInput): Record<string, unknown> {
  if (!Object.hasOwn(input.file.environments, input.envName))
    throw new UsageError(`environment: unknown environment ${JSON.stringify(input.envName)}`);
  const source = input.file.environments[input.envName];
  const env = structuredClone(source) as JsonObject;
  const userTarget = (source.target ?? {}) as Record<string, unknown>;
  env.description = `Rehearsal of ${input.envName} on a scratch local target`;
  env.service = { ...section(env.service), base_url: `http://127.0.0.1:${input.port}` };
  env.target = {
    type: 'local',
    root: input.targetRoot,
    keep_releases: 5,
    start_command:
      userTarget.type === 'local' && typeof userTarget.start_command === 'string'
        ? userTarget.start_command
        : 'node server.js',
    stop_timeout_seconds: 10,
    health_timeout_seconds: 60,
  };
  env.backup = { ...section(env.backup), dir: input.backupDir };
  const migrations = section(env.migrations);
  if (migrations.driver === 'postgres') {
    if (!input.scratchDatabaseSet)
      throw new UsageError(
        `migrations.driver of "${input.envName}" is postgres: set ${input.scratchDatabaseVariable} to a scratch PostgreSQL database for the rehearsal (never the environment's own)`,
      );
    env.migrations = { ...migrations, database_url_env: input.scratchDatabaseVariable };
  }
  env.metrics_source = { type: 'scrape' };
  const seconds = input.windowMinutes * 60;
  const poll = Math.max(1, Math.min(5, Math.floor(seconds / 6)));
  env.monitoring = {
    ...section(env.monitoring),
    window_minutes: input.windowMinutes,
    poll_intervals: {
      initial_minutes: input.windowMinutes,
      initial_interval_seconds: poll,
      normal_interval_seconds: poll,
    },
  };
  capSampleSizes(env.quality_gates, (n) => rehearsalSampleSize(n, input.rate, seconds));
  // A rehearsal pages nobody: no channels, so no escalation either.
  if (env.notifications) env.notifications = { channels: {} };
  env.auto_rollback = { ...section(env.auto_rollback), enabled: true, confirmation_required: false };
  return {
    version: input.file.version,
    default_environment: SCRATCH_ENVIRONMENT,
    // Endpoints, timeouts and the user agent apply to the rehearsal as to the real host.
    ...((input.file as { global_settings?: unknown }).global_settings
      ? { global_settings: (input.file as { global_settings?: unknown }).global_settings }
      : {}),
    environments: { [SCRATCH_ENVIRONMENT]: env },
  };
}
