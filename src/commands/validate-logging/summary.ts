import type { Finding } from '../../domain/log-validation/findings.js';
import type { LoggingReport } from '../validate-logging.js';

const MARK: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARN ', info: 'info ' };

function where(f: Finding): string {
  if (!f.file) return '';
  return f.line === undefined ? `${f.file}: ` : `${f.file}:${f.line}: `;
}

/** The human-readable report: the directory, each file read, then every finding. */
export function renderLoggingSummary(report: LoggingReport): string {
  const out: string[] = [];
  out.push(
    `Logging validation for "${report.environment}" in ${report.log_dir}${report.strict ? ' (strict)' : ''}`,
  );
  out.push(`  directory: ${report.directory.detail}`);
  if (report.files.length === 0) out.push('  files read: none');
  for (const f of report.files) {
    const state = f.invalid_lines === 0 ? 'ok' : `${f.invalid_lines} invalid`;
    out.push(
      `  ${f.kind.padEnd(13)} ${f.name}  ${f.lines} lines, ${state}, ${(f.bytes / 1024).toFixed(1)} KiB`,
    );
  }
  const shown = report.findings.filter((f) => f.severity !== 'info');
  const notes = report.findings.filter((f) => f.severity === 'info');
  if (shown.length > 0) {
    out.push('', 'Findings:');
    for (const f of shown) out.push(`  ${MARK[f.severity]} [${f.check}] ${where(f)}${f.message}`);
  }
  if (notes.length > 0) {
    out.push('', 'Notes:');
    for (const f of notes) out.push(`  ${MARK[f.severity]} [${f.check}] ${where(f)}${f.message}`);
  }
  const verdict = report.ok ? 'OK' : 'FAILED';
  const why = report.status === 'warnings' && report.strict ? ' (warnings fail in --strict mode)' : '';
  out.push(
    '',
    `${verdict}: ${report.counts.errors} error${report.counts.errors === 1 ? '' : 's'}, ${report.counts.warnings} warning${report.counts.warnings === 1 ? '' : 's'}${why}`,
  );
  return out.join('\n');
}
