/** `YYYYMMDD_HHMMSS` in UTC: the stamp in backup and log file names. */
export function fileStamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-27T15:46:23.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** Parses a `YYYYMMDD_HHMMSS` stamp back to epoch ms, or null. */
export function parseFileStamp(stamp: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
