/**
 * Where a request goes, without a path or query that may carry a token: scheme and host. Used for
 * every log line and message that names an HTTP peer (the HTTP client, the channels' targets).
 */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid URL)';
  }
}
