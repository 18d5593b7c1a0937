/** One thing validate-logging noticed, with where it was found. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** Which check: directory, json_lines, size, fallback, secrets, selection. */
  check: string;
  message: string;
  file?: string;
  line?: number;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

export type LoggingStatus = 'ok' | 'warnings' | 'errors';

/** Warnings alone pass unless strict; strict makes them fail. */
export function loggingVerdict(
  counts: FindingCounts,
  strict: boolean,
): { status: LoggingStatus; ok: boolean } {
  const status: LoggingStatus = counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'ok';
  return { status, ok: status === 'ok' || (status === 'warnings' && !strict) };
}
