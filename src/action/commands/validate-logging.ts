import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateLoggingCommand } from '../../commands/validate-logging.js';
import { logDir } from '../../config/state-dir.js';
import { fileStamp } from '../../domain/time/file-stamp.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';
import { maxSizeMbOption } from '../../options/values.js';

const ICON = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

/**
 * Inputs: environment, config, log-dir, and (when declared) strict, max-size-mb. The report JSON
 * is written beside the logs as logging_validation_<env>_<ts>.json (output report-path), a name
 * validate-logging itself never reads.
 */
export const validateLoggingAction: ActionCommand = async (ctx) => {
  const strict = booleanInput(ctx.core, 'strict');
  const maxSizeMb = maxSizeMbOption(optionalInput(ctx.core, 'max-size-mb'));
  const dir = logDir(ctx.inputs.workingDirectory, optionalInput(ctx.core, 'log-dir'));
  const config = ctx.loadConfig();
  const report = await validateLoggingCommand(
    config,
    { logDir: dir, strict, maxSizeMb },
    { clock: ctx.clock },
  );
  const reportPath = join(dir, `logging_validation_${config.envName}_${fileStamp(ctx.clock.now())}.json`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);

  for (const f of report.findings) {
    const properties = {
      title: `dhash logging: ${f.check}`,
      file: f.file ? join(dir, f.file) : undefined,
      startLine: f.line,
    };
    if (f.severity === 'error') ctx.core.error(f.message, properties);
    else if (f.severity === 'warning') ctx.core.warning(f.message, properties);
  }
  const summary = [
    `## dhash-rollout validate-logging: ${report.ok ? 'ok' : 'failed'} for \`${report.environment}\``,
    `\`${report.log_dir}\` · ${report.directory.detail} · ${report.counts.errors} errors, ${report.counts.warnings} warnings${report.strict ? ' · strict' : ''}`,
    report.files.length > 0
      ? table(
          ['file', 'kind', 'lines', 'invalid', 'size'],
          report.files.map((f) => [
            f.name,
            f.kind,
            f.lines,
            f.invalid_lines,
            `${(f.bytes / 1024).toFixed(1)} KiB`,
          ]),
        )
      : '_No log files to read._',
    report.findings.length > 0
      ? table(
          ['severity', 'check', 'where', 'finding'],
          report.findings.map((f) => [
            ICON[f.severity],
            f.check,
            f.file ? `${f.file}${f.line === undefined ? '' : `:${f.line}`}` : '',
            f.message,
          ]),
        )
      : '',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
  return {
    outputs: { result: report.status, environment: report.environment, 'report-path': reportPath },
    summary,
    failure: report.ok
      ? undefined
      : `logging validation failed: ${report.counts.errors} errors, ${report.counts.warnings} warnings${report.strict ? ' (strict)' : ''}`,
  };
};
