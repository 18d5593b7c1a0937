import { webhookUrlProblem } from '../webhook-url.js';
import type { ChannelVariable, SettingsContext } from './module.js';

/** The variable holding a channel's webhook URL: a secret, required. */
export function webhookVariable(name: string, input: string, description: string): ChannelVariable {
  return { name, input, secret: true, required: true, description };
}

/** The URL in `variable` if it is https (or allowed loopback http), else the problem naming it. */
export function webhookUrl(
  variable: string,
  vars: Readonly<Record<string, string | undefined>>,
  context: SettingsContext,
): { url: string } | string[] {
  const value = vars[variable];
  if (!value) return [`${variable} is not set`];
  const problem = webhookUrlProblem(variable, value, context.allowInsecureLoopback);
  return problem ? [problem] : { url: value };
}
