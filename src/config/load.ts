import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, UsageError } from '../runtime/errors.js';
import { packageRoot } from '../runtime/package-root.js';
import { Redactor } from '../runtime/redact.js';
import {
  NOTIFICATION_VARIABLES,
  SECRET_VARIABLES,
  missingChannelSettings,
  type NotificationVars,
} from './channel-settings.js';
import { unmappedRecipientWarnings } from '../domain/messages/mentions.js';
import { parseDotenv } from './dotenv.js';
import { formatIssues } from './issues.js';
import { parseJsonText } from './json-text.js';
import { ConfigFileSchema, type ConfigFile, type EnvironmentConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'quality-gates-config.json';
export const DEFAULT_ENV_FILE = '.env.notifications';
/** Overrides `service.base_url` of the chosen environment. */
export const BASE_URL_VARIABLE = 'DHASH_BASE_URL';

export interface LoadOptions {
  /** `--config`; default ./quality-gates-config.json, else the packaged default. */
  configPath?: string;
  /** `--env`; default the file's default_environment. */
  envName?: string;
  /** `--base-url`; beats DHASH_BASE_URL, which beats the file. */
  baseUrl?: string;
  /** Where `.env.notifications` is looked for. Default: the working directory. */
  envFilePath?: string;
  cwd?: string;
  /** The process environment (injected for tests). */
  environment?: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  /** The file that was read, or "(packaged default) <path>". */
  source: string;
  file: ConfigFile;
  envName: string;
  env: EnvironmentConfig;
  /** Notification settings: environment variables over `.env.notifications`. */
  vars: NotificationVars;
  /** Connection URL for the postgres migration driver, when configured and set. */
  databaseUrl?: string;
  /** Knows every secret above; use it for anything that leaves the process. */
  redactor: Redactor;
  /** Problems that do not stop a read-only command (e.g. a channel without its webhook). */
  warnings: string[];
}

export function resolveConfigPath(
  configPath: string | undefined,
  cwd: string,
): { path: string; packaged: boolean } {
  if (configPath) {
    const path = resolve(cwd, configPath);
    if (!existsSync(path)) throw new UsageError(`--config: file not found: ${path}`);
    return { path, packaged: false };
  }
  const local = resolve(cwd, DEFAULT_CONFIG_FILE);
  if (existsSync(local)) return { path: local, packaged: false };
  return { path: join(packageRoot(), DEFAULT_CONFIG_FILE), packaged: true };
}

/** Parses and validates a whole config file; throws ConfigError with one line per problem. */
export function parseConfigText(text: string, source: string): ConfigFile {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, detail } = parsed.problem;
    throw new ConfigError(source, [`invalid JSON at line ${line}, column ${column}: ${detail}`]);
  }
  const result = ConfigFileSchema.safeParse(parsed.value);
  if (!result.success) throw new ConfigError(source, formatIssues(result.error.issues, parsed.value));
  const file = result.data;
  if (!(file.default_environment in file.environments)) {
    throw new ConfigError(source, [
      `default_environment: "${file.default_environment}" is not one of the environments (${Object.keys(file.environments).join(', ')})`,
    ]);
  }
  return file;
}

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const environment = options.environment ?? process.env;
  const { path, packaged } = resolveConfigPath(options.configPath, cwd);
  const source = packaged ? `(packaged default) ${path}` : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--config: cannot read ${path}: ${(error as Error).message}`);
  }
  const file = parseConfigText(text, source);

  const envName = options.envName ?? file.default_environment;
  const chosen = file.environments[envName];
  if (!chosen) {
    throw new UsageError(
      `--env: unknown environment "${envName}"; ${source} defines: ${Object.keys(file.environments).join(', ')}`,
    );
  }

  const baseUrl = options.baseUrl ?? environment[BASE_URL_VARIABLE];
  if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new UsageError(
      `--base-url: expected an http(s) URL such as http://127.0.0.1:8080, got "${baseUrl}"`,
    );
  }
  const env: EnvironmentConfig = baseUrl
    ? { ...chosen, service: { ...chosen.service, base_url: baseUrl.replace(/\/+$/, '') } }
    : chosen;

  const vars = readNotificationVars(resolve(cwd, options.envFilePath ?? DEFAULT_ENV_FILE), environment);
  const redactor = new Redactor();
  for (const name of SECRET_VARIABLES) redactor.add(vars[name]);
  const databaseUrl = environment[env.migrations.database_url_env] || undefined;
  redactor.add(databaseUrl);

  return {
    source,
    file,
    envName,
    env,
    vars,
    databaseUrl,
    redactor,
    warnings: [
      ...missingChannelSettings(env.notifications.channels, vars),
      ...unmappedRecipientWarnings(
        env.notifications.escalation.levels,
        env.notifications.mentions,
        'notifications.escalation.levels',
      ),
    ],
  };
}

function readNotificationVars(envFile: string, environment: NodeJS.ProcessEnv): NotificationVars {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile, 'utf8')) : {};
  const vars: NotificationVars = {};
  for (const name of NOTIFICATION_VARIABLES) {
    const value = environment[name] || fromFile[name];
    if (value) vars[name] = value;
  }
  return vars;
}
