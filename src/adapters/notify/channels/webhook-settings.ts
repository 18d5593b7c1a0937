import { webhookUrlProblem } from '../webhook-url.js';
import type { SettingsContext } from './module.js';

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
