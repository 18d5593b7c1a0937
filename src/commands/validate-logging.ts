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

type LogSelection = ReturnType<typeof selectLogs>;

/** What the checks share: the directory, and the findings and file reports gathered so far. */
interface LogCheck {
  config: LoadedConfig;
  dir: string;
  findings: Finding[];
  files: FileReport[];
}

/** The report must not overwrite one of the files it reports on. */
function refuseReportOverValidatedFile(
  options: ValidateLoggingOptions,
  dir: string,
  selection: LogSelection,
): void {
  if (!options.reportPath) return;
  const protectedNames = [...selection.allLogs, selection.fallback, selection.replayLedger]
    .filter((e) => e !== null)
    .map((e) => resolve(dir, e.name));
  if (protectedNames.includes(resolve(options.reportPath))) {
    throw new UsageError(
      `--report: ${options.reportPath} is one of the files being validated; choose another path`,
    );
  }
}

async function checkFile(
  c: LogCheck,
  name: string,
  bytes: number,
  kind: FileReport['kind'],
  contract: LineContract,
): Promise<void> {
  // A secret the redactor knows, or URL userinfo, left in a line: redaction would change the text.
  const containsSecret = (text: string) => c.config.redactor.text(text) !== text;
  const path = join(c.dir, name);
  try {
    const summary = await checkFileLines(path, name, contract, containsSecret);
    c.findings.push(...summary.findings);
    c.files.push({
      name,
      path,
      kind,
      bytes,
      lines: summary.lines,
      valid_lines: summary.validLines,
      invalid_lines: summary.invalidLines,
    });
    if (summary.lines === 0 && contract === 'log')
      c.findings.push({ severity: 'warning', check: 'json_lines', file: name, message: 'empty log file' });
  } catch (error) {
    c.findings.push({
      severity: 'error',
      check: contract === 'log' ? 'json_lines' : 'fallback',
      file: name,
      message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
  }
}

/** The newest logs of each kind, then what the selection could not find or name. */
async function checkLogs(c: LogCheck, selection: LogSelection, dirExists: boolean): Promise<void> {
  const { config, dir, findings } = c;
  for (const kind of Object.keys(selection.newest) as LogKind[]) {
    const newest = selection.newest[kind];
    if (newest.length === 0) {
      findings.push({
        severity: 'info',
        check: 'selection',
        message: `no ${kind} log for "${config.envName}" in ${dir}`,
      });
    }
    for (const entry of newest) await checkFile(c, entry.name, entry.bytes, kind, 'log');
  }
  if (dirExists && Object.values(selection.newest).every((list) => list.length === 0)) {
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
}

async function checkFallbackFiles(c: LogCheck, selection: LogSelection): Promise<void> {
  if (selection.fallback)
    await checkFile(c, selection.fallback.name, selection.fallback.bytes, 'fallback', 'fallback');
  else
    c.findings.push({
      severity: 'info',
      check: 'fallback',
      message: 'no notification_fallback.jsonl (no undelivered notifications recorded)',
    });
  if (selection.replayLedger)
    await checkFile(
      c,
      selection.replayLedger.name,
      selection.replayLedger.bytes,
      'replay_ledger',
      'replay_ledger',
    );
}

/** The files over the size limit, each with a finding. */
function checkSizes(c: LogCheck, selection: LogSelection, maxSizeMb: number): ReturnType<typeof oversized> {
  const maxBytes = maxSizeMb * 1024 * 1024;
  const tooBig = oversized(
    [...selection.allLogs, ...[selection.fallback, selection.replayLedger].filter((e) => e !== null)],
    maxBytes,
  );
  for (const entry of tooBig) {
    c.findings.push({
      severity: 'warning',
      check: 'size',
      file: entry.name,
      message: `${(entry.bytes / 1024 / 1024).toFixed(1)} MB, over the ${maxSizeMb} MB limit (rotate or archive it)`,
    });
  }
  return tooBig;
}

/**
 * `validate-logging`: are the logs an operator will rely on during an incident really there and
 * readable? Reads only; the one write is a probe temp file that is removed again.
 */
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
  const c: LogCheck = { config, dir, findings: [], files: [] };
  const { findings, files } = c;

  const probe = await probeLogDirectory(dir);
  if (probe.severity !== 'ok')
    findings.push({ severity: probe.severity, check: 'directory', message: probe.detail });

  const entries = await listDirectory(dir);
  const selection = selectLogs(entries, config.envName, perKind);
  refuseReportOverValidatedFile(options, dir, selection);
  await checkLogs(c, selection, probe.exists);
  await checkFallbackFiles(c, selection);
  const tooBig = checkSizes(c, selection, maxSizeMb);

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
