import type { CheckOutcome } from './checks.js';

export type SmokeStatus = 'passed' | 'warned' | 'failed';

export interface SmokeVerdict {
  status: SmokeStatus;
  /** A critical check failed: the service is not serving its core function. */
  criticalFailed: boolean;
  passed: number;
  warned: number;
  failed: number;
  /** One line for logs, notifications and the ServiceValidator's detail. */
  summary: string;
}

/**
 * Any failed check fails the run (a service that accepts garbage or serves its admin route openly
 * is not fit, even if it hashes); a warning (slow health) alone does not.
 */
export function smokeVerdict(outcomes: readonly CheckOutcome[]): SmokeVerdict {
  const ran = outcomes.filter((o) => o.status !== 'skipped');
  const failed = ran.filter((o) => o.status === 'fail');
  const warned = ran.filter((o) => o.status === 'warn');
  const passed = ran.filter((o) => o.status === 'pass');
  const criticalFailed = failed.some((o) => o.critical);
  const status: SmokeStatus = failed.length > 0 ? 'failed' : warned.length > 0 ? 'warned' : 'passed';
  const parts = [`${passed.length}/${ran.length} smoke checks passed`];
  if (failed.length > 0) parts.push(`failed: ${failed.map((o) => `${o.id} (${o.detail})`).join('; ')}`);
  if (warned.length > 0) parts.push(`warnings: ${warned.map((o) => `${o.id} (${o.detail})`).join('; ')}`);
  return {
    status,
    criticalFailed,
    passed: passed.length,
    warned: warned.length,
    failed: failed.length,
    summary: parts.join('; '),
  };
}

const MARK: Record<CheckOutcome['status'], string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: 'SKIP',
};

/** A plain-text table for terminals and logs: one row per check, fixed-width columns. */
export function renderSmokeTable(outcomes: readonly CheckOutcome[]): string {
  const rows = outcomes.map((o) => [
    MARK[o.status],
    o.critical ? 'critical' : '',
    o.id,
    o.elapsedMs === undefined ? '' : `${Math.round(o.elapsedMs)} ms`,
    o.detail,
  ]);
  const header = ['RESULT', 'LEVEL', 'CHECK', 'TIME', 'DETAIL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}
