import { resolve, join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { LineContract } from '../domain/log-validation/line-checker.js';
import {
  countFindings,
  loggingVerdict,
  type Finding,
  type FindingCounts,
  type LoggingStatus,
} from '../domain/log-validation/findings.js';
import { oversized, selectLogs, type LogKind } from '../domain/log-validation/selection.js';
import type { Clock } from '../runtime/clock.js';
import { UsageError } from '../runtime/errors.js';
import { listDirectory, probeLogDirectory, type DirectoryProbe } from './validate-logging/directory.js';
import { checkFileLines } from './validate-logging/read-lines.js';

export const DEFAULT_MAX_SIZE_MB = 100;

export interface ValidateLoggingOptions {
  /** Absolute log directory. */
  logDir: string;
  strict: boolean;
  maxSizeMb?: number;
  /** How many of the newest logs of each kind to read line by line. Default 1. */
  newestPerKind?: number;
  /** Absolute path the report will be written to, if any (it must not be a file we validate). */
  reportPath?: string;
}

export interface FileReport {
  name: string;
  path: string;
  kind: LogKind | 'fallback' | 'replay_ledger';
  bytes: number;
  lines: number;
  valid_lines: number;
  invalid_lines: number;
}

export interface LoggingReport {
  ok: boolean;
  status: LoggingStatus;
  strict: boolean;
  environment: string;
  log_dir: string;
  checked_at: string;
  max_size_mb: number;
  directory: Omit<DirectoryProbe, 'severity'>;
  files: FileReport[];
  oversized: Array<{ name: string; bytes: number }>;
  findings: Finding[];
  counts: FindingCounts;
}

/**
 * `validate-logging`: are the logs an operator will rely on during an incident really there and
 * readable? Reads only; the one write is a probe temp file that is removed again.
 */
// eslint-disable-next-line max-lines-per-function -- not split yet: the log checks in order
export async function validateLoggingCommand(
  config: LoadedConfig,
  options: ValidateLoggingOptions,
  deps: { clock: Clock },
): Promise<LoggingReport> {
  const maxSizeMb = options.maxSizeMb ?? DEFAULT_MAX_SIZE_MB;
  if (!(maxSizeMb > 0))
    throw new UsageError(`--max-size-mb: expected a number greater than 0, got ${maxSizeMb}`);
  const perKind = options.newestPerKind ?? 1;
  const dir = options.logDir;
  const findings: Finding[] = [];

  const probe = await probeLogDirectory(dir);
  if (probe.severity !== 'ok')
    findings.push({ severity: probe.severity, check: 'directory', message: probe.detail });

  const entries = await listDirectory(dir);
  const selection = selectLogs(entries, config.envName, perKind);
  if (options.reportPath) {
    const protectedNames = [...selection.allLogs, selection.fallback, selection.replayLedger]
      .filter((e) => e !== null)
      .map((e) => resolve(dir, e.name));
    if (protectedNames.includes(resolve(options.reportPath))) {
      throw new UsageError(
        `--report: ${options.reportPath} is one of the files being validated; choose another path`,
      );
    }
  }

  // A secret the redactor knows, or URL userinfo, left in a line: redaction would change the text.
  const containsSecret = (text: string) => config.redactor.text(text) !== text;
  const files: FileReport[] = [];
  const check = async (name: string, bytes: number, kind: FileReport['kind'], contract: LineContract) => {
    const path = join(dir, name);
    try {
      const summary = await checkFileLines(path, name, contract, containsSecret);
      findings.push(...summary.findings);
      files.push({
        name,
        path,
        kind,
        bytes,
        lines: summary.lines,
        valid_lines: summary.validLines,
        invalid_lines: summary.invalidLines,
      });
      if (summary.lines === 0 && contract === 'log')
        findings.push({ severity: 'warning', check: 'json_lines', file: name, message: 'empty log file' });
    } catch (error) {
      findings.push({
        severity: 'error',
        check: contract === 'log' ? 'json_lines' : 'fallback',
        file: name,
        message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      });
    }
  };

  for (const kind of Object.keys(selection.newest) as LogKind[]) {
    const newest = selection.newest[kind];
    if (newest.length === 0) {
      findings.push({
        severity: 'info',
        check: 'selection',
        message: `no ${kind} log for "${config.envName}" in ${dir}`,
      });
    }
    for (const entry of newest) await check(entry.name, entry.bytes, kind, 'log');
  }
  if (probe.exists && Object.values(selection.newest).every((list) => list.length === 0)) {
    findings.push({
      severity: 'warning',
      check: 'selection',
      message: `no logs at all for "${config.envName}" in ${dir}`,
    });
  }
  for (const name of selection.oddlyNamed) {
    findings.push({
      severity: 'info',
      check: 'selection',
      file: name,
      message: 'not named <kind>_<env>_<YYYYMMDD_HHMMSS>.log; size checked only',
    });
  }

  if (selection.fallback)
    await check(selection.fallback.name, selection.fallback.bytes, 'fallback', 'fallback');
  else
    findings.push({
      severity: 'info',
      check: 'fallback',
      message: 'no notification_fallback.jsonl (no undelivered notifications recorded)',
    });
  if (selection.replayLedger)
    await check(selection.replayLedger.name, selection.replayLedger.bytes, 'replay_ledger', 'replay_ledger');

  const maxBytes = maxSizeMb * 1024 * 1024;
  const tooBig = oversized(
    [...selection.allLogs, ...[selection.fallback, selection.replayLedger].filter((e) => e !== null)],
    maxBytes,
  );
  for (const entry of tooBig) {
    findings.push({
      severity: 'warning',
      check: 'size',
      file: entry.name,
      message: `${(entry.bytes / 1024 / 1024).toFixed(1)} MB, over the ${maxSizeMb} MB limit (rotate or archive it)`,
    });
  }

  const counts = countFindings(findings);
  const verdict = loggingVerdict(counts, options.strict);
  const { severity: _severity, ...directory } = probe;
  return {
    ok: verdict.ok,
    status: verdict.status,
    strict: options.strict,
    environment: config.envName,
    log_dir: dir,
    checked_at: new Date(deps.clock.now()).toISOString(),
    max_size_mb: maxSizeMb,
    directory,
    files,
    oversized: tooBig.map((e) => ({ name: e.name, bytes: e.bytes })),
    findings,
    counts,
  };
}
