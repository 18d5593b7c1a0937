import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, UsageError } from '../runtime/errors.js';
import { packageRoot, toolVersion } from '../runtime/package-root.js';
import { Redactor } from '../runtime/redact.js';
import {
  NOTIFICATION_VARIABLES,
  SECRET_VARIABLES,
  missingChannelSettings,
  type NotificationVariable,
  type NotificationVars,
} from './channel-settings.js';
import { ALL_CHANNEL_VARIABLES } from './channels.js';
import { unmappedRecipientWarnings } from './mentions-schema.js';
import { SECRET_SETTING_KEYS } from './channels-schema.js';
import { readValidatedConfig, saveValidatedConfig, startupCache } from './config-cache.js';
import { parseDotenv } from './dotenv.js';
import { configSchemas, type ConfigFile } from './file-schema.js';
import { formatIssues } from './issues.js';
import { readConfigJson } from './json-text.js';
import type { EnvironmentConfig } from './model.js';
import { normalizeEnvironment } from './normalize.js';
import type { UnsetVariable } from './substitute.js';
import { environmentWarnings, semanticProblems } from './semantic.js';

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
  /** The whole file as validated (defaults applied, `${VAR}` not yet substituted). */
  file: ConfigFile;
  /** Relative paths in the file were resolved against this folder. */
  configDir: string;
  envName: string;
  /** The chosen environment, normalized (model.ts). */
  env: EnvironmentConfig;
  /** Notification settings: the file's channel settings over the environment over `.env.notifications`. */
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

/** Structural checks only (what the JSON Schema also checks): the problems, or the file. */
export function checkConfigStructure(
  value: unknown,
): { ok: true; file: ConfigFile } | { ok: false; problems: string[] } {
  // jitless: the file is parsed once per run, and compiling zod's fast path for its objects
  // (new Function, on the first parse) costs more than that one parse saves.
  const result = configSchemas().ConfigFileSchema.safeParse(value, { jitless: true });
  if (!result.success) return { ok: false, problems: formatIssues(result.error.issues, value) };
  return { ok: true, file: result.data };
}

/** Parses and validates a whole config file; throws ConfigError with one line per problem. */
export function parseConfigText(text: string, source: string): ConfigFile {
  // A text this build validated before (the bundle's start-up cache, config-cache.ts).
  const cache = startupCache();
  const cached = cache && (readValidatedConfig(cache, text) as ConfigFile | undefined);
  if (cached) return cached;
  const read = readConfigJson(text);
  if (!read.ok) throw new ConfigError(source, read.problems);
  const checked = checkConfigStructure(read.value);
  if (!checked.ok) throw new ConfigError(source, checked.problems);
  const problems = semanticProblems(checked.file);
  if (problems.length > 0) throw new ConfigError(source, problems);
  if (cache) saveValidatedConfig(cache, text, read.value, checked.file);
  return checked.file;
}

