import type { NotificationVariable } from '../config/channel-settings.js';
import { SECRET_VARIABLES } from '../config/channel-settings.js';
import { CHANNEL_ACTION_INPUTS } from '../config/channels.js';
import { UsageError } from '../runtime/errors.js';
import type { ActionCore } from './core.js';

/** Input names, as in action.yml. */
export const Inputs = {
  command: 'command',
  environment: 'environment',
  config: 'config',
  dryRun: 'dry-run',
  baseUrl: 'base-url',
  workingDirectory: 'working-directory',
} as const;

/** Action inputs that carry the notification variables (derived from the channel catalog). */
export const NOTIFICATION_INPUTS: Readonly<Record<string, NotificationVariable>> = CHANNEL_ACTION_INPUTS;

export interface CommonInputs {
  command: string;
  environment?: string;
  config?: string;
  dryRun: boolean;
  baseUrl?: string;
  workingDirectory: string;
  /** The process environment with notification inputs applied over it. */
  environmentVariables: NodeJS.ProcessEnv;
}

export function optionalInput(core: ActionCore, name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

export function booleanInput(core: ActionCore, name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError(`input "${name}": expected true or false, got "${core.getInput(name)}"`);
}

/**
 * Reads the inputs every command shares. Secrets are masked with setSecret before anything
 * else runs, so no later log line can show them.
 */
export function readCommonInputs(core: ActionCore, env: NodeJS.ProcessEnv): CommonInputs {
  const environmentVariables: NodeJS.ProcessEnv = { ...env };
  for (const [input, variable] of Object.entries(NOTIFICATION_INPUTS)) {
    const value = optionalInput(core, input);
    if (value !== undefined) environmentVariables[variable] = value;
  }
  for (const variable of SECRET_VARIABLES) {
    const value = environmentVariables[variable];
    if (value) core.setSecret(value);
  }
  if (environmentVariables.DATABASE_URL) core.setSecret(environmentVariables.DATABASE_URL);
  // The GitHub token (Deployments API, reviews, PR comments) is masked with the other secrets.
  const githubToken = optionalInput(core, 'github-token');
  if (githubToken) core.setSecret(githubToken);
  const command = core.getInput(Inputs.command).trim() || 'validate';
  return {
    command,
    environment: optionalInput(core, Inputs.environment),
    config: optionalInput(core, Inputs.config),
    dryRun: booleanInput(core, Inputs.dryRun),
    baseUrl: optionalInput(core, Inputs.baseUrl),
    workingDirectory: optionalInput(core, Inputs.workingDirectory) ?? env.GITHUB_WORKSPACE ?? process.cwd(),
    environmentVariables,
  };
}
