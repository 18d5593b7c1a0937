/**
 * How the report writes numbers, clock times and durations: one place, so the HTML page, the
 * chart labels and the job summary say the same thing the same way.
 */

/** A value for people: thousands grouped, at most two decimals, fewer as it grows. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A value with its unit: `4,875 ms`, `3.45%`, `32 items`. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'no data';
  const n = formatNumber(value);
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}

/** `23:45:55` (UTC). */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** `2026-11-28` (UTC). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `23:45:55 UTC, 2026-11-28`: a moment named once with its date. */
export function clockTimeWithDate(ms: number): string {
  return `${clockTime(ms)} UTC, ${utcDate(ms)}`;
}

/** `6.7 s`, `42 s`, `2 min 5 s`, `1 h 3 min`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 10) return `${(Math.round(s * 10) / 10).toString()} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const totalSeconds = Math.round(s);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) {
    const rest = totalSeconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}

/** A window length given in minutes: `30 s`, `5 min`. */
export function formatWindow(minutes: number): string {
  return formatDuration(minutes * 60_000);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
