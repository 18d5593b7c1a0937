import { setUserAgent } from '../runtime/http.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { Clock } from '../runtime/clock.js';
import type { ActionCore } from './core.js';
import type { CommonInputs } from './inputs.js';

export interface ActionContext {
  core: ActionCore;
  inputs: CommonInputs;
  clock: Clock;
  loadConfig(): LoadedConfig;
}

/** What a command hands back to the action front end. */
export interface ActionResult {
  outputs: Record<string, string>;
  /** Markdown for the job summary. */
  summary: string;
  /** Set when the step must fail; the message is shown by setFailed. */
  failure?: string;
  /** The CLI exit code of the same outcome (10 alerted, 11 rolled back, ...); default 0 or 1. */
  exitCode?: number;
}

/** A command that only reads and formats may answer synchronously; the runner awaits either kind. */
export type ActionCommand = (ctx: ActionContext) => ActionResult | Promise<ActionResult>;

export function configLoader(inputs: CommonInputs): () => LoadedConfig {
  return () => {
    const config = loadConfig({
      configPath: inputs.config,
      envName: inputs.environment,
      baseUrl: inputs.baseUrl,
      cwd: inputs.workingDirectory,
      environment: inputs.environmentVariables,
    });
    setUserAgent(config.env.service.user_agent);
    return config;
  };
}
