import { windowOverrideProblem } from '../config/bounds.js';
import type { LoadedConfig } from '../config/load.js';
import { UsageError } from '../runtime/errors.js';

/**
 * The shared input layer. Every option that both front ends take (the CLI's `--timeout`, the
 * action's `timeout` input) is parsed and bounded here, once: the front ends only read the raw
 * text and hand it over, so the same bad value gets the same one-line message from both, exit 2.
 * Messages name the option as both spell it, without the CLI's dashes: `timeout: expected ...`.
 */

interface NumberBounds {
  /** Smallest allowed value (inclusive unless `above` is set). */
  min?: number;
  /** The value must be greater than `min` (e.g. a positive size). */
  above?: boolean;
  integer?: boolean;
}

/** A number option; undefined when it was not given. Infinity and NaN are never numbers here. */
export function numberOption(name: string, raw: string, bounds?: NumberBounds): number;
export function numberOption(
  name: string,
  raw: string | undefined,
  bounds?: NumberBounds,
): number | undefined;
export function numberOption(
  name: string,
  raw: string | undefined,
  bounds: NumberBounds = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const n = raw.trim() === '' ? Number.NaN : Number(raw);
  const { min, above = false, integer = false } = bounds;
  const fits =
    Number.isFinite(n) &&
    (!integer || Number.isInteger(n)) &&
    (min === undefined || (above ? n > min : n >= min));
  if (!fits) {
    const kind = integer ? 'an integer' : 'a number';
    const bound = min === undefined ? '' : above ? ` greater than ${min}` : ` of at least ${min}`;
    throw new UsageError(`${name}: expected ${kind}${bound}, got "${raw}"`);
  }
  return n;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(
  name: string,
  raw: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw))
    throw new UsageError(`${name}: expected ${choices.map((c) => `"${c}"`).join(' or ')}, got "${raw}"`);
  return raw as T;
}

/** The monitoring window override, bounded like monitoring.window_minutes and by the polls it would make. */
export function windowMinutesOption(raw: string | undefined, config: LoadedConfig): number | undefined {
  if (raw === undefined) return undefined;
  const problem = windowOverrideProblem('window-minutes', raw, config.env.monitoring.poll_intervals);
  if (problem) throw new UsageError(problem);
  return Number(raw);
}

/** smoke: the deadline of each request, in seconds. */
export const timeoutSecondsOption = (raw: string | undefined): number | undefined =>
  numberOption('timeout', raw, { min: 0, above: true });

/** smoke: health latency above this warns, in milliseconds. */
export const latencyLimitMsOption = (raw: string | undefined): number | undefined =>
  numberOption('latency-limit-ms', raw, { min: 0, above: true });

/** validate-logging: files larger than this are flagged, in MB. */
export const maxSizeMbOption = (raw: string | undefined): number | undefined =>
  numberOption('max-size-mb', raw, { min: 0, above: true });

/** migrate: the direction. */
export const directionOption = (raw: string | undefined): 'up' | 'down' =>
  choiceOption('direction', raw, ['up', 'down'], 'up');

/** migrate: the schema version to migrate to. */
export const migrateToOption = (raw: string | undefined): number | undefined =>
  numberOption('to', raw, { min: 0, integer: true });

/** An option without which the command cannot run. */
export function requiredOption(name: string, raw: string | undefined, what: string): string {
  if (raw === undefined || raw.trim() === '') throw new UsageError(`${name}: required: ${what}`);
  return raw;
}

/** rollback: the backup to restore. */
export const backupOption = (raw: string | undefined): string =>
  requiredOption('backup', raw, 'a backup file, or "latest" for the newest backup that verifies');

/** rollout: the release to roll out. */
export const rolloutReleaseOption = (raw: string | undefined): string =>
  requiredOption('release', raw, 'a release directory or a .zip/.tar.gz archive of one');

/** rehearse: the length of each monitoring window of the rehearsal, in seconds. */
export function rehearsalWindowSecondsOption(raw: string): number;
export function rehearsalWindowSecondsOption(raw: string | undefined): number | undefined;
export function rehearsalWindowSecondsOption(raw: string | undefined): number | undefined {
  return numberOption('window-seconds', raw, { min: 5 });
}

/** rehearse: the candidate release. */
export const rehearsalReleaseOption = (raw: string | undefined): string =>
  requiredOption('release', raw, 'the candidate release directory (release.json, server.js, migrations/)');
