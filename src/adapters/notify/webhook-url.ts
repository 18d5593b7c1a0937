import { isIP } from 'node:net';

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

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