/** The environment used without --env: default_environment, else "production", else the first. */
export function defaultEnvironmentName(file: ConfigFile): string {
  if (file.default_environment !== undefined) return file.default_environment;
  const names = Object.keys(file.environments);
  return names.includes('production') ? 'production' : names[0];
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

  const envName = options.envName ?? defaultEnvironmentName(file);
  if (!Object.hasOwn(file.environments, envName)) {
    throw new UsageError(
      // Named "environment" (the action's input; the CLI's --env) and quoted as JSON, so a control
      // character in a hostile name is shown escaped, never raw.
      `environment: unknown environment ${JSON.stringify(envName)}; ${source} defines: ${Object.keys(file.environments).join(', ')}`,
    );
  }

  const envFile = resolve(cwd, options.envFilePath ?? DEFAULT_ENV_FILE);
  const fromEnvFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile, 'utf8')) : {};
  const lookup = (name: string): string | undefined =>
    (Object.hasOwn(environment, name) ? environment[name] : undefined) ??
    (Object.hasOwn(fromEnvFile, name) ? fromEnvFile[name] : undefined);

  // The packaged default is not the user's file: its relative paths mean the working directory.
  const configDir = packaged ? cwd : dirname(path);
  const normalized = normalizeEnvironment({ file, envName, configDir, lookup, toolVersion: toolVersion() });
  const errors = [
    ...normalized.unset.map(
      (u) =>
        `${u.path}: \${${u.variable}} is not set and has no default (set ${u.variable} or write \${${u.variable}:-default})`,
    ),
    ...normalized.problems,
  ];
  if (errors.length > 0) throw new ConfigError(source, errors);

  const baseUrl = options.baseUrl ?? environment[BASE_URL_VARIABLE];
  if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new UsageError(
      `--base-url: expected an http(s) URL such as http://127.0.0.1:8080, got "${baseUrl}"`,
    );
  }
  const env: EnvironmentConfig = baseUrl
    ? { ...normalized.env, service: { ...normalized.env.service, base_url: baseUrl.replace(/\/+$/, '') } }
    : normalized.env;

  const vars = notificationVars(
    environment,
    fromEnvFile,
    env,
    unresolvedSettings(envName, normalized.unsetInChannels),
  );
  const redactor = new Redactor();
  for (const name of SECRET_VARIABLES) redactor.add(vars[name]);
  for (const settings of Object.values(env.notifications.channel_settings))
    for (const [key, value] of Object.entries(settings))
      if (SECRET_SETTING_KEYS.has(key) && typeof value === 'string') redactor.add(value);
  const databaseUrl = lookup(env.migrations.database_url_env) || undefined;
  redactor.add(databaseUrl);

  const warnings = [
    ...environmentWarnings(envName, file.environments[envName]),
    ...normalized.unsetInChannels.map(
      (u) => `${u.path}: \${${u.variable}} is not set and has no default, so this channel lacks the setting`,
    ),
    ...missingChannelSettings(env.notifications.channels, vars),
    ...unmappedRecipientWarnings(
      env.notifications.escalation.levels,
      env.notifications.mentions,
      `environments.${envName}.notifications.escalation.escalation_levels`,
    ),
  ];

  return {
    source,
    file,
    configDir,
    envName,
    env,
    vars,
    databaseUrl,
    redactor,
    warnings,
  };
}

/** Which file setting of which channel fills which of the seed's variables (from the channel catalog). */
const SETTING_VARIABLES: Array<[channel: string, keys: readonly string[], variable: NotificationVariable]> =
  ALL_CHANNEL_VARIABLES.filter((v) => v.settingKeys.length > 0).map((v) => [
    v.channel,
    v.settingKeys,
    v.name,
  ]);

/** `<channel>.<key>` of every channel setting that kept a `${VAR}` whose variable is unset. */
function unresolvedSettings(envName: string, unset: readonly UnsetVariable[]): Set<string> {
  const prefix = `environments.${envName}.notifications.channels.`;
  return new Set(unset.map((u) => u.path.slice(prefix.length).split(/[.[]/, 2).join('.')));
}

function notificationVars(
  environment: NodeJS.ProcessEnv,
  fromFile: Record<string, string>,
  env: EnvironmentConfig,
  unresolved: ReadonlySet<string>,
): NotificationVars {
  const vars: NotificationVars = {};
  for (const name of NOTIFICATION_VARIABLES) {
    const value = environment[name] || fromFile[name];
    if (value) vars[name] = value;
  }
  // A setting may name another variable holding the value (the pager's routing_key_env).
  for (const v of ALL_CHANNEL_VARIABLES) {
    if (v.variableNameKey === undefined) continue;
    const settings = env.notifications.channel_settings[v.channel];
    const other = settings?.[v.variableNameKey];
    if (typeof other !== 'string' || other === v.name) continue;
    const value = environment[other] || fromFile[other];
    if (value) vars[v.name] = value;
  }
  for (const [channel, keys, variable] of SETTING_VARIABLES) {
    const settings =
      env.notifications.channel_settings[channel as keyof typeof env.notifications.channel_settings];
    if (!settings) continue;
    for (const key of keys) {
      const value = settings[key];
      if (value === undefined) continue;
      // A JSON value: numbers, booleans and null print as String() would print them.
      const text =
        typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value);
      // An unresolved ${VAR} is not a value: leave the variable unset, so the channel reports it.
      // (A substituted value may itself contain "${", e.g. a password: that one is a value.)
      if (text !== '' && !unresolved.has(`${channel}.${key}`)) vars[variable] = text;
      break;
    }
  }
  return vars;
}
