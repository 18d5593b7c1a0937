import type { LoadedConfig } from '../config/load.js';
import { ConfigError, type DhashError } from '../runtime/errors.js';

export interface ValidateResult {
  ok: true;
  source: string;
  environment: string;
  environments: string[];
  /** The effective configuration of the environment, secrets redacted. */
  effective: Record<string, unknown>;
  /** Which notification settings are present; values are never shown. */
  notification_settings: Record<string, 'set' | 'missing'>;
  warnings: string[];
}

/**
 * `validate`: the config has already been parsed and checked by the loader (which throws on any
 * problem); this use-case assembles what an operator needs to see to trust it.
 */
export function validateCommand(config: LoadedConfig): ValidateResult {
  const settings: Record<string, 'set' | 'missing'> = {};
  for (const channel of config.env.notifications.channels)
    settings[channel] = config.warnings.some((w) => w.includes(`"${channel}"`)) ? 'missing' : 'set';
  return {
    ok: true,
    source: config.source,
    environment: config.envName,
    environments: Object.keys(config.file.environments),
    effective: config.redactor.value(config.env) as unknown as Record<string, unknown>,
    notification_settings: settings,
    warnings: config.warnings,
  };
}

export interface InvalidResult {
  ok: false;
  exit_code: number;
  /** One line per problem, each naming its JSON path (or the flag). */
  problems: string[];
}

/** What `validate --json` prints for a file (or flags) it cannot accept. */
export function invalidResult(error: DhashError): InvalidResult {
  return {
    ok: false,
    exit_code: error.exitCode,
    problems: error instanceof ConfigError ? error.problems : [error.message],
  };
}
