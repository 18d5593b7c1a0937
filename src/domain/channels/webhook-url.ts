import type { SettingsContext, Vars } from './channel-module.js';

/**
 * Webhook URLs carry their credential in the path, so they go over https only. Plain http is
 * allowed to loopback addresses alone, and only when the config says allow_insecure_loopback
 * (tests and local demos). Problems name the variable and never echo the URL.
 */
export function webhookUrlProblem(
  variable: string,
  value: string,
  allowInsecureLoopback: boolean,
): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${variable}: expected an https:// URL, got something that is not a URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname))
      return `${variable}: expected an https:// URL; plain http is allowed only for loopback hosts (got http://${url.host})`;
    if (!allowInsecureLoopback)
      return `${variable}: plain http to ${url.host} needs notifications.allow_insecure_loopback: true (tests and local demos only)`;
    return null;
  }
  return `${variable}: expected an https:// URL (got ${url.protocol})`;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_V4 = new RegExp(`^127(\\.${OCTET}){3}$`);

/** localhost, 127.0.0.0/8 or ::1 (as URL hostnames write them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (LOOPBACK_V4.test(host)) return true;
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** The URL in `variable` if it is https (or allowed loopback http), else the problem naming it. */
export function webhookUrl(
  variable: string,
  vars: Vars,
  context: SettingsContext,
): { url: string } | string[] {
  const value = vars[variable];
  if (!value) return [`${variable} is not set`];
  const problem = webhookUrlProblem(variable, value, context.allowInsecureLoopback);
  return problem ? [problem] : { url: value };
}

export { describeTarget } from '../url-target.js';

/** A webhook URL variable: a secret the channel cannot work without. */
export const webhookUrlVariable = (
  name: string,
  input: string,
  description: string,
  settingKeys: readonly string[] = ['webhook_url', 'url'],
) => ({ name, input, secret: true, required: true, description, settingKeys }) as const;

/** A plain (non-secret) variable. */
export const plainVariable = (
  name: string,
  input: string,
  required: boolean,
  description: string,
  settingKeys: readonly string[],
) => ({ name, input, secret: false, required, description, settingKeys }) as const;
