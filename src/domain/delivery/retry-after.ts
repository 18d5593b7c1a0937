/**
 * `Retry-After` as RFC 9110 §10.2.3 defines it: either delay-seconds (a non-negative integer) or
 * an HTTP-date. Some services send fractional seconds; those are accepted too. Returns the wait in
 * milliseconds from `nowMs`, or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // Only a date that names a weekday or month: Date.parse alone would accept "12" as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * Discord sends its wait in the JSON body as float seconds (`{"retry_after": 0.457, ...}`), which
 * is more precise than its integer Retry-After header; prefer it when present.
 */
export function parseDiscordRetryAfter(body: string): number | null {
  try {
    const parsed = JSON.parse(body) as { retry_after?: unknown } | null;
    const seconds = parsed?.retry_after;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
      return Math.ceil(seconds * 1000);
  } catch {
    /* not JSON: fall back to the header */
  }
  return null;
}
