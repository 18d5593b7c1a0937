import { setUserAgent } from '../runtime/http.js';
import { Option, type Command } from 'commander';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { refuseOffTargetHost } from '../config/target-host.js';
import type { CliIo } from './io.js';

/** Flags every environment-scoped command shares. */
export interface ConfigFlags {
  env?: string;
  config?: string;
  baseUrl?: string;
  verbose?: boolean;
}

export function addConfigOptions(command: Command): Command {
  return command
    .option('-e, --env <name>', "environment in the config (default: the file's default_environment)")
    .option(
      '-c, --config <file>',
      'config file (default: ./quality-gates-config.json, else the packaged default)',
    )
    .option('--base-url <url>', 'override service.base_url (also DHASH_BASE_URL)')
    .addOption(new Option('-v, --verbose', 'show debug output and stack traces'));
}

export function loadFromFlags(flags: ConfigFlags, io: CliIo): LoadedConfig {
  const config = loadConfig({
    configPath: flags.config,
    envName: flags.env,
    baseUrl: flags.baseUrl,
    cwd: io.cwd,
    environment: io.env,
  });
  setUserAgent(config.env.service.user_agent);
  io.logLevel = config.env.log_level;
  if (config.source.startsWith(PACKAGED_PREFIX))
    io.packagedConfig = config.source.slice(PACKAGED_PREFIX.length);
  return config;
}

/**
 * The config of a command that reads what lives on the target host (its backups, its live
 * release): on a machine without the target root it refuses in one line, exit 4. A first deploy
 * creates the root, so deploy, rollout and migrate do not refuse here; the action refuses them
 * too, because a job that landed on the wrong runner must not deploy into a fresh directory.
 */
export function loadOnTargetHost(flags: ConfigFlags, io: CliIo): LoadedConfig {
  const config = loadFromFlags(flags, io);
  refuseOffTargetHost(config, io.cwd, io.env);
  return config;
}

const PACKAGED_PREFIX = '(packaged default) ';

/** The line added under an error when the packaged default config was in use. */
export function packagedConfigNote(io: CliIo): string | null {
  if (!io.packagedConfig) return null;
  return `note: the packaged production config is in use (${io.packagedConfig}): there is no quality-gates-config.json in ${io.cwd}; run from the directory that holds yours, or pass --config <file>`;
}
