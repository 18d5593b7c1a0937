import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MAX_SIZE_MB, validateLoggingCommand } from '../../commands/validate-logging.js';
import { renderLoggingSummary } from '../../commands/validate-logging/summary.js';
import { logDir } from '../../config/state-dir.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { print, type CliIo } from '../io.js';
import { maxSizeMbOption, numberOption } from '../../options/values.js';

interface ValidateLoggingFlags extends ConfigFlags {
  logDir?: string;
  strict?: boolean;
  maxSizeMb?: string;
  report?: string;
  json?: boolean;
  newest?: string;
}

const HELP = `
Checks: the log directory is writable (a temp file is created and removed); the newest
dhash_<env>_*.log, deploy_<env>_*.log and smoke_tests_<env>_*.log are JSON lines, each with an
ISO-8601 "timestamp", a "level" in DEBUG/INFO/WARN/ERROR/CRITICAL and a string "message", and no
unredacted secret; files over --max-size-mb are flagged; notification_fallback.jsonl parses line by
line and every line is replayable. It never writes into the fallback file or any log.

Exit codes: 0 ok (warnings allowed), 1 errors (or warnings with --strict), 2 bad flags or config.`;

export function registerValidateLogging(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('validate-logging')
      .description('Validate the JSON-lines logs and the notification fallback file of an environment.')
      .option('--log-dir <dir>', 'the log directory', 'monitor_logs')
      .option('--strict', 'warnings fail too (exit 1)')
      .option('--max-size-mb <n>', 'flag files larger than this', String(DEFAULT_MAX_SIZE_MB))
      .option('--newest <n>', 'how many of the newest logs of each kind to read', '1')
      .option('--report <file>', 'also write the report JSON to this file')
      .option('--json', 'print the report JSON instead of the summary')
      .addHelpText('after', HELP),
  ).action(async (flags: ValidateLoggingFlags) => {
    const maxSizeMb = maxSizeMbOption(flags.maxSizeMb);
    const newestPerKind = numberOption('newest', flags.newest, { min: 1, integer: true });
    const config = loadFromFlags(flags, io);
    const reportPath = flags.report === undefined ? undefined : resolve(io.cwd, flags.report);
    const report = await validateLoggingCommand(
      config,
      {
        logDir: logDir(io.cwd, flags.logDir),
        strict: flags.strict === true,
        maxSizeMb,
        newestPerKind,
        reportPath,
      },
      { clock: io.clock },
    );
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (reportPath) {
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, json);
    }
    if (flags.json) io.stdout.write(json);
    else {
      print(io, renderLoggingSummary(report));
      if (reportPath) print(io, `Report: ${reportPath}`);
    }
    if (!report.ok) io.exitCode = ExitCode.failed;
  });
}
